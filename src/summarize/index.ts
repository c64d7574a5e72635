/**
 * Multi-document summarization: a cluster's sentences → a length-budgeted, non-redundant selection, in
 * chronological order. One interface, many methods (see `METHODS`); `newsfuse` is the default and the one
 * the brief uses. Sentences are never cut: the product stays within the budget; evaluation (`fill`) may run
 * over with the last sentence, which ROUGE truncates.
 */
import type { Sentence, SummaryInput } from '../model.js';
import { anchored, buildContext, type Context, type SummarizeOptions } from './context.js';
import { METHODS, type MethodName } from './method-names.js';
import { lexrank, textrank } from './methods/graph.js';
import { ilp } from './methods/ilp.js';
import { newsfuse } from './methods/newsfuse.js';
import { centroid, greedykl, lead, mmr, sumbasic } from './methods/simple.js';
import { submodular } from './methods/submodular.js';

export { isCandidate } from '../text/candidates.js';
export type { SummarizeOptions } from './context.js';

const REGISTRY: Record<MethodName, (ctx: Context) => number[]> = {
  newsfuse,
  lead,
  centroid,
  mmr: (ctx) => mmr(ctx),
  lexrank,
  textrank,
  sumbasic,
  greedykl,
  ilp,
  submodular,
};

export { METHODS };

export function summarize(input: SummaryInput, options: SummarizeOptions): Sentence[] {
  const method = options.method ?? 'newsfuse';
  const run = REGISTRY[method as MethodName];
  if (!run) throw new Error(`unknown summarization method "${method}" (${METHODS.join(', ')})`);
  if (!(options.words > 0)) return [];
  const ctx = buildContext(input, options);
  if (!ctx.pool.length) return [];
  return anchored(ctx, run(ctx)).map((i) => ctx.pool[i]);
}
