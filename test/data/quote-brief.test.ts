/** The brief's operating point of the quote ranker, checked on PolNeAR dev. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { task } from '../../src/eval/quotes.js';
import { NO_DATA, sharedData } from '../helpers.js';

test('PolNeAR dev: quotes a brief shows have the right content and speaker 90% of the time or more', {
  skip: NO_DATA,
}, async () => {
  const r = await task.run({ data: `${sharedData}quotes/polnear-dev.jsonl`, flags: {}, log: () => {} });
  const m = r.metrics as Record<string, number>;
  assert.ok(m.brief_attribution_p >= 0.9, `brief attribution precision ${m.brief_attribution_p}`);
  // ... and still find a quarter of the attributions that name a source.
  assert.ok(m.brief_attribution_r >= 0.25, `brief attribution recall ${m.brief_attribution_r}`);
  // A lower threshold shows more, less surely.
  const lower = await task.run({
    data: `${sharedData}quotes/polnear-dev.jsonl`,
    flags: { threshold: String(m.brief_threshold - 1) },
    log: () => {},
  });
  const l = lower.metrics as Record<string, number>;
  assert.ok(l.brief_shown > m.brief_shown && l.brief_attribution_p < m.brief_attribution_p);
});
