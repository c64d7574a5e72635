/**
 * Lines of a news page that read as sentences but are not a summary's: captions, credit lines, reader call-outs,
 * link prompts, a transcript's tags, a converted document's text. Pure functions on a sentence's text (without
 * its dateline) or on an article's sentences in order; `buildContext` (context.ts) keeps them out of the pool.
 */
import { MONTH_ANY_DOT, WEEKDAYS } from '../language/lexicon.js';
import type { Sentence } from '../model.js';

/**
 * Lines of a page that read as sentences but are not a summary's (each checked on the text without its
 * dateline): a speaker's tag of a transcript or interview ("TRUMP: Well, …", "MB: The objects …"); an entry of a
 * dated list ("February 24 - Militias take …"); a broadcaster's tag after a place the dateline reader did not
 * take ("Salahuddin, Libya (CNN) -- It's …"); an opener that points back or at the page with a contraction
 * ("That's when …", "Here's what …").
 */
const SPEAKER_TAG = /^(?:[A-Z][A-Z.'’-]*\s+){0,3}[A-Z][A-Z.'’-]+:\s/;
const DATED_ENTRY = new RegExp(
  `^(?:${MONTH_ANY_DOT}\\s+\\d{1,2}|\\d{1,2}\\s+${MONTH_ANY_DOT})(?:,?\\s+\\d{4})?\\s*[-–—]\\s`,
  'u',
);
const PLACE_THEN_BROADCASTER = /^(?:\p{Lu}\p{Ll}[\p{L}.'’-]*,?\s+){1,4}\((?:CNN|AP|AFP|Reuters)\)/u;
const CONTRACTED_POINTER = /^["“]?(?:that|here|there)['’]s\s+(?:when|why|how|what|where|because|a look)\b/i;

export function notASummaryLine(text: string): boolean {
  return (
    SPEAKER_TAG.test(text) ||
    DATED_ENTRY.test(text) ||
    PLACE_THEN_BROADCASTER.test(text) ||
    CONTRACTED_POINTER.test(text)
  );
}

/**
 * A news photo's caption: the place, then the weekday and full date after a comma, at the end ("… in Manama,
 * Bahrain, Saturday, Feb. 19, 2011."; "… Friday, May, 2 2014."), where a news sentence leads up to a date ("on
 * Saturday, Feb. 19"); a picture's own words ("is shown in this … photo", "(left)"); a figure's label; a gallery's
 * button glued to its caption ("View Images An artist's depiction of …").
 */
const CAPTION_LIKE = new RegExp(
  `,\\s+(?:${WEEKDAYS.join('|')}),?\\s+${MONTH_ANY_DOT},?\\s+\\d{1,2},?\\s+\\d{4}\\.?\\s*$|\\b(?:is|are) (?:shown|seen|pictured) in this\\b|\\((?:left|right|centre|center|top|bottom|far left|far right)\\)|^Fig(?:ure)?s?\\.?\\s+\\d|^View (?:Images|Photos|Gallery)\\b`,
  'u',
);
/**
 * A scientific paper's or a converted document's text, not a sentence: brackets left open or closed from another
 * sentence ("… (Fig. 5a–d; Supplementary Figs."), a reference to a figure ("… (Fig. 1a–c)."), a line that opens with a figure's or a list's number ("1–5;
 * Supplementary …", "5e–h, 6; …"), reference numbers glued to words ("… as ornaments1,2,28 …").
 */
const DOCUMENT_TEXT =
  /^\d+[a-z]?\s*[–-]|\b(?:Figs?|Refs?|Eqs?)\.$|\((?:Supplementary )?(?:Figs?|Tables?)\.?\s|(?<![\p{L}\p{N}])\p{L}\p{Ll}{5,}\d{1,3}(?:,\d{1,3})*(?=[\s.,;:)]|$)/u;

export function captionOrDocumentText(text: string): boolean {
  if (CAPTION_LIKE.test(text) || DOCUMENT_TEXT.test(text)) return true;
  const open = text.split('(').length - 1;
  return open !== text.split(')').length - 1;
}

/** A photo's credit line: "(Photo by … for The Washington Post)", "(AP Photo/Evan Vucci)", "Photo: Getty". */
const PHOTO_CREDIT =
  /^\(?(?:(?:AP|AFP|Reuters|Getty|EPA|Associated Press)\s+Photos?\b|(?:Photo|Photograph|Image|Picture)s?(?:\s+(?:by|courtesy|credit)\b|\s*:)|Credit\s*:)/i;

/**
 * The sentences a photo's credit line follows in their article: a caption ("Mike Brown points to the gold
 * ring …" then "(Photo by …)"). `sentences` in article order; linear.
 */
export function creditedCaptions(sentences: Sentence[]): Set<Sentence> {
  const out = new Set<Sentence>();
  for (let k = 0; k + 1 < sentences.length; k++)
    if (sentences[k + 1].articleId === sentences[k].articleId && PHOTO_CREDIT.test(sentences[k + 1].text))
      out.add(sentences[k]);
  return out;
}

