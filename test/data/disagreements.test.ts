import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { task } from '../../src/eval/disagreements.js';
import { NO_DATA, sharedData } from '../helpers.js';

const gold = fileURLToPath(new URL('../../data/gold/disagreements.jsonl', import.meta.url));

test('disagreement dev set: precision >= 0.9 at recall >= 0.6 over the labelled figure pairs', {
  skip: NO_DATA,
}, async () => {
  const r = await task.run({ data: gold, flags: { shared: sharedData }, log: () => {} });
  const m = r.metrics as Record<string, number>;
  assert.equal(m.pairs, 393);
  assert.ok(m.precision >= 0.9, `precision ${m.precision}`);
  assert.ok(m.recall >= 0.6, `recall ${m.recall}`);
  // Updates over time and parsing errors are never shown as conflicts.
  assert.equal(m.reported_update, 0);
  assert.equal(m.reported_parse, 0);
});
