/**
 * The ranker of quote candidates: two linear models over the binary features of a candidate frame (its cue,
 * shape, speaker, content and the candidates it crosses; see frameFeatures in quotes.ts), trained on the
 * PolNeAR train split by scripts/train/quote-ranker.ts, which writes models/quote-ranker.json.
 * - Whether a frame is an attribution: logistic regression; a frame is kept when its score (log-odds of
 *   matching a gold attribution) reaches rankThreshold() and it crosses no better-scored frame.
 * - Where its content ends: a frame's content and its shorter cuts (a leading name, a noun phrase, a clause,
 *   the words before another report inside it) are scored by a conditional-logit model (softmax over the
 *   frame's choices), and the best one is used.
 * Deterministic; the weights are read from models/ on first use, not at import.
 */
import { derived } from '../models/load.js';
import { quoteRankerModel } from './quote-models.js';

/** The weights as maps, made on first use (models/quote-ranker.json is read then, not at import). */
const learned = derived(quoteRankerModel, (m) => ({
  ranker: new Map(Object.entries(m.ranker)),
  bounds: new Map(Object.entries(m.boundary)),
  threshold: m.threshold,
  brief: m.brief_threshold,
}));

/** The log-odds threshold (chosen by 2-fold cross-validation on the train split). */
export function rankThreshold(): number {
  return learned().threshold;
}

/**
 * The log-odds from which a brief shows a quote: chosen by the trainer for attribution precision >= 0.90
 * (content and speaker right) in 2-fold cross-validation on the train split (models/quote-ranker.json,
 * `brief_threshold`; its header's results give the precision and recall there).
 */
export function briefThreshold(): number {
  return learned().brief;
}

/** The score of a candidate: the sum of its features' weights (unknown features weigh nothing). */
export function rankScore(
  features: readonly string[],
  weights: ReadonlyMap<string, number> = learned().ranker,
): number {
  let s = 0;
  for (const f of features) s += weights.get(f) ?? 0;
  return s;
}

/**
 * For each candidate that is no cut of another (`parent` unset), the index of the content the boundary
 * model prefers: its own or one of its cuts' (the first of equal scores); -1 for the cuts themselves.
 */
export function preferredContents(
  cands: readonly { features: readonly string[]; parent?: number }[],
  weights: ReadonlyMap<string, number> = learned().bounds,
): number[] {
  const best = cands.map((c, i) => (c.parent === undefined ? i : -1));
  const bestScore = cands.map((c) => (c.parent === undefined ? rankScore(c.features, weights) : 0));
  for (const [i, c] of cands.entries()) {
    if (c.parent === undefined) continue;
    const s = rankScore(c.features, weights);
    if (s > bestScore[c.parent]) {
      bestScore[c.parent] = s;
      best[c.parent] = i;
    }
  }
  return best;
}

/**
 * The candidates kept: from the best score down, those reaching `threshold` whose span crosses no span kept
 * before (one strictly inside another stands), one of a group at most, in the order of their scores.
 */
export function bestNonCrossing<T extends { span: readonly [number, number]; score: number; group?: number }>(
  items: readonly T[],
  threshold: number,
): T[] {
  const order = items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.score >= threshold)
    .sort((x, y) => y.item.score - x.item.score || x.i - y.i);
  const kept: T[] = [];
  const groups = new Set<number>();
  for (const { item } of order) {
    if (item.group !== undefined && groups.has(item.group)) continue;
    const [a0, b0] = item.span;
    const crosses = kept.some(
      ({ span: [a, b] }) => a < b0 && a0 < b && !(a < a0 && b0 < b) && !(a0 < a && b < b0),
    );
    if (crosses) continue;
    kept.push(item);
    if (item.group !== undefined) groups.add(item.group);
  }
  return kept;
}
