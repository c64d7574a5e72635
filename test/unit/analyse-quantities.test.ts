import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDisagreements } from '../../src/analyse/disagreements.js';
import { quantities } from '../../src/analyse/quantities.js';
import type { Sentence } from '../../src/model.js';

const one = (text: string) => {
  const q = quantities(text);
  assert.equal(q.length, 1, `one figure in: ${text} (got ${JSON.stringify(q)})`);
  return q[0];
};

test('figures normalize across spellings: 40pc = 40 percent = 40%, 300,000 = 300 000, six = 6', () => {
  for (const t of [
    'Rebels lost 40pc of their territory.',
    'Rebels lost 40 percent of their territory.',
    'Rebels lost 40% of their territory.',
    'Rebels lost 40 per cent of their territory.',
  ])
    assert.deepEqual([one(t).kind, one(t).low], ['percent', 40]);
  for (const t of [
    'About 300,000 people fled the city.',
    'About 300 000 people fled the city.',
    'About 300000 people fled the city.',
  ])
    assert.equal(one(t).low, 300000);
  assert.equal(one('A $3.5 million grant was approved.').low, 3_500_000);
  assert.equal(one('Six people were injured in the crash.').low, 6);
});

test('ranges, hedges and bounds are kept: "150 to 200 fighters", "about two weeks", "more than 370 people"', () => {
  const r = one('Turkey proposed that JFS fighters (150 to 200 fighters) leave the town.');
  assert.deepEqual([r.low, r.high, r.frame], [150, 200, 'fighter']);
  const d = one('The talks have been going for about two weeks.');
  assert.deepEqual([d.kind, d.frame, d.low, d.approximate], ['duration', 'lasting', 14, true]);
  const k = one('The bombardment has killed more than 370 people.');
  assert.deepEqual([k.frame, k.low, k.atLeast], ['killed', 370, true]);
});

test('years, dates and clock times are not figures', () => {
  assert.deepEqual(quantities('GMT 13:31 2017 Thursday, 28 September'), []);
  assert.deepEqual(quantities('an October 6 attack in 2016'), []);
});

test('the role of a duration: how long something lasted vs the window of an ordinal', () => {
  assert.equal(one('The negotiations have been under way in Ankara for a week.').frame, 'lasting');
  assert.equal(one('The meeting in Ankara was the second within 24 hours.').frame, 'window');
  assert.equal(one('The meeting in Ankara was the second within 24 hours.').low, 1);
});

function sentences(texts: [string, string][]): Sentence[] {
  return texts.map(([articleId, text], index) => ({
    articleId,
    index,
    paragraph: 0,
    start: 0,
    end: text.length,
    text,
  }));
}
const solo = (ids: string[]) => new Map(ids.map((id) => [id, id]));

test('no false disagreement from units, separators, rounding or hedges', () => {
  const s = sentences([
    ['a', 'Opposition fighters have lost 40pc of their territory in east Aleppo.'],
    ['b', 'Opposition fighters have lost 40 percent of their territory in east Aleppo.'],
    ['c', 'The fighting has driven 300,000 people from their homes in the province.'],
    ['d', 'The fighting has driven 300 000 people from their homes in the province.'],
    ['e', 'The fighting has driven about 290,000 people from their homes in the province.'],
    ['a', 'The flood injured 12 people in the valley, officials said.'],
    ['b', 'The flood injured twelve people in the valley.'],
  ]);
  assert.deepEqual(findDisagreements(s, solo(['a', 'b', 'c', 'd', 'e'])), []);
});

test('a real disagreement names both values and who stated each', () => {
  const s = sentences([
    ['a', 'The flood injured 12 people in the valley, the fire service said.'],
    ['b', 'The flood injured 14 people in the valley, according to the police.'],
    ['c', 'The flood in the valley injured 14 people.'],
  ]);
  const d = findDisagreements(s, solo(['a', 'b', 'c']));
  assert.equal(d.length, 1);
  assert.equal(d[0].kind, 'count');
  assert.match(d[0].about, /injured/);
  assert.deepEqual(
    d[0].values.map((v) => [v.value, v.articleIds, v.attributedTo]),
    [
      ['12', ['a'], ['the fire service']],
      ['14', ['b', 'c'], ['the police']],
    ],
  );
});

test('copies of one report never disagree, and different things counted are not compared', () => {
  const s = sentences([
    ['a', 'The flood injured 12 people in the valley.'],
    ['b', 'The flood injured 14 people in the valley.'],
  ]);
  assert.deepEqual(
    findDisagreements(
      s,
      new Map([
        ['a', 'r1'],
        ['b', 'r1'],
      ]),
    ),
    [],
  );
  const other = sentences([
    ['a', 'Rebel rocket fire killed five children in the west of the city.'],
    ['b', 'Air raids in the east of the city killed at least seven civilians.'],
  ]);
  assert.deepEqual(findDisagreements(other, solo(['a', 'b'])), []);
});

test('ages and figures that describe something else are not casualty counts', () => {
  const killed = (s: string) => quantities(s).filter((q) => q.frame === 'killed');
  assert.deepEqual(killed('The singer died at his home on Friday, aged 61.'), []);
  assert.deepEqual(killed('The cause of the 61-year-old keeper’s death is not yet known.'), []);
  assert.deepEqual(killed('His death at 61 shocked the town.'), []);
  assert.deepEqual(killed('He died days before a 40-date tour was due to start.'), []);
  assert.deepEqual(killed('His brother called the death “one of the worst days of our lives”.'), []);
  // A count with the casualty word after it stays one.
  assert.equal(killed('One of the dead was a harbour pilot.').length, 1);
  assert.equal(killed('The blast killed 14 people, officials said.').length, 1);
});

