import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBrief } from '../../src/brief/build.js';
import { articleSentences } from '../../src/language/sentences.js';
import type { Article, Story } from '../../src/model.js';
import { renderMarkdown } from '../../src/render/markdown.js';

/** Seven short daily reports of one running story (own text), one per day. */
const days = ['03', '04', '05', '06', '07', '08', '09'];
const articles: Article[] = days.map((d, i) => {
  const text = [
    `Crews on the Kessel bridge closure worked through day ${i + 1} of the repairs on March ${Number(d)}, the county said.`,
    `The county said the Kessel bridge would stay closed to lorries while engineers replaced ${i + 2} cracked bearings.`,
    'Commuters faced a detour of about twenty minutes through the old mill road, the transport office said.',
  ].join('\n\n');
  return {
    id: `day-${d}`,
    source: `day-${d}.txt`,
    title: `Kessel bridge repairs, day ${i + 1}`,
    published: `2026-03-${d}`,
    language: 'en',
    paragraphs: text.split('\n\n'),
    text,
    hash: `day-${d}`,
  };
});
const byId = new Map(articles.map((a) => [a.id, a]));
const sentences = new Map(articles.map((a) => [a.id, articleSentences(a)]));
// Stored in arrival order, which is not date order.
const story: Story = {
  id: 's-kessel',
  headline: 'Kessel bridge repairs',
  articleIds: ['day-05', 'day-03', 'day-09', 'day-04', 'day-08', 'day-06', 'day-07'],
  reports: articles.map((a) => ({ id: a.id, articleIds: [a.id] })),
};

test('a big story is briefed from its latest articles only, and says so', () => {
  const brief = buildBrief(story, byId, sentences, { words: 60, maxArticles: 3 });
  assert.deepEqual(
    brief.sources.map((s) => s.articleId),
    ['day-07', 'day-08', 'day-09'],
  );
  assert.equal(brief.storyArticles, 7);
  for (const s of brief.summary) assert.ok(['day-07', 'day-08', 'day-09'].includes(s.from.articleId));
  assert.match(renderMarkdown([brief]), /the latest 3 of 7 sources/);

  const whole = buildBrief(story, byId, sentences, { words: 60 });
  assert.equal(whole.sources.length, 7);
  assert.equal(whole.storyArticles, undefined);
  assert.match(renderMarkdown([whole]), /_7 sources · /);
});
