import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankedTimeline, storyTimeline } from '../../src/analyse/story-timeline.js';
import { cutTimeline } from '../../src/eval/timeline.js';
import {
  agreementRouge,
  alignRouge,
  concatRouge,
  dateF1,
  type Timeline,
} from '../../src/eval/timeline-metrics.js';
import type { Article, Sentence } from '../../src/model.js';

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

function article(
  id: string,
  published: string,
  texts: string[],
): { article: Article; sentences: Sentence[] } {
  return {
    article: {
      id,
      source: id,
      title: '',
      published,
      language: 'en',
      paragraphs: texts,
      text: texts.join('\n\n'),
      hash: id,
    },
    sentences: texts.map((t, k) => sentence(id, k, t)),
  };
}

test('eval timeline scores the timeline briefs show, cut to the reference size', () => {
  const docs = [
    article('a', '2020-03-05', [
      'The dam burst on Tuesday, flooding three villages in the valley below.',
      'Rescue crews searched the villages on Wednesday for survivors of the flood.',
    ]),
    article('b', '2020-03-06', [
      'After the dam burst on Tuesday, flooding three villages, people were evacuated.',
      'The regional governor visited the valley on Thursday and promised aid to families.',
    ]),
    article('c', '2020-03-09', [
      'Engineers said in a report that heavy rain caused the collapse in May 2019.',
    ]),
  ];
  const ranked = rankedTimeline(
    docs.map((d) => d.article),
    docs.flatMap((d) => d.sentences),
    (a) => a.published,
  );
  // The burst is told by two articles: it ranks first, and both are cited.
  assert.equal(ranked[0].date, '2020-03-03');
  assert.deepEqual(ranked[0].articleIds, ['a', 'b']);
  // A month-only date and a date outside the range are never scored; two dates of one each are kept.
  const cut = cutTimeline(ranked, { dates: 2, perDate: 1, range: ['2020-03-01', '2020-03-31'] });
  assert.deepEqual([...cut.keys()], ['2020-03-03', '2020-03-04']);
  assert.match(cut.get('2020-03-03')![0], /dam burst/);
  // The brief's own timeline is the head of the same ranking, in date order.
  const shown = storyTimeline(
    docs.map((d) => d.article),
    docs.flatMap((d) => d.sentences),
    (a) => a.published,
  );
  assert.deepEqual(
    shown.map((e) => e.date),
    [...ranked].map((e) => e.date).sort(),
  );
});
