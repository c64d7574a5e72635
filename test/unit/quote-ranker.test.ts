/**
 * The quote ranker: a deterministic linear score over a candidate's features, and the choice of the best
 * candidates that cross no better one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  bestNonCrossing,
  preferredContents,
  rankScore,
  rankThreshold,
} from '../../src/language/quote-ranker.js';
import { quoteCandidates, quotes } from '../../src/language/quotes.js';

test('the score is deterministic, and strong features outscore weak ones', () => {
  const strong = ['bias', 'rules', 'kept', 'shape=trailing', 'p7', 'spk=name', 'q3', 'sentQuoted'];
  const weak = ['bias', 'wide', 'notKept', 'shape=leading', 'p0', 'spk=none', 'q0', 'sentPlain'];
  assert.equal(rankScore(strong), rankScore([...strong]));
  assert.ok(rankScore(strong) > rankThreshold());
  assert.ok(rankScore(strong) > rankScore(weak));
  assert.equal(rankScore(['no such feature']), 0);
  const w = new Map([
    ['a', 2],
    ['b', -1],
  ]);
  assert.equal(rankScore(['a', 'b', 'c'], w), 1);
});

test('the best candidates that cross no better one, one per group', () => {
  const kept = bestNonCrossing(
    [
      { span: [0, 10] as const, score: 1, group: 1 },
      { span: [5, 20] as const, score: 2, group: 2 },
      { span: [6, 9] as const, score: 0.5, group: 3 },
      { span: [30, 40] as const, score: 3, group: 2 },
      { span: [50, 60] as const, score: -5, group: 4 },
    ],
    0,
  );
  // [30, 40] first; [5, 20] is of its group; [0, 10] then; [6, 9] lies inside it; [50, 60] is below.
  assert.deepEqual(
    kept.map((k) => k.span),
    [
      [30, 40],
      [0, 10],
      [6, 9],
    ],
  );
});

test('candidates include the rules’ frames, and the ranked quotes are among them', () => {
  const text =
    '“We will rebuild the bridge by spring,” Mayor Dana Reyes said on Tuesday. The council believes the plan is too costly.';
  const cands = quoteCandidates({ id: 't', text });
  assert.ok(cands.some((c) => c.features.includes('kept')));
  const ranked = quotes({ id: 't', text }, undefined, { rank: true });
  assert.deepEqual(ranked, quotes({ id: 't', text }, undefined, { rank: true }));
  for (const q of ranked) assert.ok(cands.some((c) => c.quote.start === q.start && c.quote.end === q.end));
  assert.ok(ranked.some((q) => text.slice(q.start, q.end).startsWith('We will rebuild')));
});

test('the boundary model picks, per frame, its own content or its best-scored cut', () => {
  const w = new Map([
    ['cut=full', 0],
    ['cut=name', 1],
    ['cut=clause', -1],
  ]);
  const cands = [
    { features: ['cut=full'] },
    { features: ['cut=name'], parent: 0 },
    { features: ['cut=clause'], parent: 0 },
    { features: ['cut=full'] },
    { features: ['cut=clause'], parent: 3 },
  ];
  // Frame 0 prefers its name cut (index 1); frame 3 keeps its own content; cuts get -1.
  assert.deepEqual(preferredContents(cands, w), [1, -1, -1, 3, -1]);
});

test('objects of verbs of praise and blame are cut to the noun phrase; what is said keeps its clause', () => {
  const content = (text: string) => quotes({ id: 't', text }).map((q) => text.slice(q.start, q.end));
  const endorse = 'The governor endorsed Ted Cruz on Tuesday at a rally in Des Moines.';
  // The cut is one of the candidates, marked as a shorter content of the full frame.
  const cands = quoteCandidates({ id: 't', text: endorse });
  const cut = cands.find((c) => endorse.slice(c.quote.start, c.quote.end) === 'Ted Cruz');
  assert.ok(cut?.parent !== undefined && cands[cut.parent].quote.end > cut.quote.end);
  assert.deepEqual(content(endorse), ['Ted Cruz']);
  // A content with another report inside it may end before that report and its conjunction.
  const two =
    'Senator Ana Ruiz said the agency hacked the council computers and she accused the mayor of lying.';
  const inner = quoteCandidates({ id: 't', text: two }).find(
    (c) => two.slice(c.quote.start, c.quote.end) === 'the agency hacked the council computers',
  );
  assert.ok(inner?.parent !== undefined);
  assert.deepEqual(content('The mayor criticized the budget plan, which cuts bus routes, at a hearing.'), [
    'the budget plan',
  ]);
  assert.deepEqual(content('Officials said the bridge would reopen in May, after repairs to its deck.'), [
    'the bridge would reopen in May, after repairs to its deck',
  ]);
});
