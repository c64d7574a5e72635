import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoryClusterer } from '../../src/cluster/index.js';
import type { Article } from '../../src/model.js';
import { article } from '../cluster-fixtures.js';

// Invented reports: a dam failure above the town of Merrow, and an early side report (a school cut off
// downstream) that shares little with the first report but much with the story once a second report speaks
// of both; and a dam failure at another place, seven years earlier, told in one report.
const DAM_1 = `The Halden dam above Merrow gave way before dawn on Wednesday, sending a wall of water down the Orle valley and flooding the lower town, the regional water authority said. Engineer Petra Quill said cracks had been reported in the dam wall last month. Forty homes in Merrow were evacuated.`;
const SIDE_1 = `Pupils and teachers of the Lindqvist village school spent Wednesday night on its roof after the Orle river rose around the building, county police said. A helicopter lifted 31 children to safety at first light; the road to Lindqvist remains under water.`;
const DAM_2 = `Floodwater from the failed Halden dam reached Lindqvist village, cutting off its school, while in Merrow the water authority said the dam wall had cracked. Engineer Petra Quill said the Orle valley flood was falling.`;
const OLD_DAM = `The Seltz dam on the Orle river failed in March 2019, flooding the hamlet of Bray; inspectors blamed a blocked spillway, and the county rebuilt the dam wall the following year.`;

const day = (d: number) => `2026-05-${String(d).padStart(2, '0')}`;

function stream(): Article[] {
  return [
    article('dam-1', DAM_1, { published: day(6), title: 'Halden dam fails above Merrow' }),
    article('side-1', SIDE_1, { published: day(7), title: 'Lindqvist pupils spend night on school roof' }),
    article('old-dam', OLD_DAM, { published: '2019-03-14', title: 'Seltz dam fails' }),
    article('dam-2', DAM_2, { published: day(7), title: 'Halden flood reaches Lindqvist' }),
  ];
}

const groups = (c: StoryClusterer) =>
  c
    .stories()
    .map((s) => [...s.articleIds].sort())
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));

test('an early side report left alone joins its story once the story would take it', () => {
  const c = new StoryClusterer();
  const placed = c.addAll(stream());
  assert.equal(placed[1].created, true, 'the side report does not join the first report alone');
  assert.deepEqual(groups(c), [['dam-1', 'dam-2', 'side-1'], ['old-dam']]);
});

test('at the story merge threshold the side report stays alone', () => {
  const c = new StoryClusterer({ mergeSingle: 0.3 });
  c.addAll(stream());
  assert.deepEqual(groups(c), [['dam-1', 'dam-2'], ['old-dam'], ['side-1']]);
});

test('a one-report story of another year is not attached (the year penalty keeps it out)', () => {
  for (const yearPenalty of [undefined, 1]) {
    const c = new StoryClusterer({ yearPenalty });
    c.addAll(stream());
    c.add(
      article('dam-3', `${DAM_2} The Seltz dam on the Orle river failed in 2019.`, { published: day(8) }),
    );
    assert.equal(c.storyOf('old-dam') === c.storyOf('dam-1'), yearPenalty === 1);
  }
});

test('the attachment does not depend on batching', () => {
  const once = new StoryClusterer();
  once.addAll(stream());
  for (const size of [1, 2, 3]) {
    const c = new StoryClusterer();
    const s = stream();
    for (let i = 0; i < s.length; i += size) c.addAll(s.slice(i, i + size));
    assert.deepEqual(groups(c), groups(once));
  }
});
