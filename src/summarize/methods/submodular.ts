/**
 * Submodular selection (Lin & Bilmes, 2011): coverage of the whole cluster, saturated so no single
 * aspect dominates, plus a diversity reward that prefers sentences from clusters of sentences not yet
 * represented; greedy with cost scaling (gain / length^0.3), which carries a constant-factor guarantee.
 */
import { cosine } from '../../text/vectors.js';
import { type Context, queryScore } from '../context.js';

const ALPHA = 5; // saturation: a/N of each sentence's total similarity
const LAMBDA = 6;
const COST_POWER = 0.3;

export function submodular(ctx: Context): number[] {
  const n = ctx.pool.length;
  const sim: Float64Array[] = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const s = i === j ? 1 : cosine(ctx.vectors[i], ctx.vectors[j]);
      sim[i][j] = s;
      sim[j][i] = s;
    }
  const total = sim.map((row) => row.reduce((a, b) => a + b, 0));
  const cap = total.map((t) => (ALPHA / n) * t);
  // Singleton rewards: average similarity to the cluster, plus query relevance when there is one.
  const reward = total.map((t, i) => t / n + queryScore(ctx, i));
  // Partition the sentences into groups of similar ones (leader clustering, deterministic).
  const group = new Array<number>(n).fill(-1);
  const leaders: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = leaders.findIndex((l) => sim[l][i] >= 0.25);
    if (g >= 0) group[i] = g;
    else {
      group[i] = leaders.length;
      leaders.push(i);
    }
  }
  const covered = new Float64Array(n);
  const groupReward = new Float64Array(leaders.length);
  const value = (add: number) => {
    let coverage = 0;
    for (let i = 0; i < n; i++)
      coverage += Math.min(covered[i] + sim[i][add], cap[i]) - Math.min(covered[i], cap[i]);
    const g = group[add];
    const diversity = Math.sqrt(groupReward[g] + reward[add]) - Math.sqrt(groupReward[g]);
    return coverage + LAMBDA * diversity;
  };
  const chosen: number[] = [];
  const left = new Set(ctx.pool.map((_, i) => i));
  let used = 0;
  while (left.size && used < ctx.options.words) {
    let best = -1;
    let bestGain = 0;
    for (const i of left) {
      if (!ctx.options.fill && used + ctx.words[i] > ctx.options.words) continue;
      const gain = value(i) / ctx.words[i] ** COST_POWER;
      if (gain > bestGain) [best, bestGain] = [i, gain];
    }
    if (best < 0) break;
    left.delete(best);
    chosen.push(best);
    used += ctx.words[best];
    for (let i = 0; i < n; i++) covered[i] += sim[i][best];
    groupReward[group[best]] += reward[best];
  }
  return chosen;
}
