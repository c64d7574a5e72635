/**
 * One test suite for every store behind the storage interface (src/store/store.ts): the SQLite store runs it
 * in the unit tier (test/unit/store-backends.test.ts), the PostgreSQL store in the services tier
 * (test/services/store-postgres.test.ts). Each backend must give the stories, headlines and briefs that the
 * SQLite ingest (src/store/ingest.ts) gives for the same pages.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractArticle } from '../src/extract/index.js';
import { readSources } from '../src/feeds/index.js';
import { articleSentences } from '../src/language/sentences.js';
import type { RawDocument } from '../src/model.js';
import { openStore } from '../src/store/db.js';
import { ingestDocuments } from '../src/store/ingest.js';
import { getBrief } from '../src/store/repository.js';
import { ingestInto, storeMany, storeOne } from '../src/store/shared-ingest.js';
import type { NewsStore } from '../src/store/store.js';
import { examplesDir, tempDir } from './helpers.js';

/** Opens a new, empty store; `reopen` opens the same one again; `drop` removes it. */
export interface Backend {
  open(): Promise<{ store: NewsStore; reopen(): Promise<NewsStore>; drop(): Promise<void> }>;
  schemaVersion: number;
}

/** What "the same stories" compares: membership, headline and brief JSON of every story. */
export async function storyDigest(store: NewsStore): Promise<string[]> {
  const members = await store.storyArticles();
  const rows = new Map((await store.listStories({ limit: 10_000 })).map((s) => [s.id, s]));
  const out: string[] = [];
  for (const [id, articles] of [...members].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    out.push(
      JSON.stringify({
        id,
        articles,
        headline: rows.get(id)?.headline,
        brief: JSON.stringify(await store.getBrief(id)),
      }),
    );
  return out;
}

/** The SQLite ingest of the same documents, in one go, as the reference digest. */
function referenceDigest(docs: RawDocument[]): string[] {
  const db = openStore(join(tempDir('nf-suite-ref-'), 'ref.db'));
  ingestDocuments(db, docs);
  const rows = db
    .prepare('SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id')
    .all() as { story_id: string; article_id: string }[];
  const members = new Map<string, string[]>();
  for (const r of rows) members.set(r.story_id, [...(members.get(r.story_id) ?? []), r.article_id]);
  const headline = db.prepare('SELECT headline FROM stories WHERE id = ?').pluck();
  const out = [...members]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, articles]) =>
      JSON.stringify({
        id,
        articles,
        headline: headline.get(id),
        brief: JSON.stringify(getBrief(db, id)),
      }),
    );
  db.close();
  return out;
}

