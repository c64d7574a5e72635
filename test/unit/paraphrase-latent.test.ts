import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseText } from '../../src/language/paraphrase/features.js';
import {
  countTerms,
  fitLatent,
  kldWeight,
  type LabelledTerms,
  latentPairFeatures,
  ownCounts,
  project,
  releasedKldWeights,
  type SparseRows,
  symmetricEigen,
  termsOf,
  truncatedSvd,
} from '../../src/language/paraphrase/latent.js';

const terms = (text: string) => termsOf(analyseText(text).grams);

function sparse(dense: number[][]): SparseRows {
  const start = [0];
  const cols: number[] = [];
  const vals: number[] = [];
  for (const row of dense) {
    row.forEach((v, j) => {
      if (v !== 0) {
        cols.push(j);
        vals.push(v);
      }
    });
    start.push(cols.length);
  }
  return {
    start: Int32Array.from(start),
    cols: Int32Array.from(cols),
    vals: Float64Array.from(vals),
    width: dense[0].length,
  };
}

test('symmetricEigen finds the eigenvalues of a small symmetric matrix, largest first', () => {
  // [[2,1],[1,2]] has eigenvalues 3 and 1, eigenvectors (1,1)/√2 and (1,−1)/√2.
  const { values, vectors } = symmetricEigen([Float64Array.from([2, 1]), Float64Array.from([1, 2])]);
  assert.ok(Math.abs(values[0] - 3) < 1e-12 && Math.abs(values[1] - 1) < 1e-12, `${values}`);
  assert.ok(Math.abs(Math.abs(vectors[0][0]) - Math.SQRT1_2) < 1e-12);
  assert.ok(Math.abs(vectors[0][0] - vectors[1][0]) < 1e-12);
});

test('truncatedSvd recovers the singular values and orthonormal vectors of a low-rank matrix', () => {
  // Rank 2: rows are mixes of two patterns with weights far apart.
  const p = [1, 2, 0, 1, 0, 3];
  const q = [0, 1, 4, 0, 2, 0];
  const dense = Array.from({ length: 12 }, (_, i) => p.map((x, j) => 5 * (i % 3) * x + (i % 4) * q[j]));
  const x = sparse(dense);
  const { values, vectors } = truncatedSvd(x, 2, { iterations: 3, seed: 7 });
  // The squared singular values are the top eigenvalues of XᵀX.
  const xtx = Array.from({ length: 6 }, (_, a) =>
    Float64Array.from({ length: 6 }, (_, b) => dense.reduce((s, row) => s + row[a] * row[b], 0)),
  );
  const exact = symmetricEigen(xtx).values.slice(0, 2).map(Math.sqrt);
  for (let j = 0; j < 2; j++)
    assert.ok(Math.abs(values[j] - exact[j]) < 1e-8 * exact[0], `${values} vs ${exact}`);
  const dot = (a: number, b: number) => vectors.reduce((s, row) => s + row[a] * row[b], 0);
  assert.ok(Math.abs(dot(0, 0) - 1) < 1e-9 && Math.abs(dot(1, 1) - 1) < 1e-9 && Math.abs(dot(0, 1)) < 1e-9);
  // Deterministic, and the same for another seed (signs are fixed).
  const again = truncatedSvd(x, 2, { iterations: 3, seed: 8 });
  for (let t = 0; t < 6; t++) assert.ok(Math.abs(again.vectors[t][0] - vectors[t][0]) < 1e-8);
});

test('a term whose presence in both sentences marks a same-fact pair weighs more than a neutral one', () => {
  const pairs: LabelledTerms[] = [];
  // Term 1 is in both sentences of same-fact pairs, in one only of the others; term 2 behaves alike in both.
  for (let i = 0; i < 20; i++) {
    pairs.push({ a: Uint32Array.from([1, 2]), b: Uint32Array.from([1, 2]), label: 1 });
    pairs.push({ a: Uint32Array.from([1, 2]), b: Uint32Array.from([2, 3]), label: 0 });
  }
  const { counts, total } = countTerms(pairs);
  const w1 = kldWeight(counts.get(1) as Float64Array, total, 2);
  const w2 = kldWeight(counts.get(2) as Float64Array, total, 2);
  assert.ok(w1 > 10 * w2, `${w1} vs ${w2}`);
  // A pair's own counts taken out give the counts without it.
  const without = countTerms(pairs.slice(1));
  const own = ownCounts(pairs[0], 1);
  assert.deepEqual(
    [...(counts.get(1) as Float64Array)].map((c, i) => c - own[i]),
    [...(without.counts.get(1) as Float64Array)],
  );
});

test('sentences that share their discriminative terms come out closer in the latent space', () => {
  const facts = [
    ['The river ferry sank near the harbour on Friday.', 'On Friday the river ferry sank near the harbour.'],
    ['The school board approved a new lunch budget.', 'A new lunch budget was approved by the school board.'],
    [
      'Heavy snow closed the mountain pass overnight.',
      'The mountain pass was closed overnight by heavy snow.',
    ],
    ['The museum opened a wing for old maps.', 'A wing for old maps was opened by the museum.'],
  ];
  const train: LabelledTerms[] = [];
  for (const [i, [a, b]] of facts.entries()) {
    train.push({ a: terms(a), b: terms(b), label: 1 });
    train.push({ a: terms(a), b: terms(facts[(i + 1) % facts.length][1]), label: 0 });
  }
  const sentences = facts.flat().map(terms);
  const settings = { k: 3, prior: 1, minCount: 1, iterations: 3, seed: 1 };
  const space = fitLatent(train, sentences, settings);
  const vec = (text: string) => project(terms(text), space.index, space.table, space.k);
  const cosine = (a: string, b: string) => latentPairFeatures(vec(a), vec(b)).at(-1) as number;
  const same = cosine(facts[0][0], 'The river ferry sank near the harbour.');
  const other = cosine(facts[0][0], facts[2][1]);
  assert.ok(same > other, `same ${same} vs other ${other}`);
  assert.equal(latentPairFeatures(vec(facts[1][0]), vec(facts[1][0])).length, 2 * space.k + 1);
  // Deterministic: the same training gives the same table.
  assert.deepEqual(fitLatent(train, sentences, settings).table, space.table);
});

test('releasedKldWeights: a term shared only in same-fact pairs outweighs one shared alike in both kinds', () => {
  // Term 1 is shared in every same pair and in no other; term 2 is shared in half of each kind.
  const pair = (a: number[], b: number[], label: number): LabelledTerms => ({
    a: Uint32Array.from(a).sort(),
    b: Uint32Array.from(b).sort(),
    label,
  });
  const pairs = [
    pair([1, 2], [1, 2], 1),
    pair([1, 2], [1, 3], 1),
    pair([1, 2], [2], 0),
    pair([1, 2], [3], 0),
  ];
  const w = releasedKldWeights(pairs);
  assert.ok((w.get(1) as number) > 0.1, `${w.get(1)}`);
  assert.ok(Math.abs(w.get(2) as number) < 1e-6, `${w.get(2)}`);
  assert.equal(w.size, 3);
});
