import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateMentions, timex } from '../../src/language/timex.js';

const one = (text: string, ref: string) => {
  const t = timex(text, ref);
  assert.equal(t.length, 1, `${text}: ${JSON.stringify(t)}`);
  return t[0];
};

test('weekdays resolve to the latest such day on or before the article date, or ahead in future talk', () => {
  // 2016-12-02 is a Friday.
  assert.equal(one('Russia said on Thursday it was ready to talk.', '2016-12-02').value, '2016-12-01');
  assert.equal(one('Sources said on Thursday that food ran out.', '2016-12-01').value, '2016-12-01');
  assert.equal(one('Talks will resume on Tuesday in Geneva.', '2016-12-02').value, '2016-12-06');
  assert.equal(one('He arrived last Friday.', '2016-12-02').value, '2016-11-25');
});

test('relative and partial dates: late September, yesterday, last week, the third quarter, a year ago', () => {
  const late = one("Since the army's assault began in late September, hundreds died.", '2016-12-01');
  assert.deepEqual(
    [late.text, late.type, late.value, late.mod],
    ['late September', 'DATE', '2016-09', 'END'],
  );
  assert.equal(one('The meeting happened yesterday in Ankara.', '2016-12-01').value, '2016-11-30');
  assert.equal(one('Prices fell last week.', '2016-12-01').value, '2016-W47');
  assert.equal(one('Profit rose in the third quarter.', '1989-11-02').value, '1989-Q3');
  assert.equal(one('Sales were higher a year ago.', '1989-11-02').value, '1988');
  assert.equal(one('Mid-September saw heavy raids.', '2016-12-01').value, '2016-09');
  // A month later in the year than the article is last year's, unless the sentence looks ahead.
  assert.equal(one('The fighting started in October.', '1998-01-08').value, '1997-10');
  assert.equal(one('The dividend will be paid Dec. 15.', '1989-11-02').value, '1989-12-15');
});

test('explicit dates in the usual news spellings', () => {
  for (const text of [
    'on December 1, 2016',
    'on 1 December 2016',
    'on Thursday, Dec. 1, 2016',
    'on 2016-12-01',
  ])
    assert.equal(one(text, '2020-01-01').value, '2016-12-01', text);
});

test('durations and sets: two weeks, 24 hours, about a week, every week, two-year', () => {
  assert.deepEqual(
    timex('the second meeting within 24 hours, after talks lasting about two weeks', '2016-12-01').map(
      (t) => [t.text, t.type, t.value],
    ),
    [
      ['24 hours', 'DURATION', 'PT24H'],
      ['about two weeks', 'DURATION', 'P2W'],
    ],
  );
  assert.equal(one('a two-year contract', '1990-01-01').value, 'P2Y');
  assert.deepEqual(
    [one('They meet every week.', '1990-01-01').type, one('They meet every week.', '1990-01-01').value],
    ['SET', 'P1W'],
  );
});

test('durations counted in any number words: seventeen days like sixteen days, 21, 70-99, a hundred', () => {
  const duration = (text: string) => {
    const t = one(text, '2003-05-10');
    return [t.text, t.type, t.value];
  };
  assert.deepEqual(duration('The strike lasted sixteen days.'), ['sixteen days', 'DURATION', 'P16D']);
  assert.deepEqual(duration('The strike lasted seventeen days.'), ['seventeen days', 'DURATION', 'P17D']);
  assert.deepEqual(duration('The strike lasted nineteen days.'), ['nineteen days', 'DURATION', 'P19D']);
  assert.deepEqual(duration('He was held for twenty-one days.'), ['twenty-one days', 'DURATION', 'P21D']);
  assert.deepEqual(duration('He was held for twenty one days.'), ['twenty one days', 'DURATION', 'P21D']);
  assert.deepEqual(duration('The siege went on for seventy days.'), ['seventy days', 'DURATION', 'P70D']);
  assert.deepEqual(duration('It took ninety-nine years.'), ['ninety-nine years', 'DURATION', 'P99Y']);
  assert.deepEqual(duration('The pact ran for a hundred years.'), ['a hundred years', 'DURATION', 'P100Y']);
  assert.deepEqual(duration('It stood for one hundred and five years.'), [
    'one hundred and five years',
    'DURATION',
    'P105Y',
  ]);
  // Whole thousands of years are millennia in TimeML.
  assert.deepEqual(duration('The rite is two thousand years old.'), [
    'two thousand years',
    'DURATION',
    'P2L',
  ]);
  // Dates counted back in words.
  assert.equal(one('The mill closed eighty years ago.', '2003-05-10').value, '1923');
  assert.equal(one('The ship sank seventeen days ago.', '2003-05-10').value, '2003-04-23');
});

test('not time expressions: the verb "may", a count of people, a percentage', () => {
  assert.deepEqual(
    timex('Officials may decide; 2000 people marched and 40% agreed.', '2016-12-01').map((t) => t.text),
    [],
  );
});

test('dateMentions keeps calendar days and months only', () => {
  const m = dateMentions(
    'On Thursday, after two weeks of talks that began in late September, now',
    '2016-12-02',
  );
  assert.deepEqual(
    m.map((x) => x.value),
    ['2016-12-01', '2016-09'],
  );
});

test('"should" speaks of the future: a weekday after it is the next one', () => {
  const [t] = timex('The council should give its answer on Friday.', '2025-03-06');
  assert.equal(t?.value, '2025-03-07');
  const [past] = timex('The council should have answered on Friday.', '2025-03-06');
  assert.equal(past?.value, '2025-02-28');
});
