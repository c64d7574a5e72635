/**
 * The page's top run into an article's lead (issue 19 items 2 and 3): a headline, a standfirst, a photo's caption
 * or a byline that lost its line break and its full stop, so that the first sentence reads "Swine flu closes a
 * school The school was shut on Monday after …" or "Flood waters recede Volunteers carry sandbags …".
 * `leadHead` gives the length of that head, so that the sentence is shown from where the lead starts; the mark is
 * set once, where an article's sentences are made (language/sentences.ts). Pure; a head is looked for in the
 * first 30 words only, so the work is linear in the sentence.
 *
 * Where the head ends is told by the sentence alone, with the article's own words as evidence:
 * - the head is 2 to 20 words (30 after a first head) with no sentence end in it, and does not end on a
 *   function word ("… according to", "… said"), a comma, nor inside a quotation or brackets;
 * - the word after it opens a sentence: a capitalised function word ("The", "A", "In", "After"), or a
 *   capitalised common word that the article itself writes in lower case ("Volunteers" where the text has
 *   "volunteers"); a common word after a capitalised one is taken as part of a name ("Four Seasons Hotel");
 * - what follows reads as a sentence in sentence case (not a title in title case: "Lawmakers Left On the
 *   Sidelines …"), at least six words.
 * A head can be followed by another (a headline, then a standfirst): up to three are taken off in turn.
 */
import { MONTHS_LOWER, WEEKDAYS_LOWER } from '../language/lexicon.js';
import { isStopword } from '../language/tokens.js';

/**
 * Stopwords that begin names, dates and numbers as often as sentences ("New York", "May 3", "Two Fat
 * Ladies", "Mr Smith", "First Lady"): a capital on them says nothing about a sentence start. Nor does a personal
 * pronoun, which follows a noun inside a sentence ("the experts I wanted to hear").
 */
const NOT_AN_OPENER = new Set(
  `new last first next week day year years time now today yesterday tomorrow mr mrs ms dr one two may might
must shall said says say told will can us it's i you we he she they it me him her them`.split(/\s+/),
);

const MIN_HEAD_WORDS = 2;
const MAX_HEAD_WORDS = 20;
/** After a first head, a standfirst can be longer. */
const MAX_NEXT_HEAD_WORDS = 30;
const MIN_REST_WORDS = 6;
const MAX_HEADS = 3;
/** The characters after a head read to judge it: its next words (six at least, eight for the case check). */
const REST_CHARS = 400;

/**
 * Where a head may end: after a word that ends in a letter, digit, closing quotation mark or bracket, before a
 * capital (not before a quotation: "Protesters chant “…”" is one caption).
 */
const BREAK = /(?<=[\p{L}\p{N}'’"”)\]])\s+(?=\p{Lu})/gu;
/** A sentence end inside the head: a full stop (or ! ? ;) then a space. */
const SENTENCE_END = /[.!?;]["”’)]?\s/;

const bare = (word: string) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Weekdays and months: names, whatever case a text writes them in ("told senators wednesday"). */
const CALENDAR = new Set([...WEEKDAYS_LOWER, ...MONTHS_LOWER]);

/** Articles: a capitalised one opens a sentence even after a name ("… in Haiti The aid …"). */
const ARTICLES = new Set(['the', 'a', 'an']);

/**
 * Whether the first of `rest` opens a sentence after a head whose last word is capitalised or not, given how
 * the article writes its words (`WordCase`): a capitalised function word, not one that joins two capitalised
 * words of a name ("Compassion Over Killing"); or a common noun before a lower-case word ("Volunteers carry
 * …"), one the article writes in lower case more often than with a capital inside a sentence (so not a title
 * before a name, "President"); never a weekday or a month.
 */
function opensSentence(rest: string[], afterCapital: boolean, cases: WordCase): boolean {
  const w = bare(rest[0]);
  if (!/^\p{Lu}\p{Ll}*$/u.test(w)) return false;
  const low = w.toLowerCase();
  const nextCapital = /^["“‘(]?\p{Lu}/u.test(rest[1] ?? '');
  if (isStopword(low)) return !NOT_AN_OPENER.has(low) && (ARTICLES.has(low) || !afterCapital || !nextCapital);
  if (afterCapital || nextCapital || w.length < 2 || CALENDAR.has(low)) return false;
  const lower = cases.lower.get(low) ?? 0;
  return lower > 0 && lower > (cases.capital.get(low) ?? 0);
}

/** Quotation marks or brackets left open in the head: the break is inside a quotation or an aside. */
function leftOpen(head: string): boolean {
  const count = (re: RegExp) => (head.match(re) ?? []).length;
  return (
    count(/“/g) > count(/”/g) ||
    count(/"/g) % 2 === 1 ||
    count(/\(/g) > count(/\)/g) ||
    count(/(?<![\p{L}])‘/gu) > count(/’(?![\p{L}])/gu)
  );
}

/** Whether a text reads as a sentence in sentence case: few capitalised words after its first. */
function sentenceCase(words: string[]): boolean {
  const next = words.slice(1, 7).map(bare).filter(Boolean);
  return next.filter((w) => /^\p{Lu}/u.test(w)).length <= 2;
}

/** The length of one head at the start of `text`, or 0. */
function oneHead(text: string, cases: WordCase, maxWords: number): number {
  for (const m of text.matchAll(BREAK)) {
    const head = text.slice(0, m.index);
    if (SENTENCE_END.test(head)) return 0;
    const words = head.split(/\s+/);
    if (words.length > maxWords) return 0;
    if (words.length < MIN_HEAD_WORDS) continue;
    const last = bare(words[words.length - 1]);
    if (!last || isStopword(last) || /[,:]["”’]?$/.test(head)) continue;
    const restStart = m.index + m[0].length;
    // The next few words are enough to judge the rest; a bounded slice keeps long texts linear.
    const rest = text.slice(restStart, restStart + REST_CHARS).split(/\s+/);
    if (rest.length < MIN_REST_WORDS) return 0;
    const afterCapital = !/^[\p{Ll}\p{N}]/u.test(last);
    if (!opensSentence(rest, afterCapital, cases) || !sentenceCase(rest) || leftOpen(head)) continue;
    return restStart;
  }
  return 0;
}

/**
 * The length of the page's top run into a lead (see above): `text.slice(n)` is the lead; 0 when there is no
 * head. `cases`: how the article writes its words (`wordCase` of its text).
 */
export function leadHead(text: string, cases: WordCase): number {
  let at = 0;
  for (let k = 0; k < MAX_HEADS; k++) {
    const n = oneHead(text.slice(at), cases, k ? MAX_NEXT_HEAD_WORDS : MAX_HEAD_WORDS);
    if (!n) break;
    at += n;
  }
  return at;
}

/** How often a text writes each word (lower-cased key) in lower case, and with a capital inside a sentence. */
export interface WordCase {
  lower: Map<string, number>;
  capital: Map<string, number>;
}

/** Counted after a lower-case word or a comma, where a capital is no sentence start. Linear. */
export function wordCase(text: string): WordCase {
  const cases: WordCase = { lower: new Map(), capital: new Map() };
  for (const m of text.matchAll(/(?<=[\p{Ll},;] )[\p{L}][\p{L}'’-]+/gu)) {
    const key = m[0].toLowerCase();
    const map = /^\p{Lu}/u.test(m[0]) ? cases.capital : cases.lower;
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  return cases;
}
