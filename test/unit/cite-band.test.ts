/** Citations: the decision for the overlap band sees only pairs that pass every veto, and no decision changes nothing. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BAND_FLOOR, findSupport, sentenceFrequencies } from '../../src/brief/cite.js';
import { type BandDecision, type BandPair, bandRow, CITE_PAIR_FEATURES } from '../../src/brief/cite-band.js';
import type { Sentence } from '../../src/model.js';
import { sentenceOf } from '../helpers.js';

const summary = sentenceOf(
  'The Marrow Creek bridge reopened to lorries on Monday after repairs to its deck.',
  'src',
  0,
);
const story: Sentence[] = [
  summary,
  // a paraphrase that shares few weighted words
  sentenceOf(
    'Heavy trucks can cross at Marrow Creek again now that the damaged roadway has been fixed.',
    'a',
    0,
  ),
  // the same words with another weekday: vetoed whatever the overlap
  sentenceOf('The Marrow Creek bridge reopened to lorries on Friday after repairs to its deck.', 'b', 0),
  sentenceOf('The weather in the valley stayed mild all week.', 'f0', 1),
  sentenceOf('Local schools reopened after the spring holiday.', 'f1', 1),
  sentenceOf('A new bakery opened on the market square.', 'f2', 1),
];
const df = sentenceFrequencies(story);
const cited = (band?: BandDecision) =>
  findSupport(summary, story, df, story.length, undefined, band)
    .map((s) => s.articleId)
    .filter((id) => id !== 'src')
    .sort();

test('without a band decision, a paraphrase sharing few words is not cited', () => {
  assert.deepEqual(cited(), []);
});

test('the band decision is asked only about pairs that pass every veto, and can cite them', () => {
  const asked: BandPair[] = [];
  const out = cited((_a, _b, p) => {
    asked.push(p);
    return true;
  });
  assert.deepEqual(out, ['a']);
  assert.equal(asked.length, 1);
  assert.ok(asked[0].score >= BAND_FLOOR && asked[0].score < 0.35);
  assert.ok(asked[0].coverage > 0 && asked[0].coverage < 1);
  assert.equal(asked[0].figure, false);
});

test('a band pair has one feature per named column', () => {
  let row: number[] = [];
  cited((a, b, p) => {
    row = bandRow(a, b, p);
    return false;
  });
  assert.equal(row.length, CITE_PAIR_FEATURES.length);
  assert.ok(row.every(Number.isFinite));
});

test('the citation pair set stores ids, hashes and labels only, each pair once', () => {
  const rows = readFileSync('data/gold/cite-pairs.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(rows.length, 215);
  const keys = new Set(rows.map((r) => `${r.story}#${r.hash}#${r.article}#${r.sentence}`));
  assert.equal(keys.size, rows.length);
  for (const r of rows) {
    assert.ok(r.label === 'supports' || r.label === 'not');
    assert.deepEqual(Object.keys(r).sort(), [
      'article',
      'brief',
      'from',
      'hash',
      'label',
      'overlap',
      'rule',
      'sentence',
      'sentenceHash',
      'story',
    ]);
  }
  assert.equal(rows.filter((r) => r.label === 'supports').length, 28);
});
