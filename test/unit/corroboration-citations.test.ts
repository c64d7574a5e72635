/** Citations: paraphrases are cited, figures and months must agree; claims do not chain. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findClaims } from '../../src/analyse/claims.js';
import { conflictingMonths, monthsOf } from '../../src/analyse/months.js';
import {
  conflictingNumbers,
  findSupport,
  mainClauses,
  negationConflict,
  sentenceFrequencies,
  sharesFigure,
} from '../../src/brief/cite.js';
import type { Sentence } from '../../src/model.js';
import { sentenceOf } from '../helpers.js';

const sentence = (articleId: string, text: string, index = 0): Sentence => sentenceOf(text, articleId, index);

/** A story of invented sentences: the summary sentence's article, and others with filler to set the IDF. */
function cite(summaryText: string, others: string[]): string[] {
  const summary = sentence('src', summaryText);
  const filler = [
    'The weather in the valley stayed mild all week.',
    'Local schools reopened after the spring holiday.',
    'A new bakery opened on the market square.',
  ];
  const story = [
    summary,
    ...others.map((t, i) => sentence(`o${i}`, t)),
    ...filler.map((t, i) => sentence(`f${i}`, t, 1)),
  ];
  return findSupport(summary, story, sentenceFrequencies(story), story.length)
    .map((s) => s.articleId)
    .filter((id) => id !== 'src')
    .sort();
}

test('a sentence that restates the fact in fewer shared words is cited', () => {
  assert.deepEqual(
    cite('The Dorvale council voted on Tuesday to close the harbour ferry after a safety inspection.', [
      'Council members in Dorvale decided on Tuesday to shut the harbour ferry following an inspection.',
    ]),
    ['o0'],
  );
});

test('a sentence on another matter of the same story is not cited', () => {
  assert.deepEqual(
    cite('The Dorvale council voted on Tuesday to close the harbour ferry after a safety inspection.', [
      'The harbour ferry had carried commuters across the bay for forty years.',
    ]),
    [],
  );
});

test('another month, another figure or another weekday is another fact', () => {
  const s = 'The mayor of Dorvale wrote a long letter to the ferry company in April.';
  assert.deepEqual(
    cite(s, ['The mayor of Dorvale wrote a long letter to the ferry company in May 2019.']),
    [],
  );
  assert.deepEqual(cite(s, ['The mayor of Dorvale wrote a long letter to the ferry company in April.']), [
    'o0',
  ]);
  const t = 'The ferry company asked the council for 42 new inspectors on Monday.';
  assert.deepEqual(cite(t, ['The ferry company asked the council for 24 new inspectors on Monday.']), []);
  assert.deepEqual(cite(t, ['The ferry company asked the council for 42 new inspectors on Friday.']), []);
});

test('a round figure agrees with the exact one it rounds, not with another', () => {
  assert.equal(conflictingNumbers('seeking $512,377 in costs', 'about $512,000 in costs'), false);
  assert.equal(conflictingNumbers('seeking $512,377 in costs', 'about $511,000 in costs'), true);
  assert.equal(conflictingNumbers('seeking $512,377 in costs', 'about $500,000 in costs'), false);
  assert.equal(conflictingNumbers('94 people', '90 people'), true);
});

test('May is a month beside a date or after a preposition of time, not a name or a verb', () => {
  assert.deepEqual([...monthsOf('Prime Minister Theresa May said talks may resume in May.')], ['May']);
  assert.deepEqual([...monthsOf('It may rain; Ms May agreed.')], []);
  assert.deepEqual([...monthsOf('Signed on May 3 and again in June.')].sort(), ['June', 'May']);
  assert.equal(conflictingMonths('in April', 'in mid-May'), true);
  assert.equal(conflictingMonths('in April and May', 'in May'), false);
  assert.equal(conflictingMonths('in April', 'last week'), false);
});

test('claims do not chain: a clause joins only by matching the claim seed', () => {
  const options = { reportOf: new Map<string, string>(), outletOf: (id: string) => id };
  // a and b share four concepts, b and c share four, a and c share only two
  const claims = findClaims(
    [
      sentence('a', 'Harbour workers in Dorvale began a strike over pay'),
      sentence('b', 'Harbour workers in Dorvale began a strike over pensions and pay cuts for ferry crews'),
      sentence('c', 'Pensions and pay cuts for ferry crews in Kelmar were announced'),
    ],
    options,
  );
  const withA = claims.find((c) => c.articleIds.includes('a'));
  assert.ok(withA?.articleIds.includes('b'));
  assert.ok(!withA?.articleIds.includes('c'));
});

test('a negation bears on the words after it: elsewhere in the sentence it is no conflict', () => {
  const s = 'The county health office is investigating complaints about the Dorvale water plant.';
  assert.deepEqual(
    cite(s, [
      'The county health office said it is investigating the Dorvale water plant and did not give further details.',
    ]),
    ['o0'],
  );
  assert.equal(
    negationConflict('The plant was closed on Monday.', 'The plant was not closed on Monday.'),
    true,
  );
  assert.equal(negationConflict('Ferries steer by hand.', 'Not surprisingly, ferries steer by hand.'), false);
  assert.equal(negationConflict('Ferries steer by hand.', 'Ferries steer by hand and no one minds.'), false);
});

