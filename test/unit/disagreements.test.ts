import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureConflicts, findDisagreements } from '../../src/analyse/disagreements.js';
import { quantities } from '../../src/analyse/quantities.js';
import type { Sentence } from '../../src/model.js';

// Invented sentences about invented places (Porthallow, Vellmar, Norland, Estria): each pair is what a
// naive comparison of figures would set against each other, and must not.

function sentences(texts: [string, string][]): Sentence[] {
  const count = new Map<string, number>();
  return texts.map(([articleId, text]) => {
    const index = count.get(articleId) ?? 0;
    count.set(articleId, index + 1);
    return { articleId, index, paragraph: 0, start: index * 1000, end: index * 1000 + text.length, text };
  });
}
const solo = (ids: string[]) => new Map(ids.map((id) => [id, id]));
const none = (pairs: [string, string][]) => findDisagreements(sentences(pairs), solo(['a', 'b']));

test('"40 of the 90 seats" is no total of 40 or 90 to set against another count of seats', () => {
  assert.deepEqual(
    none([
      ['a', 'The Harbour Party won 40 of the 90 seats in Porthallow, the election board said.'],
      ['b', 'The Harbour Party won 52 seats in Porthallow, according to the returning officer.'],
    ]),
    [],
  );
  assert.ok(quantities('The Harbour Party won 40 of the 90 seats.').every((q) => q.share));
});

test('a "10-month-old" is an age, not ten injured', () => {
  assert.deepEqual(quantities('A 10-month-old girl was hurt when the roof fell in.'), []);
  assert.deepEqual(
    none([
      ['a', 'A 10-month-old boy was among those injured in Vellmar, the police said.'],
      ['b', 'Three people were injured in Vellmar, according to the ambulance service.'],
    ]),
    [],
  );
});

test('distances to two different towns are not compared', () => {
  assert.deepEqual(
    none([
      ['a', 'The quake struck 20 miles from Norland, the seismology office said.'],
      ['b', 'The quake struck 12 miles from Estria, according to the geological survey.'],
    ]),
    [],
  );
});

test('tolls in two different countries are not compared', () => {
  assert.deepEqual(
    none([
      ['a', 'The fever has killed 14 people in Norland, the health ministry said on Monday.'],
      ['b', 'The fever has killed 3 people in Estria, the Red Crescent said on Monday.'],
    ]),
    [],
  );
});

test('a distance in miles and in kilometres is one value, never a disagreement', () => {
  const found = quantities('The slick stretches 30 miles (48 kilometres) along the coast.');
  assert.ok(found.some((q) => q.conversion));
  assert.deepEqual(
    none([
      [
        'a',
        'The slick stretches 30 miles (48 kilometres) along the coast.of Porthallow, the coastguard said.',
      ],
      [
        'b',
        'The slick stretches 48 kilometres along the coast of Porthallow, according to the port authority.',
      ],
    ]),
    [],
  );
});

test('"Syrians battling one another" counts no one', () => {
  assert.deepEqual(quantities('The war has left Norlanders battling one another for years.'), []);
  assert.deepEqual(quantities('No one was killed in the blast.'), []);
});

test('a toll that rose over time is an update, not a disagreement', () => {
  const s = sentences([
    ['a', 'The flood has killed 12 people in Vellmar so far, the interior ministry said.'],
    ['b', 'The death toll from the flood in Vellmar has risen to 31, the interior ministry said.'],
  ]);
  const day = (d: Record<string, number>) => (id: string) => d[id];
  assert.deepEqual(findDisagreements(s, solo(['a', 'b']), day({ a: 20000, b: 20002 })), []);
  // One source's two figures are its own update, whatever the days.
  assert.deepEqual(findDisagreements(s, solo(['a', 'b'])), []);
  // "up from", "revised from": the replaced value is no figure of its own.
  assert.ok(quantities('The toll rose to 45, up from 20 deaths on Monday.').some((q) => q.former));
});

