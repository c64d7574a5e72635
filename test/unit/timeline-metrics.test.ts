import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTimeline } from '../../src/analyse/timeline.js';
import {
  agreementRouge,
  alignRouge,
  concatRouge,
  dateF1,
  type Timeline,
} from '../../src/eval/timeline-metrics.js';
import { dateMentions } from '../../src/language/timex.js';
import type { Sentence } from '../../src/model.js';

const tl = (entries: [string, string[]][]): Timeline => new Map(entries);

test('date F1 counts exact dates', () => {
  const f = dateF1(
    ['2020-01-01', '2020-01-02', '2020-01-05'],
    ['2020-01-02', '2020-01-05', '2020-01-09', '2020-01-10'],
  );
  assert.equal(f.p, 2 / 3);
  assert.equal(f.r, 2 / 4);
});

test('identical timelines score 1 in every variant; agreement punishes the wrong day, concat does not', () => {
  const ref = tl([
    ['2020-01-01', ['Floods closed the northern railway line.']],
    ['2020-01-03', ['Engineers reopened the bridge at Ardmore.']],
  ]);
  for (const score of [concatRouge, agreementRouge, alignRouge]) assert.equal(score(ref, [ref], 1).f, 1);
  const shifted = tl([
    ['2020-01-02', ['Floods closed the northern railway line.']],
    ['2020-01-03', ['Engineers reopened the bridge at Ardmore.']],
  ]);
  assert.equal(concatRouge(shifted, [ref], 1).f, 1);
  assert.ok(agreementRouge(shifted, [ref], 1).f < 0.6);
  // Alignment maps the day-off entry to its neighbour and gives it half credit (1 / (1 + 1 day)).
  const align = alignRouge(shifted, [ref], 1);
  assert.ok(align.f > agreementRouge(shifted, [ref], 1).f && align.f < 1, String(align.f));
});

test('stopwords do not score and stems match: "closes" = "closed"', () => {
  const ref = tl([['2020-01-01', ['The floods closed the line']]]);
  const pred = tl([['2020-01-01', ['Flood closes a line']]]);
  assert.equal(concatRouge(pred, [ref], 1).f, 1);
});

function sentence(articleId: string, index: number, text: string): Sentence {
  return { articleId, index, paragraph: 0, start: 0, end: text.length, text };
}

test('buildTimeline picks the most mentioned dates and describes each with its own sentences', () => {
  const articles = [
    {
      id: 'a',
      published: '2020-03-05',
      sentences: [
        sentence('a', 0, 'The dam burst on Tuesday, flooding three villages in the valley.'),
        sentence('a', 1, 'Rescue crews searched the villages on Wednesday for survivors.'),
      ],
    },
    {
      id: 'b',
      published: '2020-03-06',
      sentences: [
        sentence('b', 0, 'After the dam burst on Tuesday, the villages were evacuated.'),
        sentence('b', 1, 'The regional governor visited the valley on Thursday and promised aid.'),
      ],
    },
    {
      id: 'c',
      published: '2020-03-09',
      sentences: [
        sentence('c', 0, 'Engineers blamed heavy rain for the dam collapse of March 3.'),
        sentence('c', 1, 'Crews searched the flooded villages on Wednesday.'),
      ],
    },
  ];
  const days = buildTimeline(articles, { dates: 2, perDate: 1, resolve: dateMentions });
  assert.deepEqual(
    days.map((d) => d.date),
    ['2020-03-03', '2020-03-04'],
  );
  assert.match(days[0].sentences[0].text, /dam/);
  assert.match(days[1].sentences[0].text, /searched/);
});
