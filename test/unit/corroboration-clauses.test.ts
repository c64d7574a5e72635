/** A summary sentence's report count: the reports of one of its clauses do not back the whole sentence. */
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
  // a sentence of one fact is backed by every report of its claim
  assert.equal(analysis.corroborate({ articleId: 'b', index: 0 }, []).reports, 3);
  // and the articles found to state the whole sentence always count
  assert.equal(analysis.corroborate({ articleId: 'a', index: 0 }, ['b']).reports, 2);
});
