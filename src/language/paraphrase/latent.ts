/**
 * TF-KLD latent sentence vectors (Ji & Eisenstein 2013, "Discriminative improvements to distributional
 * sentence similarity"), for the "same fact" model. A sentence is its set of stem unigrams and bigrams
 * (hashes: SentenceFeatures.grams[0] and [1]); each such term is weighted by how differently it behaves in
 * same-fact and other pairs: the KL divergence between P(the other sentence has it too | one has it) over
 * same-fact pairs and over the other pairs (smoothed towards the overall rates). The weighted
 * sentence-by-term matrix of the training sentences is factorised by a truncated SVD (seeded randomized
 * subspace iteration: deterministic), and a sentence is the sum of the rows of its terms in
 * `weight × right singular vector` space. Pure functions; the projection table is the model's.
 */
import { rng } from '../../text/random.js';

/** The terms of a sentence: its distinct stem unigrams and bigrams (hashes; see features.ts). */
export function termsOf(grams: readonly Uint32Array[]): Uint32Array {
  const out = new Uint32Array(grams[0].length + grams[1].length);
  out.set(grams[0]);
  out.set(grams[1], grams[0].length);
  return out.sort();
}

/** Per term, over pairs of each label: how often a sentence had it, and how often the other one did too. */
export interface TermCounts {
  /** term → [given in a same-fact pair, both there, given in another pair, both there] */
  counts: Map<number, Float64Array>;
  /** The same summed over all terms. */
  total: Float64Array;
}

export interface LabelledTerms {
  a: Uint32Array;
  b: Uint32Array;
  label: number;
}

/** Whether sorted `xs` holds x. */
function has(xs: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] === x) return true;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Calls add(term, givenIndex, both) for each direction of a pair (sentence a given, then b given). */
function eachDirection(pair: LabelledTerms, add: (term: number, slot: number, both: boolean) => void): void {
  const slot = pair.label ? 0 : 2;
  for (const t of pair.a) add(t, slot, has(pair.b, t));
  for (const t of pair.b) add(t, slot, has(pair.a, t));
}

export function countTerms(pairs: readonly LabelledTerms[]): TermCounts {
  const counts = new Map<number, Float64Array>();
  const total = new Float64Array(4);
  for (const pair of pairs)
    eachDirection(pair, (t, slot, both) => {
      let c = counts.get(t);
      if (!c) counts.set(t, (c = new Float64Array(4)));
      c[slot]++;
      total[slot]++;
      if (both) {
        c[slot + 1]++;
        total[slot + 1]++;
      }
    });
  return { counts, total };
}

/** KL divergence of Bernoulli(p) from Bernoulli(q), the rates kept inside [1e-6, 1 − 1e-6]. */
function bernoulliKl(rateP: number, rateQ: number): number {
  const p = Math.min(Math.max(rateP, 1e-6), 1 - 1e-6);
  const q = Math.min(Math.max(rateQ, 1e-6), 1 - 1e-6);
  return p * Math.log(p / q) + (1 - p) * Math.log((1 - p) / (1 - q));
}

/**
 * The TF-KLD weight of a term from its counts `c` (less `minus`, a pair's own counts, when given): the
 * rates smoothed towards the overall ones with `prior` pseudo-observations.
 */
export function kldWeight(
  c: ArrayLike<number>,
  total: ArrayLike<number>,
  prior: number,
  minus?: ArrayLike<number>,
): number {
  const m = minus ?? [0, 0, 0, 0];
  const p = (c[1] - m[1] + (prior * total[1]) / total[0]) / (c[0] - m[0] + prior);
  const q = (c[3] - m[3] + (prior * total[3]) / total[2]) / (c[2] - m[2] + prior);
  return bernoulliKl(p, q);
}

