import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyTimeline } from '../../src/analyse/story-timeline.js';
import { isCaption } from '../../src/extract/captions.js';
import { articleSentences } from '../../src/language/sentences.js';
import { datedArticle as article } from '../helpers.js';

test('photo captions end on the date the picture was taken', () => {
  for (const s of [
    'A ferry pilot waits at the closed gate of the harbour in Porthallow June 3, 2025.',
    'Dockers gather outside the union hall in Kestrel Bay on a cold morning, 4 June 2025.',
    'The mayor of Linton speaks to reporters October 4, 2024. REUTERS/Ann Lee',
  ])
    assert.ok(isCaption(s), s);
});

test('news sentences that lead up to a date, or end elsewhere, are not captions', () => {
  for (const s of [
    'The new harbour tariff takes effect on January 1, 2026.',
    'Talks are set to resume by March 3, 2026.',
    'The council met on Tuesday, June 3, 2025.',
    'Pilots have been on strike since May 30, 2025.',
    'The ferry ran again on Sunday, its owners said.',
  ])
    assert.ok(!isCaption(s), s);
});

test('the timeline leaves out captions and fragments, and keeps the dated events', () => {
  const a = article('a', '2025-06-04', [
    'Harbour pilots walked out on Monday over the new shift rota.',
    'A pilot boat lies idle at the quay in Porthallow June 3, 2025.',
    'June 3, 2025.',
    'Freight was diverted to Kestrel Bay on Tuesday, the port authority said.',
  ]);
  const timeline = storyTimeline([a], articleSentences(a), (x) => x.published);
  assert.deepEqual(
    timeline.map((e) => [e.date, e.text]),
    [
      ['2025-06-02', 'Harbour pilots walked out on Monday over the new shift rota.'],
      ['2025-06-03', 'Freight was diverted to Kestrel Bay on Tuesday, the port authority said.'],
    ],
  );
});

test('a caption is marked once, when the sentence is made; the timeline reads the mark', () => {
  const a = article('a', '2025-06-04', [
    'Harbour pilots walked out on Monday over the new shift rota. A pilot boat lies idle at the quay in Porthallow June 3, 2025.',
  ]);
  const sentences = articleSentences(a);
  assert.deepEqual(
    sentences.map((s) => s.caption),
    [undefined, true],
  );
  // Marked by hand, a news sentence is left out too: no stage after the marking looks at the words again.
  const marked = sentences.map((s, i) => (i === 0 ? { ...s, caption: true as const } : s));
  assert.deepEqual(
    storyTimeline([a], marked, (x) => x.published),
    [],
  );
});
