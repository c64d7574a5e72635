/**
 * Non-article pages: what an extractor returns when the input was not a news article at all: an error page,
 * a login, cookie or JavaScript wall, a video player's messages, a web archive's crawl notice, a social-media
 * site's own notice, a section or link list, or too little running prose to be a report. Such an input must
 * not become a story; `nonArticleReason` names why, from the extracted paragraphs alone, so every input kind
 * (HTML, scraped text, JSON Lines records, feed items) is judged the same way.
 *
 * A conservative rule set, not a learned model: the labelled dev set (data/gold/non-articles.md) holds 84
 * non-articles, too few to train and cross-validate weights on. An input is an article when it carries at
 * least two sentences of running prose that are not furniture; furniture phrases only decide the reason, or
 * drop a page whose prose is short and outweighed by them. Pure and linear in the text.
 */
import { splitSentences } from '../language/sentences.js';
import { hasUnspacedScript, tokenWords } from './text-length.js';

export type NonArticleReason =
  | 'error page'
  | 'wall'
  | 'widget'
  | 'crawl notice'
  | 'social notice'
  | 'index page'
  | 'too little prose';

/** Phrases that mark a sentence as page furniture of one kind. Matched on the lower-cased sentence. */
const FURNITURE: [Exclude<NonArticleReason, 'too little prose'>, RegExp[]][] = [
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
    ],
  ],
];

/** A sentence of running prose: enough words, mostly lower-case words, ending like a sentence. */
const MIN_PROSE_WORDS = 6;
/** An article has at least this many prose sentences... */
const MIN_PROSE_SENTENCES = 2;
/** ...and at least this many words in them. */
const MIN_PROSE_TOTAL = 20;
/** Below this much prose, a page whose furniture outweighs its prose is that furniture. */
const SHORT_PROSE = 80;

export interface PageShape {
  /** Sentences of running prose (not furniture) and their words. */
  proseSentences: number;
  proseWords: number;
  /** Furniture sentences and their words, with the most frequent kind. */
  furnitureSentences: number;
  furnitureWords: number;
  furniture?: Exclude<NonArticleReason, 'too little prose'>;
}

const wordsOf = (s: string) =>
  s
    .split(/\s+/)
    .filter(Boolean)
    .reduce((n, t) => n + tokenWords(t), 0);

/** The furniture kind a sentence's phrases name, if any. */
export function furnitureKind(sentence: string): Exclude<NonArticleReason, 'too little prose'> | undefined {
  const lower = sentence.toLowerCase();
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
  const end = /[.!?…。！？]["'”’)\]」』]*$/.test(sentence.trim());
  if (hasUnspacedScript(sentence)) return end;
  const lowerWords = sentence.match(/(?:^|\s)[\p{Ll}][\p{L}'’-]*/gu)?.length ?? 0;
  return lowerWords >= 3 && end;
}

/** Statements inside a sentence of an unspaced script, which the splitter keeps whole ("…。…。"). */
const innerStatements = (sentence: string) =>
  hasUnspacedScript(sentence) ? (sentence.match(/[。！？](?=.)/gu)?.length ?? 0) : 0;

/** How much running prose and how much furniture the paragraphs hold. */
export function pageShape(paragraphs: string[]): PageShape {
  const shape: PageShape = { proseSentences: 0, proseWords: 0, furnitureSentences: 0, furnitureWords: 0 };
  const kinds = new Map<string, number>();
  // A page of questions (a quiz, a teaser) reports nothing: its questions count only beside as many statements.
  const questions = { sentences: 0, words: 0 };
  for (const para of paragraphs) {
    for (const { text } of splitSentences(para)) {
      const kind = furnitureKind(text);
      if (kind) {
        shape.furnitureSentences++;
        shape.furnitureWords += wordsOf(text);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      } else if (isProse(text)) {
        if (/[?？]["'”’)\]」』]*$/.test(text)) {
          questions.sentences++;
          questions.words += wordsOf(text);
        } else {
          shape.proseSentences += 1 + innerStatements(text);
          shape.proseWords += wordsOf(text);
        }
      }
    }
  }
  if (questions.sentences <= shape.proseSentences) {
    shape.proseSentences += questions.sentences;
    shape.proseWords += questions.words;
  }
  let best = 0;
  for (const [kind, n] of kinds)
    if (n > best) {
      best = n;
      shape.furniture = kind as PageShape['furniture'];
    }
  return shape;
}

export interface NonArticleOptions {
  /**
   * The paragraphs are the whole input (a record's or a scraped page's text), not what an HTML extractor
   * kept of a page: only then does too little prose alone make a non-article. An HTML page whose extractor
   * kept a sentence may hold an article the extractor missed, or be a short post, so it needs furniture too.
   */
  wholeText?: boolean;
}

/** Why the paragraphs are not an article, or undefined when they are one. */
export function nonArticleReason(
  paragraphs: string[],
  options: NonArticleOptions = {},
): NonArticleReason | undefined {
  const s = pageShape(paragraphs);
  if (s.proseSentences < MIN_PROSE_SENTENCES || s.proseWords < MIN_PROSE_TOTAL) {
    if (s.furniture) return s.furniture;
    if (options.wholeText) return 'too little prose';
    return undefined;
  }
  if (s.furniture && s.proseWords < SHORT_PROSE && s.furnitureWords >= s.proseWords) return s.furniture;
  return undefined;
}