test('a sentence sharing a figure and little else is cited when nothing conflicts', () => {
  assert.equal(sharesFigure('five boats sank', 'the 5 boats were lost'), true);
  assert.equal(sharesFigure('in 2019 boats sank', 'in 2019 they were lost'), false);
  assert.deepEqual(
    cite('Two harbour guards were charged after seven fishing boats were damaged by fire in Dorvale.', [
      'Police arrested two guards over a blaze that burned seven boats moored at the Dorvale quay.',
    ]),
    ['o0'],
  );
});

test('clock times and days of a month are no shared figure', () => {
  assert.equal(
    sharesFigure('At 12:00 pm on 05 Jun 2009, a reader wrote: 1.', 'At 12:00 pm on 05 Jun 2009, Ann wrote'),
    false,
  );
  assert.equal(sharesFigure('The ferry sailed on June 5 with 40 cars.', 'On June 5 the quay opened.'), false);
  assert.equal(
    sharesFigure('The ferry sailed on June 5 with 40 cars.', 'Forty cars, 40 in all, went aboard.'),
    true,
  );
});

test('a sentence of two coordinated clauses is cited only by an article that states both', () => {
  const summary =
    'Rangers believe the hiker Tomas Brell was trying to photograph the glacier at dawn, and his sister said he had climbed it twice before.';
  assert.deepEqual(
    cite(summary, [
      // states the first clause only
      'Rangers believe Tomas Brell was trying to photograph the glacier at dawn when he slipped.',
      // states both, in other words here and there
      'Tomas Brell was trying to photograph the glacier at dawn, rangers believe, and his sister said he had climbed it twice.',
    ]),
    ['o1'],
  );
});

test('a clause split only by a comma list is not a second clause', () => {
  assert.deepEqual(mainClauses('Mira Lund, Oskar Vey and Ines Karr signed the Harbor pact in Tolvik.'), []);
  assert.equal(mainClauses('The ferry stopped at Tolvik, and the crew went ashore for supplies.').length, 2);
});

test('an ordinal states its number: a 41st birthday and turning 41 agree', () => {
  assert.equal(
    conflictingNumbers(
      'Pell Arno was celebrating his 41st birthday at the inn.',
      'Arno, who turned 41 that day, was at the inn.',
    ),
    false,
  );
  assert.equal(conflictingNumbers('his 41st birthday', 'who turned 42'), true);
});

test('two sentences negating one same word state one fact; "declined to" negates what follows it', () => {
  assert.equal(
    negationConflict(
      'The ferry company did not immediately answer the Gazette’s questions.',
      'Lawyers for the ferry company have not answered questions from the Gazette.',
    ),
    false,
  );
  assert.equal(
    negationConflict(
      'The harbour master declined to release the names of the crew.',
      'The harbour master released the names of the crew.',
    ),
    true,
  );
  assert.equal(
    negationConflict(
      'The harbour master declined to release the names of the crew.',
      'The harbour master would not release any details about the crew.',
    ),
    false,
  );
});

test('two counts of one thing with no value in common conflict, whatever else agrees', () => {
  assert.equal(
    conflictingNumbers(
      'Police hold three people over the fire, including the two ferry mechanics.',
      'Four people are held over the fire, including two mechanics of the ferry.',
    ),
    true,
  );
  assert.equal(
    conflictingNumbers(
      'Police hold three people over the fire, including the two ferry mechanics.',
      'Three people are held over the fire, among them two mechanics.',
    ),
    false,
  );
});

test('a citing sentence of three content words or fewer needs a high overlap', () => {
  const s = 'The Dorvale ferry fare is particularly steep for families.';
  assert.deepEqual(cite(s, ['Another year, another ferry fare.']), []);
  assert.deepEqual(cite('The Dorvale ferry fare rose.', ['Dorvale ferry fare rose.']), ['o0']);
});

test('a bound on a figure is no negation', () => {
  assert.equal(
    negationConflict(
      'The ferry company said it phoned the harbour office five times before the sailing.',
      'The ferry company said it tried to reach the harbour office "no less than five times" before the sailing.',
    ),
    false,
  );
  assert.equal(negationConflict('The ferry did not sail on Tuesday.', 'The ferry sailed on Tuesday.'), true);
});

test('a negated fact is stated only by a sentence that states what is negated', () => {
  const s =
    'The Dorvale harbour authority, the port regulator, has not yet commented on the ferry inspection.';
  assert.deepEqual(
    cite(s, [
      'The Dorvale harbour authority, the port regulator, fined the ferry company twice over its inspection record.',
    ]),
    [],
  );
  assert.deepEqual(
    cite(s, ['The Dorvale harbour authority has not commented on the ferry inspection so far.']),
    ['o0'],
  );
});

test('the early overlap exit gives the verdicts of every veto run (a trace turns the exit off)', () => {
  const summary = sentence(
    'src',
    'The Dorvale council voted on Tuesday to close the harbour ferry after a safety inspection.',
  );
  const others = [
    'Councillors in Dorvale decided on Tuesday that the harbour ferry will stop running.',
    'The ferry carried 12 passengers across the harbour on its last trip.',
    'A safety inspection of the harbour found cracks in the ferry ramp.',
    'The council will meet again next month to discuss the harbour budget.',
    'Dorvale residents said the ferry was a lifeline for the island.',
  ];
  const story = [summary, ...others.map((t, i) => sentence(`o${i}`, t))];
  const df = sentenceFrequencies(story);
  const verdicts: string[] = [];
  const fast = findSupport(summary, story, df, story.length);
  const full = findSupport(summary, story, df, story.length, (_s, _score, why) => verdicts.push(why));
  assert.deepEqual(fast, full);
  assert.equal(verdicts.length, story.length);
});
