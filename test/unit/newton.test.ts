import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitStandardized, newtonLogistic, outOfFold, standardization } from '../../src/models/newton.js';

test('standardization gives each column its mean and deviation, a constant column deviation 1', () => {
  const { mean, sd } = standardization(
    [
      [1, 5],
      [3, 5],
    ],
    2,
  );
  assert.deepEqual(mean, [2, 5]);
  assert.deepEqual(sd, [1, 1]);
});

test('fitStandardized learns the direction of a feature that predicts the label', () => {
  // The first column rises with the label, the second falls; the third is noise the same in both classes.
  const rows = [
    [1, 9, 0],
    [2, 8, 1],
    [3, 7, 0],
    [7, 3, 1],
    [8, 2, 0],
    [9, 1, 1],
  ];
  const labels = [0, 0, 0, 1, 1, 1];
  const m = fitStandardized(rows, labels, 1);
  assert.ok(m.weights[0] > 0 && m.weights[1] < 0, `weights ${m.weights}`);
  assert.ok(Math.abs(m.weights[2]) < Math.abs(m.weights[0]));
  const p = (r: number[]) =>
    1 / (1 + Math.exp(-(m.bias + r.reduce((s, v, j) => s + ((v - m.mean[j]) / m.sd[j]) * m.weights[j], 0))));
  assert.ok(p([8, 2, 0]) > 0.5 && p([2, 8, 0]) < 0.5);
});

test('fitStandardized is newtonLogistic over the standardised rows with a bias column', () => {
  const rows = [
    [0, 1],
    [1, 3],
    [2, 2],
    [4, 0],
  ];
  const labels = [0, 1, 0, 1];
  const m = fitStandardized(rows, labels, 0.5);
  const { mean, sd } = standardization(rows, 2);
  const x = rows.map((r) => [...r.map((v, j) => (v - mean[j]) / sd[j]), 1]);
  const w = newtonLogistic(x, labels, 0.5, { maxIterations: 60, tolerance: 1e-10 });
  assert.deepEqual([...m.weights, m.bias], w);
});

test('outOfFold scores each row with the model fitted on the other folds only', () => {
  const rows = [0, 1, 2, 3, 4, 5].map((i) => ({ fold: i % 3, v: i }));
  // The "model" is the set of values it was fitted on; a row scores 1 if its own value was among them.
  const prob = outOfFold(
    rows,
    rows,
    3,
    (train) => new Set(train.map((r) => r.v)),
    (seen, r) => (seen.has(r.v) ? 1 : 0),
  );
  assert.deepEqual(prob, [0, 0, 0, 0, 0, 0]);
});
