/**
 * Photo captions run into a page's text: "A police officer wears a mask in Mexico City April 24, 2009."
 * A caption ends on the full date the picture was taken, with no preposition before it; a news sentence
 * that ends on a date leads up to it ("… takes effect on January 1, 2010."). Pure.
 */

import { MONTH_ANY_DOT, WEEKDAYS_LOWER } from '../language/lexicon.js';

const MONTH = MONTH_ANY_DOT;
/**
 * The word before a full date at the end, the date, and a photo credit after it, if any. The word must start
 * where a word starts (the look-behind): otherwise a search tried every letter of a long word as a start and
 * read on to the word's end each time, quadratic in its length (40,000 letters took 3 s). The match and its
 * word are the same, since a start inside a word fails exactly when the word's own start does.
 */
const DATE_AT_END = new RegExp(
  `(?<![\\p{L}\\p{N}'’])([\\p{L}\\p{N}'’]+)[,]?\\s+(?:${MONTH}\\s+\\d{1,2},\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})\\.?\\s*(?:\\(?(?:REUTERS|Reuters|AP|AFP|Getty Images)\\b[^()]{0,60}\\)?\\.?)?\\s*$`,
  'u',
);
/** Words that lead up to a date in a news sentence ("on", "until", "dated"), and the date's own weekday. */
const LEADS_UP = new RegExp(
  `^(?:on|since|until|till|by|from|to|before|after|of|in|through|dated|between|and|or|than|as|at|for|${WEEKDAYS_LOWER.join('|')})$`,
  'i',
);

/**
 * A picture's credit or its caption's own words: "AP Photo", "Getty Images", "REUTERS/…", "Photograph: …",
 * "file photo", "… is pictured", and a caption's opening "In this … photo" or a player's "CLOSE" label.
 */
const PHOTO_WORDS =
  /\b(?:AP Photo\b|Getty Images\b|REUTERS\/|AFP\/|Photograph:|Photo:|file photo\b|pictured\b)|^In (?:this|these|an?) [^.]{0,80}?\b(?:photos?|photographs?|pictures?|images?)\b/i;
/** A gallery caption's date label: "July 17: Work boats operate …". */
const DATE_LABEL = new RegExp(`^${MONTH}\\s+\\d{1,2}:\\s+\\p{Lu}`, 'u');
/** A video player's label left before the caption, in capitals. */
const PLAYER_LABEL = /^CLOSE\s+\p{Lu}/u;
/** A slide show's counter before its caption: "10/18 On …" (the first number no larger; "9/11" is a date). */
const SLIDE_LABEL = /^(\d{1,3})\/(\d{1,3})\s+\p{Lu}/u;
const isSlideLabel = (text: string): boolean => {
  const m = SLIDE_LABEL.exec(text);
  return !!m && m[0].slice(0, 4) !== '9/11' && Number(m[1]) <= Number(m[2]) && Number(m[1]) > 0;
};
/**
 * A caption run into the text with no full stop: a lower-case word, then "The"/"A"/"An" in capitals and a
 * lower-case word ("… is tracking swine flu's spread The number of cases …", "… some 2,000 passengers A cruise
 * ship …"). The words before a capital letter name a thing that takes one ("type A flu", "Plan A is").
 * The look-behind starts the word where a word starts (see DATE_AT_END).
 */
const RUN_IN = /(?<![\p{L}\p{N}'’])(\p{Ll}[\p{L}'’]*)\s(?:The|An?)\s[\p{Ll}"“]/u;
const TAKES_A_LETTER =
  /^(?:a|an|the|straight|type|types|vitamin|plan|class|grade|group|category|hepatitis|part|section|exhibit|option|schedule|model|size|division|league|series|level|tier|stage|phase|article|appendix|annex|figure|table|chapter|box|row|block|wing|gate|terminal|platform|floor|line|route|list|side|track|version|day|team|unit|ward|zone|area|building|hall|pool|pot|letter|grades|blood|brand|shares|stock|rated|no|number)$/i;
const runInCaption = (text: string): boolean => {
  const m = RUN_IN.exec(text);
  return !!m && !TAKES_A_LETTER.test(m[1]);
};

/** Whether a text carries a picture's credit or caption words. */
export const hasPhotoMark = (text: string): boolean =>
  PHOTO_WORDS.test(text) || PLAYER_LABEL.test(text) || DATE_LABEL.test(text) || isSlideLabel(text);

/**
 * Whether a sentence is a photo caption or carries one: it ends on a full date not led up to by a
 * preposition, it carries a picture's credit or caption words, or a caption runs into it with no full stop.
 */
export function isCaption(sentence: string): boolean {
  const t = sentence.trim();
  if (hasPhotoMark(t) || runInCaption(t)) return true;
  const m = DATE_AT_END.exec(t);
  return !!m && !LEADS_UP.test(m[1]);
}
