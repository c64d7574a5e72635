import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article, Brief } from '../../src/model.js';
import { articlePage, storyPage } from '../../src/server/pages.js';

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

test('story page: a big story shows the cited paragraphs of its cited sources; small stories every paragraph', () => {
  const { brief, articles } = bigStory(30);
  const html = storyPage(brief, articles, (_, i) => i);
  assert.match(html, /<a href="#src2-p0" class="cite">\[2\]<\/a>/);
  assert.match(html, /id="src2-p0">Report 2 on the Kessel bridge/);
  // Only the cited paragraph, with a link back to the sentence that cites it.
  assert.doesNotMatch(html, /Paragraph two of report 2/);
  assert.match(
    html,
    /id="src5-p0">Report 5[^<]*<\/p><p class="back">↩ cited by <a href="#s1">summary sentence 1<\/a>/,
  );
  assert.doesNotMatch(html, /Report 9 on the Kessel bridge/);
  // Full text is a page of its own, not the article's JSON (issue 20).
  assert.match(html, /href="\/articles\/a9">full text<\/a>/);
  assert.doesNotMatch(html, /href="\/api\/articles\//);
  // Only http(s) links to the original: a javascript: URL is never a link.
  assert.match(html, /href="https:\/\/example.org\/a9"/);
  assert.doesNotMatch(html, /javascript:/);

  const small = bigStory(6);
  const all = storyPage(small.brief, small.articles, () => 0);
  for (let i = 1; i <= 6; i++) assert.match(all, new RegExp(`Report ${i} on the Kessel bridge`));
  assert.match(all, /Paragraph two of report 5/);
});

test('story page: sources come twenty a page; a citation of a source on another page links to that page', () => {
  const { brief, articles } = bigStory(45);
  brief.summary[0].citations.push({ articleId: 'a33', ref: 33, sentenceIndex: 1, score: 0.5 });
  const first = storyPage(brief, articles, (_, i) => i);
  assert.equal((first.match(/<li id="src\d+"/g) ?? []).length, 20);
  assert.match(first, /href="\?sources=2#src33-p1"/);
  assert.match(first, /<a href="\?sources=3#sec-sources">3<\/a>/);
  const second = storyPage(brief, articles, (_, i) => i, { page: 2 });
  assert.match(second, /<li id="src21" value="21">/);
  assert.doesNotMatch(second, /<li id="src1" /);
  // On its own page the citation is a fragment link, and the paragraph links back to the summary sentence.
  assert.match(second, /href="#src33-p1"/);
  assert.match(
    second,
    /id="src33-p1">Paragraph two of report 33\.<\/p><p class="back">↩ cited by <a href="#s1">/,
  );
  assert.match(second, /<span aria-current="page">2<\/span>/);
});

test('story page: many citations are grouped, naming the outlets; a sentence a disagreement rests on is marked', () => {
  const { brief, articles } = bigStory(12);
  for (const [i, s] of brief.sources.entries()) s.publisher = i % 2 ? 'Harbour Herald' : 'Valley Post';
  brief.summary.push({
    text: 'Nine spans were inspected.',
    from: { articleId: 'a1', sentenceIndex: 0 },
    citations: brief.sources
      .slice(0, 8)
      .map((s) => ({ articleId: s.articleId, ref: s.ref, sentenceIndex: 0, score: 1 })),
    corroboration: { reports: 8, outlets: ['Harbour Herald', 'Valley Post'] },
  });
  brief.summary[0].corroboration = { reports: 1, outlets: ['Harbour Herald'] };
  brief.disagreements = [
    {
      kind: 'count',
      about: 'spans inspected',
      values: [
        { value: 'nine', articleIds: ['a1'], evidence: [{ articleId: 'a1', sentenceIndex: 0, text: 'x' }] },
        { value: 'seven', articleIds: ['a4'], evidence: [{ articleId: 'a4', sentenceIndex: 1, text: 'y' }] },
      ],
    },
  ];
  const html = storyPage(brief, articles, () => 0);
  assert.match(
    html,
    /<details class="cg"><summary aria-label="7 more sources: Harbour Herald, Valley Post">\+7 sources<span class="tip" aria-hidden="true">Harbour Herald, Valley Post<\/span><\/summary>/,
  );
  // The first sentence cites two sources: plain links, no group.
  assert.match(
    html,
    /<li id="s1">The deck was closed\. <a [^>]+>\[2\]<\/a><a [^>]+>\[5\]<\/a> <span class="backed r1">/,
  );
  assert.match(
    html,
    /<li id="s2" class="has-dispute">Nine spans were inspected\..*<span class="backed r5">8 reports/,
  );
  assert.match(html, /<a class="disputed" href="#d1" title="Disputed: spans inspected">disputed<\/a>/);
  assert.match(html, /<li id="d1"><strong>spans inspected<\/strong>/);
  assert.match(html, /<nav class="toc" aria-label="Contents">.*href="#sec-disagreements">Disagreements<\/a>/);
});

test('story page: sections list five items and fold the rest into <details>; a big story has a coverage chart', () => {
  const { brief, articles } = bigStory(30);
  brief.timeline = Array.from({ length: 9 }, (_, i) => ({
    date: `2025-04-0${i + 1}`,
    text: `Step ${i + 1} of the repair.`,
    articleIds: [`a${i + 1}`],
    evidence: [],
  }));
  const chart = Array.from({ length: 30 }, (_, i) => ({
    outlet: i % 3 ? 'Valley Post' : 'Harbour Herald',
    date: `2025-04-0${(i % 5) + 1}`,
  }));
  const html = storyPage(brief, articles, () => 0, { chart });
  assert.equal((html.match(/<li id="t\d+">/g) ?? []).length, 9);
  assert.match(
    html,
    /<li id="t5">[\s\S]*<li class="more"><details><summary>4 more entries<\/summary><ul>\n<li id="t6">/,
  );
  assert.match(html, /<h3 id="sec-coverage">Coverage<\/h3>\n<figure class="chart"><svg [^>]*role="img"/);
  assert.match(html, /30 dated articles from 2 outlets, 2025-04-01 to 2025-04-05/);
  // A small story has no chart.
  const small = storyPage(brief, articles, () => 0, { chart: chart.slice(0, 10) });
  assert.doesNotMatch(small, /<svg/);
});

test('story page: landmarks, a skip link and a dark scheme', () => {
  const { brief, articles } = bigStory(3);
  const html = storyPage(brief, articles, () => 0);
  assert.match(html, /<a class="skip" href="#main">Skip to content<\/a>/);
  assert.match(html, /<header>[\s\S]*<main id="main"/);
  assert.match(html, /@media \(prefers-color-scheme:dark\)/);
});

test('article page: the full text as HTML, escaped, with its stories', () => {
  const html = articlePage(
    {
      id: 'x1',
      source: 'x1.txt',
      title: 'Tide <gates> shut',
      publisher: 'Harbour Herald',
      published: '2025-04-02T08:00:00Z',
      language: 'en',
      paragraphs: ['The gates shut at noon.', 'Boats waited <outside>.'],
      text: '',
      hash: 'x1',
    },
    [{ id: 's1', headline: 'Harbour gates' }],
  );
  assert.match(html, /<h2>Tide &lt;gates&gt; shut<\/h2>/);
  assert.match(html, /<p id="p1">Boats waited &lt;outside&gt;\.<\/p>/);
  assert.match(html, /Harbour Herald · <time>2025-04-02<\/time>/);
  assert.match(html, /<a href="\/stories\/s1">Harbour gates<\/a>/);
});

test('story page: a group lists at most 30 citation links and counts the rest', () => {
  const { brief, articles } = bigStory(60);
  brief.summary[0].citations = brief.sources.map((s) => ({
    articleId: s.articleId,
    ref: s.ref,
    sentenceIndex: 0,
    score: 1,
  }));
  const html = storyPage(brief, articles, () => 0);
  const group = html.match(/<details class="cg">.*?<\/details>/)?.[0] ?? '';
  // Source 7 has a host-less URL ("javascript:"): it is named by its file, never left blank.
  assert.match(group, /aria-label="59 more sources: example.org, a7.txt"/);
  assert.equal((group.match(/<a href=/g) ?? []).length, 30);
  assert.match(group, /<span class="backed">and 29 more<\/span><\/details>$/);
});
