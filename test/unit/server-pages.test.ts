import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article, Brief } from '../../src/model.js';
import { storyPage } from '../../src/server/pages.js';

/** A brief of `n` sources (own text) whose summary cites sources 2 and 5 only. */
function bigStory(n: number): { brief: Brief; articles: Map<string, Article> } {
  const articles = new Map<string, Article>();
  const sources: Brief['sources'] = [];
  for (let i = 1; i <= n; i++) {
    const id = `a${i}`;
    const paragraphs = [
      `Report ${i} on the Kessel bridge: the deck was closed on day ${i}.`,
      `Paragraph two of report ${i}.`,
    ];
    articles.set(id, {
      id,
      source: `${id}.txt`,
      title: `Report ${i}`,
      language: 'en',
      paragraphs,
      text: paragraphs.join('\n\n'),
      hash: id,
    });
    sources.push({
      ref: i,
      articleId: id,
      title: `Report ${i}`,
      source: `${id}.txt`,
      url: i === 7 ? 'javascript:alert(1)' : `https://example.org/${id}`,
    });
  }
  const brief: Brief = {
    storyId: 's-kessel',
    headline: 'Kessel bridge',
    words: 10,
    sources,
    summary: [
      {
        text: 'The deck was closed.',
        from: { articleId: 'a2', sentenceIndex: 0 },
        citations: [
          { articleId: 'a2', ref: 2, sentenceIndex: 0, score: 1 },
          { articleId: 'a5', ref: 5, sentenceIndex: 0, score: 0.8 },
        ],
      },
    ],
  };
  return { brief, articles };
}

test('story page: a big story shows the text of cited sources only; small stories show every source', () => {
  const { brief, articles } = bigStory(30);
  const html = storyPage(brief, articles, () => 0);
  assert.match(html, /<a href="#src2-p0" class="cite">\[2\]<\/a>/);
  assert.match(html, /id="src2-p0">Report 2 on the Kessel bridge/);
  assert.match(html, /id="src5-p1">Paragraph two of report 5/);
  assert.doesNotMatch(html, /Report 9 on the Kessel bridge/);
  assert.match(html, /href="\/api\/articles\/a9">full text<\/a>/);
  // Only http(s) links to the original: a javascript: URL is never a link.
  assert.match(html, /href="https:\/\/example.org\/a9"/);
  assert.doesNotMatch(html, /javascript:/);

  const small = bigStory(6);
  const all = storyPage(small.brief, small.articles, () => 0);
  for (let i = 1; i <= 6; i++) assert.match(all, new RegExp(`Report ${i} on the Kessel bridge`));
});
