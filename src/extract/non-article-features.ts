/**
 * What the non-article decision (src/extract/non-article.ts) reads of a page: its sentences sorted into running
 * prose, furniture by kind (error, wall, widget, crawl, social and index phrases) and the rest, and a row of
 * numeric features for the learned combiner (NON_ARTICLE_FEATURES, in row order). Computed from the extracted
 * paragraphs alone, so every input kind (HTML, scraped text, JSON Lines records, feed items) is read the same
 * way. Pure and linear in the text.
 */
import { splitSentences } from '../language/sentences.js';
import { hasUnspacedScript, isAsciiLetterCode, isSpaceCode, wordCount } from './text-length.js';

export type NonArticleReason =
  | 'error page'
  | 'wall'
  | 'widget'
  | 'crawl notice'
  | 'social notice'
  | 'index page'
  | 'too little prose';

export type FurnitureKind = Exclude<NonArticleReason, 'too little prose'>;

/**
 * Index furniture of a listing (matched on the lower-cased sentence): a video list's stamps ("updated: Wed Jun 06
 * 2012 23:03:00"), a broadcaster's schedule and programme pages ("First broadcast BBC Radio 4", "Available until
 * 12:00"), a live page of headlines. Unlike the other index phrases (a newsletter sign-up, "explore all of our
 * graphics"), which articles carry too, no labelled article holds one: the features count them apart.
 */
const LISTING =
  /\bupdated: (?:mon|tue|wed|thu|fri|sat|sun) [a-z]{3} \d{1,2} \d{4}\b|\bprogramme information\b|\bskip to a day of the week\b|\bfirst broadcast (?:on )?bbc\b|\bavailable until \d{1,2}:\d{2}\b|\bthis live page is part of\b/;

/**
 * A dateline that names a news agency in brackets, one word ("ISTANBUL (Reuters) -- …", "HOUSTON, May 8 (AP) -"):
 * one opens a wire report; a correspondent's page or a teaser run holds one per teaser (6 to 8 on a Reuters author
 * page; no labelled article more than 3).
 */
const AGENCY_DATELINE =
  /(?:^|[\s.…])[A-Z][A-Z'./-]{2,}(?: [A-Z][A-Z'./-]+){0,3}(?:, [A-Z][a-z]+\.?(?: \d{1,2})?){0,2} \(\p{Lu}[\p{L}.&-]{1,15}\) ?(?:--|—|–|-)/gu;

