/**
 * The non-article gold file (data/gold/non-articles.md): each input labelled once (a page in two lines would be
 * counted twice, and could sit in the trainer's dev part twice), with the labels and reasons the protocol allows;
 * rounds 3 and 4 folded in, round 4 naming the candidate generators that picked each page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const gold = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../data/gold/${name}`, import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Gold);

interface Gold {
  set: string;
  id?: string;
  doc?: string;
  file?: string;
  name?: string;
  topic?: string;
  index?: number;
  label: string;
  reason?: string;
  round?: number;
  by?: string[];
}

const GENERATORS = new Set(['rule', 'model', 'keywords', 'shape', 'short', 'url', 'random']);

const REASONS = new Set([
  'error page',
  'wall',
  'widget',
  'crawl notice',
  'social notice',
  'index page',
  'too little prose',
]);

const inputKey = (g: Gold) => `${g.set} ${g.doc ?? g.id ?? g.file ?? g.name ?? `${g.topic} ${g.index}`}`;

test('every input is labelled once, with the labels and reasons of the protocol', () => {
  const all = gold('non-articles.jsonl');
  const seen = new Set<string>();
  for (const g of all) {
    const key = inputKey(g);
    assert.ok(!seen.has(key), `${key} is labelled twice`);
    seen.add(key);
    assert.ok(['article', 'non-article', 'unsure'].includes(g.label), g.label);
    assert.equal(g.label === 'non-article', g.reason !== undefined && REASONS.has(g.reason), key);
  }
});

test('rounds 3 and 4 are hash and generator samples of trafilatura-dev and Timeline17 pages', () => {
  const all = gold('non-articles.jsonl');
  const round3 = all.filter((g) => g.round === 3);
  assert.equal(round3.length, 66);
  for (const g of round3) {
    assert.equal(g.set, 'trafilatura');
    assert.match(g.id ?? '', /^[0-9a-f]{16}$/);
  }
  const round4 = all.filter((g) => g.round === 4);
  assert.equal(round4.length, 349);
  for (const g of round4) {
    assert.ok(g.set === 'trafilatura' || g.set === 't17', g.set);
    assert.ok((g.by ?? []).length > 0, `${inputKey(g)}: no generator named`);
    for (const by of g.by ?? []) assert.ok(GENERATORS.has(by), by);
  }
  // The random sample shows the generators' bias: 50 pages picked whatever their scores.
  assert.equal(round4.filter((g) => g.by?.includes('random')).length, 50);
});

test('round 8 is a file of its own: Timeline17 pages no other round labelled, each once, with its generators', () => {
  const main = new Set(gold('non-articles.jsonl').map(inputKey));
  const round8 = gold('non-articles.round8.jsonl');
  assert.equal(round8.length, 136);
  const seen = new Set<string>();
  const generators = new Set(['model', 'keywords', 'shape', 'short', 'lines', 'datelines', 'site', 'random']);
  for (const g of round8) {
    const key = inputKey(g);
    assert.ok(!main.has(key) && !seen.has(key), `${key} is labelled twice`);
    seen.add(key);
    assert.equal(g.set, 't17');
    assert.equal(g.round, 8);
    assert.ok(['article', 'non-article', 'unsure'].includes(g.label), g.label);
    assert.equal(g.label === 'non-article', g.reason !== undefined && REASONS.has(g.reason), key);
    assert.ok((g.by ?? []).length > 0, `${key}: no generator named`);
    for (const by of g.by ?? []) assert.ok(generators.has(by), by);
  }
  assert.equal(round8.filter((g) => g.by?.includes('random')).length, 40);
  assert.equal(round8.filter((g) => g.label === 'non-article').length, 2);
});
