import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterArticles, StoryClusterer } from '../../src/cluster/index.js';
import {
  article,
  BUDGET_VOTE,
  OTHER_FERRY_FIRE,
  OTHER_FERRY_FIRE_2,
  OTHER_FERRY_REPORT,
  REPUBLISHED_FERRY,
  WIRE_FERRY,
} from '../cluster-fixtures.js';

const fixtures = () => [
  article('ferry-1', WIRE_FERRY),
  article('budget', BUDGET_VOTE),
  article('meridian-1', OTHER_FERRY_FIRE),
  article('ferry-2', OTHER_FERRY_REPORT),
  article('ferry-copy', REPUBLISHED_FERRY),
  article('meridian-2', OTHER_FERRY_FIRE_2),
];

const groupsOf = (stories: { articleIds: string[] }[]) =>
  stories.map((s) => [...s.articleIds].sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));

test('two ferry fires are two stories; the unrelated budget vote is a third', () => {
  const stories = clusterArticles(fixtures());
  assert.deepEqual(groupsOf(stories), [
    ['budget'],
    ['ferry-1', 'ferry-2', 'ferry-copy'],
    ['meridian-1', 'meridian-2'],
  ]);
  const ferry = stories.find((s) => s.articleIds.includes('ferry-1'))!;
  assert.equal(ferry.reports.length, 2);
  assert.equal(stories[0].articleIds.length, 3, 'largest story first');
});

test('clusterArticles does not depend on input order', () => {
  const a = fixtures();
  const b = [...a].reverse();
  assert.deepEqual(clusterArticles(b), clusterArticles(a));
});

test('storyOf follows merges and add is idempotent per id', () => {
  const c = new StoryClusterer();
  for (const a of fixtures()) c.add(a);
  for (const s of c.stories()) for (const id of s.articleIds) assert.equal(c.storyOf(id), s.id);
  const again = c.add(article('ferry-1', WIRE_FERRY));
  assert.equal(again.storyId, c.storyOf('ferry-1'));
  assert.equal(c.size, 6);
});

test('bad input: empty text, one word, no dates: no crash, each kept', () => {
  const stories = clusterArticles([
    article('empty', ''),
    article('blank', '   \n\n  '),
    article('word', 'Earthquake'),
    article('word-2', 'Earthquake'),
    article('ferry', WIRE_FERRY),
  ]);
  const ids = stories.flatMap((s) => s.articleIds).sort();
  assert.deepEqual(ids, ['blank', 'empty', 'ferry', 'word', 'word-2']);
  const ferry = stories.find((s) => s.articleIds.includes('ferry'))!;
  assert.deepEqual(ferry.articleIds, ['ferry'], 'junk does not join a real story');
  const word = stories.find((s) => s.articleIds.includes('word'))!;
  assert.ok(word.articleIds.includes('word-2'), 'identical one-word texts are one report');
  for (const s of stories) assert.equal(typeof s.headline, 'string');
});

test('10,000 copies of one article make one story with one report', () => {
  const c = new StoryClusterer();
  for (let i = 0; i < 10_000; i++) c.add(article(`copy-${i}`, WIRE_FERRY));
  c.add(article('other', OTHER_FERRY_FIRE));
  const stories = c.stories();
  assert.equal(stories.length, 2);
  assert.equal(stories[0].articleIds.length, 10_000);
  assert.equal(stories[0].reports.length, 1);
  assert.equal(stories[0].reports[0].articleIds[0], 'copy-0');
});

test('dates: undated articles sort last and dated ones still cluster', () => {
  const stories = clusterArticles([
    article('ferry-1', WIRE_FERRY, { published: '2031-05-06' }),
    article('ferry-2', OTHER_FERRY_REPORT),
    article('meridian-1', OTHER_FERRY_FIRE, { published: '2033-09-10' }),
    article('meridian-2', OTHER_FERRY_FIRE_2, { published: '2033-09-11' }),
  ]);
  assert.deepEqual(groupsOf(stories), [
    ['ferry-1', 'ferry-2'],
    ['meridian-1', 'meridian-2'],
  ]);
});

test('headline: the title of a member when one has a title', () => {
  const stories = clusterArticles([
    article('ferry-1', WIRE_FERRY, { title: 'Ferry fire forces 312 into lifeboats' }),
    article('ferry-2', OTHER_FERRY_REPORT),
  ]);
  assert.equal(stories[0].headline, 'Ferry fire forces 312 into lifeboats');
  const untitled = clusterArticles([article('budget', BUDGET_VOTE)]);
  assert.ok(untitled[0].headline.startsWith('The city council of Harlow Vale'));
});

/** The ferry wire story, then an unrelated story (months later, or days), then more on the ferry. */
function lateFerryStream(laterDate: string): ReturnType<typeof article>[] {
  return [
    article('ferry-1', WIRE_FERRY, { published: '2025-06-03' }),
    article('budget', BUDGET_VOTE, { published: laterDate }),
    article('ferry-2', OTHER_FERRY_REPORT, { published: '2025-06-04' }),
    article('ferry-copy', REPUBLISHED_FERRY, { published: '2025-06-04' }),
  ];
}

test('a story quiet for retainArticles arrivals and retainDays by date closes: later articles start anew', () => {
  const run = (options: { retainArticles: number; retainDays: number }, laterDate: string) => {
    const c = new StoryClusterer(options);
    c.addAll(lateFerryStream(laterDate));
    return groupsOf(c.stories());
  };
  const closed = run({ retainArticles: 2, retainDays: 30 }, '2025-09-01');
  assert.deepEqual(closed, [['budget'], ['ferry-1'], ['ferry-2', 'ferry-copy']]);
  // Never closing, or the other stories being recent, keeps the ferry story open.
  const open = [['budget'], ['ferry-1', 'ferry-2', 'ferry-copy']];
  assert.deepEqual(run({ retainArticles: Number.POSITIVE_INFINITY, retainDays: 30 }, '2025-09-01'), open);
  assert.deepEqual(run({ retainArticles: 2, retainDays: 30 }, '2025-06-05'), open);
});

test('a snapshot taken after stories closed continues the stream exactly', () => {
  const options = { retainArticles: 2, retainDays: 30 };
  const stream = lateFerryStream('2025-09-01');
  const one = new StoryClusterer(options);
  one.addAll(stream);
  const first = new StoryClusterer(options);
  first.addAll(stream.slice(0, 3));
  const restored = StoryClusterer.restore(first.snapshot(), options);
  assert.ok(restored);
  restored.addAll(stream.slice(3));
  assert.deepEqual(restored.stories(), one.stories());
});
