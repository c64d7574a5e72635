/**
 * The classic extractive baselines, each a ranking or a greedy selection over the cluster's candidates:
 *   lead     — leading sentences of the most recent document (NIST's DUC baseline);
 *   centroid — closeness to the cluster centroid (Radev et al., 2004), plus query relevance;
 *   mmr      — maximal marginal relevance (Carbonell & Goldstein, 1998), λ = 0.7;
 *   sumbasic — word probability, squared after each pick (Nenkova & Vanderwende, 2005);
 *   greedykl — the sentence that brings the summary's word distribution closest to the cluster's
 *              (KL divergence; Haghighi & Vanderwende, 2009).
 */
import { cosine } from '../../text/vectors.js';
import { type Context, fillBudget, queryScore, rankBy } from '../context.js';

export function lead(ctx: Context): number[] {
  const date = new Map(ctx.articles.map((a) => [a.id, a.published ?? '']));
  const docs = [...new Set(ctx.pool.map((s) => s.articleId))].sort(
    (a, b) => (date.get(b) ?? '').localeCompare(date.get(a) ?? '') || a.localeCompare(b),
  );
  const byDoc = new Map<string, number[]>();
  ctx.pool.forEach((s, i) => {
    const list = byDoc.get(s.articleId) ?? [];
    list.push(i);
    byDoc.set(s.articleId, list);
  });
  const order: number[] = [];
  for (const d of docs) {
    const list = (byDoc.get(d) ?? []).sort((a, b) => ctx.pool[a].index - ctx.pool[b].index);
    order.push(...list);
  }
  return fillBudget(ctx, order, 1.01);
}

export function centroid(ctx: Context): number[] {
  return fillBudget(
    ctx,
    rankBy(ctx, (i) => cosine(ctx.vectors[i], ctx.centroid) + queryScore(ctx, i)),
    0.5,
  );
}

export function mmr(ctx: Context, lambda = 0.7): number[] {
  const target = (i: number) => (ctx.query ? queryScore(ctx, i) : cosine(ctx.vectors[i], ctx.centroid));
  const relevance = ctx.pool.map((_, i) => target(i));
  const chosen: number[] = [];
  const left = new Set(ctx.pool.map((_, i) => i));
  let used = 0;
  while (left.size && used < ctx.options.words) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const i of left) {
      if (!ctx.options.fill && used + ctx.words[i] > ctx.options.words) continue;
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, cosine(ctx.vectors[i], ctx.vectors[j]));
      const score = lambda * relevance[i] - (1 - lambda) * redundancy;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    if (best < 0) break;
    left.delete(best);
    chosen.push(best);
    used += ctx.words[best];
  }
  return chosen;
}

/** Word probabilities of the cluster (content terms). */
function probabilities(ctx: Context): Map<string, number> {
  const p = new Map<string, number>();
  let total = 0;
  for (const t of ctx.terms)
    for (const w of t) {
      p.set(w, (p.get(w) ?? 0) + 1);
      total++;
    }
  for (const [w, c] of p) p.set(w, c / total);
  return p;
}

export function sumbasic(ctx: Context): number[] {
  const p = probabilities(ctx);
  const chosen: number[] = [];
  const left = new Set(ctx.pool.map((_, i) => i));
  let used = 0;
  while (left.size && used < ctx.options.words) {
    // The most probable word still uncovered, then the best sentence that has it.
    let topWord = '';
    let topP = -1;
    for (const [w, x] of p) if (x > topP || (x === topP && w < topWord)) [topWord, topP] = [w, x];
    let best = -1;
    let bestScore = -1;
    for (const i of left) {
      if (!ctx.terms[i].includes(topWord)) continue;
      if (!ctx.options.fill && used + ctx.words[i] > ctx.options.words) continue;
      const score = ctx.terms[i].reduce((n, w) => n + (p.get(w) ?? 0), 0) / Math.max(1, ctx.terms[i].length);
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) {
      p.delete(topWord);
      if (!p.size) break;
      continue;
    }
    left.delete(best);
    chosen.push(best);
    used += ctx.words[best];
    for (const w of new Set(ctx.terms[best])) p.set(w, (p.get(w) ?? 0) ** 2);
  }
  return chosen;
}

export function greedykl(ctx: Context): number[] {
  const p = probabilities(ctx);
  const vocabulary = p.size;
  const summary = new Map<string, number>();
  let summaryTotal = 0;
  const chosen: number[] = [];
  const left = new Set(ctx.pool.map((_, i) => i));
  let used = 0;
  const kl = (extra: string[]) => {
    const add = new Map<string, number>();
    for (const w of extra) add.set(w, (add.get(w) ?? 0) + 1);
    const total = summaryTotal + extra.length;
    let d = 0;
    for (const [w, pw] of p) {
      const q = ((summary.get(w) ?? 0) + (add.get(w) ?? 0) + 0.01) / (total + 0.01 * vocabulary);
      d += pw * Math.log(pw / q);
    }
    return d;
  };
  while (left.size && used < ctx.options.words) {
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    for (const i of left) {
      if (!ctx.options.fill && used + ctx.words[i] > ctx.options.words) continue;
      const d = kl(ctx.terms[i]);
      if (d < bestD) [best, bestD] = [i, d];
    }
    if (best < 0) break;
    left.delete(best);
    chosen.push(best);
    used += ctx.words[best];
    for (const w of ctx.terms[best]) summary.set(w, (summary.get(w) ?? 0) + 1);
    summaryTotal += ctx.terms[best].length;
  }
  return chosen;
}
