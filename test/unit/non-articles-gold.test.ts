/**
 * The non-article gold files (data/gold/non-articles.md): the round-3 sample, kept apart from the file the trainer
 * reads, must label pages the main file does not (one page in both would be counted twice once the round is
 * folded in, and would leak into the trainer's dev part), with the labels and reasons the protocol allows.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const gold = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../data/gold/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as { set: string; id?: string; label: string; reason?: string; round?: number },
    );

const REASONS = new Set([
  'error page',
  'wall',
  'widget',
  'crawl notice',
  'social notice',
  'index page',
  'too little prose',
]);

test('round 3 labels trafilatura pages the main file does not, with the protocol labels', () => {
  const main = new Set(gold('non-articles.jsonl').flatMap((g) => (g.set === 'trafilatura' ? [g.id] : [])));
  const round3 = gold('non-articles.round3.jsonl');
  assert.equal(round3.length, 66);
  assert.equal(new Set(round3.map((g) => g.id)).size, round3.length, 'each page once');
  for (const g of round3) {
    assert.equal(g.set, 'trafilatura');
    assert.equal(g.round, 3);
    assert.match(g.id ?? '', /^[0-9a-f]{16}$/);
    assert.ok(!main.has(g.id), `${g.id} is labelled in non-articles.jsonl too`);
    assert.ok(['article', 'non-article', 'unsure'].includes(g.label), g.label);
    assert.equal(g.label === 'non-article', g.reason !== undefined && REASONS.has(g.reason), g.id);
  }
});
