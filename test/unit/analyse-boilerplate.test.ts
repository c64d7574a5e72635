import assert from 'node:assert/strict';
import { test } from 'node:test';
import { templateSentences } from '../../src/analyse/boilerplate.js';
import type { Sentence } from '../../src/model.js';

/** Sentences of articles a0..a(n-1), each its own report; `lines(i)` gives article i's sentences. */
function story(n: number, lines: (i: number) => string[]): Sentence[] {
  return Array.from({ length: n }, (_, i) =>
    lines(i).map((text, index) => ({
      articleId: `a${i}`,
      index,
      paragraph: index,
      start: 0,
      end: text.length,
      text,
    })),
  ).flat();
}

const body = (i: number) => [
  `The ferry from Kestrel Bay left ${i + 2} hours late on Monday after a storm, the operator said.`,
  `Passengers number ${i + 10} were moved to a later crossing while crews checked the ramp for damage.`,
  `Reporter ${i} heard the harbour master say the ramp would be inspected again before the first sailing.`,
];

test('a footer every page of a site carries is template; the news around it is not', () => {
  const sentences = story(10, (i) => [
    ...body(i),
    'We welcome comments on our articles for a limited period after their publication.',
  ]);
  const t = templateSentences(sentences, (id) => id);
  assert.equal(t.size, 10);
  assert.ok([...t].every((s) => s.text.startsWith('We welcome comments')));
});

test('a short line repeated on a share of pages is template; one said by two reports is not', () => {
  const sentences = story(10, (i) => [
    ...body(i),
    ...(i < 3 ? ['Stop the ferry cuts now!'] : []),
    ...(i < 2 ? ['The operator apologised to every passenger who missed a connection on Monday.'] : []),
  ]);
  const texts = new Set([...templateSentences(sentences, (id) => id)].map((s) => s.text));
  assert.deepEqual([...texts], ['Stop the ferry cuts now!']);
});

test('copies of one wire story are one report: their shared sentences are not template', () => {
  const sentences = story(4, () => [
    'The ferry from Kestrel Bay left two hours late on Monday after a storm, the operator said.',
    'Crews checked the ramp.',
  ]);
  assert.equal(templateSentences(sentences, () => 'r-wire').size, 0);
});