/**
 * TF-KLD weights counted as in the authors' released code (github.com/jiyfeng/tfkld, python/weight.py), for
 * comparison: per pair and per term in either sentence, whether both have it, by label; every count starts
 * at 1.05 (1, then 0.05 of smoothing); the weight is KL(P_different || P_same) over {not shared, shared}.
 * Every term is kept (no minimum count).
 */
export function releasedKldWeights(pairs: readonly LabelledTerms[]): Map<number, number> {
  const counts = new Map<number, Float64Array>();
  for (const pair of pairs) {
    const either = new Set<number>([...pair.a, ...pair.b]);
    for (const t of either) {
      let c = counts.get(t);
      if (!c) counts.set(t, (c = Float64Array.from([1, 1, 1, 1])));
      c[(pair.label ? 2 : 0) + (has(pair.a, t) && has(pair.b, t) ? 1 : 0)]++;
    }
  }
  const out = new Map<number, number>();
  for (const [t, raw] of counts) {
    const c = raw.map((v) => v + 0.05);
    const d0 = c[0] / (c[0] + c[1]);
    const s0 = c[2] / (c[2] + c[3]);
    out.set(t, d0 * Math.log(d0 / s0 + 1e-7) + (1 - d0) * Math.log((1 - d0) / (1 - s0) + 1e-7));
  }
  return out;
}

/** A pair's own contribution to the counts of one term. */
export function ownCounts(pair: LabelledTerms, term: number): Float64Array {
  const own = new Float64Array(4);
  const slot = pair.label ? 0 : 2;
  const inA = has(pair.a, term);
  const inB = has(pair.b, term);
  const n = (inA ? 1 : 0) + (inB ? 1 : 0);
  own[slot] = n;
  own[slot + 1] = inA && inB ? 2 : 0;
  return own;
}

/** A sparse matrix by rows: row i is terms cols[start[i] .. start[i+1]) with values vals. */
export interface SparseRows {
  start: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
  width: number;
}

/** Dense column-major-free helpers: a matrix is an array of rows (Float64Array). */
type Dense = Float64Array[];

function zeros(rows: number, cols: number): Dense {
  return Array.from({ length: rows }, () => new Float64Array(cols));
}

/** X · M (M: width × l) → rows × l. */
function times(x: SparseRows, m: Dense, l: number): Dense {
  const n = x.start.length - 1;
  const out = zeros(n, l);
  for (let i = 0; i < n; i++) {
    const o = out[i];
    for (let p = x.start[i]; p < x.start[i + 1]; p++) {
      const v = x.vals[p];
      const r = m[x.cols[p]];
      for (let j = 0; j < l; j++) o[j] += v * r[j];
    }
  }
  return out;
}

/** Xᵀ · M (M: rows × l) → width × l. */
function timesT(x: SparseRows, m: Dense, l: number): Dense {
  const out = zeros(x.width, l);
  const n = x.start.length - 1;
  for (let i = 0; i < n; i++) {
    const r = m[i];
    for (let p = x.start[i]; p < x.start[i + 1]; p++) {
      const v = x.vals[p];
      const o = out[x.cols[p]];
      for (let j = 0; j < l; j++) o[j] += v * r[j];
    }
  }
  return out;
}

/**
 * Orthonormalises the columns of a tall matrix (rows × l) in place: Cholesky QR, twice (the second pass
 * mends the rounding of the first). Row by row, so it streams through memory. A column dependent on the
 * ones before is left at zero.
 */
