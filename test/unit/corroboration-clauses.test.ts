/** A summary sentence's report count: the independent reports among the articles that state its fact. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseStory } from '../../src/analyse/index.js';
import type { Article, Sentence, Story } from '../../src/model.js';

const article = (id: string, text: string): Article => ({
  id,
  source: `${id}.txt`,
  publisher: `Outlet ${id}`,
  title: '',
  published: '2025-03-05',
  language: 'en',
  paragraphs: [text],
  text,
  hash: id,
});
const sentence = (a: Article): Sentence => ({
  articleId: a.id,
  index: 0,
  paragraph: 0,
  start: 0,
  end: a.text.length,
  text: a.text,
});

test('a two-fact sentence is not counted as backed by the reports of one of its facts', () => {
  const articles = [
    article(
      'a',
      'Flood waters closed the Varna river bridge on Monday, and engineers found deep cracks in two concrete pylons.',
    ),
    article('b', 'Flood waters closed the Varna river bridge on Monday morning.'),
    article('c', 'The Varna river bridge was closed by flood waters on Monday.'),
  ];
  const story: Story = {
    id: 's',
    articleIds: articles.map((a) => a.id),
    reports: articles.map((a) => ({ id: `r-${a.id}`, articleIds: [a.id] })),
    headline: '',
  };
  const sentences = articles.map(sentence);
  const analysis = analyseStory(story, articles, sentences, (id) => `Outlet ${id}`);
  // the first clause is a claim of three reports, the second of one: the whole sentence is one report
  assert.equal(analysis.corroborate({ articleId: 'a', index: 0 }, []).reports, 1);
  assert.ok(analysis.claims.some((c) => c.corroboration.reports === 3));
  // the count is that of the articles found to state the sentence's fact (its citations), not of a claim
  // that shares some of its words
  assert.equal(analysis.corroborate({ articleId: 'b', index: 0 }, []).reports, 1);
  assert.equal(analysis.corroborate({ articleId: 'b', index: 0 }, ['c']).reports, 2);
  assert.equal(analysis.corroborate({ articleId: 'a', index: 0 }, ['b']).reports, 2);
});

test('near-copies of one page found to state a sentence count as one report', () => {
  const articles = [
    article('a', 'The Varna river bridge was closed by flood waters on Monday.'),
    article('b', 'The Varna river bridge was closed by flood waters on Monday.'),
    article('c', 'Flood waters closed the Varna river bridge on Monday morning.'),
  ];
  const story: Story = {
    id: 's',
    articleIds: articles.map((a) => a.id),
    reports: [
      { id: 'r1', articleIds: ['a', 'b'] },
      { id: 'r2', articleIds: ['c'] },
    ],
    headline: '',
  };
  const analysis = analyseStory(story, articles, articles.map(sentence), (id) => `Outlet ${id}`);
  const c = analysis.corroborate({ articleId: 'a', index: 0 }, ['b', 'c']);
  assert.equal(c.reports, 2);
  assert.deepEqual(c.outlets, ['Outlet a', 'Outlet b', 'Outlet c']);
});
