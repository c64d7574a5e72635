/**
 * Lines of a news page that read as sentences but are not a summary's: captions, credit lines, reader call-outs,
 * link prompts, a transcript's tags, a converted document's text. Pure functions on a sentence's text (without
 * its dateline) or on an article's sentences in order; `buildContext` (context.ts) keeps them out of the pool.
 */
import { MONTH_ANY_DOT, TITLE_ABBREVIATIONS, WEEKDAYS } from '../language/lexicon.js';
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

/**
 * A reader's call-out or a prompt of the page, not news: a phone number ("… can call the police at 335-5784",
 * "(555) 010-2030", "432-333-TIPS"); "Anyone with information …"; a link or video prompt in the imperative
 * ("Visit … for more on …", "Learn how …", "Watch the report …", "Sign up …"); readers' accounts announced
 * ("Readers have been describing …"); an update or editor's marker glued to a line ("Update: …", "Editor's note:
 * …"); a lead-in to a list or a quote block ("Following are reactions …", "Below is …").
 */
const PHONE =
  /(?<![\d-])(?:\(\d{3}\)\s*|\d{3}[- ])\d{3}-(?:\d{4}|[A-Z]{4})(?![\d-])|\b(?:call|contact|reach|reached|at|phone|tel|fax|hotline)\b[^.]{0,40}?(?<![\d-])\d{3}-\d{4}(?![\d-])/i;
const CALL_OUT = /^(?:anyone|those|people) (?:with|who has|who have) (?:any )?information\b/i;
const LINK_PROMPT =
  /^(?:Visit|Learn (?:how|more|why|what|about)|Click|Tap|Watch|Subscribe|Sign up|Find out|Check out|Download|Follow (?:us|@)|Like us|Share (?:this|your)|Listen to|Join (?:us|the conversation)|See (?:more|also|the full|our|photos|video|below|here)|Get (?:the latest|more|breaking))\b/;
const READERS_ANNOUNCED =
  /\breaders (?:have been|are|were) (?:describing|sending|sharing|telling|reacting)\b/i;
