import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterArticles, StoryClusterer } from '../../src/cluster/index.js';
import { DEFAULTS } from '../../src/cluster/stream.js';
import type { Article } from '../../src/model.js';
import { article } from '../cluster-fixtures.js';

// Invented reports: two harbour fires of one week in two fictional towns. The first report of the second
// fire is worded like the first fire's reports (a warehouse fire at a harbour, boats, firefighters; only its
// town differs) and arrives when the first fire's story holds two reports, so it joins that story.
const FIRE_A1 = `A fire destroyed a warehouse at the harbour of Tarnholt on Monday night, and flames spread to three fishing boats moored at the quay, the Tarnholt fire brigade said. Firefighters fought the blaze for six hours. No one was hurt, fire chief Maren Oslund said, but the harbour was closed to boats on Tuesday.`;
const FIRE_A2 = `The harbour of Tarnholt stayed closed on Tuesday after Monday night's fire destroyed a warehouse and three fishing boats. Fire chief Maren Oslund said investigators from Kelby were examining the burnt warehouse. Fishermen in Tarnholt said the boats were their livelihood.`;
const FIRE_B1 = `A fire destroyed a warehouse at the harbour of Port Velling on Thursday night, and flames spread to fishing boats moored at the quay, the fire brigade said. Firefighters fought the blaze for six hours. No one was hurt, but the Velling harbour was closed to boats on Friday.`;
const FIRE_A3 = `Investigators in Tarnholt said on Wednesday that an electrical fault in the warehouse started Monday's harbour fire. Maren Oslund, Tarnholt's fire chief, said the Kelby investigators found the fault near the warehouse door. The harbour of Tarnholt reopened to fishing boats.`;
const FIRE_B2 = `In Port Velling, dock workers cleared the burnt warehouse on Friday after Thursday night's harbour fire. Velling's harbour master Jonas Pekkari said two trawlers of the Velling cooperative were lost. Pekkari said Port Velling's quay would reopen on Monday.`;
const FIRE_B3 = `The Velling cooperative asked the town of Port Velling for help on Saturday after Thursday's fire at its harbour warehouse sank two trawlers. Harbour master Jonas Pekkari said the Velling quay was damaged. The cooperative's chairman Ilkka Sarre said 40 fishermen lost work.`;
const FIRE_B4 = `Police in Port Velling said on Sunday that the fire at the Velling harbour warehouse was not arson. Harbour master Jonas Pekkari said the cooperative's trawlers would be raised from the Velling quay next week, and Ilkka Sarre thanked the town.`;
const FIRE_A4 = `Tarnholt's council promised money on Saturday to rebuild the warehouse burnt in Monday's harbour fire. Fire chief Maren Oslund told the council the Kelby investigators had closed their inquiry, and Tarnholt's fishermen got three new boats.`;

const day = (d: number) => `2026-05-${String(d).padStart(2, '0')}`;

function fires(): Article[] {
  return [
    article('a1', FIRE_A1, { published: day(4), title: 'Fire destroys Tarnholt harbour warehouse' }),
    article('a2', FIRE_A2, { published: day(5), title: 'Tarnholt harbour closed after fire' }),
    article('b1', FIRE_B1, { published: day(7), title: 'Harbour warehouse fire destroys boats' }),
    article('a3', FIRE_A3, { published: day(6), title: 'Electrical fault started Tarnholt fire' }),
    article('b2', FIRE_B2, { published: day(8), title: 'Port Velling clears burnt warehouse' }),
    article('b3', FIRE_B3, { published: day(9), title: 'Velling fishermen ask for help' }),
    article('b4', FIRE_B4, { published: day(10), title: 'Velling harbour fire not arson' }),
    article('a4', FIRE_A4, { published: day(9), title: 'Tarnholt to rebuild warehouse' }),
  ];
}

const groupsOf = (stories: { articleIds: string[] }[]) =>
  stories.map((s) => [...s.articleIds].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));

test('without splitting, the second fire joins the first fire story', () => {
  // The case the split exists for: one pass joins b1 to the only harbour-fire story there is.
  const c = new StoryClusterer({ split: Number.POSITIVE_INFINITY });
  c.addAll(fires());
  assert.equal(c.storyOf('b1'), c.storyOf('a1'));
});

test('two harbour fires of one week in two towns end as two stories', () => {
  assert.ok(Number.isFinite(DEFAULTS.split));
  assert.deepEqual(groupsOf(clusterArticles(fires())), [
    ['a1', 'a2', 'a3', 'a4'],
    ['b1', 'b2', 'b3', 'b4'],
  ]);
});

test('splitting gives the same stories whatever the batch size or a snapshot mid-stream', () => {
  const stream = fires();
  const once = new StoryClusterer();
  once.addAll(stream);
  for (const size of [1, 3, 5]) {
    const batched = new StoryClusterer();
    for (let i = 0; i < stream.length; i += size) batched.addAll(stream.slice(i, i + size));
    assert.deepEqual(batched.stories(), once.stories(), `batches of ${size}`);
  }
  for (const at of [3, 5, 6]) {
    const first = new StoryClusterer();
    first.addAll(stream.slice(0, at));
    const resumed = StoryClusterer.restore(first.snapshot());
    assert.ok(resumed);
    resumed.addAll(stream.slice(at));
    assert.deepEqual(resumed.stories(), once.stories(), `snapshot after ${at}`);
  }
});

test('one fire reported from several angles is not split', () => {
  const one = fires().filter((a) => a.id.startsWith('a'));
  assert.equal(clusterArticles(one).length, 1);
});
