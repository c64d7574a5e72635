import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageDateConflicts } from '../../src/analyse/page-dates.js';
import type { Article } from '../../src/model.js';

const page = (id: string, published: string): Article => ({
  id,
  source: `${id}.txt`,
  title: '',
  published,
  language: 'en',
  paragraphs: ['Text.'],
  text: 'Text.',
  hash: id,
});

test('one page dated far from an event its other pages date closely is flagged', () => {
  const event = ['2025-03-04', '2025-03-05', '2025-03-05', '2025-03-06', '2026-03-05'].map((d, i) =>
    page(`p${i}`, d),
  );
  const flags = pageDateConflicts(event);
  assert.equal(flags.length, 1);
  assert.equal(flags[0].values[0].value, '2026-03-05');
});

test('a running story spread over months flags no page date', () => {
  const running = [
    '2009-06-26',
    '2009-06-27',
    '2009-07-28',
    '2010-02-08',
    '2010-06-25',
    '2011-01-05',
    '2011-06-07',
    '2011-09-28',
    '2011-11-08',
  ].map((d, i) => page(`p${i}`, d));
  assert.deepEqual(pageDateConflicts(running), []);
});