const MARKER =
  /^(?:update[sd]?|editor['’]s note|correction|clarification)\b(?:\s*\([^)]{0,40}\))?\s*[:—–]\s/i;
/** A wire dateline inside a line: a headline run into the lead ("… Woman Says BAKERSFIELD, Calif. (CN) - A …"). */
const INNER_DATELINE =
  /\p{Ll}[.,!?'’"”]?\s+[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:,\s+[A-Z][\p{L}.]+(?:\s+[A-Z][\p{L}.]+)?)?\s+\((?:AP|CN|CNN|AFP|Reuters|UPI)\)\s*(?:-{1,2}|—|–)\s/u;
/**
 * A live page's time stamp glued to an entry ("1630 The minister says …", "0907The BBC's …"): four digits of a
 * 24-hour time, not a year (19xx, 20xx are read as years), then a capital.
 */
const LIVE_TIME = /^(?:0\d|1[0-8]|2[1-3])[0-5]\d\s*(?=\p{Lu})/u;
const LEAD_IN = /^(?:following|below|here) (?:is|are)\b/i;
/**
 * A page's own lines the patterns above miss: a video widget's label ("EMBED More News Videos …"), an agency's
 * credit line ("NAME reported this story in …"), a reporter's video line ("The BBC's NAME reports from Glasgow.",
 * "NAME reports during Action News at 6pm …"), a staff line ("NAME is NBCNews.com's science editor.", "I'm NAME,
 * the BBC's medical correspondent."), a comment prompt ("… leave a comment.").
 */
const PAGE_OWN =
  /^EMBED\b|\breported this (?:story|report)\b|^(?:The \p{Lu}[\p{L}.]*['’]s\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}reports (?:from|during)\b(?![^.]*\b(?:that|said|says)\b)[^;]{0,60}\.$|^(?:I['’]m\s+|I am\s+|(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}is\s+)[^;]{0,50}['’]s\s+(?:[\p{L}-]+\s+){0,3}(?:editor|correspondent|reporter|writer|columnist|producer)\.$|\bleave a comment\b/u;
/** A gallery's counter glued to its caption ("Hide Caption 9 of 23 Photos: …", "… 4 of 12 Photos …"). */
const GALLERY = /\bHide Caption\b|\b\d+ of \d+ Photos?\b/;
/**
 * A page's time stamp inside a line: a headline and standfirst run into the lead by their date and time
 * ("… by human rights groups Sunday 3 April 2005 02.26 BST One of the …").
 */
const GLUED_STAMP = new RegExp(
  `\\b(?:${WEEKDAYS.join('|')}) \\d{1,2} ${MONTH_ANY_DOT} \\d{4} \\d{1,2}[.:]\\d{2} (?:BST|GMT|CET|EST|EDT)\\b`,
  'u',
);
/**
 * Two lines run together: a lower-case word, then a capitalised pronoun and a lower-case word, which no sentence
 * has ("… Canada's native peoples It is unclear why …", "… and vomiting  It can be …"): a headline or a caption
 * and its text, or two sentences whose full stop was lost.
 */
const RUN_TOGETHER = /\p{Ll}{3,}\s+(?:It|He|She|They|We|There|Its|His|Her|Their)\s+\p{Ll}/u;

/**
 * A photo's caption that the page did not mark: a date and a colon before it ("July 17, 2010: The stack is shown
 * …"), "is pictured", or a subject then a present-tense verb of what a picture shows, with no reporting verb
 * ("A man holds up a copy of …", "Dead fish lie in oil …", "A visitor arrives at …"): news is told in the past
 * or with its source, a picture in the present.
 */
const DATE_COLON = new RegExp(`^${MONTH_ANY_DOT}\\s+\\d{1,2},\\s+\\d{4}:\\s`, 'u');
const PICTURED = /\b(?:is|are) pictured\b|\b(?:is|are) shown (?:at|in|on|here|during|outside|inside)\b/;
const PICTURE_VERB =
  /^(?!(?:and|but|if|when|how|as|because|while|he|she|they|it|i|we|you|this|that)\b)(?:[\p{L}\d.'’-]+\s+){1,5}?(?:holds? (?:up|aloft|a (?:sign|photo|picture|copy|banner|placard|candle|flag))|poses? (?:for|with|in|at)\b|stands? (?:in|on|near|outside|beside|next to|among|behind|in front of|amid)\b|sits? (?:in|on|at|near|outside|beside|next to|among|behind|in front of)\b|lies? (?:on|near|beside|amid|among)\b|walks? (?:past|along|through|by|down|across)\b|looks? on\b|gestures? (?:to|at|as|while|during)\b|arrives? (?:at|for)\b|pass(?:es)? (?:graffiti|a|the|by)\b|gathers? (?:at|in|outside|around)\b|prays? (?:at|in|for|during)\b|kneels?\b|hugs?\b|mourns?\b|reacts? (?:after|as|to|during)\b)/iu;
const REPORTED =
  /\b(?:said|says|told|according to|will|would|has|have|had|can|cannot|may|might|must|could|should|not)\b|n['’]t\b/;

/** A verbless photo line: a name, a comma and where or when it shows them ("Jane Roe, in court on Monday."). */
const NAME_THEN_SCENE =
  /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’-]*,\s+(?:in|at|on|during|with|after|before|outside|inside|left|right|center|centre)\b(?![^.]*\b(?:is|was|were|are|has|had|have|said|says|will|would|did|does|do)\b)[^,;:]*\.$/u;
/** A picture named as what the line shows: "An official product shot of …", "A screenshot of …". */
const PICTURE_OF =
  /^(?:An?|The)\s+(?:[\p{L}-]+\s+){0,2}(?:shot|photo|photograph|image|screenshot|rendering|frame grab) of\b(?![^.]*\b(?:is|was|were|are|has|had|have|said|says|will|would|shows|showed|went|became)\b)/u;

function pictureCaption(text: string): boolean {
  return (
    DATE_COLON.test(text) ||
    PICTURED.test(text) ||
    NAME_THEN_SCENE.test(text) ||
    PICTURE_OF.test(text) ||
    (PICTURE_VERB.test(text) && !REPORTED.test(text))
  );
}

export function notASummaryLine(text: string): boolean {
  return (
    SPEAKER_TAG.test(text) ||
    DATED_ENTRY.test(text) ||
    PLACE_THEN_BROADCASTER.test(text) ||
    CONTRACTED_POINTER.test(text) ||
    pageLine(text) !== undefined
  );
}

/** Why a line is the page's and not news (see above), or undefined. */
export function pageLine(
  text: string,
): 'furniture' | 'caption' | 'byline' | 'lead-in' | 'run-in' | undefined {
  if (
    PHONE.test(text) ||
    CALL_OUT.test(text) ||
    LINK_PROMPT.test(text) ||
    READERS_ANNOUNCED.test(text) ||
    PAGE_OWN.test(text)
  )
    return 'furniture';
  if (MARKER.test(text) || INNER_DATELINE.test(text) || LIVE_TIME.test(text) || GLUED_STAMP.test(text))
    return 'byline';
  if (GALLERY.test(text)) return 'caption';
  if (RUN_TOGETHER.test(text)) return 'run-in';
  if (LEAD_IN.test(text)) return 'lead-in';
  if (pictureCaption(text)) return 'caption';
  return undefined;
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

/** A sentence cut after a title's abbreviation ("… names Secretary John Kerry and Sens."): the split is wrong. */
const ENDS_ON_TITLE = new RegExp(
  `(?<!,\\s)\\b(?:(?:sen|rep|dr)s?|${TITLE_ABBREVIATIONS.filter((t) => !['jr', 'sr', 'st', 'pres', 'sen', 'rep', 'dr'].includes(t)).join('|')})\\.$`,
  'i',
);
/** A sentence that is a quotation and nothing else ("“I was checking her out, if you know what I mean?”"). */
const QUOTE_ONLY = /^["“][^"“”]*["”]$/;
/** A speaker and a verb of saying with no quotation of its own ("Chaney wrote in the comments …"). */
const BARE_ATTRIBUTION = new RegExp(
  `^(?!.*\\bthat\\b)(?:\\p{Lu}[\\p{L}.'’-]*\\s+){1,3}(?:(?:wrote|said|says|added|tweeted|posted|replied|joked)(?:[.,]?$|\\s+(?:in|on|at|to|during|after|before|when|while|as|from|via|yesterday|today|earlier|later|recently|${WEEKDAYS.join('|')})\\b)|told(?:\\s+\\p{Lu}[\\p{L}.'’-]*){1,3}\\.?$)[^"“”]*$`,
  'u',
);

/**
 * Sentences of a wrong split, in article order: both halves of a sentence cut after a title's abbreviation
 * ("… and Sens. | John McCain (R-Ariz.) and … as “domestic enemies.”"), and an attribution split from the
 * quotation it closes ("“…?” | Chaney wrote in the comments section …"), which reads as a fragment alone.
 * Linear.
 */
export function wrongSplits(sentences: Sentence[]): Set<Sentence> {
  const out = new Set<Sentence>();
  for (let k = 0; k + 1 < sentences.length; k++) {
    const [a, b] = [sentences[k], sentences[k + 1]];
    if (a.articleId !== b.articleId) continue;
    const prev = a.text.trim();
    if (ENDS_ON_TITLE.test(prev)) {
      out.add(a);
      out.add(b);
    } else if (QUOTE_ONLY.test(prev) && BARE_ATTRIBUTION.test(b.text.trim())) out.add(b);
  }
  return out;
}
