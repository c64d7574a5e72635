import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { task } from '../../src/eval/paraphrase.js';
import { fitLogistic, folds, predict, score } from '../../src/language/paraphrase/fit.js';
import { tempDir } from '../helpers.js';

const dir = tempDir();
const quiet = () => {};

test('score counts accuracy and precision, recall, F1 of the "same" class at the threshold', () => {
  const s = score([1, 0, 1, 0, 1], [0.9, 0.2, 0.4, 0.6, 0.5]);
  assert.deepEqual(s, { accuracy: 0.6, f1: 2 / 3, p: 2 / 3, r: 2 / 3 });
  assert.equal(score([1, 1], [0.9, 0.9], 0.95).r, 0);
});

test('folds are seeded, balanced and cover every item', () => {
  const a = folds(103, 10, 1);
  assert.deepEqual(a, folds(103, 10, 1));
  assert.notDeepEqual(a, folds(103, 10, 2));
  const sizes = Array.from({ length: 10 }, (_, k) => a.filter((f) => f === k).length);
  assert.ok(Math.min(...sizes) >= 10 && Math.max(...sizes) <= 11, String(sizes));
});

test('the logistic regression learns the sign of a feature and leaves unused columns at 0', () => {
  const rows = Array.from({ length: 40 }, (_, i) => [i % 2 ? 1 + (i % 5) / 10 : -1 - (i % 3) / 10, i % 7]);
  const labels = rows.map((r) => (r[0] > 0 ? 1 : 0));
  const model = fitLogistic(rows, labels, 1, [true, false]);
  assert.ok(model.weights[0] > 0);
  assert.equal(model.weights[1], 0);
  assert.ok(predict(model, [1.2, 3]) > 0.8 && predict(model, [-1.2, 3]) < 0.2);
});

test('eval paraphrase scores a pair file with the shipped model', async () => {
  const pairs = [
    {
      id: 'a',
      label: 1,
      s1: 'The airline cancelled forty flights on Friday because of the storm.',
      s2: 'Because of the storm, forty flights were cancelled by the airline on Friday.',
    },
    {
      id: 'b',
      label: 0,
      s1: 'The museum will reopen its west wing after two years of repairs.',
      s2: 'Farmers in the valley expect a smaller harvest after the dry summer.',
    },
  ];
  const file = join(dir, 'pairs.jsonl');
  writeFileSync(file, pairs.map((p) => JSON.stringify(p)).join('\n'));
  const result = await task.run({ data: file, flags: {}, log: quiet });
  assert.equal(result.items, 2);
  for (const key of ['accuracy', 'f1', 'p', 'r', 'pairs_per_s']) assert.ok(key in result.metrics, key);
  assert.equal(result.metrics.accuracy, 1);
  assert.equal(result.metrics.folds, 0);
});