/** Phrases that mark a sentence as page furniture of one kind. Matched on the lower-cased sentence. */
const FURNITURE: [FurnitureKind, RegExp[]][] = [
  [
    'error page',
    [
      /\b(?:this|the requested|the) (?:page|file|article|story|content|url|link)(?: (?:you|that you) (?:requested|were looking for|are looking for|tried to (?:open|reach)))? (?:(?:could|can)(?: ?not|n't) be found|was not found|does(?: ?not|n't) exist|is no longer (?:available|online)|(?:has|had) been (?:removed|deleted|taken down)|(?:has )?expired)\b/,
      /^(?:error )?(?:404|410|500|503)\b|\berror (?:404|410|500|503)\b|\b(?:404|410) (?:error|not found|page)\b/,
      /^(?:page not found|not found|oops\b)/,
      /\bwe (?:can(?: ?not|'t)|could(?: ?not|n't)) find (?:the|that|this|what) (?:page|you)/,
      /\bthe (?:server|site|service) (?:encountered an error|is (?:temporarily |currently )?(?:unavailable|down))/,
      /\bsomething went wrong\b/,
    ],
  ],
  [
    'wall',
    [
      /\b(?:enable|turn on|activate|allow) javascript\b|\bjavascript (?:is )?(?:disabled|required|must be (?:turned on|enabled))/,
      /\b(?:log|sign) ?in to (?:continue|read|view|access|see)\b|\byou must be (?:logged|signed) in\b/,
      /\b(?:subscribe|subscription) (?:now )?to (?:continue|read|keep reading|unlock)\b|\balready a (?:subscriber|member)\b|\bto continue reading\b/,
      /\b(?:available|reserved|open) (?:only )?(?:to|for) (?:subscribers|members|premium)\b|\bsubscribers? only\b/,
      /\b(?:we|this (?:site|website)) uses? cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:settings|consent|preferences)\b/,
      /\bfor your personal,? non-commercial use only\b|\border (?:presentation-ready )?(?:copies|reprints)\b/,
      /\byour browser (?:does ?not|doesn't|is not|isn't) support|\b(?:update|upgrade) your browser\b|\bad ?blocker\b/,
      /\bare you a robot\b|\bverify (?:that )?you are (?:a )?human\b/,
      /\bscreen name\b|\b(?:reset|forgot(?:ten)?) (?:code|(?:your )?password)\b|\benter your e-?mail address\b|\bby clicking\b[^.]{0,60}\b(?:agree|accept|consent)\b/,
    ],
  ],
  [
    'widget',
    [
      /\btranscript could not be loaded\b|\brating is available when\b|\bthis feature is not available right now\b/,
      /\b(?:can ?not|cannot|unable to|could not) (?:play|load) (?:this )?(?:media|video|audio)\b/,
      /\b(?:this )?(?:media|video|content) is (?:not|no longer) available\b/,
      /\bflash player\b|\bclick the button below to install\b|\bwhen autoplay is on\b/,
      /^published on [a-z]{3,9}\.? \d/,
      /\bview this (?:post|tweet|photo|video) on\b|\ba post shared by\b|\bpic\.twitter\.com\//,
      /\bfollow (?:events |it |the story )?live\b/,
    ],
  ],
  [
    'crawl notice',
    [
      /\bwayback machine\b|\binternet archive\b|\balexa internet\b/,
      /\bcrawl(?:s|ed|er|ing)?\b[^.]{0,80}\barchiv|\barchiv\w*\b[^.]{0,80}\bcrawl/,
    ],
  ],
  [
    'social notice',
    [
      /\btweet with a location\b|\badd a location to your tweets\b/,
      /\blocation (?:information|history)\b[^.]{0,80}\btweets?\b|\btweets?\b[^.]{0,80}\blocation (?:information|history)\b/,
    ],
  ],
  [
    'index page',
    [
      /\bclick (?:on )?(?:the links?|any (?:image|picture|photo)|a thumbnail)\b/,
      /\ball (?:posts|stories|articles) (?:on|by|in|tagged)\b/,
      /\b(?:load|show|see) more (?:stories|articles|results|posts)\b/,
      /\bbrowse (?:all|our|the) (?:stories|articles|archive|sections)\b/,
      /\b(?:explore|browse|view|see) all (?:of )?our\b|\bdelivered to your inbox\b|\bsign up for (?:our|the)\b[^.]{0,30}\bnewsletters?\b/,
      LISTING,
    ],
  ],
];

/** A sentence of running prose: enough words, mostly lower-case words, ending like a sentence. */
const MIN_PROSE_WORDS = 6;

/** The furniture kinds, in the order of their feature columns. */
export const FURNITURE_KINDS: readonly FurnitureKind[] = FURNITURE.map(([kind]) => kind);

