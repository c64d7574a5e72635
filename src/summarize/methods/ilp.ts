/**
 * Concept coverage by integer linear programming (Gillick & Favre, 2009), solved exactly by HiGHS:
 * maximize the total weight of the concepts (stemmed content-word bigrams) the summary covers, subject to
 * the word budget; a concept counts once however many chosen sentences contain it, which is what removes
 * redundancy. `ilp` weighs a concept by the number of documents that contain it (concepts in at least
 * three documents, or two in small clusters); `newsfuse` reuses the solver with its own weights.
 */
import { setFlagsFromString } from 'node:v8';
import * as highsPackage from 'highs';
import { bigrams, type Context } from '../context.js';

// The package's types describe its ES module's default export (the loader) on a CommonJS type root.
type Loader = (options?: object) => Promise<{ solve: (lp: string, options?: object) => HighsResult }>;
interface HighsResult {
  Status: string;
  Columns: Record<string, { Primal?: number }>;
}
const load = (highsPackage as unknown as { default: Loader }).default;
// V8 compiles this 3.5 MB WebAssembly module twice by default: quickly (Liftoff), then again, optimized, in
// background threads (TurboFan). Measured on the examples' brief and on 8 DUC 2006 clusters, the second
// compile costs more CPU than its faster code saves (brief 2.65 s → 0.94 s of CPU; DUC 7.3 s → 5.0 s), with
// identical results, so the solver runs on the baseline code.
setFlagsFromString('--liftoff-only');
const highs = await load();

/** Candidates offered to the solver, best first by the caller's ranking, to keep the program small. */
const MAX_SENTENCES = 150;

/**
 * The solver's bounds are counts, never time, so the same input gives the same summary however busy the
 * machine is: at most this many branch-and-bound nodes (every DUC 2006 program is solved to optimality
 * within 50), then the best solution found so far is used.
 */
const SOLVER_OPTIONS = { output_flag: false, mip_rel_gap: 0.001, random_seed: 1, mip_max_nodes: 1000 };

export interface ConceptWeights {
  /** Concept → weight; concepts absent are ignored. */
  weights: Map<string, number>;
  /** Concepts of each candidate (index into ctx.pool). */
  conceptsOf: string[][];
}

/** Document-frequency weights over stemmed bigrams (the original formulation). */
export function documentFrequencyConcepts(ctx: Context): ConceptWeights {
  const conceptsOf = ctx.terms.map((t) => [...new Set(bigrams(t))]);
  const docsOf = new Map<string, Set<string>>();
  conceptsOf.forEach((cs, i) => {
    for (const c of cs) {
      const set = docsOf.get(c) ?? new Set<string>();
      set.add(ctx.pool[i].articleId);
      docsOf.set(c, set);
    }
  });
  const minDocs = ctx.docs >= 10 ? 3 : ctx.docs >= 3 ? 2 : 1;
  const weights = new Map<string, number>();
  for (const [c, docs] of docsOf) if (docs.size >= minDocs) weights.set(c, docs.size);
  return { weights, conceptsOf };
}

/**
 * Solve the coverage program over the `candidates` (indexes into ctx.pool). Returns the chosen indexes.
 * Falls back to an empty choice (the caller fills greedily) if the solver fails.
 */
export function solveCoverage(
  ctx: Context,
  concepts: ConceptWeights,
  candidates: number[],
  budget: number,
): number[] {
  const pool = candidates
    .filter((i) => concepts.conceptsOf[i].some((c) => concepts.weights.has(c)))
    .slice(0, MAX_SENTENCES);
  if (!pool.length) return [];
  const ids = new Map<string, number>();
  for (const i of pool)
    for (const c of concepts.conceptsOf[i]) if (concepts.weights.has(c) && !ids.has(c)) ids.set(c, ids.size);
  const objective = [
    [...ids].map(([c, k]) => `${round(concepts.weights.get(c)!)} c${k}`).join(' + '),
    ...pool.filter((i) => ctx.weak[i]).map((i) => `${WEAK_PENALTY} s${i}`),
  ].join(' - ');
  const rows: string[] = [`len: ${pool.map((i) => `${ctx.words[i]} s${i}`).join(' + ')} <= ${budget}`];
  const holders = new Map<number, number[]>();
  for (const i of pool)
    for (const c of concepts.conceptsOf[i]) {
      const k = ids.get(c);
      if (k === undefined) continue;
      rows.push(`o${i}_${k}: s${i} - c${k} <= 0`);
      const h = holders.get(k) ?? [];
      h.push(i);
      holders.set(k, h);
    }
  for (const [k, h] of holders) rows.push(`k${k}: ${h.map((i) => `s${i}`).join(' + ')} - c${k} >= 0`);
  const lp = [
    'Maximize',
    ` obj: ${objective}`,
    'Subject To',
    ...rows.map((r) => ` ${r}`),
    'Binaries',
    ` ${[...pool.map((i) => `s${i}`), ...[...ids.values()].map((k) => `c${k}`)].join(' ')}`,
    'End',
  ].join('\n');
  try {
    const result = highs.solve(lp, SOLVER_OPTIONS);
    return pool.filter((i) => (result.Columns[`s${i}`]?.Primal ?? 0) > 0.5);
  } catch {
    return [];
  }
}

/**
 * What a candidate that does not stand alone costs in the objective (`Context.weak`), in concept weight (a
 * concept weighs its number of documents, plus half for each that states it early): about two concepts of a
 * small cluster. Measured on the brief dev set's tune half and Multi-News dev (BENCHMARKS.md, branch h5-usable).
 */
const WEAK_PENALTY = 5;

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function ilp(ctx: Context): number[] {
  const concepts = documentFrequencyConcepts(ctx);
  // Candidates in document order of appearance; the solver decides.
  const order = ctx.pool.map((_, i) => i).sort((a, b) => ctx.position[a] - ctx.position[b] || a - b);
  return solveCoverage(ctx, concepts, order, ctx.options.words);
}
