/** Scoring of `newsfuse eval entities`: shown entities against hand labels (data/gold/entities-shown.md). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type GoldEntity,
  goldProblem,
  labelOf,
  type ShownEntity,
  scoreEntities,
} from '../../src/eval/entities-shown.js';

const gold: GoldEntity[] = [
  { story: 's1', name: 'Ines Carvalho', kind: 'PERSON', label: 'ok', true_kind: 'PERSON' },
  { story: 's1', name: 'North Quay', kind: 'PERSON', label: 'wrong-kind', true_kind: 'PLACE' },
  { story: 's1', name: 'Nobody', kind: 'PERSON', label: 'not-a-name' },
  { story: 's1', name: 'Calderwick Harbour Board', kind: 'ORG', label: 'ok', true_kind: 'ORG' },
  { story: 's2', name: 'Hall', kind: 'PERSON', label: 'fragment' },
];

test('a shown entity takes its label by story and name; a real name is judged by the kind shown', () => {
  const shown: ShownEntity[] = [
    { story: 's1', brief: 0, name: 'Ines Carvalho', kind: 'PERSON' },
    // shown now as a place: the wrong kind put right
    { story: 's1', brief: 0, name: 'North Quay', kind: 'PLACE' },
    { story: 's1', brief: 0, name: 'Nobody', kind: 'ORG' },
    { story: 's1', brief: 1, name: 'Dock', kind: 'PERSON' },
    // a story without labels is not scored
    { story: 's9', brief: 0, name: 'Anyone', kind: 'PERSON' },
    { story: 's2', brief: 0, name: 'Hall', kind: 'PERSON' },
  ];
  const m = scoreEntities(gold, shown);
  assert.equal(m.matched, 4);
  assert.equal(m.unlabelled, 1);
  assert.deepEqual(m.labels, { ok: 2, 'wrong-kind': 0, 'not-a-name': 1, fragment: 1, 'bad-merge': 0 });
  assert.equal(m.precision, 0.5);
  assert.equal(m.precision_lower, 0.4);
  assert.equal(m.kind_accuracy, 1);
  // "Calderwick Harbour Board" is no longer shown: an ok entity lost
  assert.equal(m.gone, 1);
  assert.equal(m.ok_gone, 1);
  assert.equal(m.ok_kept, 0.5);
});

test('a real name shown with another kind than its true one is wrong-kind', () => {
  assert.equal(labelOf(gold[0], 'ORG'), 'wrong-kind');
  assert.equal(labelOf(gold[1], 'PERSON'), 'wrong-kind');
  assert.equal(labelOf(gold[2], 'PLACE'), 'not-a-name');
  const product: GoldEntity = {
    story: 's',
    name: 'Wii',
    kind: 'ORG',
    label: 'wrong-kind',
    true_kind: 'OTHER',
  };
  assert.equal(labelOf(product, 'PERSON'), 'wrong-kind');
});

test('gold lines are checked', () => {
  assert.equal(goldProblem(gold[0]), undefined);
  assert.match(goldProblem({ story: 's', name: 'X', kind: 'PERSON', label: 'ok' }) ?? '', /true_kind/);
  assert.match(goldProblem({ story: 's', name: 'X', kind: 'PERSON', label: 'maybe' as 'ok' }) ?? '', /label/);
  assert.match(
    goldProblem({ story: 's', name: 'X', kind: 'THING' as 'ORG', label: 'fragment' }) ?? '',
    /kind/,
  );
  assert.match(
    goldProblem({ story: 's', name: 'X', kind: 'ORG', label: 'ok', true_kind: 'OTHER' }) ?? '',
    /true_kind/,
  );
});