test('unattributed counts of a developing story are not set against each other', () => {
  assert.deepEqual(
    none([
      ['a', 'The flood killed 12 people in Vellmar.'],
      ['b', 'The flood killed 19 people in Vellmar.'],
    ]),
    [],
  );
});

test('"killed 247 and injured 5,000" reads 247 as the dead; "two gunmen killed 12" counts the dead only', () => {
  const q = quantities('The blast killed 247 people and injured more than 5,000.');
  assert.deepEqual(
    q.map((x) => [x.low, x.frame]),
    [
      [247, 'killed'],
      [5000, 'injured'],
    ],
  );
  assert.deepEqual(
    quantities('Two gunmen killed 12 villagers.').map((x) => [x.low, x.frame]),
    [[12, 'killed']],
  );
});

test('attributed figures of one toll are a conflict between named sources, shown as such', () => {
  const s = sentences([
    ['a', 'A monitoring group says 1,200 people were killed in the siege of Vellmar.'],
    ['b', 'The ministry puts the number of people killed in the siege of Vellmar at 310, state radio said.'],
    ['c', 'The ministry said 310 people were killed in the siege of Vellmar.'],
  ]);
  const d = findDisagreements(s, solo(['a', 'b', 'c']));
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.equal(d[0].kind, 'count');
  assert.deepEqual(
    d[0].values.map((v) => [v.value, v.articleIds]),
    [
      ['310', ['b', 'c']],
      ['1,200', ['a']],
    ],
  );
  assert.deepEqual(d[0].values[1].attributedTo, ['a monitoring group']);
  assert.ok(
    d[0].values[0].attributedTo?.some((x) => /ministry/i.test(x)),
    JSON.stringify(d[0].values[0]),
  );
});

test('two sources set against each other in one sentence are a conflict', () => {
  const s = sentences([
    [
      'a',
      'The observatory says 1,200 people were killed in the siege of Vellmar, while the ministry puts the toll at 310.',
    ],
  ]);
  const conflicts = figureConflicts(s, solo(['a']));
  assert.equal(conflicts.length, 1);
  const d = findDisagreements(s, solo(['a']));
  assert.deepEqual(
    d[0].values.map((v) => [v.value, v.attributedTo]),
    [
      ['310', ['the ministry']],
      ['1,200', ['the observatory']],
    ],
  );
  // The same two figures with one source, or none: different things, not compared.
  assert.deepEqual(
    findDisagreements(
      sentences([
        ['a', 'The siege of Vellmar killed 1,200 fighters and 310 civilians, the observatory said.'],
      ]),
      solo(['a']),
    ),
    [],
  );
});

test('two running tallies ("has killed 86", "the latest tally … 91") are two moments, not a conflict', () => {
  const tallies: [string, string][] = [
    ['a', 'A monitoring group says the siege of Vellmar has killed 86 people.'],
    ['b', 'The ministry says the siege of Vellmar has killed 91 people.'],
  ];
  assert.deepEqual(none(tallies), []);
  const latest: [string, string][] = [
    ['a', 'A monitoring group says 86 people were killed in the siege of Vellmar.'],
    ['b', 'In its latest tally, the ministry said 91 people were killed in the siege of Vellmar.'],
  ];
  assert.deepEqual(none(latest), []);
  // The same two figures as one toll from two named sources are a conflict.
  const plain: [string, string][] = [
    ['a', 'A monitoring group says 86 people were killed in the siege of Vellmar.'],
    ['b', 'The ministry said 91 people were killed in the siege of Vellmar.'],
  ];
  assert.equal(none(plain).length, 1);
});

test('casualties of a day named on one side only are not compared ("four wounded on Thursday" vs "10 wounded")', () => {
  const pair: [string, string][] = [
    [
      'a',
      'In the west, doctor Lina Morro said one fighter had been killed and four wounded on Thursday in the push on Vellmar.',
    ],
    ['b', 'One fighter was killed and 10 were wounded near Vellmar, doctors said.'],
  ];
  assert.deepEqual(none(pair), []);
});
