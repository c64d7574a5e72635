import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyTimeline } from '../../src/analyse/story-timeline.js';
import { articleSentences } from '../../src/language/sentences.js';
import { datedArticle as article } from '../helpers.js';

test('a timeline entry never reads "He …" or a quotation without its speaker', () => {
  const a = article('a', '2025-06-04', [
    'The Porthallow ferry union voted on Monday to strike over the new shift rota.',
    'He also added that the vote would be put to the full membership on Friday.',
    '"We will not sail a single boat until the rota is withdrawn," on Thursday.',
  ]);
  const timeline = storyTimeline([a], articleSentences(a), (x) => x.published);
  assert.deepEqual(
    timeline.map((e) => [e.date, e.text]),
    [['2025-06-02', 'The Porthallow ferry union voted on Monday to strike over the new shift rota.']],
  );
});

test('a sentence that cannot stand alone still backs an entry of its day from another source', () => {
  const a = article('a', '2025-06-04', [
    'The Porthallow ferry union voted on Monday to strike over the shift rota.',
  ]);
  const b = article('b', '2025-06-04', [
    'It voted on Monday to strike over the shift rota, the Porthallow ferry union said.',
  ]);
  const timeline = storyTimeline(
    [a, b],
    [...articleSentences(a), ...articleSentences(b)],
    (x) => x.published,
  );
  assert.equal(timeline.length, 1);
  assert.equal(timeline[0].text, 'The Porthallow ferry union voted on Monday to strike over the shift rota.');
  assert.deepEqual(timeline[0].articleIds, ['a', 'b']);
});