export interface PageShape {
  /** Sentences of running prose (not furniture) and their words. */
  proseSentences: number;
  proseWords: number;
  /** Furniture sentences and their words, with the most frequent kind. */
  furnitureSentences: number;
  furnitureWords: number;
  furniture?: FurnitureKind;
  /** Furniture sentences of each kind. */
  byKind: Partial<Record<FurnitureKind, number>>;
  /** Every sentence and word, and the paragraphs. */
  sentences: number;
  words: number;
  paragraphs: number;
  /** Paragraphs of fewer than six words (menu items, labels, headings). */
  shortParagraphs: number;
  /** Questions that read as prose. */
  questions: number;
  /** Sentences cut off as teasers ("… read more", a trailing ellipsis). */
  teasers: number;
  /** Sentences that open with a date label ("March 24: …", "Sept. 7, 2008 - …"): a list of dated items. */
  datedLines: number;
  /** Words addressing the reader (you, your; Sie, Ihr, du; vous) and speaking for the site (we, our; wir; nous). */
  addressWords: number;
  weWords: number;
  /** Shop and booking phrases (add to cart, shipping, per night; Warenkorb, Versand, pro Nacht). */
  commerce: number;
  /** Words that start with a capital after the first word of their sentence. */
  capitalWords: number;
  /** Datelines past the page's opening ("… weighs in NEW ORLEANS -- Relatives …"): one report after another. */
  innerDatelines: number;
  /** Datelines naming a news agency in brackets, anywhere (AGENCY_DATELINE). */
  agencyDatelines: number;
  /** Index furniture sentences of a listing (LISTING: a schedule, a video list, a live page of headlines). */
  listingLines: number;
  /** Distinct capitalized words after a sentence start, and those of them seen only once on the page. */
  names: number;
  singleNames: number;
  /** Sentences after the first with three or more content words, and those sharing none with any earlier one. */
  topicSentences: number;
  topicShifts: number;
}

const wordsOf = wordCount;

/** The words of a sentence that start with a lower-case letter: `(?:^|\s)\p{Ll}` counted, stopping at `enough`. */
function lowerStarts(sentence: string, enough: number): number {
  let n = 0;
  for (let i = 0; i < sentence.length && n < enough; i++) {
    if (i > 0 && !isSpaceCode(sentence.charCodeAt(i - 1))) continue;
    const c = sentence.charCodeAt(i);
    if (c >= 97 && c <= 122) n++;
    else if (c >= 128 && /^\p{Ll}/u.test(sentence.slice(i, i + 2))) n++;
  }
  return n;
}

/** A token without the non-letters at its ends (an ASCII letter at both ends needs no regex). */
const bareToken = (t: string) =>
  isAsciiLetterCode(t.charCodeAt(0)) && isAsciiLetterCode(t.charCodeAt(t.length - 1))
    ? t
    : t.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** The longest word of ADDRESS and WE: a longer token is neither. */
const LONGEST_PRONOUN = 8;

/** Every furniture pattern in one: most sentences match none, and one scan says so. */
const ANY_FURNITURE = new RegExp(
  FURNITURE.flatMap(([, res]) => res.map((re) => `(?:${re.source})`)).join('|'),
);

/**
 * Words at least one of which every FURNITURE pattern needs (a literal each of its alternatives holds): a
 * sentence with none of them matches no pattern, and this scan is cheaper than the patterns'. Keep in step
 * with FURNITURE (the unit test checks one sentence per pattern).
 */
const FURNITURE_WORDS =
  /found|exist|available|online|removed|deleted|taken down|expired|404|410|500|503|oops|find|the serv|the site|encountered|went wrong|javascript|in to|must be|subscri|already a|continue reading|members|premium|cookie|non-commercial|copies|reprints|browser|blocker|robot|human|transcript|rating|feature|media|video|audio|flash player|button below|autoplay|published on|view this|shared by|pic\.twitter\.com|follow|wayback|internet|crawl|location|click|updated: |programme information|skip to a day|first broadcast|available until|live page is|all posts|all stories|all articles|more stories|more articles|more results|more posts|browse|all our|all of our|inbox|newsletter|screen name|password|reset code|mail address|by clicking/;

/** The furniture kind a sentence's phrases name, if any. */
export function furnitureKind(sentence: string): FurnitureKind | undefined {
  const lower = sentence.toLowerCase();
  if (!FURNITURE_WORDS.test(lower) || !ANY_FURNITURE.test(lower)) return undefined;
  for (const [kind, patterns] of FURNITURE) if (patterns.some((re) => re.test(lower))) return kind;
  return undefined;
}

