/**
 * Learning the "same fact" model from labelled sentence pairs: the IDF table of the training sentences, a
 * logistic regression over the standardised pair features (Newton's method with an L2 penalty: exact and
 * deterministic), and the seeded k-fold cross-validation that measures it. Shared by the trainer
 * (scripts/train/paraphrase.ts) and `newsfuse eval paraphrase --cv K`. Pure functions.
 */

import { newtonLogistic, standardization } from '../../models/newton.js';
import { rng } from '../../text/random.js';
import {
  analyseText,
  PAIR_FEATURES,
  pairFeatures,
  reweigh,
  type SentenceFeatures,
  type Weigh,
} from './features.js';

export interface Pair {
  id?: string;
  label: number;
  s1: string;
  s2: string;
}

/** Document frequencies of the content stems of some sentences (each sentence counted once). */
export interface DocFrequencies {
  docs: number;
  /** Stem → number of sentences holding it; stems seen once are left out (read as 1). */
  df: Record<string, number>;
}

export function documentFrequencies(sentences: readonly (string | SentenceFeatures)[]): DocFrequencies {
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const t of (typeof s === 'string' ? analyseText(s) : s).content)
      counts.set(t, (counts.get(t) ?? 0) + 1);
  const df: Record<string, number> = {};
  for (const t of [...counts.keys()].sort()) if ((counts.get(t) ?? 0) > 1) df[t] = counts.get(t) ?? 0;
  return { docs: sentences.length, df };
}

/** IDF from document frequencies: log((N + 1) / (df + 1)) + 1; an unseen stem counts as seen once. */
export function idfWeigh(freq: DocFrequencies): Weigh {
  const { docs, df } = freq;
  return (s) => Math.log((docs + 1) / ((df[s] ?? 1) + 1)) + 1;
}

export interface Logistic {
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
}

/** P(same) of a feature row. */
export function predict(model: Logistic, row: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < row.length; j++)
    if (model.weights[j]) z += (model.weights[j] * (row[j] - model.mean[j])) / model.sd[j];
  return 1 / (1 + Math.exp(-z));
}

/**
 * L2-penalised logistic regression on the columns in `use` (the others get weight 0), features standardised
 * by the training rows' mean and standard deviation; the bias is not penalised.
 */
export function fitLogistic(
  rows: number[][],
  labels: number[],
  l2: number,
  use: readonly boolean[],
): Logistic {
  const d = rows[0].length;
  const { mean, sd } = standardization(rows, d);
  const cols = [...Array(d).keys()].filter((j) => use[j]);
  const x = rows.map((r) => [...cols.map((j) => (r[j] - mean[j]) / sd[j]), 1]);
  const k = cols.length + 1;
  const w = newtonLogistic(x, labels, l2, { maxIterations: 50, tolerance: 1e-9 });
  const weights = new Array<number>(d).fill(0);
  cols.forEach((j, i) => {
    weights[j] = w[i];
  });
  return { mean, sd, weights, bias: w[k - 1] };
}

/** Which feature columns a set of groups keeps. */
export function groupMask(groups: readonly string[]): boolean[] {
  return PAIR_FEATURES.map(([group]) => groups.includes(group));
}

export const ALL_GROUPS: readonly string[] = [...new Set(PAIR_FEATURES.map(([g]) => g))];

export type Bases = (readonly [SentenceFeatures, SentenceFeatures])[];

/** The weight-free features of every pair's sentences (analysed once; see reweigh). */
export function pairBases(pairs: readonly Pair[]): Bases {
  const cache = new Map<string, SentenceFeatures>();
  const of = (text: string) => {
    let f = cache.get(text);
    if (!f) cache.set(text, (f = analyseText(text)));
    return f;
  };
  return pairs.map((p) => [of(p.s1), of(p.s2)] as const);
}

/** The feature rows of some pairs (their pairBases) with term weights. */
export function pairRows(bases: Bases, weigh: Weigh): number[][] {
  return bases.map(([a, b]) => pairFeatures(reweigh(a, weigh), reweigh(b, weigh)));
}

export interface Scores {
  accuracy: number;
  f1: number;
  p: number;
  r: number;
}

export function score(labels: readonly number[], probs: readonly number[], threshold = 0.5): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  for (const [i, y] of labels.entries()) {
    const said = probs[i] >= threshold ? 1 : 0;
    if (said === y) right++;
    if (said && y) tp++;
    else if (said) fp++;
    else if (y) fn++;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { accuracy: right / labels.length, f1: p + r ? (2 * p * r) / (p + r) : 0, p, r };
}

/** Seeded fold of every pair: a shuffled order dealt round-robin into k folds. */
export function folds(n: number, k: number, seed: number): number[] {
  const order = [...Array(n).keys()];
  const random = rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Array<number>(n);
  order.forEach((item, pos) => {
    fold[item] = pos % k;
  });
  return fold;
}

export interface FitSettings {
  l2: number;
  groups: readonly string[];
}

/**
 * A fold's rows: IDF from the sentences of its training part only (no peeking at the held-out part).
 * `bases` from pairBases(pairs), computed once for all folds.
 */
export function foldRows(bases: Bases, fold: readonly number[], held: number): number[][] {
  return rowsTrainedOn(bases, (i) => fold[i] !== held);
}

/** The rows of all pairs with the IDF of the pairs `inTrain` picks. */
export function rowsTrainedOn(bases: Bases, inTrain: (i: number) => boolean): number[][] {
  return pairRows(bases, idfWeigh(documentFrequencies(bases.filter((_, i) => inTrain(i)).flat())));
}

/**
 * k-fold cross-validation: for each fold, the IDF and the regression from the other folds, the
 * probabilities of its pairs. `rowsOf(held)` gives the rows for that split (cached by the caller when
 * several settings are compared). Returns the out-of-fold probabilities.
 */
export function crossValidate(
  pairs: readonly Pair[],
  fold: readonly number[],
  k: number,
  settings: FitSettings,
  rowsOf: (held: number) => number[][],
): number[] {
  const probs = new Array<number>(pairs.length).fill(0);
  const use = groupMask(settings.groups);
  for (let held = 0; held < k; held++) {
    const rows = rowsOf(held);
    const trainIdx = pairs.map((_, i) => i).filter((i) => fold[i] !== held);
    const model = fitLogistic(
      trainIdx.map((i) => rows[i]),
      trainIdx.map((i) => pairs[i].label),
      settings.l2,
      use,
    );
    for (const [i, f] of fold.entries()) if (f === held) probs[i] = predict(model, rows[i]);
  }
  return probs;
}
