/**
 * The baseline the evaluation reports beside StoryClusterer: single-pass TF-IDF cosine clustering.
 * Plain content terms only (no names, numbers, dates or near-duplicates), IDF learned online, each
 * article compared with every story centroid (no index), joining the best one at cosine ≥ threshold.
 * A page marked not an article is treated as StoryClusterer treats it: it may join a story, never start
 * one (it stays alone, out of every centroid), so both systems see the same input.
 * Quadratic in the number of stories: for evaluation only.
 */
import { contentTerms, termFrequencies } from '../language/tokens.js';
import type { Article } from '../model.js';
import { articleText } from './features.js';

export const BASELINE_THRESHOLD = 0.2;

/** Story index of each article, in input order. */
export function baselineClusters(articles: Article[], threshold = BASELINE_THRESHOLD): number[] {
  const df = new Map<string, number>();
  let n = 0;
  const centroids: Map<string, number>[] = [];
  const labels: number[] = [];
  for (const a of articles) {
    const tf = termFrequencies(contentTerms(articleText(a)));
    n++;
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const x = (1 + Math.log(f)) * Math.log(1 + n / df.get(t)!);
      v.set(t, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, x] of v) v.set(t, x / norm);
    let best = -1;
    let bestSim = threshold;
    centroids.forEach((c, i) => {
      let dot = 0;
      let cn = 0;
      for (const x of c.values()) cn += x * x;
      for (const [t, x] of v) dot += x * (c.get(t) ?? 0);
      const sim = cn > 0 ? dot / Math.sqrt(cn) : 0;
      if (sim >= bestSim && (best < 0 || sim > bestSim)) {
        best = i;
        bestSim = sim;
      }
    });
    if (best < 0 && a.nonArticle) {
      // Alone: a label of its own that no centroid holds.
      labels.push(-1 - labels.length);
      continue;
    }
    if (best < 0) {
      best = centroids.length;
      centroids.push(new Map());
    }
    const c = centroids[best];
    for (const [t, x] of v) c.set(t, (c.get(t) ?? 0) + x);
    labels.push(best);
  }
  return labels;
}
