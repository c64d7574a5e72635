import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterArticles, StoryClusterer } from '../../src/cluster/index.js';
import { article, OTHER_FERRY_REPORT, WIRE_FERRY } from '../cluster-fixtures.js';

/** An invented section page of teasers on the ferry fire: marked not an article, kept (as with --keep-all). */
const FERRY_SECTION = `Aster Queen ferry fire: fire on the passenger ferry Aster Queen in the Grell Strait, 312 passengers evacuated onto lifeboats...

Coast guard vessels from Vellmar and Ostrand towed the burning ferry toward the outer harbour...

Harbour master Ilse Kravec: every passenger is accounted for after the engine room fire...

Grell Lines suspends all Vellmar-Ostrand crossings until the maritime safety board finishes its checks...`;

const section = (flag: boolean) =>
  article('ferry-section', FERRY_SECTION, {
    published: '2026-03-01',
    ...(flag ? { nonArticle: { reason: 'index page' } } : {}),
  });
const reports = () => [
  article('ferry-1', WIRE_FERRY, { published: '2026-03-02' }),
  article('ferry-2', OTHER_FERRY_REPORT, { published: '2026-03-03' }),
];

test('a page marked not an article starts no story: the reports after it make their own', () => {
  // Unmarked, the section page is close enough to seed the ferry story the reports then join.
  const unmarked = clusterArticles([section(false), ...reports()]);
  assert.ok(unmarked.some((s) => s.articleIds.includes('ferry-section') && s.articleIds.includes('ferry-1')));
  const stories = clusterArticles([section(true), ...reports()]);
  assert.deepEqual(
    stories.map((s) => [...s.articleIds].sort()),
    [['ferry-1', 'ferry-2']],
  );
  assert.ok(stories.every((s) => s.id !== 's-ferry-section'));
});

test('a page marked not an article may join a story that real reports started', () => {
  const c = new StoryClusterer();
  c.addAll(reports());
  const added = c.add({ ...section(true), published: '2026-03-04' });
  assert.equal(added.created, false);
  const stories = c.stories();
  assert.equal(stories.length, 1);
  assert.deepEqual([...stories[0].articleIds].sort(), ['ferry-1', 'ferry-2', 'ferry-section']);
  assert.equal(stories[0].id, 's-ferry-1', 'the story is still the one the first report started');
});
