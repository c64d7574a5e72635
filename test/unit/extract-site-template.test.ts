import assert from 'node:assert/strict';
import { test } from 'node:test';
import { removeSiteTemplates } from '../../src/extract/site-template.js';
import type { Article } from '../../src/model.js';

const FOOTER = 'Sign up for the Harbourside Gazette morning newsletter and never miss a council vote.';

function page(id: string, url: string | undefined, paragraphs: string[]): Article {
  return {
    id,
    source: `${id}.html`,
    url,
    title: id,
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    hash: id,
  };
}

const bodies = [
  [
    'The council approved the new ferry timetable on Monday after a two-hour debate.',
    'Fares stay the same until spring.',
  ],
  [
    'A landslide closed the coast road near Ardmore for most of Tuesday.',
    'Crews expect to reopen one lane by Friday.',
  ],
  [
    'The town library will open on Sundays from next month, the trust said.',
    'Volunteers will staff the reading room.',
  ],
  [
    'Two fishing boats collided in fog outside the harbour mouth; nobody was hurt.',
    'The coastguard is investigating.',
  ],
];

test('a paragraph repeated on most pages of one site is removed from each of them', () => {
  const pages = bodies.map((b, i) => page(`p${i}`, `https://www.gazette.example/news/${i}`, [...b, FOOTER]));
  const { articles, removed } = removeSiteTemplates(pages);
  for (const [i, a] of articles.entries()) {
    assert.deepEqual(a.paragraphs, bodies[i]);
    assert.equal(a.text, bodies[i].join('\n\n'));
    assert.deepEqual(removed.get(a.id), [FOOTER]);
  }
});

test('pages of different sites, or without URLs, are never judged together', () => {
  const mixed = bodies.map((b, i) => page(`m${i}`, `https://site${i}.example/a`, [...b, FOOTER]));
  assert.deepEqual(
    removeSiteTemplates(mixed).articles.map((a) => a.paragraphs.length),
    [3, 3, 3, 3],
  );
  // Three copies of one wire story in a folder share every paragraph: that is the article, not a template.
  const copies = [0, 1, 2].map((i) => page(`c${i}`, undefined, [...bodies[0], FOOTER]));
  assert.deepEqual(removeSiteTemplates(copies).articles, copies);
});

test('too few pages of a site, or a paragraph on under half of them, is kept', () => {
  const two = bodies.slice(0, 2).map((b, i) => page(`t${i}`, `https://g.example/${i}`, [...b, FOOTER]));
  assert.equal(removeSiteTemplates(two).removed.size, 0);
  const rare = bodies.map((b, i) => page(`r${i}`, `https://g.example/${i}`, i === 0 ? [...b, FOOTER] : b));
  assert.equal(removeSiteTemplates(rare).removed.size, 0);
});

test('an article made only of template paragraphs is left whole rather than emptied', () => {
  const pages = bodies.map((b, i) => page(`e${i}`, `https://g.example/${i}`, [...b, FOOTER]));
  pages.push(page('e9', 'https://g.example/9', [FOOTER]));
  const out = removeSiteTemplates(pages).articles.find((a) => a.id === 'e9');
  assert.deepEqual(out?.paragraphs, [FOOTER]);
});
