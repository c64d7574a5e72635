/**
 * Word tokens, stopwords and stems: the shared vocabulary layer of every scoring stage.
 * Pure functions; no state except a memo of stems.
 */
import { stemmer } from 'stemmer';

/** Lower-cased runs of letters and digits (Unicode-aware), as the evaluation metrics count them. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Word tokens keeping case, with internal apostrophes, hyphens and dots in numbers ("al-Sham", "4.5", "U.S"). */
export function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’.\-,][\p{L}\p{N}]+)*/gu) ?? [];
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
