/**
 * Word tokens, stopwords and stems: the shared vocabulary layer of every scoring stage.
 * Pure functions; no state except a memo of stems.
 *
 * One tokenizer, `tokenize(text, notion)`, gives tokens with offsets; the notions are the few ways the
 * stages cut text into words, each named and kept here (a stage never keeps a private token regex):
 *   word      runs of letters and digits ("al", "Sham", "4", "5")                  — words(), metrics, overlap
 *   compound  words joined by ' ’ . - , inside them ("al-Sham", "4.5", "U.S", "3,000") — tokens(), clustering
 *   name      compounds by ' ’ - with a trailing dot kept ("Mr."), and the stops . ! ? and line
 *             breaks as tokens of their own                                         — entities (sentence starts)
 *   quote     compounds by ' ’ - . & and digit groups ("$500,000" → "500,000")       — quotes (cue contexts)
 *   lettered  a letter, then letters, apostrophes and hyphens ("don't", "al-", no digits) — labels of figures
 *   figure    currency and percent signs, figures with their separators ("300 000", "3.5") and
 *             letter words (with ' ’ -); letters and digits apart ("40pc" → "40", "pc") — quantities
 *   conll     words as CoNLL-2003 cuts them: punctuation apart, dotted acronyms and abbreviated titles whole
 *             ("U.S.", "U.N.", "Mr."), hyphenated words whole ("al-Sham"), a possessive "'s" apart  — the tagger
 * words() and tokens() are views of tokenize(text, 'word' | 'compound') (texts only, words() lower-cased
 * before matching), kept as plain matches because summarization calls them on every sentence.
 */
import { stemmer } from 'stemmer';

/** A token of a text: its characters and its offsets (`text === source.slice(start, end)`). */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** The named token notions (see the header); each a global, Unicode-aware pattern. */
export const TOKEN_PATTERNS = {
  word: /[\p{L}\p{N}]+/gu,
  compound: /[\p{L}\p{N}]+(?:['’.\-,][\p{L}\p{N}]+)*/gu,
  name: /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\.?|[.!?]["”’]?|\n/gu,
  quote: /[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+|(?<=\d),\d{3}(?!\d))*/gu,
  lettered: /[\p{L}][\p{L}'’-]*/gu,
  figure: /\$|£|€|%|\d+(?:[.,]\d+)*(?:\s\d{3}(?!\d))*|[\p{L}]+(?:[-'’][\p{L}]+)*/gu,
  conll:
    /(?:\p{L}\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Sr|Jr|Rev|Hon|Prof|Supt|Insp|Det|Mt|Ft|Inc|Corp|Ltd|Co|St|Messrs|No)\.(?=\s*[\p{L}\p{N},])|['’][sS](?![\p{L}\p{N}])|\d+(?:[.,:]\d+)*|[\p{L}\p{N}]+(?:[-&][\p{L}\p{N}]+|['’](?![sS](?![\p{L}\p{N}]))[\p{L}]+)*|[^\s\p{L}\p{N}]/gu,
} as const satisfies Record<string, RegExp>;

export type TokenNotion = keyof typeof TOKEN_PATTERNS;

/** The tokens of a text under one notion (default: runs of letters and digits), with their offsets. */
export function tokenize(text: string, notion: TokenNotion = 'word'): Token[] {
  const out: Token[] = [];
  // matchAll works on a copy of the pattern: the shared global pattern keeps no state between calls.
  for (const m of text.matchAll(TOKEN_PATTERNS[notion])) {
    const start = m.index ?? 0;
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** Lower-cased runs of letters and digits (Unicode-aware), as the evaluation metrics count them. */
export function words(text: string): string[] {
  return text.toLowerCase().match(TOKEN_PATTERNS.word) ?? [];
}

/** Word tokens keeping case, with internal apostrophes, hyphens and dots in numbers ("al-Sham", "4.5", "U.S"). */
export function tokens(text: string): string[] {
  return text.match(TOKEN_PATTERNS.compound) ?? [];
}

/** How many runs of letters and digits a text has: tokenize(text).length without the tokens. */
export function countWords(text: string): number {
  return text.match(TOKEN_PATTERNS.word)?.length ?? 0;
}

/** Number of words, as budgets count them (whitespace-separated tokens with a letter or digit). */
export function wordCount(text: string): number {
  let n = 0;
  for (const t of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(t)) n++;
  return n;
}

// Function words of English news text: articles, pronouns, auxiliaries, prepositions, conjunctions,
// and reporting filler. Kept short on purpose: content words must survive.
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself no nor not of off on once only or other our ours ourselves out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your yours
yourself yourselves s t don didn doesn isn wasn weren won wouldn couldn shouldn hasn haven hadn ll re ve
d m said says say told according one two may might must shall upon per via among amid within without
yet still even ever however though although whether either neither another every many much several
new last first next week day year years time now today yesterday tomorrow mr mrs ms dr`.split(/\s+/),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

const stemCache = new Map<string, string>();

/** Porter stem of a lower-cased word (memoized). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemmer(word);
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Content terms: lower-cased, stopwords and 1-letter tokens removed, stemmed. Numbers are kept. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 && !/\d/.test(w)) continue;
    if (STOPWORDS.has(w)) continue;
    out.push(/^\d/.test(w) ? w : stem(w));
  }
  return out;
}

/** Term frequencies of a list of terms. */
export function termFrequencies(terms: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}
