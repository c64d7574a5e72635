import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baselineClusters } from '../../src/cluster/baseline.js';
import { analyze } from '../../src/cluster/features.js';
import { StoryClusterer } from '../../src/cluster/stream.js';
import { bcubed, clusterMetrics, pairwiseAndAri, pooledStream, toArticle } from '../../src/eval/cluster.js';

test('B³ of a perfect clustering is 1, of one big cluster is its precision by hand', () => {
  const gold = ['a', 'a', 'b', 'b', 'b', 'c'];
  assert.deepEqual(bcubed([1, 1, 2, 2, 2, 3], gold), { p: 1, r: 1, f1: 1 });
  const all = bcubed([0, 0, 0, 0, 0, 0], gold);
  // precision per item: a → 2/6, b → 3/6, c → 1/6; mean = (2·2 + 3·3 + 1)/36
  assert.ok(Math.abs(all.p - 14 / 36) < 1e-12);
  assert.equal(all.r, 1);
  const singletons = bcubed([1, 2, 3, 4, 5, 6], gold);
  assert.equal(singletons.p, 1);
  assert.ok(Math.abs(singletons.r - (2 * 0.5 + 3 / 3 + 1) / 6) < 1e-12);
});

test('pairwise F1 and ARI: 1 when perfect, about 0 for one big cluster', () => {
  const gold = ['a', 'a', 'b', 'b', 'c', 'c'];
  const perfect = pairwiseAndAri(['x', 'x', 'y', 'y', 'z', 'z'], gold);
  assert.equal(perfect.pairwise_f1, 1);
  assert.equal(perfect.ari, 1);
  const one = pairwiseAndAri([0, 0, 0, 0, 0, 0], gold);
  assert.equal(one.ari, 0);
  assert.ok(one.pairwise_f1 > 0 && one.pairwise_f1 < 1);
  const m = clusterMetrics([0, 0, 1, 1, 2, 2], gold);
  assert.equal(m.clusters, 3);
  assert.equal(m.gold_clusters, 3);
});

test('pooled summarization stream: every document, date order, gold = cluster id', () => {
  const rows = [
    {
      id: 'T1',
      docs: [
        { id: 'd1', date: '2000-01-05', text: 'x' },
        { id: 'd2', text: 'y' },
      ],
    },
    { id: 'T2', docs: [{ id: 'd1', date: '1999-12-31', text: 'z' }] },
  ];
  const { articles, gold } = pooledStream(rows);
  assert.deepEqual(
    articles.map((a) => a.id),
    ['T2/d1', 'T1/d1', 'T1/d2'],
  );
  assert.deepEqual(gold, ['T2', 'T1', 'T1']);
});

test('a row of page furniture is marked not an article and seeds no story; a short wire row is kept', () => {
  const notice = toArticle(
    'n1',
    'Our crawler visits these pages so that they can be archived as they change.\n\nThe snapshots ' +
      'are kept for readers who follow an old link. Browse the collection or search it by address.',
  );
  const wire = toArticle(
    'w1',
    'The Velling harbour board fired its chief pilot on Monday after a ferry ran aground.',
  );
  assert.equal(notice.nonArticle?.reason, 'crawl notice');
  assert.equal(wire.nonArticle, undefined);
  const c = new StoryClusterer();
  assert.equal(c.add(notice).created, true);
  assert.equal(c.stories().length, 0);
  c.add(wire);
  assert.equal(c.stories().length, 1);
});

test('only four digits make a year: "20-1" and "19th" are not years', () => {
  assert.equal(analyze('The Hornets won 20-1 on the 19th of March.', 1.5).latestYear, undefined);
  assert.equal(analyze('The Hornets won 20-1 in 2005 and again in 1998.', 1.5).latestYear, 2005);
});

test('the baseline, like the clusterer, starts no story from a page marked not an article', () => {
  const wire = 'The Velling harbour board fired its chief pilot on Monday after the ferry Aster ran aground.';
  const rows = [
    toArticle('n1', 'Our crawler visits these pages so that they can be archived as they change.'),
    toArticle('w1', wire),
    toArticle('w2', `${wire} Divers checked the hull.`),
  ];
  rows[0].nonArticle = { reason: 'crawl notice' };
  const labels = baselineClusters(rows);
  assert.ok(labels[0] < 0);
  assert.equal(labels[1], labels[2]);
  assert.equal(labels[1], 0);
});