/** Lines that are never prose, whatever their length: credit lines and code ("Photograph: …", `{"title": …`). */
const NEVER_PROSE =
  /^(?:photographs?|photos?|pictures?|images?|graphics?|sources?|credits?|video)\s*:|\{\s*"\w+"\s*:/i;

/**
 * Whether a sentence reads as running prose: enough words, lower-case words among them (in a cased script),
 * and a sentence end. Questions count only when statements are not outnumbered by them (see pageShape).
 */
function isProse(sentence: string): boolean {
  if (wordsOf(sentence) < MIN_PROSE_WORDS || NEVER_PROSE.test(sentence)) return false;
  const end = endsWith(sentence.trim(), SENTENCE_STOPS);
  if (hasUnspacedScript(sentence)) return end;
  return end && lowerStarts(sentence, 3) >= 3;
}

/** Statements inside a sentence of an unspaced script, which the splitter keeps whole ("…。…。"). */
const innerStatements = (sentence: string) =>
  hasUnspacedScript(sentence) ? (sentence.match(/[。！？](?=.)/gu)?.length ?? 0) : 0;

const TEASER = /(?:\.\.\.|…)["'”’)]?$|\.\.\.\s*read more\b|\bread more(?:\.\.\.|…)?$/i;
/** A teaser cut off inside what the splitter kept as one sentence ("…the fishing boats and volunteers... Judge"). */
const INNER_TEASER = /\w(?:\.\.\.|…) \p{Lu}/u;
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATED_LINE = new RegExp(
  `^(?:${MONTH} \\d{1,2}(?:, \\d{4})?\\s*[:,-]|\\d{1,2} ${MONTH}(?: \\d{4})?\\s*[:,-])`,
  'i',
);
/**
 * A dateline inside a text: an upper-case place, up to two more parts (a country, a date: ", Libya, Aug 18"), then
 * a double dash or a dash, or an agency in brackets and a hyphen ("ZAWIYAH, Libya (Reuters) - Rebels …"). A time
 * zone is no place ("8:02 a.m. EDT -- Plane lands": a timeline's line).
 */
const INNER_DATELINE =
  /(?:^|[\s.…])(?!(?:[ECMP][SD]T|GMT|BST|UTC|CET|CEST)\b)[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,3}(?:, [A-Z][a-z]+\.?(?: \d{1,2})?){0,2}(?:(?: \([^()\n]{1,40}\))? (?:--|—|–)| \([^()\n]{1,40}\) -) (?=["“]?\p{Lu})/gu;
/** A content word for the topic-shift count: five letters or more, lower case. */
const CONTENT_WORD = /^\p{Ll}{5,}$/u;
/** CONTENT_WORD, answered without the regex for a word of ASCII letters. */
function isContentWord(w: string): boolean {
  if (w.length < 5) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) continue;
    return c < 128 ? false : CONTENT_WORD.test(w);
  }
  return true;
}
const ADDRESS = new Set(
  'you your yours yourself sie ihr ihre ihnen ihren du dein deine dich dir euch vous votre vos'.split(' '),
);
const WE = new Set('we our ours us wir unser unsere unseren uns nous notre nos'.split(' '));

/** Marks that may close a sentence after its stop: quotes, brackets. */
const SENTENCE_CLOSERS = new Set('"\'”’)]」』');
const SENTENCE_STOPS = new Set('.!?…。！？');
const QUESTION_MARKS = new Set('?？');
/** Whether a text ends in one of the stops, then closing marks at most (`/[stops]["'”’)\]」』]*$/`). */
function endsWith(text: string, stops: ReadonlySet<string>): boolean {
  let i = text.length;
  while (i > 0 && SENTENCE_CLOSERS.has(text.charAt(i - 1))) i--;
  return i > 0 && stops.has(text.charAt(i - 1));
}
const COMMERCE =
  /\b(?:add to (?:cart|basket)|in den warenkorb|warenkorb|shopping cart|free shipping|versandkosten|versand|lieferzeit|in stock|auf lager|out of stock|per night|pro nacht|buy now|jetzt kaufen|jetzt bestellen|order now|inkl\. mwst|incl\. vat)\b/gi;

/** How much running prose and how much furniture the paragraphs hold, and the other counts features read. */
export function pageShape(paragraphs: string[]): PageShape {
  const shape: PageShape = {
    proseSentences: 0,
    proseWords: 0,
    furnitureSentences: 0,
    furnitureWords: 0,
    byKind: {},
    sentences: 0,
    words: 0,
    paragraphs: paragraphs.length,
    shortParagraphs: 0,
    questions: 0,
    teasers: 0,
    datedLines: 0,
    addressWords: 0,
    weWords: 0,
    commerce: 0,
    capitalWords: 0,
    innerDatelines: 0,
    agencyDatelines: 0,
    listingLines: 0,
    names: 0,
    singleNames: 0,
    topicSentences: 0,
    topicShifts: 0,
  };
  const nameCounts = new Map<string, number>();
  const seenWords = new Set<string>();
  // A page of questions (a quiz, a teaser) reports nothing: its questions count only beside as many statements.
  const questions = { sentences: 0, words: 0 };
  for (const para of paragraphs) {
    const paraWords = wordsOf(para);
    if (paraWords < 6) shape.shortParagraphs++;
    shape.commerce += para.match(COMMERCE)?.length ?? 0;
    if (para.includes('(')) shape.agencyDatelines += para.match(AGENCY_DATELINE)?.length ?? 0;
    for (const { text } of splitSentences(para)) {
      shape.sentences++;
      const words = wordsOf(text);
      shape.words += words;
      const content: string[] = [];
      // The tokens of `text.split(/\s+/).filter(Boolean)`, cut in one pass; i counts them.
      let i = 0;
      let start = -1;
      for (let k = 0; k <= text.length; k++) {
        if (k < text.length && !isSpaceCode(text.charCodeAt(k))) {
          if (start < 0) start = k;
          continue;
        }
        if (start < 0) continue;
        const bare = bareToken(text.slice(start, k));
        start = -1;
        if (bare.length <= LONGEST_PRONOUN) {
          const lower = bare.toLowerCase();
          if (ADDRESS.has(lower)) shape.addressWords++;
          else if (WE.has(lower)) shape.weWords++;
        }
        if (i > 0 && bare) {
          const c = bare.charCodeAt(0);
          if (c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(bare)) {
            shape.capitalWords++;
            if (bare.length >= 2) nameCounts.set(bare, (nameCounts.get(bare) ?? 0) + 1);
          }
        }
        if (isContentWord(bare)) content.push(bare);
        i++;
      }
      for (const m of text.matchAll(INNER_DATELINE))
        if (m.index > 0 || shape.sentences > 1) shape.innerDatelines++;
      if (shape.sentences > 1 && content.length >= 3) {
        shape.topicSentences++;
        if (!content.some((w) => seenWords.has(w))) shape.topicShifts++;
      }
      for (const w of content) seenWords.add(w);
      if (TEASER.test(text.trim()) || INNER_TEASER.test(text)) shape.teasers++;
      if (DATED_LINE.test(text)) shape.datedLines++;
      const kind = furnitureKind(text);
      if (kind) {
        shape.furnitureSentences++;
        shape.furnitureWords += words;
        shape.byKind[kind] = (shape.byKind[kind] ?? 0) + 1;
        if (kind === 'index page' && LISTING.test(text.toLowerCase())) shape.listingLines++;
      } else if (isProse(text)) {
        if (endsWith(text, QUESTION_MARKS)) {
          questions.sentences++;
          questions.words += words;
        } else {
          shape.proseSentences += 1 + innerStatements(text);
          shape.proseWords += words;
        }
      }
    }
  }
  shape.names = nameCounts.size;
  for (const n of nameCounts.values()) if (n === 1) shape.singleNames++;
  shape.questions = questions.sentences;
  if (questions.sentences <= shape.proseSentences) {
    shape.proseSentences += questions.sentences;
    shape.proseWords += questions.words;
  }
  let best = 0;
  for (const kind of FURNITURE_KINDS) {
    const n = shape.byKind[kind] ?? 0;
    if (n > best) {
      best = n;
      shape.furniture = kind;
    }
  }
  return shape;
}

/**
 * The features of a page for the learned combiner, in row order, each with the reason it speaks for (the
 * diagnostic names the reason whose features push the score up most). Bump the version when a meaning changes.
 */
export const NON_ARTICLE_FEATURES: readonly string[] = [
  'version 8',
  'prose-sentences: ln(1 + sentences of running prose)',
  'prose-words: ln(1 + words in them)',
  'words: ln(1 + words on the page)',
  'prose-share: words of running prose over all words',
  'furniture-share: words of furniture sentences over all words',
  ...FURNITURE.map(([kind]) => `furniture ${kind}: ln(1 + sentences of that kind)`),
  'question-share: questions over sentences',
  'teaser-share: sentences cut off as teasers over sentences',
  'dated-share: sentences opening with a date label over sentences',
  'short-share: paragraphs of under six words over paragraphs',
  'words-per-paragraph: ln(1 + words per paragraph)',
  'address-rate: reader-addressing words over words',
  'we-rate: site-speaking words over words',
  'commerce: ln(1 + shop and booking phrases)',
  'capital-rate: capitalized words after a sentence start over words',
  'html: the paragraphs are what an HTML extractor kept, not the whole input',
  'inner-datelines: ln(1 + datelines past the opening of the page, agency datelines with a hyphen too)',
  'single-names: distinct capitalized words seen once over those seen, 0.5 under five',
  'topic-shifts: sentences sharing no content word with any earlier one over sentences with three or more',
  'listing-lines: ln(1 + index furniture sentences of a schedule, video list or live page of headlines)',
  'agency-datelines: ln(1 + datelines naming a news agency in brackets, past the first)',
];

/** The reason each feature column (after the version line) speaks for. */
export const FEATURE_REASONS: readonly NonArticleReason[] = [
  'too little prose',
  'too little prose',
  'too little prose',
  'too little prose',
  'too little prose',
  ...FURNITURE_KINDS,
  'too little prose',
  'index page',
  'index page',
  'index page',
  'index page',
  'index page',
  'index page',
  'index page',
  'index page',
  'too little prose',
  'index page',
  'index page',
  'index page',
  'index page',
  'index page',
];

const ln1 = (x: number) => Math.log1p(x);

/** The feature row of a page (NON_ARTICLE_FEATURES order, without the version line). */
export function nonArticleFeatures(shape: PageShape, html: boolean): number[] {
  const words = Math.max(1, shape.words);
  const sentences = Math.max(1, shape.sentences);
  const paragraphs = Math.max(1, shape.paragraphs);
  return [
    ln1(shape.proseSentences),
    ln1(shape.proseWords),
    ln1(shape.words),
    shape.proseWords / words,
    shape.furnitureWords / words,
    ...FURNITURE_KINDS.map((k) => ln1(shape.byKind[k] ?? 0)),
    shape.questions / sentences,
    shape.teasers / sentences,
    shape.datedLines / sentences,
    shape.shortParagraphs / paragraphs,
    ln1(shape.words / paragraphs),
    shape.addressWords / words,
    shape.weWords / words,
    ln1(shape.commerce),
    shape.capitalWords / words,
    html ? 1 : 0,
    ln1(shape.innerDatelines),
    shape.names >= 5 ? shape.singleNames / shape.names : 0.5,
    shape.topicSentences ? shape.topicShifts / shape.topicSentences : 0,
    ln1(shape.listingLines),
    ln1(Math.max(0, shape.agencyDatelines - 1)),
  ];
}
