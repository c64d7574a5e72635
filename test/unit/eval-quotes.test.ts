import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { task } from '../../src/eval/quotes.js';
import { tempDir } from '../helpers.js';

/** A gold span for the first occurrence of `part` in `text`. */
const at = (text: string, part: string) => {
  const start = text.indexOf(part);
  assert.ok(start >= 0, part);
  return { start, end: start + part.length, text: part };
};

test('eval quotes: content, source and sourced-only content scores count span matches', async () => {
  const text =
    '“The pier is safe for walkers again,” the harbour master said on Tuesday. Rumours of a new toll spread along the quay.';
  const gold = {
    id: 'own-1',
    text,
    attributions: [
      {
        source: at(text, 'the harbour master'),
        cue: at(text, 'said'),
        content: at(text, 'The pier is safe for walkers again,'),
      },
      // Unsourced thought the extractor does not report: it lowers recall, but not the sourced-only score.
      { source: null, cue: at(text, 'Rumours'), content: at(text, 'a new toll') },
    ],
  };
  const dir = tempDir('nf-evalq-');
  const file = join(dir, 'gold.jsonl');
  writeFileSync(file, `${JSON.stringify(gold)}\n`);
  const r = await task.run({ data: file, flags: {}, log: () => {} });
  const m = r.metrics as Record<string, number>;
  assert.equal(m.gold, 2);
  assert.equal(m.predicted, 1);
  assert.equal(m.content_p, 1);
  assert.equal(m.content_r, 0.5);
  assert.equal(m.content_sourced_r, 1);
  assert.equal(m.content_sourced_f1, 1);
  assert.equal(m.source_f1, 1);
  assert.equal(m.cue_f1, 2 / 3);
});
