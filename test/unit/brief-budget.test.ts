import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyBudget } from '../../src/brief/build.js';
import type { Article } from '../../src/model.js';
import { briefArticles } from '../../src/pipeline.js';

test('the summary budget grows with the story: 120 words up to 10 sources, 250 from 100', () => {
  assert.equal(storyBudget(120, 1), 120);
  assert.equal(storyBudget(120, 10), 120);
  assert.equal(storyBudget(120, 100), 250);
  assert.equal(storyBudget(120, 5000), 250);
  let last = 0;
  for (let n = 1; n <= 200; n++) {
    const b = storyBudget(120, n);
    assert.ok(b >= last, `budget fell at ${n} sources`);
    last = b;
  }
  assert.ok(storyBudget(120, 30) > 150 && storyBudget(120, 30) < 200, `${storyBudget(120, 30)}`);
});

const TOWNS = ['Saltmere', 'Porthallow', 'Calderwick', 'Esk Bridge', 'Northaven', 'Greyport', 'Lowmoor'];
const THINGS = ['ferry timetable', 'harbour wall', 'fish market', 'lifeboat station', 'swing bridge'];

function article(k: number): Article {
  const town = TOWNS[k % TOWNS.length];
  const thing = THINGS[k % THINGS.length];
  const text = [
    `Storm Idris flooded the ${thing} in ${town} on Monday, the county council said in its report number ${k + 3}.`,
    `Engineers from ${town} said repairs to the ${thing} would cost about ${k + 2} million pounds and take ${k + 4} weeks.`,
    `Residents of ${town} were moved to the community hall while pumps worked through the night on street ${k + 1}.`,
  ].join('\n\n');
  return {
    id: `a${k}`,
    source: `a${k}.txt`,
    title: `Storm Idris floods ${town}`,
    published: `2025-01-${String((k % 28) + 1).padStart(2, '0')}`,
    language: 'en',
    paragraphs: text.split('\n\n'),
    text,
    hash: `h${k}`,
  };
}

test('a story of 40 sources gets a longer summary than its fixed budget; an explicit budget stays', () => {
  const articles = Array.from({ length: 40 }, (_, k) => article(k));
  const grown = briefArticles(articles, { words: 120 }).briefs[0];
  const fixed = briefArticles(articles, { words: 120, fixedWords: true }).briefs[0];
  assert.ok(grown && fixed);
  const words = (b: typeof grown) => b.summary.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
  assert.ok(words(fixed) <= 120, `fixed budget overrun: ${words(fixed)}`);
  assert.ok(words(grown) > words(fixed), `grown ${words(grown)} vs fixed ${words(fixed)}`);
  assert.ok(words(grown) <= storyBudget(120, 40));
});
