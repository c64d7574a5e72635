import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DisjointSets } from '../../src/text/disjoint-sets.js';

const groups = (s: DisjointSets, n: number) => Array.from({ length: n }, (_, i) => s.find(i));

test('disjoint sets: the smaller index is the root, whatever the order of the unions', () => {
  const pairs: [number, number][] = [
    [4, 2],
    [5, 4],
    [1, 3],
    [6, 6],
  ];
  const forward = new DisjointSets(7);
  for (const [i, j] of pairs) forward.union(i, j);
  const backward = new DisjointSets(7);
  for (const [i, j] of [...pairs].reverse()) backward.union(j, i);
  assert.deepEqual(groups(forward, 7), [0, 1, 2, 1, 2, 2, 6]);
  assert.deepEqual(groups(backward, 7), groups(forward, 7));
  assert.equal(forward.union(5, 3), 1, 'joining two groups keeps the smaller root');
  assert.deepEqual(groups(forward, 7), [0, 1, 1, 1, 1, 1, 6]);
});
