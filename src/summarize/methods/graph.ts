/**
 * Graph-based ranking: sentences as nodes, similarity as edges, importance as the stationary
 * distribution of a random walk (PageRank, damping 0.85, 50 iterations at most).
 *   lexrank  — continuous LexRank: TF-IDF cosine edges above 0.1 (Erkan & Radev, 2004); with a query,
 *              the jump goes to query-relevant sentences (biased LexRank, Otterbacher et al., 2005);
 *   textrank — word-overlap edges normalized by log sentence lengths (Mihalcea & Tarau, 2004).
 */
import { cosine } from '../../text/vectors.js';
import { type Context, fillBudget, queryScore, rankBy } from '../context.js';

function pagerank(n: number, weight: (i: number, j: number) => number, jump?: number[]): number[] {
  const edges: { j: number; w: number }[][] = Array.from({ length: n }, () => []);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const w = weight(i, j);
      if (w <= 0) continue;
      edges[i].push({ j, w });
      edges[j].push({ j: i, w });
      out[i] += w;
      out[j] += w;
    }
  const prior = jump?.some((x) => x > 0) ? normalizeSum(jump) : new Array(n).fill(1 / n);
  let r = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < 50; it++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = 0.15 * prior[i];
    for (let i = 0; i < n; i++) {
      if (!out[i]) continue;
      for (const e of edges[i]) next[e.j] += (0.85 * r[i] * e.w) / out[i];
    }
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i] - r[i]);
    r = next;
    if (delta < 1e-6) break;
  }
  return [...r];
}

function normalizeSum(x: number[]): number[] {
  const s = x.reduce((a, b) => a + b, 0);
  return x.map((v) => v / s);
}

export function lexrank(ctx: Context): number[] {
  const n = ctx.pool.length;
  const jump = ctx.query ? ctx.pool.map((_, i) => queryScore(ctx, i)) : undefined;
  const scores = pagerank(
    n,
    (i, j) => {
      const c = cosine(ctx.vectors[i], ctx.vectors[j]);
      return c >= 0.1 ? c : 0;
    },
    jump,
  );
  return fillBudget(
    ctx,
    rankBy(ctx, (i) => scores[i]),
    0.5,
  );
}

export function textrank(ctx: Context): number[] {
  const sets = ctx.terms.map((t) => new Set(t));
  const scores = pagerank(ctx.pool.length, (i, j) => {
    const a = sets[i];
    const b = sets[j];
    if (a.size < 2 || b.size < 2) return 0;
    let shared = 0;
    for (const w of a) if (b.has(w)) shared++;
    return shared / (Math.log(a.size) + Math.log(b.size));
  });
  return fillBudget(
    ctx,
    rankBy(ctx, (i) => scores[i]),
    0.5,
  );
}