function orthonormalise(m: Dense, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = zeros(l, l);
    for (const row of m)
      for (let i = 0; i < l; i++) {
        const ri = row[i];
        if (ri === 0) continue;
        const gi = g[i];
        for (let j = i; j < l; j++) gi[j] += ri * row[j];
      }
    // G = RᵀR, R upper triangular.
    const r = zeros(l, l);
    for (let i = 0; i < l; i++) {
      let d = g[i][i];
      for (let k = 0; k < i; k++) d -= r[k][i] * r[k][i];
      const rii = d > 1e-12 * (g[i][i] || 1) ? Math.sqrt(d) : 0;
      r[i][i] = rii;
      for (let j = i + 1; j < l; j++) {
        let s = g[i][j];
        for (let k = 0; k < i; k++) s -= r[k][i] * r[k][j];
        r[i][j] = rii ? s / rii : 0;
      }
    }
    // Each row x ← x R⁻¹ (forward substitution: x_j = (y_j − Σ_{k<j} x_k R_kj) / R_jj).
    for (const row of m)
      for (let j = 0; j < l; j++) {
        let s = row[j];
        for (let k = 0; k < j; k++) s -= row[k] * r[k][j];
        row[j] = r[j][j] ? s / r[j][j] : 0;
      }
  }
}

/** Eigenvalues (descending) and eigenvectors (columns) of a small symmetric matrix, by cyclic Jacobi. */
export function symmetricEigen(a: Dense): { values: number[]; vectors: Dense } {
  const n = a.length;
  const m = a.map((r) => Float64Array.from(r));
  const v = zeros(n, n);
  for (let i = 0; i < n; i++) v[i][i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p][q] * m[p][q];
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p][q]) < 1e-300) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p];
          const mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k];
          const mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  const order = [...Array(n).keys()].sort((i, j) => m[j][j] - m[i][i] || i - j);
  return {
    values: order.map((i) => m[i][i]),
    vectors: v.map((row) => Float64Array.from(order, (i) => row[i])),
  };
}

/**
 * The top-k right singular vectors of X (width × k, as rows per term) and the singular values: randomized
 * subspace iteration with `iterations` power steps, k + 10 columns, a seeded Gaussian start. Each vector's
 * sign is fixed (its largest entry positive), so the result does not depend on the start's signs.
 */
export function truncatedSvd(
  x: SparseRows,
  k: number,
  { iterations = 4, seed = 1 }: { iterations?: number; seed?: number } = {},
): { vectors: Dense; values: number[] } {
  const l = Math.min(k + 10, x.width, x.start.length - 1);
  const random = rng(seed);
  const gauss = () => {
    const u = random() || 1e-12;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const omega = Array.from({ length: x.width }, () => Float64Array.from({ length: l }, gauss));
  let y = times(x, omega, l);
  orthonormalise(y, l);
  for (let it = 0; it < iterations; it++) {
    const z = timesT(x, y, l);
    orthonormalise(z, l);
    y = times(x, z, l);
    orthonormalise(y, l);
  }
  // B = Qᵀ X (l × width), as its transpose Xᵀ Q (width × l); B Bᵀ = (XᵀQ)ᵀ(XᵀQ).
  const bt = timesT(x, y, l);
  const gram = zeros(l, l);
  for (const row of bt)
    for (let i = 0; i < l; i++) {
      const ri = row[i];
      if (ri === 0) continue;
      for (let j = i; j < l; j++) gram[i][j] += ri * row[j];
    }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i][j] = gram[j][i];
  const { values, vectors } = symmetricEigen(gram);
  const kk = Math.min(k, l);
  const sigma = values.slice(0, kk).map((v) => Math.sqrt(Math.max(v, 0)));
  // V = Bᵀ W Σ⁻¹.
  const v = zeros(x.width, kk);
  for (let t = 0; t < x.width; t++) {
    const row = bt[t];
    const out = v[t];
    for (let j = 0; j < kk; j++) {
      let s = 0;
      for (let i = 0; i < l; i++) s += row[i] * vectors[i][j];
      out[j] = sigma[j] ? s / sigma[j] : 0;
    }
  }
  for (let j = 0; j < kk; j++) {
    let big = 0;
    for (let t = 0; t < x.width; t++) if (Math.abs(v[t][j]) > Math.abs(big)) big = v[t][j];
    if (big < 0) for (let t = 0; t < x.width; t++) v[t][j] = -v[t][j];
  }
  return { vectors: v, values: sigma };
}

