import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyTimeline } from '../../src/analyse/story-timeline.js';
import { articleSentences } from '../../src/language/sentences.js';
import { articleTimexes, timex } from '../../src/language/timex.js';
import type { Article } from '../../src/model.js';

// Invented sentences. 2019-08-14 is a Wednesday; 2019-08-18 a Sunday.
const value = (text: string, ref: string, expression: string) => {
  const t = timex(text, ref).find((x) => x.text.includes(expression) || expression.includes(x.text));
  assert.ok(t, `${expression} in ${text}: ${JSON.stringify(timex(text, ref))}`);
  return t.value;
};

test('"last year" / "next year" / "this year" go with the month or day they follow', () => {
  assert.equal(
    value('Ticket sales have fallen since April last year.', '2019-08-14', 'April last year'),
    '2018-04',
  );
  assert.equal(
    value('The canal reopened on 12 May last year.', '2019-08-14', '12 May last year'),
    '2018-05-12',
  );
  assert.equal(
    value('A second tunnel is planned for March next year.', '2019-08-14', 'March next year'),
    '2020-03',
  );
  assert.equal(value('Exports grew in February this year.', '2019-08-14', 'February this year'), '2019-02');
});

test('bare days and months in past-tense reporting are the last ones; in future talk the next ones', () => {
  assert.equal(
    value('The mayor signed the order on 21 November.', '2019-08-14', '21 November'),
    '2018-11-21',
  );
  assert.equal(value('The choir toured Norway in December.', '2019-08-14', 'December'), '2018-12');
  assert.equal(value('The ferry will return on 21 November.', '2019-08-14', '21 November'), '2019-11-21');
  // A day a few weeks ahead stays ahead even after a past-tense verb ("said the offer ends …").
  assert.equal(
    value('The board confirmed the offer closes on 2 September.', '2019-08-14', '2 September'),
    '2019-09-02',
  );
  // The present perfect is no past-tense report: the loan runs through January.
  assert.equal(value('The bank has extended the loan through January.', '2019-08-14', 'January'), '2020-01');
});

test('weekdays: the page’s own weekday is that day; until / by a weekday is the coming one', () => {
  assert.equal(value('Fans queued outside the arena on Sunday.', '2019-08-18', 'Sunday'), '2019-08-18');
  assert.equal(
    value('The coach said on Sunday that the team would travel by bus.', '2019-08-18', 'Sunday'),
    '2019-08-18',
  );
  assert.equal(value('Tenants have until Friday to leave the block.', '2019-08-14', 'Friday'), '2019-08-16');
  assert.equal(value('The union wants an answer by Monday.', '2019-08-14', 'Monday'), '2019-08-19');
  // A deadline already passed: "had … by Tuesday".
  assert.equal(value('Only ten towns had paid by Tuesday.', '2019-08-14', 'Tuesday'), '2019-08-13');
  assert.equal(value('Pickets gathered on Monday.', '2019-08-14', 'Monday'), '2019-08-12');
});

test('"N days later / earlier" counts from the previous dated sentence of the article', () => {
  const found = articleTimexes(
    [
      'The river burst its banks on 2 August.',
      'Volunteers filled sandbags through the night.',
      'Four days later the water began to fall.',
      'Two weeks earlier, a report had warned of weak levees.',
      'The first flood alert went out three days ago.',
    ],
    '2019-08-14',
  );
  const firstDate = (i: number) => found[i].find((t) => t.type === 'DATE')?.value;
  assert.equal(firstDate(0), '2019-08-02');
  assert.equal(firstDate(2), '2019-08-06', 'from 2 August, past the undated sentence');
  assert.equal(firstDate(3), '2019-07-23', 'from 6 August, the sentence it continues');
  assert.equal(firstDate(4), '2019-08-11', '"ago" counts from the page');
  // Months from a month; with no dated sentence before, the page's date.
  const months = articleTimexes(
    ['The strike began in March.', 'Three months later a deal was signed.'],
    '2019-08-14',
  );
  assert.equal(months[1][0].value, '2019-06');
  assert.equal(articleTimexes(['Two days later the road reopened.'], '2019-08-14')[0][0].value, '2019-08-16');
});

test('the timeline dates "six days later" from the event the sentence continues', () => {
  const paragraphs = [
    'A fire broke out at the Tarrow paper mill on 3 August, forcing two hundred workers out of the building.',
    'Six days later, inspectors declared the main hall unsafe and ordered it to be pulled down.',
  ];
  const a: Article = {
    id: 'mill',
    source: 'mill.txt',
    title: 'Mill fire',
    published: '2019-08-14',
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    hash: 'mill',
  };
  const dates = storyTimeline([a], articleSentences(a), (x) => x.published).map((e) => e.date);
  assert.deepEqual(dates, ['2019-08-03', '2019-08-09']);
});
