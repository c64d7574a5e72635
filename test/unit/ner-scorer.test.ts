import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreEntities } from '../../src/eval/ner.js';
import { bioSpans } from '../../src/language/ner/bio.js';
import { caseOf, shapeOf } from '../../src/language/ner/features.js';
import { gazetteerMatches, indexGazetteer } from '../../src/language/ner/gazetteer.js';
import { FeatureIndex } from '../../src/language/ner/token-rows.js';

test('bioSpans reads B/I runs and opens an entity on a stray I-', () => {
  assert.deepEqual(bioSpans(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'B-ORG', 'I-MISC']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
    { start: 4, end: 5, type: 'ORG' },
    { start: 5, end: 6, type: 'ORG' },
    { start: 6, end: 7, type: 'MISC' },
  ]);
});

test('scoreEntities counts exact span and type only', () => {
  // "Maria Olsen flew from Bergen to Rome for Fiat ."
  const gold = [['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'B-ORG', 'O']];
  // person cut short, Bergen right, Rome typed wrong, Fiat right, one extra on "for"
  const pred = [['B-PER', 'O', 'O', 'O', 'B-LOC', 'O', 'B-ORG', 'B-MISC', 'B-ORG', 'O']];
  const m = scoreEntities(gold, pred);
  assert.equal(m.gold, 4);
  assert.equal(m.predicted, 5);
  assert.equal(m.p, 2 / 5);
  assert.equal(m.r, 2 / 4);
  assert.ok(Math.abs((m.f1 as number) - (2 * 0.4 * 0.5) / 0.9) < 1e-12);
  assert.equal(m.f1_PER, 0);
  assert.equal(m.f1_LOC, 2 / 3);
  assert.equal(m.f1_ORG, 2 / 3);
  assert.equal(m.f1_MISC, 0);
});

test('a perfect tagging scores 1 and an empty one 0', () => {
  const gold = [
    ['B-ORG', 'I-ORG', 'O'],
    ['O', 'B-MISC'],
  ];
  assert.equal(scoreEntities(gold, gold).f1, 1);
  assert.equal(
    scoreEntities(gold, [
      ['O', 'O', 'O'],
      ['O', 'O'],
    ]).f1,
    0,
  );
});

test('case classes and shapes', () => {
  assert.deepEqual(['Oslo', 'NATO', 'iPhone', 'lamb', '1996', '--'].map(caseOf), [
    'init',
    'caps',
    'mixed',
    'lower',
    'digit',
    'other',
  ]);
  assert.equal(shapeOf('McDonald'), 'XxXx');
  assert.equal(shapeOf('1996-08-22'), 'd-d-d');
});

test('gazetteer matches ignore case but not a lower-case start', () => {
  const index = indexGazetteer({ country: ['new zealand', 'niger'], city: ['wellington'] });
  const tokens = ['NEW', 'ZEALAND', 'beat', 'niger', 'in', 'Wellington'];
  const m = gazetteerMatches(
    tokens.map((t) => t.toLowerCase()),
    tokens,
    index,
  );
  assert.deepEqual(m, [['country:B'], ['country:I'], [], [], [], ['city:B']]);
});

test('the feature index finds a feature by its parts exactly when the joined string is a feature', () => {
  const index = new FeatureIndex([
    ['b', 0],
    ['w==', 9],
    ['ww-1=a|b|c', 18],
    ['ww-1=x|y', 27],
    ['lc&hl', 36],
  ]);
  assert.equal(index.get('b'), 0);
  assert.equal(index.get('lc&hl'), 36);
  assert.equal(index.template('w').get('='), 9);
  assert.equal(index.get('w='), undefined);
  // a word may hold "|": both ways of reading a|b|c as a pair find it
  assert.equal(index.pairTemplate('ww-1').get('a')?.get('b|c'), 18);
  assert.equal(index.pairTemplate('ww-1').get('a|b')?.get('c'), 18);
  assert.equal(index.pairTemplate('ww-1').get('a')?.get('b'), undefined);
  assert.equal(index.pairTemplate('ww-1').get('x')?.get('y'), 27);
  assert.equal(index.pairTemplate('ww+1').get('x'), undefined);
  assert.equal(index.template('nothing').size, 0);
});

test('caseOf reads letters beyond ASCII by their case mapping', () => {
  assert.equal(caseOf('Ärger'), 'init');
  assert.equal(caseOf('ÉTÉ'), 'caps');
  assert.equal(caseOf('über'), 'lower');
  assert.equal(caseOf('McÉwan'), 'mixed');
  assert.equal(caseOf('中国'), 'other');
  assert.equal(caseOf('4½'), 'digit');
});

test('the feature index reads features in any order, and whole pair features', () => {
  const index = new FeatureIndex([
    ['w=b', 0],
    ['ww-1=p|q', 9],
    ['wc=b&init', 18],
    ['w=a', 27],
    ['ww-1=p|r', 36],
    ['=x', 45],
  ]);
  assert.deepEqual(
    [...index.template('w')],
    [
      ['b', 0],
      ['a', 27],
    ],
  );
  assert.equal(index.get('wc=b&init'), 18);
  assert.equal(index.get('ww-1=p|r'), 36);
  assert.equal(index.get('ww-1=p|s'), undefined);
  assert.equal(index.get('ww-1=p'), undefined);
  assert.equal(index.get('=x'), 45);
});
