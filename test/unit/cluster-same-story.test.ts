import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterArticles, StoryClusterer } from '../../src/cluster/index.js';
import { SAME_STORY_FEATURES, sameStoryProbability } from '../../src/cluster/same-story.js';
import { teacherPairs } from '../../src/cluster/stream.js';
import type { Article } from '../../src/model.js';
import { article } from '../cluster-fixtures.js';

// Invented reports: two earthquakes of one week in two countries, and one flood story with its follow-ups
// (the toll across the border, a town's bridge, a relief appeal).
const QUAKE_A1 = `A magnitude 6.8 earthquake struck the Valtorra highlands of Norvania on Monday, collapsing houses in the mountain town of Brisk and killing at least 41 people, the Norvanian civil protection agency said.
Rescue teams from Kessel dug through rubble in Brisk overnight. Minister Alda Fenwick said 300 people were injured.`;
const QUAKE_A2 = `Rescuers in Norvania pulled survivors from collapsed homes in Brisk on Tuesday after Monday's magnitude 6.8 earthquake in the Valtorra highlands. The toll rose to 58, civil protection chief Alda Fenwick said, and aftershocks shook Kessel.`;
const QUAKE_B1 = `A magnitude 6.1 earthquake hit the coastal province of Sarrow in Estmark on Thursday, damaging the harbour town of Pellin and killing 12 people, Estmark's interior ministry said.
Governor Tomas Rinaldi said fishing boats were overturned in Pellin harbour and 90 people were injured.`;
const QUAKE_B2 = `The toll of Thursday's earthquake in Sarrow province, Estmark, rose to 19 as rescuers searched the harbour of Pellin, Governor Tomas Rinaldi said on Friday. The magnitude 6.1 quake also cut power in Sarrow.`;

const FLOOD_1 = `Flash floods swept through the Amber valley of Caldora on Sunday after three days of rain, killing 23 people and cutting the main road to Ostrel, Caldora's emergency service said. The Amber river burst its banks near Ostrel.`;
const FLOOD_2 = `The death toll from the Amber valley floods in Caldora rose to 37 on Monday, the emergency service said, as the Amber river kept rising around Ostrel and villages downstream.`;
const FLOOD_TOLL = `Across the border, the Amber valley floods killed 9 people in Veldany, whose villages downstream of Ostrel were cut off when the Amber river burst its banks, Veldany's government said on Monday.`;
const FLOOD_BRIDGE = `The old stone bridge of Ostrel collapsed on Tuesday under the Amber river floods that have killed dozens in Caldora, leaving the town cut off; no one was on the bridge, Ostrel's mayor said.`;
const FLOOD_APPEAL = `Caldora's Red Cross appealed for blankets and clean water for families who fled the Amber valley floods around Ostrel, where the river is still rising after the deadly weekend rain.`;

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;

function storyStream(): Article[] {
  return [
    article('quake-a1', QUAKE_A1, { published: day(2), title: 'Earthquake kills 41 in Norvania' }),
    article('flood-1', FLOOD_1, { published: day(8), title: 'Flash floods kill 23 in Caldora' }),
    article('quake-a2', QUAKE_A2, { published: day(3), title: 'Norvania quake toll rises to 58' }),
    article('quake-b1', QUAKE_B1, { published: day(5), title: 'Earthquake kills 12 in Estmark' }),
    article('flood-2', FLOOD_2, { published: day(9), title: 'Caldora flood toll rises to 37' }),
    article('quake-b2', QUAKE_B2, { published: day(6), title: 'Estmark quake toll rises to 19' }),
    article('flood-toll', FLOOD_TOLL, { published: day(9), title: 'Floods kill 9 in Veldany' }),
    article('flood-bridge', FLOOD_BRIDGE, { published: day(10), title: 'Ostrel bridge collapses' }),
    article('flood-appeal', FLOOD_APPEAL, {
      published: day(10),
      title: 'Red Cross appeal for flood families',
    }),
  ];
}

const groupsOf = (stories: { articleIds: string[] }[]) =>
  stories.map((s) => [...s.articleIds].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));

const EXPECTED = [
  ['flood-1', 'flood-2', 'flood-appeal', 'flood-bridge', 'flood-toll'],
  ['quake-a1', 'quake-a2'],
  ['quake-b1', 'quake-b2'],
];

for (const learned of [false, true])
  test(`two earthquakes of one week stay apart; the flood's follow-ups stay in (learned veto: ${learned})`, () => {
    assert.deepEqual(groupsOf(clusterArticles(storyStream(), { learned })), EXPECTED);
  });

for (const learned of [false, true])
  test(`an old report arriving last joins its story (learned veto: ${learned})`, () => {
    const c = new StoryClusterer({ learned });
    const stream = storyStream().filter((a) => a.id !== 'quake-a1');
    c.addAll(stream);
    // The first report of the Norvania quake arrives after everything else, dated before its story began.
    const late = c.add(
      article('quake-a1', QUAKE_A1, { published: day(2), title: 'Earthquake kills 41 in Norvania' }),
    );
    assert.equal(late.created, false);
    assert.equal(late.storyId, c.storyOf('quake-a2'));
    assert.notEqual(late.storyId, c.storyOf('quake-b1'));
  });

test('the same articles in any batch sizes give the same stories', () => {
  const stream = storyStream();
  const once = new StoryClusterer({ learned: true });
  once.addAll(stream);
  for (const size of [1, 2, 4]) {
    const batched = new StoryClusterer({ learned: true });
    for (let i = 0; i < stream.length; i += size) batched.addAll(stream.slice(i, i + size));
    assert.deepEqual(batched.stories(), once.stories(), `batches of ${size}`);
  }
  // And continuing from a snapshot taken mid-stream.
  const first = new StoryClusterer({ learned: true });
  first.addAll(stream.slice(0, 4));
  const resumed = StoryClusterer.restore(first.snapshot(), { learned: true });
  assert.ok(resumed);
  resumed.addAll(stream.slice(4));
  assert.deepEqual(resumed.stories(), once.stories());
});

test('training pairs label the gold story of each candidate', () => {
  const stream = storyStream();
  const gold = new Map(
    stream.map((a) => [a.id, a.id.split('-')[0] === 'flood' ? 'flood' : a.id.slice(0, 7)]),
  );
  const { rows, labels } = teacherPairs(stream, gold);
  assert.equal(rows.length, labels.length);
  assert.ok(labels.includes(1) && labels.includes(0));
  for (const r of rows) assert.equal(r.length, SAME_STORY_FEATURES.length - 1);
  // By the cosine feature alone, same-story pairs score higher than the others on average.
  const model = {
    mean: rows[0].map(() => 0),
    sd: rows[0].map(() => 1),
    weights: rows[0].map((_, j) => (j === 0 ? 5 : 0)),
    bias: -1,
    threshold: 0.5,
  };
  const avg = (l: number) => {
    const ps = rows.filter((_, i) => labels[i] === l).map((r) => sameStoryProbability(model, r));
    return ps.reduce((a, b) => a + b, 0) / ps.length;
  };
  assert.ok(avg(1) > avg(0));
});