/** The latent vector of a sentence: the sum of the projection rows of its known terms. */
export function project(
  terms: Uint32Array,
  index: ReadonlyMap<number, number>,
  table: Float32Array | Float64Array,
  k: number,
): Float64Array {
  const out = new Float64Array(k);
  for (const t of terms) {
    const r = index.get(t);
    if (r === undefined) continue;
    const base = r * k;
    for (let j = 0; j < k; j++) out[j] += table[base + j];
  }
  return out;
}

export interface LatentSettings {
  /** Latent dimensions. */
  k: number;
  /** Pseudo-observations pulling a term's rates towards the overall ones. */
  prior: number;
  /** A term is kept when the training sentences hold it at least this often. */
  minCount: number;
  /** Power steps of the subspace iteration, and its seed. */
  iterations: number;
  seed: number;
  /** 'released': the weights of releasedKldWeights (every term) instead of the smoothed rates. */
  weighting?: 'rates' | 'released';
}

/** The latent space learned from some labelled pairs: term → row, and the rows (weight × singular vector). */
export interface LatentSpace {
  index: Map<number, number>;
  table: Float64Array;
  k: number;
}

/**
 * TF-KLD weights from the pairs `train` (their terms and labels), then the truncated SVD of the weighted
 * matrix of the distinct sentences `sentences` (the training pairs' own, or more when unlabelled text is
 * used: the transductive variant).
 */
export function fitLatent(
  train: readonly LabelledTerms[],
  sentences: readonly Uint32Array[],
  settings: LatentSettings,
): LatentSpace {
  let vocab: number[];
  let weights: number[];
  if (settings.weighting === 'released') {
    const byTerm = releasedKldWeights(train);
    vocab = [...byTerm.keys()].sort((x, y) => x - y);
    weights = vocab.map((t) => byTerm.get(t) as number);
  } else {
    const { counts, total } = countTerms(train);
    vocab = [...counts.keys()]
      .filter((t) => {
        const c = counts.get(t) as Float64Array;
        return c[0] + c[2] >= settings.minCount;
      })
      .sort((x, y) => x - y);
    weights = vocab.map((t) => kldWeight(counts.get(t) as Float64Array, total, settings.prior));
  }
  const index = new Map(vocab.map((t, i) => [t, i]));
  const start = [0];
  const cols: number[] = [];
  const vals: number[] = [];
  for (const terms of sentences) {
    for (const t of terms) {
      const r = index.get(t);
      if (r !== undefined) {
        cols.push(r);
        vals.push(weights[r]);
      }
    }
    start.push(cols.length);
  }
  const x: SparseRows = {
    start: Int32Array.from(start),
    cols: Int32Array.from(cols),
    vals: Float64Array.from(vals),
    width: vocab.length,
  };
  const { vectors } = truncatedSvd(x, settings.k, settings);
  const k = vectors[0]?.length ?? 0;
  const table = new Float64Array(vocab.length * k);
  for (let r = 0; r < vocab.length; r++)
    for (let j = 0; j < k; j++) table[r * k + j] = weights[r] * vectors[r][j];
  return { index, table, k };
}

/** The latent features of a pair of sentence vectors: u + v, |u − v|, and their cosine. */
export function latentPairFeatures(u: Float64Array, v: Float64Array): number[] {
  const out: number[] = [];
  for (let j = 0; j < u.length; j++) out.push(u[j] + v[j]);
  for (let j = 0; j < u.length; j++) out.push(Math.abs(u[j] - v[j]));
  let dot = 0;
  let nu = 0;
  let nv = 0;
  for (let j = 0; j < u.length; j++) {
    dot += u[j] * v[j];
    nu += u[j] * u[j];
    nv += v[j] * v[j];
  }
  out.push(nu && nv ? dot / Math.sqrt(nu * nv) : 0);
  return out;
}
