import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fitStandAlone,
  notUsableProbability,
  STAND_ALONE_FEATURES,
  standAloneModel,
  standAloneRow,
} from '../../src/text/stand-alone-model.js';

const feature = (name: string) => STAND_ALONE_FEATURES.findIndex((f) => f.startsWith(`${name}:`)) - 1;

test('the feature row reads the opening, the definite subject and the place in the article', () => {
  const row = standAloneRow('The incident was caught on a harbour camera late on Monday.', 7);
  assert.equal(row.length, STAND_ALONE_FEATURES.length - 1);
  assert.equal(row[feature('the-common')], 1);
  assert.equal(row[feature('the-shell')], 1);
  assert.equal(row[feature('lead')], 0);
  assert.equal(row[feature('short')], 1);
  const lead = standAloneRow(
    'The Porthallow harbour board closed the quay to ferries on Monday, its chair said.',
    0,
  );
  assert.equal(lead[feature('the-common')], 0);
  assert.equal(lead[feature('the-proper')], 1);
  assert.equal(lead[feature('lead')], 1);
  assert.equal(lead[feature('reporting')], 1);
  const caption = standAloneRow('Two pilots are waiting on the quay in the fog.', 12);
  assert.equal(caption[feature('progressive')], 1);
  assert.equal(caption[feature('past')], 0);
});

test('the fit separates what its labels separate, the same way each time', () => {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 40; i++) {
    const bad = i % 3 === 0 ? 1 : 0;
    rows.push([bad, i % 2, (i * 7) % 5 === 0 ? 1 : 0]);
    labels.push(i % 9 === 0 ? 1 - bad : bad);
  }
  const a = fitStandAlone(rows, labels, 1);
  const b = fitStandAlone(rows, labels, 1);
  assert.deepEqual(a, b);
  const model = { ...a, threshold: 0.5 };
  assert.ok(notUsableProbability(model, [1, 0, 0]) > 0.5);
  assert.ok(notUsableProbability(model, [0, 0, 0]) < 0.5);
});

test('the shipped model reads and has a threshold to veto by', () => {
  const m = standAloneModel();
  assert.equal(m.weights.length, STAND_ALONE_FEATURES.length - 1);
  assert.ok(m.threshold > 0 && m.threshold <= 1);
});