export function storeSuite(name: string, backend: Backend): void {
  const withStore = (
    title: string,
    body: (store: NewsStore, reopen: () => Promise<NewsStore>) => Promise<void>,
  ) =>
    test(`${name}: ${title}`, async () => {
      const { store, reopen, drop } = await backend.open();
      try {
        await body(store, reopen);
      } finally {
        await store.close();
        await drop();
      }
    });

  withStore('migrations are versioned and run once', async (store, reopen) => {
    assert.equal(await store.schemaVersion(), backend.schemaVersion);
    const again = await reopen();
    assert.equal(await again.schemaVersion(), backend.schemaVersion);
    await again.close();
  });

  withStore('the same input twice is one article with one id', async (store) => {
    const { docs } = await readSources([examplesDir]);
    const doc = docs[0];
    const first = await storeOne(store, doc);
    assert.equal(first.status, 'added');
    assert.equal(await store.hasHash(doc.hash), true);
    const second = await storeOne(store, doc);
    assert.equal(second.status, 'duplicate');
    // A worker that already extracted it when another stored it: the insert itself refuses the copy.
    const article = extractArticle(doc).article!;
    assert.equal(article.id, first.status === 'added' ? first.articleId : '');
    assert.equal(await store.addArticle(article, articleSentences(article)), false);
    assert.equal((await store.counts()).articles, 1);
    assert.equal((await store.getArticle(article.id))?.title, article.title);
  });

  withStore('a batch stores its new inputs once, in one go, and skips copies', async (store) => {
    const { docs } = await readSources([examplesDir]);
    await storeOne(store, docs[1]);
    // A batch holding a stored input, a new one twice, and two more new ones.
    const batch = [docs[0], docs[1], docs[0], docs[2], docs[3]];
    const out = await storeMany(store, batch);
    assert.deepEqual(
      out.map((o) => o.status),
      ['added', 'duplicate', 'duplicate', 'added', 'added'],
    );
    assert.equal((await store.counts()).articles, 4);
    assert.deepEqual(
      [...(await store.storedHashes([docs[0].hash, docs[4].hash, docs[3].hash]))].sort(),
      [docs[0].hash, docs[3].hash].sort(),
    );
    // The same batch again (a retried job): nothing new.
    const again = await storeMany(store, batch);
    assert.ok(again.every((o) => o.status === 'duplicate'));
    // Articles extracted by a worker while another stored some of them: the insert refuses those alone.
    const items = [docs[3], docs[4]].map((d) => {
      const article = extractArticle(d).article!;
      return { article, sentences: articleSentences(article) };
    });
    assert.deepEqual(await store.addArticles(items), [false, true]);
    assert.equal((await store.counts()).articles, 5);
    const stored = await store.getArticle(items[1].article.id);
    assert.deepEqual(stored?.paragraphs, items[1].article.paragraphs);
  });

  withStore('stories, headlines and briefs equal the SQLite ingest; search finds them', async (store) => {
    const { docs } = await readSources([examplesDir]);
    const r = await ingestInto(store, docs);
    assert.deepEqual([r.added, r.duplicate, r.failed.length, r.clustering], [7, 0, 0, 'replayed']);
    assert.deepEqual(await store.counts(), { articles: 7, stories: 2 });
    assert.deepEqual(await store.storyLag(), { unplaced: 0, unbriefed: 0 });
    assert.deepEqual(await storyDigest(store), referenceDigest(docs));
    const found = await store.listStories({ q: 'Calderwick' });
    assert.equal(found.length, 1);
    assert.equal(found[0].articles, 6);
    assert.deepEqual(await store.listStories({ q: 'zeppelin' }), []);
    const hits = await store.searchArticles('Ostrand');
    assert.ok(hits.length >= 1);
    assert.ok(hits.every((h) => h.storyId));
    assert.equal((await store.storiesOfArticle(hits[0].articleId))[0].id, hits[0].storyId);
    const again = await ingestInto(store, docs);
    assert.deepEqual([again.added, again.duplicate, again.clustering], [0, 7, 'unchanged']);
  });

  withStore('a second ingest continues the saved clusterer and gives the stories of one', async (store) => {
    const { docs } = await readSources([examplesDir]);
    const published = new Map(docs.map((d) => [d, extractArticle(d).article?.published ?? '']));
    const early = docs.filter((d) => published.get(d)! < '2025-03-05');
    const late = docs.filter((d) => !early.includes(d));
    assert.ok(early.length >= 1 && late.length >= 3);
    await ingestInto(store, early);
    const second = await ingestInto(store, late);
    assert.equal(second.clustering, 'continued');
    assert.deepEqual(await storyDigest(store), referenceDigest(docs));
  });

  withStore('a plan is not saved over an article added after its snapshot', async (store) => {
    const { docs } = await readSources([examplesDir]);
    await ingestInto(store, docs.slice(0, 3));
    const { planAsync } = await import('../src/store/ingest.js');
    await storeOne(store, docs[3]);
    const plan = await store.snapshot((reader) => planAsync(reader, 120));
    await storeOne(store, docs[4]);
    assert.equal(await store.savePlan(plan), false);
    assert.equal((await store.storyLag()).unplaced, 2);
  });

  withStore('dead letters keep one entry per input, with its latest reason', async (store) => {
    await store.addDeadLetter({ key: 'h1', source: 'a.html', reason: 'not an article' });
    await store.addDeadLetter({ key: 'h2', source: 'b.html', reason: 'could not analyse (boom)' });
    await store.addDeadLetter({ key: 'h1', source: 'a.html', reason: 'empty page' });
    const list = await store.deadLetters();
    assert.deepEqual(list.map((d) => [d.key, d.reason]).sort(), [
      ['h1', 'empty page'],
      ['h2', 'could not analyse (boom)'],
    ]);
  });
}
