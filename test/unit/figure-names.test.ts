import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantities as typed } from '../../src/analyse/quantities.js';
import { conflictingNumbers, countedFigures, quantities, sharesFigure } from '../../src/brief/cite.js';

// Invented sentences: a number that is part of a name is no figure (issue 18).
const names: [string, string[]][] = [
  ['The studio sold 20th Century Fox to a rival group.', []],
  ['Apollo 11 reached the moon after a long flight.', []],
  ['The airline grounded its Boeing 737 fleet on Friday.', []],
  ['Leaders gathered for the G-20 meeting and the G8 dinner.', []],
  ['Critics called the rule a Catch-22 for small farms.', []],
  ['He raced in Formula 1 before moving to rallying.', []],
  ['He raced in Formula One before moving to rallying.', []],
  ['The laptop still runs Windows 7 in the back office.', []],
  ['The documentary aired on Channel 4 last night.', []],
  ['The motel stands on Route 66 near the river.', []],
  ['Traffic backed up on Interstate 95 for hours.', []],
  ['A film about Flight 93 opened in the city.', []],
  ['The advert ran during Super Bowl XL in the evening.', []],
  ['Voters backed Proposition 8 by a narrow margin.', []],
  ['The family lives in Section 8 housing downtown.', []],
  ['Allies invoked Article 5 of the treaty.', []],
  ['The anchor left Fox 5 for a network job.', []],
  ['The robbery happened at a 7-Eleven near the school.', []],
  ['The reporter told CBS 2 about the fire.', []],
  ['The school was sued under Title IX by a coach.', []],
  ['The soldiers of the 82nd Airborne Division were sent home.', []],
  ['Engineers toured the Three Gorges dam in the spring.', []],
];

const figuresOf = (text: string) => [...quantities(text)].filter((v) => !v.startsWith('name:'));

test('numbers inside names are no figures', () => {
  for (const [text, want] of names) {
    assert.deepEqual(figuresOf(text), want, text);
    assert.deepEqual(
      typed(text).map((q) => q.low),
      [],
      text,
    );
  }
});

// Counter-tests: the number is a figure.
const figures: [string, string[]][] = [
  ['Fox said 20 people were hurt in the crash.', ['20']],
  ['Officials said 11 Apollo engineers were questioned.', ['11']],
  ['About 20 were hurt when the roof fell.', ['20']],
  ['Nearly 300 people fled the town.', ['300']],
  ['Police arrested 12 protesters on Tuesday.', ['12']],
  ['On Tuesday 5 people were taken to hospital.', ['5']],
  ['Chelsea 2-1 was the final score.', ['2', '1']],
  ['Boeing cut 737 jobs at the plant.', ['737']],
  ['Texas 40 percent of voters backed him.', ['40']],
  ['The company said Five people died.', ['5']],
  ['Five people died in the blast.', ['5']],
  ['AT LEAST ONE HALF OF THE HOMES WILL FAIL.', ['1']],
  ['Britain sent 20 soldiers to the border.', ['20']],
  ["Britain's 20 biggest firms signed the letter.", ['20']],
  ['The Kenyan 800-metre runner won again.', ['800']],
];

test('numbers that count things stay figures', () => {
  for (const [text, want] of figures) assert.deepEqual(figuresOf(text), want, text);
  // "the 737 crashed": nothing in the text says 737 is a name (it could be a count); it stays a figure.
  assert.deepEqual([...quantities('Investigators said the 737 crashed in fog.')], ['737']);
});

test('a name no longer supports or contradicts a figure', () => {
  assert.equal(
    sharesFigure(
      'The film was made by 20th Century Fox in London.',
      'The fire destroyed 20 homes in the valley.',
    ),
    false,
  );
  assert.deepEqual([...countedFigures('Apollo 11 crew members met 3 students.')], ['name:apollo:11', '3']);
  // The same name on both sides still agrees; a name and a figure never conflict.
  assert.equal(sharesFigure('Flight 93 left Newark late.', 'The passengers of Flight 93 fought back.'), true);
  assert.equal(
    conflictingNumbers('Flight 93 left Newark late.', 'The plane carried 44 people from Newark.'),
    false,
  );
  assert.equal(typed('Fox said 20 people were hurt in the crash.')[0]?.low, 20);
});