test('a disagreement over a counted noun is labelled with the noun as written', () => {
  const [q] = quantities('The album sold 61 million copies in its first decade.');
  assert.equal(q?.nounWord, 'copies');
});

test('codes, fractions, exchange rates, names and pronoun uses of "one" count nothing', () => {
  for (const s of [
    'The H5N2 strain reached the coast, and G20 leaders flew in on F-16 escorts.',
    'Shops stay open 24/7 and a quarter of them close at 1/4 past nine.',
    '($1 = 5.64 harbour crowns)',
    'Medals so far: Norway 7, Sweden 11.',
    'One would think one another would do.',
    'BBC Radio 5 Live ran a phone-in, and 004 callers rang.',
    'The toll topped 1,000, according to the port office.',
    'A 170-page report and 90,000-plus readers.',
    'He has one page and one issue to settle.',
  ])
    assert.deepEqual(
      quantities(s).filter((q) => q.kind === 'count' || q.kind === 'money'),
      [],
      s,
    );
});

test('the noun a figure counts, past adjectives and a nationality: "eleven confirmed infections"', () => {
  const frameOf = (s: string) => quantities(s).map((q) => q.nounWord ?? q.frame);
  assert.deepEqual(frameOf('Eleven confirmed infections were found.'), ['infections']);
  assert.deepEqual(frameOf('Eleven Norwegian pilots walked out.'), ['pilots']);
  assert.deepEqual(frameOf('About 80 million people live along the river.'), ['people']);
  assert.deepEqual(frameOf('Three Britons were on board.'), ['britons']);
});

test('a sentence that states several values of one frame measures different things: not compared', () => {
  const s = sentences([
    ['a', "The port's freight fell 2.6 percent and the airport's by 2 percent in the first half."],
    ['b', 'Freight through the port fell 8 percent in the first half.'],
  ]);
  assert.deepEqual(findDisagreements(s, solo(['a', 'b'])), []);
  // Percentages are compared only with the same party named close to them.
  const single = sentences([
    ['a', 'Freight through Porthallow fell 2.6 percent in the first half.'],
    ['b', 'Freight through Porthallow fell 8 percent in the first half.'],
  ]);
  assert.equal(findDisagreements(single, solo(['a', 'b'])).length, 1);
});

test('the counted noun is the plural head of its phrase, and a four-digit clock time is no count', () => {
  const nounOf = (s: string) => quantities(s).map((q) => q.nounWord ?? q.frame);
  assert.deepEqual(nounOf('The shelter took in 90 sea turtles.'), ['turtles']);
  assert.deepEqual(nounOf('The team brought two search dogs.'), ['dogs']);
  assert.deepEqual(nounOf('Jets flew 1,110 strike sorties.'), ['sorties']);
  assert.deepEqual(nounOf('They face two crisis talks.'), ['talks']);
  assert.deepEqual(nounOf('The rescue ended at 1600 local time.'), []);
});

test('counts of only some ("three more deaths", "another 20") and ages ("children under five") total nothing', () => {
  const s = sentences([
    ['a', 'Health officials confirmed three more deaths from the fever in the port on Monday.'],
    ['b', 'Health officials confirmed 15 deaths from the fever in the port on Monday.'],
    ['c', 'The number of children under five who died of the fever in the port rose.'],
  ]);
  assert.deepEqual(findDisagreements(s, solo(['a', 'b', 'c'])), []);
  assert.equal(quantities('Another 20 people were hurt in the port.')[0]?.partial, true);
  assert.equal(quantities('Twenty people were hurt in the port.')[0]?.partial, undefined);
});

test('figures are compared only between pages of about the same time, and about the same places', () => {
  const s = sentences([
    ['a', 'The health ministry said the fever has killed 20 people in the port so far.'],
    ['b', 'The fever has killed 80 people in the port so far, according to the Red Crescent.'],
  ]);
  const day = (d: Record<string, number>) => (id: string) => d[id];
  // A week apart: a running toll that rose, not a disagreement; a day apart, two named sources: a disagreement.
  assert.deepEqual(findDisagreements(s, solo(['a', 'b']), day({ a: 20000, b: 20007 })), []);
  assert.equal(findDisagreements(s, solo(['a', 'b']), day({ a: 20000, b: 20001 })).length, 1);
  const places = sentences([
    ['a', 'Officials in Norland and Estria reported cases of the fever, both with one death.'],
    ['b', 'Officials in Vellmar reported cases of the fever, including 3 deaths.'],
  ]);
  assert.deepEqual(findDisagreements(places, solo(['a', 'b'])), []);
  assert.equal(quantities('Twenty six people have died.')[0]?.low, 26);
});

test('counts in number words of any size: seventeen, twenty-six thousand, one hundred and five, a hundred', () => {
  assert.deepEqual(
    [one('Seventeen people were hurt.').low, one('Seventeen people were hurt.').frame],
    [17, 'injured'],
  );
  assert.equal(one('Some twenty-six thousand people fled the valley.').low, 26_000);
  assert.equal(one('One hundred and five fishermen were rescued.').low, 105);
  assert.equal(one('A hundred boats joined the search.').low, 100);
  assert.equal(one('Two hundred thousand people marched.').low, 200_000);
  // Words a comma parts are two figures, not one ("twenty, six").
  assert.deepEqual(
    quantities('The crews numbered twenty, six boats in all.').map((q) => q.low),
    [6],
  );
});
