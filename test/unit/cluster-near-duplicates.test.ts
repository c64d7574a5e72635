import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/cluster/features.js';
import { findNearDuplicates, groupNearDuplicates, StoryClusterer } from '../../src/cluster/index.js';
import { containment, signature } from '../../src/cluster/minhash.js';
import {
  article,
  BUDGET_VOTE,
  OTHER_FERRY_FIRE,
  OTHER_FERRY_REPORT,
  REPUBLISHED_FERRY,
  WIRE_FERRY,
} from '../cluster-fixtures.js';

const sig = (text: string) => signature(analyze(text).wordHashes);

test('a wire story republished with another header, lead and footer is one report', () => {
  const groups = groupNearDuplicates([article('wire', WIRE_FERRY), article('courier', REPUBLISHED_FERRY)]);
  assert.deepEqual(groups, [['wire', 'courier']]);
  assert.ok(containment(sig(WIRE_FERRY), sig(REPUBLISHED_FERRY)) >= 0.5);
});

test('two different reports on the same event are not one report', () => {
  const groups = groupNearDuplicates([article('wire', WIRE_FERRY), article('other', OTHER_FERRY_REPORT)]);
  assert.equal(groups.length, 2);
  assert.ok(containment(sig(WIRE_FERRY), sig(OTHER_FERRY_REPORT)) < 0.2);
});

test('two different events of the same kind are not near-duplicates', () => {
  assert.deepEqual(findNearDuplicates([article('a', WIRE_FERRY), article('b', OTHER_FERRY_FIRE)]), []);
});

test('exact copies are found, each pointing at the first publication', () => {
  const arts = [article('a', BUDGET_VOTE), article('b', WIRE_FERRY), article('c', BUDGET_VOTE)];
  const dups = findNearDuplicates(arts);
  assert.deepEqual(
    dups.map((d) => [d.index, d.of]),
    [[2, 0]],
  );
  assert.equal(dups[0].containment, 1);
});

test('the clusterer puts a republished copy in the original report and story', () => {
  const c = new StoryClusterer();
  const first = c.add(article('wire', WIRE_FERRY));
  const copy = c.add(article('courier', REPUBLISHED_FERRY));
  const other = c.add(article('other', OTHER_FERRY_REPORT));
  assert.equal(copy.reportId, first.reportId);
  assert.equal(copy.duplicateOf, 'wire');
  assert.equal(copy.storyId, first.storyId);
  assert.notEqual(other.reportId, first.reportId);
  const [story] = c.stories();
  assert.equal(story.reports.length, 2, 'three publications, two independent reports');
});

test('empty and one-word texts are never duplicates of anything', () => {
  const dups = findNearDuplicates([
    article('e1', ''),
    article('e2', ''),
    article('w1', 'Breaking'),
    article('w2', WIRE_FERRY),
  ]);
  assert.ok(
    dups.every((d) => d.index !== 1 || d.of !== 0),
    'two empty texts are not one report',
  );
});
