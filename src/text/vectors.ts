/** Sparse TF-IDF vectors over content terms, L2-normalized, and their cosine similarity. */
import { termFrequencies } from '../language/tokens.js';

export type SparseVector = Map<string, number>;

/** Document frequencies of the terms of each document. */
export function documentFrequencies(docs: string[][]): Map<string, number> {
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** Smoothed IDF: terms in every document still count a little, unseen terms count most. */
export function idf(df: Map<string, number>, n: number, term: string): number {
  return Math.log(1 + n / (df.get(term) ?? 0.5));
}

export function tfidfVector(terms: string[], df: Map<string, number>, n: number): SparseVector {
  const v: SparseVector = new Map();
  for (const [t, f] of termFrequencies(terms)) v.set(t, (1 + Math.log(f)) * idf(df, n, t));
  return normalize(v);
}

export function normalize(v: SparseVector): SparseVector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot;
}
