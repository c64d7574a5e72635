import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS, StoryClusterer } from '../../src/cluster/stream.js';
import { article } from '../cluster-fixtures.js';

// Invented reports of one story told from two angles: a paper-mill fire, and the jobs it puts at risk. The
// jobs reports share too little with the fire reports to join them, so they start a story of their own;
// two later reports speak of both, and the evidence they add merges the two pieces.
const FIRE_1 = `Fire swept through the Halden paper mill in Korvik on Monday night, destroying two warehouses and sending smoke over the town, firefighters said. About 80 workers were evacuated and nobody was hurt.`;
const FIRE_2 = `Firefighters in Korvik were still dousing the ruins of the Halden paper mill on Tuesday after the overnight fire destroyed two warehouses. Smoke kept schools in the town closed.`;
const JOBS_1 = `Three hundred jobs are at risk at Halden Papers after the loss of its main plant, union leader Mira Stenson said on Wednesday, calling on the owners to rebuild rather than move production abroad.`;
const JOBS_2 = `Halden Papers told its staff on Thursday that wages would be paid for three months while the owners decide whether to rebuild the Korvik paper mill the fire destroyed; union leader Mira Stenson welcomed the pledge but said jobs were still at risk.`;
const BOTH_1 = `Investigators said the fire that destroyed two warehouses of the Halden paper mill in Korvik started in a dryer; union leader Mira Stenson said 300 jobs at Halden Papers were at risk unless the owners rebuild.`;
const BOTH_2 = `The owners of Halden Papers will rebuild the Korvik paper mill destroyed by fire last week, keeping the jobs union leader Mira Stenson had feared lost; the warehouses that burned will not be replaced.`;

const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}`;
const stream = [
  article('fire-1', FIRE_1, { published: day(6) }),
  article('fire-2', FIRE_2, { published: day(7) }),
  article('jobs-1', JOBS_1, { published: day(8) }),
  article('jobs-2', JOBS_2, { published: day(9) }),
  article('both-1', BOTH_1, { published: day(13) }),
  article('both-2', BOTH_2, { published: day(14) }),
];

// Splitting off: this checks the merge rule alone (a merged story of two well-separated halves may be cut
// again by the split check, see docs/cluster.md).
const run = (merge: number) => {
  const c = new StoryClusterer({ merge, split: Number.POSITIVE_INFINITY });
  return { results: c.addAll(stream), stories: c.stories() };
};

test('two pieces of one story merge once two reports speak of both (default merge threshold)', () => {
  const { results, stories } = run(DEFAULTS.merge);
  // The jobs report starts a story of its own: the pieces exist before the evidence arrives.
  assert.equal(results[2].created, true);
  assert.equal(stories.length, 1);
  assert.equal(stories[0].id, 's-fire-1');
  assert.deepEqual(
    stories[0].articleIds,
    stream.map((a) => a.id),
  );
});

test('the same pieces stay apart at the former, stricter merge threshold', () => {
  const { stories } = run(0.4);
  assert.equal(stories.length, 2);
});

test('the merge does not depend on batching', () => {
  const c = new StoryClusterer({ split: Number.POSITIVE_INFINITY });
  c.addAll(stream.slice(0, 3));
  c.addAll(stream.slice(3));
  assert.deepEqual(
    c.stories().map((s) => s.articleIds),
    run(DEFAULTS.merge).stories.map((s) => s.articleIds),
  );
});
