/** The comment-stream cut: reader comments the container took in, known by their dated header lines. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutCommentStream, isDatedHeader } from '../../src/extract/comment-stream.js';
import { extractArticle } from '../../src/extract/index.js';
import type { RawDocument } from '../../src/model.js';

const story = Array.from(
  { length: 5 },
  (_, i) =>
    `The harbour board of Eastmere met for the ${i + 1}th time this summer and again put off its vote on the new ferry pier, citing the cost of dredging.`,
);
const comments = [
  'by quaywatcher March 3, 2019 9:14 PM EST',
  'They have been putting this off for years now and nobody on the board seems to care at all.',
  'by tidal_ann March 3, 2019 10:02 PM EST',
  'Dredging is cheaper than the board says, ask any of the fishermen down at the old slip.',
  'by pierpressure March 4, 2019 6:40 AM EST',
  'Build it already.',
];

test('a dated header line is short, names a date or a time, and does not end as a sentence', () => {
  assert.ok(isDatedHeader('by quaywatcher March 3, 2019 9:14 PM EST'));
  assert.ok(isDatedHeader('Posted By: tidal_ann | 03 March 2019 at 10:02 PM'));
  assert.ok(isDatedHeader('12. Harbour Fan - 2019-03-04'));
  assert.ok(
    !isDatedHeader('9:14 p.m.: The ferry leaves the old slip for the last time.'),
    'a timeline entry',
  );
  assert.ok(!isDatedHeader('by quaywatcher, a regular reader'), 'no date');
  assert.ok(!isDatedHeader(story[0]), 'prose');
});

test('the article ends where a stream of dated comment headers begins', () => {
  assert.deepEqual(cutCommentStream([...story, ...comments]), story);
});

test('one or two dated lines are not a stream, and a stream at the very top is not cut', () => {
  const two = [...story, ...comments.slice(0, 4)];
  assert.deepEqual(cutCommentStream(two), two);
  const heads = comments.filter((_, i) => i % 2 === 0);
  const top = [...heads, ...story];
  assert.deepEqual(cutCommentStream(top), top, 'every header within the first fifth of the words');
  assert.deepEqual(cutCommentStream([...heads, ...story, ...comments]), [...heads, ...story]);
});

test('extractArticle cuts the comment stream of an HTML page', () => {
  const html = `<html><body><div class="story">${story.map((p) => `<p>${p}</p>`).join('')}</div>
    <div class="story-extra">${comments.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
  const raw: RawDocument = {
    id: 'x',
    origin: { path: 'page' },
    kind: 'html',
    content: html,
    hash: '',
    hints: {},
  };
  assert.deepEqual(extractArticle(raw).article?.paragraphs, story);
});
