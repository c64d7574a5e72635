/**
 * Self-healing: a store whose stories lag its articles (an article in no story, a story without a brief) is
 * brought up to date by `newsfuse repair` and by the next ingest, even one that adds nothing.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { readSources } from '../../src/feeds/index.js';
import { articleSentences } from '../../src/language/sentences.js';
import { type DB, openStore } from '../../src/store/db.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { addArticle, getBrief, storyLag } from '../../src/store/repository.js';
import { cli, examplesDir, tempDir } from '../helpers.js';

/** Store one own-text article without updating the stories, and drop one story's brief: a lagging store. */
async function makeLag(db: DB, dir: string, n: number): Promise<string> {
  const file = join(dir, `late-${n}.txt`);
  writeFileSync(
    file,
    `Lighthouse keeper retires after ${n} winters\n\nThe keeper of the Saltmere lighthouse retired on Friday after ${n} winters on the headland. She said the lamp had never once gone dark during her watch, and the harbour trust thanked her at a small ceremony by the quay.\n`,
  );
  const [doc] = (await readSources([file])).docs;
  const { article } = extractArticle(doc);
  assert.ok(article);
  assert.ok(addArticle(db, article, articleSentences(article)));
  const story = db.prepare('SELECT story_id AS id FROM briefs ORDER BY story_id LIMIT 1').get() as {
    id: string;
  };
  db.prepare('DELETE FROM briefs WHERE story_id = ?').run(story.id);
  assert.deepEqual(storyLag(db), { unplaced: 1, unbriefed: 1 });
  return article.id;
}

/** The story holding an article, with its brief citing it. */
function briefOf(db: DB, articleId: string) {
  const row = db.prepare('SELECT story_id AS id FROM story_articles WHERE article_id = ?').get(articleId) as
    | { id: string }
    | undefined;
  assert.ok(row, 'the article is in a story');
  const brief = getBrief(db, row.id);
  assert.ok(
    brief?.sources.some((s) => s.articleId === articleId),
    'the story has a brief citing it',
  );
}

test('`newsfuse repair` places articles in no story and briefs stories without a brief', async () => {
  const dir = tempDir('nf-repair-');
  const path = join(dir, 'lag.db');
  const db = openStore(path);
  ingestDocuments(db, (await readSources([examplesDir])).docs);
  assert.deepEqual(storyLag(db), { unplaced: 0, unbriefed: 0 });
  const late = await makeLag(db, dir, 31);
  db.close();

  const r = await cli(['repair', '--db', path]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(
    r.stdout,
    /^1 of 1 articles in no story placed; 1 of 1 stories without a brief briefed; \d+ briefs rebuilt; store: 8 articles in \d+ stories\n$/,
  );
  const fixed = openStore(path);
  assert.deepEqual(storyLag(fixed), { unplaced: 0, unbriefed: 0 });
  briefOf(fixed, late);
  fixed.close();

  const again = await cli(['repair', '--db', path]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /^nothing to repair; store: 8 articles/);
});

test('an ingest that adds nothing new still brings lagging stories up to date', async () => {
  const dir = tempDir('nf-repair-');
  const db = openStore(join(dir, 'heal.db'));
  const { docs } = await readSources([examplesDir]);
  ingestDocuments(db, docs);
  const late = await makeLag(db, dir, 12);
  const report = ingestDocuments(db, docs);
  assert.deepEqual([report.added, report.duplicate], [0, docs.length]);
  assert.deepEqual(storyLag(db), { unplaced: 0, unbriefed: 0 });
  briefOf(db, late);
  db.close();
});
