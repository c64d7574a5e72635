/**
 * Near-duplicate publications (syndicated copies of one report): MinHash over word shingles with LSH
 * banding, so each article is compared only with the few earlier ones sharing a band, and a pair is one
 * report when the estimated containment of the shorter text in the longer reaches DUPLICATE_CONTAINMENT.
 * A wire story republished with its own header, footer or rewritten lead still shares most shingles.
 */
import type { Article } from '../model.js';
import { analyze, articleText } from './features.js';
import { bandKeys, containment, LshIndex, type Signature, signature } from './minhash.js';

/** Share of the shorter article's shingles found in the other for the two to be one report. */
export const DUPLICATE_CONTAINMENT = 0.5;

export interface NearDuplicate {
  /** Index (in the input) of the later article, and of the earlier report representative it copies. */
  index: number;
  of: number;
  containment: number;
}

/**
 * For each article that copies an earlier one, the earlier report's first article and the estimated
 * containment. Articles are taken in input order; each later copy points at the report's first article.
 */
export function findNearDuplicates(articles: Article[], threshold = DUPLICATE_CONTAINMENT): NearDuplicate[] {
  const index = new LshIndex<{ i: number; sig: Signature }>();
  const out: NearDuplicate[] = [];
  articles.forEach((a, i) => {
    const sig = signature(analyze(articleText(a)).wordHashes);
    if (sig.shingles === 0) return;
    const keys = bandKeys(sig);
    let best: { i: number; c: number } | undefined;
    for (const r of index.candidates(keys)) {
      const c = containment(sig, r.sig);
      if (c >= threshold && (!best || c > best.c)) best = { i: r.i, c };
    }
    if (best) out.push({ index: i, of: best.i, containment: best.c });
    else index.add(keys, { i, sig });
  });
  return out;
}

/** Group articles into reports (lists of ids in input order; the first is the representative). */
export function groupNearDuplicates(articles: Article[], threshold = DUPLICATE_CONTAINMENT): string[][] {
  const head = articles.map((_, i) => i);
  for (const d of findNearDuplicates(articles, threshold)) head[d.index] = d.of;
  const groups = new Map<number, string[]>();
  articles.forEach((a, i) => {
    const g = groups.get(head[i]) ?? [];
    g.push(a.id);
    groups.set(head[i], g);
  });
  return [...groups.values()];
}
