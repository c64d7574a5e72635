/**
 * Citations: for each summary sentence, every article of the story that states the same thing
 * (exact or near paraphrase), found by content-term overlap with IDF weights.
 */

import { contentTerms } from '../language/tokens.js';
import type { Sentence } from '../model.js';
import { documentFrequencies, idf } from '../text/vectors.js';

export interface Support {
  articleId: string;
  sentenceIndex: number;
  score: number;
}

/** Weighted share of the summary sentence's terms that a supporting sentence must also contain. */
export const SUPPORT_THRESHOLD = 0.5;

/**
 * For one summary sentence, the best supporting sentence in each article whose overlap passes the threshold.
 * `story` holds all sentences of the story's articles. Sorted by score, then article id.
 */
export function findSupport(
  summary: Sentence,
  story: Sentence[],
  df: Map<string, number>,
  n: number,
): Support[] {
  const target = new Set(contentTerms(summary.text));
  let total = 0;
  for (const t of target) total += idf(df, n, t);
  if (total === 0) return [{ articleId: summary.articleId, sentenceIndex: summary.index, score: 1 }];
  const best = new Map<string, Support>();
  for (const s of story) {
    let score: number;
    if (s.articleId === summary.articleId && s.index === summary.index) score = 1;
    else {
      const other = new Set(contentTerms(s.text));
      let shared = 0;
      for (const t of target) if (other.has(t)) shared += idf(df, n, t);
      let otherTotal = 0;
      for (const t of other) otherTotal += idf(df, n, t);
      // Symmetric enough to reject a long sentence that merely contains the words: blend both directions.
      score = otherTotal > 0 ? (2 * shared) / (total + Math.min(otherTotal, 2 * total)) : 0;
    }
    if (score < SUPPORT_THRESHOLD || conflictingNumbers(summary.text, s.text)) continue;
    const prev = best.get(s.articleId);
    if (!prev || score > prev.score)
      best.set(s.articleId, { articleId: s.articleId, sentenceIndex: s.index, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId));
}

/** Document frequencies over a story's sentences, for `findSupport`. */
export function sentenceFrequencies(story: Sentence[]): Map<string, number> {
  return documentFrequencies(story.map((s) => contentTerms(s.text)));
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  dozen: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  twenty: '20',
};

/** The quantities a sentence states, normalized ("3,000" → "3000", "six" → "6"); years excluded. */
export function quantities(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\b(\d[\d,. ]*\d|\d)\b|\b([a-z]+)\b/g)) {
    if (m[1]) {
      const v = m[1].replace(/[, ](?=\d{3}\b)/g, '').replace(/\s+/g, '');
      if (/^(19|20)\d\d$/.test(v)) continue;
      out.add(v);
    } else if (m[2] && NUMBER_WORDS[m[2]]) out.add(NUMBER_WORDS[m[2]]);
  }
  return out;
}

/** Two sentences that both state quantities but share none say different things ("12 injured" vs "14 hurt"). */
export function conflictingNumbers(a: string, b: string): boolean {
  const qa = quantities(a);
  const qb = quantities(b);
  if (!qa.size || !qb.size) return false;
  for (const q of qa) if (qb.has(q)) return false;
  return true;
}
