/**
 * The quote ranker: a deterministic linear score over a candidate's features, and the choice of the best
 * candidates that cross no better one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestNonCrossing, RANK_THRESHOLD, rankScore } from '../src/language/quote-ranker.js';
import { quoteCandidates, quotes } from '../src/language/quotes.js';

test('the score is deterministic, and strong features outscore weak ones', () => {
  const strong = ['bias', 'rules', 'kept', 'shape=trailing', 'p7', 'spk=name', 'q3', 'sentQuoted'];
  const weak = ['bias', 'wide', 'notKept', 'shape=leading', 'p0', 'spk=none', 'q0', 'sentPlain'];
  assert.equal(rankScore(strong), rankScore([...strong]));
  assert.ok(rankScore(strong) > RANK_THRESHOLD);
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
