/**
 * L2-penalised logistic regression fitted by Newton's method, for the project's small trainers (same fact,
 * same story). Deterministic: a fixed number of steps at most, a dense solve, no randomness. The rows come
 * standardised, their last column the constant 1 of the bias, which is not penalised.
 */

export interface NewtonOptions {
  /** A weight per row (default 1 each). */
  sampleWeights?: readonly number[];
  maxIterations: number;
  /** Stop once no weight moves by more than this. */
  tolerance: number;
}

/**
 * Each column's mean and standard deviation over `rows` (a constant column gets deviation 1), for the trainers
 * that standardise their features before `newtonLogistic`.
 */
export function standardization(
  rows: readonly (readonly number[])[],
  d: number,
): { mean: number[]; sd: number[] } {
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r[j] / rows.length;
  for (const r of rows) for (let j = 0; j < d; j++) sd[j] += (r[j] - mean[j]) ** 2 / rows.length;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  return { mean, sd };
}

/** A logistic model over standardised features: the columns' mean and deviation, the weights and the bias. */
export interface StandardizedLogistic {
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
}

/** The probability a `StandardizedLogistic` gives one row of raw (unstandardised) features. */
export function standardizedProbability(model: StandardizedLogistic, row: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++)
    z += (model.weights[j] * (row[j] - model.mean[j])) / model.sd[j];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Standardises `rows` (`standardization`), appends the bias column and fits `newtonLogistic` with the small
 * trainers' settings (at most 60 steps, tolerance 1e-10).
 */
export function fitStandardized(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  l2: number,
): StandardizedLogistic {
  const d = rows[0].length;
  const { mean, sd } = standardization(rows, d);
  const x = rows.map((r) => {
    const xi = new Float64Array(d + 1);
    for (let j = 0; j < d; j++) xi[j] = (r[j] - mean[j]) / sd[j];
    xi[d] = 1;
    return xi;
  });
  const w = newtonLogistic(x, labels, l2, { maxIterations: 60, tolerance: 1e-10 });
  return { mean, sd, weights: w.slice(0, d), bias: w[d] };
}

/** The weights (bias last) maximising the penalised log-likelihood of `labels` (0/1) given rows `x`. */
export function newtonLogistic(
  x: readonly ArrayLike<number>[],
  labels: readonly number[],
  l2: number,
  { sampleWeights, maxIterations, tolerance }: NewtonOptions,
): number[] {
  const k = x[0].length;
  let w = new Array<number>(k).fill(0);
  for (let iter = 0; iter < maxIterations; iter++) {
    const grad = new Array<number>(k).fill(0);
    const hess = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < x.length; i++) {
      const xi = x[i];
      let z = 0;
      for (let j = 0; j < k; j++) z += w[j] * xi[j];
      const p = 1 / (1 + Math.exp(-z));
      const sw = sampleWeights ? sampleWeights[i] : 1;
      const g = sw * (labels[i] - p);
      const h = sw * p * (1 - p);
      for (let j = 0; j < k; j++) {
        grad[j] += g * xi[j];
        const hj = h * xi[j];
        for (let l = j; l < k; l++) hess[j][l] += hj * xi[l];
      }
    }
    for (let j = 0; j < k; j++) {
      for (let l = 0; l < j; l++) hess[j][l] = hess[l][j];
      if (j < k - 1) {
        grad[j] -= l2 * w[j];
        hess[j][j] += l2;
      }
    }
    const step = solve(hess, grad);
    w = w.map((v, j) => v + step[j]);
    if (Math.max(...step.map(Math.abs)) < tolerance) break;
  }
  return w;
}

/** Solves A x = b for a small dense A by Gaussian elimination with partial pivoting. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const piv = m[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / piv;
      if (f !== 0) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / (m[r][r] || 1e-12);
  }
  return x;
}

/**
 * Cross-validated probabilities: each row of `rows` scored by the model `fit` makes of the `train` rows outside
 * its fold (`foldOf`, 0 … folds − 1). Rows not in `train` are scored too, by their own fold's model.
 */
export function outOfFold<R extends { fold: number }, M>(
  rows: readonly R[],
  train: readonly R[],
  folds: number,
  fit: (rows: R[]) => M,
  predict: (model: M, row: R) => number,
): number[] {
  const prob = new Array<number>(rows.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const model = fit(train.filter((r) => r.fold !== f));
    rows.forEach((r, i) => {
      if (r.fold === f) prob[i] = predict(model, r);
    });
  }
  return prob;
}
