/** `newsfuse eval non-articles` over the hand-labelled gold (data/gold/non-articles.md), on the shared data. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { task } from '../../src/eval/non-articles.js';
import { NO_DATA, sharedData } from '../helpers.js';

const gold = fileURLToPath(new URL('../../data/gold/non-articles.jsonl', import.meta.url));

test('non-article detection keeps every labelled article and its floors', { skip: NO_DATA }, async () => {
  const r = await task.run({ data: gold, flags: { shared: sharedData }, log: () => {} });
  const m = r.metrics as Record<string, number>;
  const d = r.details as Record<string, Record<string, number>>;
  assert.equal(m.non_articles, 196);
  assert.equal(m.articles, 1554);
  // Precision first: no labelled article dropped (h8-nonart, 2026-12-06: 0 of 1,104; with round 5: 0 of 1,371;
  // with round 7: 0 of 1,554).
  assert.equal(m.false_drops, 0, `${m.false_drops} labelled articles dropped`);
  // Recall 0.5412 (held-out test 0.5088, round 4 test 0.1667) once the trainer refuses any setting that drops a
  // page labelled unsure (h8-nonart). Round 5 (h9-nonart, labelled blind) adds 20 non-articles that model misses
  // all of (recall 0.4842, test 0.4531); feature set 7 retrained on rounds 1-5 (video-list stamps, programme pages,
  // wider datelines, no time zone as a place): recall 0.5526, test 0.4844, round 4 test 0.2778, trafilatura 2 of
  // 37. Round 7 (h10-nonart, blind, 6 more non-articles): that model 0.5408, test 0.4706; feature set 8 (listing
  // furniture apart, agency datelines past the first) retrained on rounds 1-7: recall 0.6071, test 0.5294, round 5
  // test 0.2857. A fall is a regression.
  assert.ok(m.recall >= 0.6, `recall ${m.recall}`);
  assert.ok(m.test_recall >= 0.52, `held-out test recall ${m.test_recall}`);
  assert.ok(d['round 5 test'].recall >= 0.28, `round 5 test recall ${d['round 5 test'].recall}`);
  assert.ok(d['round 4 test'].recall >= 0.27, `round 4 test recall ${d['round 4 test'].recall}`);
  assert.ok(d.trafilatura.recall >= 0.05, `trafilatura recall ${d.trafilatura.recall}`);
  // Real articles dropped: 7 extraction pages under the extractor's word floor, 2 one-sentence DUC briefs.
  assert.ok(m.articles_dropped <= 7, `${m.articles_dropped} extraction pages dropped`);
  assert.ok(m.duc_dropped <= 2, `${m.duc_dropped} DUC documents dropped`);
});

test('non-article detection keeps every article of the blind round 8', { skip: NO_DATA }, async () => {
  const round8 = fileURLToPath(new URL('../../data/gold/non-articles.round8.jsonl', import.meta.url));
  const r = await task.run({ data: round8, flags: { shared: sharedData }, log: () => {} });
  const m = r.metrics as Record<string, number>;
  assert.equal(m.non_articles, 2);
  assert.equal(m.articles, 124);
  // Main at h11-nonart (2026-12-07): 0 of the 2 non-articles found, 0 of 124 articles dropped.
  assert.equal(m.false_drops, 0, `${m.false_drops} labelled articles dropped`);
});
