import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoryClusterer } from '../../src/cluster/index.js';
import { article } from '../cluster-fixtures.js';

// Invented reports: a ferry grounding off Kessa told twice, and a ferry grounding off Morlund a month later,
// told once; both the same kind of event, with other places, people and figures.
const KESSA_1 = `The ferry Aldra ran aground off Kessa island on Tuesday night with 212 passengers aboard; coastguard captain Ilse Varn said the hull held and no one was hurt. Tugs from Kessa harbour were sent to refloat the Aldra at high tide.`;
const KESSA_2 = `Tugs refloated the ferry Aldra off Kessa island on Wednesday, coastguard captain Ilse Varn said, and its 212 passengers were brought ashore at Kessa harbour. Investigators will examine why the Aldra left the channel.`;
const MORLUND = `The ferry Brenna ran aground near Morlund point on Friday with 87 passengers aboard; harbour master Oskar Tell said two people were treated for minor injuries. Tugs from Morlund were sent to refloat the ferry at high tide.`;

function clusterer(): StoryClusterer {
  const c = new StoryClusterer();
  c.addAll([
    article('kessa-1', KESSA_1, { published: '2026-03-03', title: 'Ferry aground off Kessa' }),
    article('kessa-2', KESSA_2, { published: '2026-03-04', title: 'Ferry Aldra refloated off Kessa' }),
    article('morlund', MORLUND, { published: '2026-04-10', title: 'Ferry aground near Morlund' }),
  ]);
  return c;
}

test('story pairs: each pair once, with sizes, date gap and the names telling two same-kind events apart', () => {
  const c = clusterer();
  const kessa = c.storyOf('kessa-1')!;
  const morlund = c.storyOf('morlund')!;
  assert.equal(c.storyOf('kessa-2'), kessa);
  assert.notEqual(kessa, morlund);
  const pairs = c.storyPairs();
  assert.equal(pairs.length, 1, 'the two stories find each other through the index, listed once');
  const f = pairs[0].features;
  assert.deepEqual([pairs[0].a, pairs[0].b].sort(), [kessa, morlund].sort());
  assert.equal(f.small, 1);
  assert.equal(f.large, 2);
  assert.equal(f.dayGap, 37, 'from 4 March to 10 April');
  assert.equal(f.yearGap, 0);
  assert.ok(f.cos > 0 && f.cos < 1);
  assert.ok(f.content > f.names, 'same kind of event: the words agree more than the names');
  const swapped = c.storyPair(morlund, kessa)!;
  for (const [k, v] of Object.entries(f))
    assert.ok(Math.abs((swapped as unknown as Record<string, number>)[k] - v) < 1e-12, `${k} is symmetric`);
  assert.equal(c.storyPair(kessa, 'no-such-story'), undefined);
});
