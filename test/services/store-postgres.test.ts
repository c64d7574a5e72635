/** The storage interface's suite (test/store-suite.ts) on the PostgreSQL store, in a schema of its own. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { extractArticle } from '../../src/extract/index.js';
import { readSources } from '../../src/feeds/index.js';
import { articleSentences } from '../../src/language/sentences.js';
import {
  MIGRATIONS,
  openPostgresStore,
  PG_SCHEMA_VERSION,
  parsePostgresUrl,
} from '../../src/store/postgres.js';
import { examplesDir } from '../helpers.js';
import { storeSuite } from '../store-suite.js';
import { noPostgres, pgSchemaUrl, uniqueName } from './services.js';

const skip = await noPostgres();
if (skip) test('PostgreSQL store suite', { skip }, () => {});
else
  storeSuite('postgres', {
    schemaVersion: PG_SCHEMA_VERSION,
    async open() {
      const url = pgSchemaUrl(uniqueName('nf_store'));
      const store = await openPostgresStore(url);
      return {
        store,
        reopen: () => openPostgresStore(url),
        drop: async () => {
          const admin = await openPostgresStore(url);
          await admin.dropSchema();
          await admin.close();
        },
      };
    },
  });

test('a store URL names its schema; a bad schema name is refused before connecting', async () => {
  assert.deepEqual(parsePostgresUrl('postgres://u@h:5432/db?schema=nf_x&sslmode=disable'), {
    connectionString: 'postgres://u@h:5432/db?sslmode=disable',
    schema: 'nf_x',
  });
  assert.throws(() => parsePostgresUrl('postgres://u@h/db?schema=x;drop'), /schema/);
});

test('sentences are one row of offsets per article; a store of the old layout is migrated', {
  skip,
}, async () => {
  const { docs } = await readSources([examplesDir]);
  const article = extractArticle(docs[0]).article!;
  const sentences = articleSentences(article);
  assert.ok(sentences.length >= 3);
  const url = pgSchemaUrl(uniqueName('nf_mig'));
  const { connectionString, schema } = parsePostgresUrl(url);
  // A store made by migrations 1 and 2 (sentences a row each), with one article in it.
  const pool = new pg.Pool({ connectionString, max: 1, options: `-c search_path=${schema}` });
  try {
    await pool.query(`CREATE SCHEMA ${schema}`);
    await pool.query(
      'CREATE TABLE newsfuse_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    for (const [i, sql] of MIGRATIONS.slice(0, 2).entries()) {
      await pool.query(sql);
      await pool.query('INSERT INTO newsfuse_migrations VALUES ($1, $2)', [i + 1, 'then']);
    }
    await pool.query(
      `INSERT INTO articles (id, hash, source, title, language, paragraphs, text, ingested_at)
       VALUES ($1, $2, 'a.html', $3, 'en', $4, $5, 'then')`,
      [article.id, article.hash, article.title, JSON.stringify(article.paragraphs), article.text],
    );
    for (const s of sentences)
      await pool.query('INSERT INTO sentences VALUES ($1, $2, $3, $4, $5, $6)', [
        article.id,
        s.index,
        s.paragraph,
        s.start,
        s.end,
        s.text,
      ]);
  } finally {
    await pool.end();
  }
  const store = await openPostgresStore(url);
  try {
    assert.equal(await store.schemaVersion(), PG_SCHEMA_VERSION);
    const spans = async (id: string) =>
      (
        await store.pool.query(
          'SELECT paragraph, start, "end" FROM article_sentences WHERE article_id = $1',
          [id],
        )
      ).rows[0];
    const expected = {
      paragraph: sentences.map((s) => s.paragraph),
      start: sentences.map((s) => s.start),
      end: sentences.map((s) => s.end),
    };
    assert.deepEqual(await spans(article.id), expected);
    // A sentence's text is the article text between its offsets.
    for (const s of sentences) assert.equal(article.text.slice(s.start, s.end), s.text);
    // New articles are stored the same way.
    const other = extractArticle(docs[1]).article!;
    const otherSentences = articleSentences(other);
    assert.deepEqual(await store.addArticles([{ article: other, sentences: otherSentences }]), [true]);
    assert.deepEqual(
      (await spans(other.id)).start,
      otherSentences.map((s) => s.start),
    );
  } finally {
    await store.dropSchema();
    await store.close();
  }
});
