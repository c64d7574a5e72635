/** Alias merging against the hand-labelled merge pairs (data/gold/merges.md), on stories of the shared data. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { task } from '../../src/eval/merges.js';
import { NO_DATA, sharedData } from '../helpers.js';

const gold = fileURLToPath(new URL('../../data/gold/merges.jsonl', import.meta.url));

test('merge gold set: precision ≥ 0.97, recall ≥ 0.85, and the names are found in their stories', {
  skip: NO_DATA,
}, async () => {
  const r = await task.run({ data: gold, flags: { shared: sharedData }, log: () => {} });
  const m = r.metrics as Record<string, number>;
  assert.equal(r.items, 504);
  assert.ok(m.p >= 0.97, `precision ${m.p}`);
  assert.ok(m.r >= 0.85, `recall ${m.r}`);
  // a name counts as found only as the pipeline's own span or that span with a title or opener trimmed
  assert.ok(m.found >= 0.85, `found ${m.found}`);
});
