/**
 * Citations: for each summary sentence, every article of the story that states the same thing
 * (exact or near paraphrase), found by content-term overlap with IDF weights.
 */
import { documentFrequencies, idf } from '../cluster/vectors.js';
import { contentTerms } from '../language/tokens.js';
import type { Sentence } from '../model.js';

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
    if (score < SUPPORT_THRESHOLD) continue;
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
