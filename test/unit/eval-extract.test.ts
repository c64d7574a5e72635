/** The extraction eval's scorers: text overlap and trafilatura-style segment counts. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scorePage, scoreSegments, segmentMetrics } from '../../src/eval/extract.js';

test('segments: a with-snippet found across a line break is a true positive, a without-snippet found a false one', () => {
  const text = 'The mayor of Lindenfeld opened the bridge\n\non Tuesday morning.\n\nShare this story';
  const c = scoreSegments(
    text,
    ['opened the bridge on Tuesday   morning.', 'The council paid for it.'],
    ['Share this story', 'Subscribe to our newsletter'],
  );
  assert.deepEqual(c, { tp: 1, fn: 1, fp: 1, tn: 1 });
});

test('segment metrics are summed over pages before dividing', () => {
  const m = segmentMetrics([
    { tp: 2, fn: 0, fp: 1, tn: 1 },
    { tp: 0, fn: 2, fp: 0, tn: 2 },
  ]);
  assert.equal(m.seg_p, 2 / 3);
  assert.equal(m.seg_r, 0.5);
  assert.ok(Math.abs((m.seg_f1 as number) - 4 / 7) < 1e-12);
  assert.equal(m.seg_acc, 5 / 8);
});

test('an empty extraction of a page with with-snippets is counted as empty', () => {
  assert.equal(scorePage({ text: '' }, { with: ['Some text.'], without: [] }).empty, true);
  assert.equal(scorePage({ text: '' }, { with: [], without: ['Menu'] }).empty, false);
  assert.equal(scorePage({ text: ' ' }, { text: 'Gold words here.' }).empty, true);
  assert.equal(scorePage({ text: 'Gold words' }, { text: 'Gold words here.' }).empty, false);
});
