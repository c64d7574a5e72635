/**
 * The shared store on PostgreSQL (`--db postgres://…`): the same tables as the SQLite store (db.ts), versioned
 * migrations recorded in `newsfuse_migrations` (applied under an advisory lock, so many workers starting at
 * once migrate once), and PostgreSQL's own full-text search: a stored `tsvector` per article and per story,
 * queried with `websearch_to_tsquery` ('simple' configuration: no stemming, like the SQLite store's FTS5).
 *
 * A `schema=NAME` query parameter in the URL puts every table in that schema (created if missing): tests
 * use a schema of their own and drop it. The driver (`pg`) is loaded only when a postgres:// store is opened.
 */
import pg from 'pg';
import type { HeadlineSource } from '../analyse/headline.js';
import type { Article, Brief, Sentence } from '../model.js';
import { type ArticleRow, LEAD_COLUMNS, type LeadRow, toArticle, toHeadlineSource } from './article-row.js';
import type { PlanReader, StoryPlan } from './ingest.js';
import type { ClustererRow, SearchHit, StoryLag, StoryRow } from './repository.js';
import type { DeadLetter, NewsStore } from './store.js';

/** Migrations, applied in order; each runs once, in a transaction, and is recorded with its number. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     seq BIGSERIAL NOT NULL UNIQUE,
     source TEXT NOT NULL,
     url TEXT,
     publisher TEXT,
     title TEXT NOT NULL,
     byline TEXT,
     published TEXT,
     language TEXT NOT NULL,
     paragraphs TEXT NOT NULL,
     text TEXT NOT NULL,
     ingested_at TEXT NOT NULL,
     search TSVECTOR GENERATED ALWAYS AS (
       setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', text), 'B')) STORED
   );
   CREATE INDEX articles_search ON articles USING GIN (search);
   CREATE TABLE sentences (
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     idx INTEGER NOT NULL,
     paragraph INTEGER NOT NULL,
     start INTEGER NOT NULL,
     "end" INTEGER NOT NULL,
     text TEXT NOT NULL,
     PRIMARY KEY (article_id, idx)
   );
   CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     headline TEXT NOT NULL,
     articles INTEGER NOT NULL,
     updated_at TEXT NOT NULL,
     last_published TEXT
   );
   CREATE TABLE story_articles (
     story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     report_id TEXT NOT NULL,
     PRIMARY KEY (story_id, article_id)
   );
   CREATE INDEX story_articles_article ON story_articles(article_id);
   CREATE TABLE briefs (
     story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
     json TEXT NOT NULL,
     summary TEXT NOT NULL,
     search TSVECTOR NOT NULL
   );
   CREATE INDEX briefs_search ON briefs USING GIN (search);
   CREATE TABLE clusterer (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     articles INTEGER NOT NULL,
     last_published TEXT,
     last_id TEXT NOT NULL,
     state BYTEA NOT NULL
   );`,
  `CREATE TABLE dead_letters (
     key TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     reason TEXT NOT NULL,
     at TEXT NOT NULL
   );`,
  // Sentences as one row of offsets per article, not a row (and an index entry) per sentence: a sentence's
  // text is the article text between its offsets. Article text compressed with lz4 where the server has it.
  // Together about a fifth of PostgreSQL's CPU per stored article (BENCHMARKS.md, "Scale-out").
  `CREATE TABLE article_sentences (
     article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
     paragraph INTEGER[] NOT NULL,
     start INTEGER[] NOT NULL,
     "end" INTEGER[] NOT NULL
   );
   INSERT INTO article_sentences (article_id, paragraph, start, "end")
     SELECT article_id, array_agg(paragraph ORDER BY idx), array_agg(start ORDER BY idx), array_agg("end" ORDER BY idx)
     FROM sentences GROUP BY article_id;
   DROP TABLE sentences;
   DO $$ BEGIN
     ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4, ALTER COLUMN paragraphs SET COMPRESSION lz4;
   EXCEPTION WHEN feature_not_supported THEN NULL;
   END $$;`,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Advisory lock keys: migrating, and saving stories (one writer of the stories at a time). */
const MIGRATE_LOCK = 0x6e660001;
const STORIES_LOCK = 0x6e660002;

/** The URL without its `schema` parameter, and the schema (default `public`). */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`schema "${schema}": use lower-case letters, digits and _`);
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema };
}

export async function openPostgresStore(url: string, options: { max?: number } = {}): Promise<PostgresStore> {
  const { connectionString, schema } = parsePostgresUrl(url);
  const pool = new pg.Pool({ connectionString, max: options.max ?? 4, options: `-c search_path=${schema}` });
  // An idle connection the server drops (a restart) must not crash the process.
  pool.on('error', () => {});
  try {
    await migrate(pool, schema);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return new PostgresStore(pool, schema);
}

async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await c.query(
      'CREATE TABLE IF NOT EXISTS newsfuse_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const { rows } = await c.query('SELECT COALESCE(MAX(version), 0) AS v FROM newsfuse_migrations');
    const v = Number(rows[0].v);
    if (v > MIGRATIONS.length)
      throw new Error(`store schema version ${v} is newer than this newsfuse (${MIGRATIONS.length})`);
    for (let i = v; i < MIGRATIONS.length; i++) {
      await c.query(MIGRATIONS[i]);
      await c.query('INSERT INTO newsfuse_migrations (version, applied_at) VALUES ($1, $2)', [
        i + 1,
        new Date().toISOString(),
      ]);
    }
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

const ARTICLE_COLUMNS =
  'id, hash, source, url, publisher, title, byline, published, language, paragraphs, text';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** The reads the story planner makes, on one connection (a pool, or a client inside a snapshot). */
class Reader implements PlanReader {
  constructor(protected readonly q: Queryable) {}

  async articleSetVersion(): Promise<string> {
    const { rows } = await this.q.query('SELECT COUNT(*) AS n, MAX(seq) AS m FROM articles');
    return `${Number(rows[0].n)}:${Number(rows[0].m ?? 0)}`;
  }

  async articleKeys(): Promise<{ id: string; published?: string }[]> {
    const { rows } = await this.q.query<{ id: string; published: string | null }>(
      'SELECT id, published FROM articles ORDER BY seq',
    );
    return rows.map((r) => (r.published === null ? { id: r.id } : { id: r.id, published: r.published }));
  }

  async loadClusterer(): Promise<ClustererRow | undefined> {
    const { rows } = await this.q.query('SELECT * FROM clusterer WHERE id = 1');
    const r = rows[0] as
      | { articles: number; last_published: string | null; last_id: string; state: Buffer }
      | undefined;
    if (!r) return undefined;
    const last =
      r.last_published === null ? { id: r.last_id } : { id: r.last_id, published: r.last_published };
    return { articles: r.articles, last, state: new Uint8Array(r.state) };
  }

  async getArticles(ids: string[]): Promise<Map<string, Article>> {
    const out = new Map<string, Article>();
    if (!ids.length) return out;
    const { rows } = await this.q.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    // In the order asked, as the SQLite store answers.
    for (const id of ids) {
      const r = byId.get(id);
      if (r) out.set(id, toArticle(r));
    }
    return out;
  }

  async headlineSources(): Promise<Map<string, HeadlineSource>> {
    const out = new Map<string, HeadlineSource>();
    const { rows } = await this.q.query<LeadRow>(`SELECT ${LEAD_COLUMNS} FROM articles ORDER BY seq`);
    for (const r of rows) out.set(r.id, toHeadlineSource(r));
    return out;
  }

  async storyMembership(): Promise<Map<string, { articles: string[]; brief: boolean; headline?: string }>> {
    const out = new Map<string, { articles: string[]; brief: boolean; headline?: string }>();
    const { rows } = await this.q.query<{ story_id: string; article_id: string }>(
      'SELECT story_id, article_id FROM story_articles',
    );
    for (const r of rows) {
      let m = out.get(r.story_id);
      if (!m) out.set(r.story_id, (m = { articles: [], brief: false }));
      m.articles.push(r.article_id);
    }
    for (const { story_id } of (await this.q.query<{ story_id: string }>('SELECT story_id FROM briefs'))
      .rows) {
      const m = out.get(story_id);
      if (m) m.brief = true;
    }
    for (const r of (await this.q.query<{ id: string; headline: string }>('SELECT id, headline FROM stories'))
      .rows) {
      const m = out.get(r.id);
      if (m) m.headline = r.headline;
    }
    return out;
  }
}

export class PostgresStore extends Reader implements NewsStore {
  readonly kind = 'postgres' as const;

  constructor(
    readonly pool: pg.Pool,
    readonly schema: string,
  ) {
    super(pool);
  }

  async hasHash(hash: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM articles WHERE hash = $1', [hash])).rowCount! > 0;
  }

  async storedHashes(hashes: string[]): Promise<Set<string>> {
    if (!hashes.length) return new Set();
    const { rows } = await this.pool.query<{ hash: string }>(
      'SELECT hash FROM articles WHERE hash = ANY($1)',
      [hashes],
    );
    return new Set(rows.map((r) => r.hash));
  }

  async addArticle(a: Article, sentences: Sentence[]): Promise<boolean> {
    return (await this.addArticles([{ article: a, sentences }]))[0];
  }

  async addArticles(items: { article: Article; sentences: Sentence[] }[]): Promise<boolean[]> {
    if (!items.length) return [];
    // Rows in id order: two workers storing overlapping batches wait on each other, never deadlock.
    const byId = new Map<string, { article: Article; sentences: Sentence[] }>();
    for (const i of items) if (!byId.has(i.article.id)) byId.set(i.article.id, i);
    const unique = [...byId.values()].sort((x, y) => cmp(x.article.id, y.article.id));
    const arts = unique.map((i) => i.article);
    const now = new Date().toISOString();
    const added = await this.transaction(async (c) => {
      // One statement for the batch; a copy of a stored input (same hash, so same id) is skipped, and
      // another worker's uncommitted copy is waited for, then skipped.
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO articles (id, hash, source, url, publisher, title, byline, published, language, paragraphs, text, ingested_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          arts.map((a) => a.id),
          arts.map((a) => a.hash),
          arts.map((a) => a.source),
          arts.map((a) => a.url ?? null),
          arts.map((a) => a.publisher ?? null),
          arts.map((a) => a.title),
          arts.map((a) => a.byline ?? null),
          arts.map((a) => a.published ?? null),
          arts.map((a) => a.language),
          arts.map((a) => JSON.stringify(a.paragraphs)),
          arts.map((a) => a.text),
          arts.map(() => now),
        ],
      );
      const ids = new Set(rows.map((r) => r.id));
      const rowsOf = unique.filter((i) => ids.has(i.article.id));
      const list = (i: { sentences: Sentence[] }, f: (s: Sentence) => number) =>
        `{${i.sentences.map(f).join(',')}}`;
      if (rowsOf.length)
        await c.query(
          `INSERT INTO article_sentences (article_id, paragraph, start, "end")
           SELECT id, p::int[], s::int[], e::int[] FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(id, p, s, e)`,
          [
            rowsOf.map((i) => i.article.id),
            rowsOf.map((i) => list(i, (x) => x.paragraph)),
            rowsOf.map((i) => list(i, (x) => x.start)),
            rowsOf.map((i) => list(i, (x) => x.end)),
          ],
        );
      return ids;
    });
    // The same article twice in one batch: the first is added, the second is the duplicate.
    const seen = new Set<string>();
    return items.map((i) => {
      const first = added.has(i.article.id) && !seen.has(i.article.id);
      seen.add(i.article.id);
      return first;
    });
  }

  /** Each article's sentence paragraphs by sentence index (what a story page's citations link to). */
  async sentenceParagraphs(articleIds: string[]): Promise<Map<string, number[]>> {
    if (!articleIds.length) return new Map();
    const { rows } = await this.pool.query<{ article_id: string; paragraph: number[] }>(
      'SELECT article_id, paragraph FROM article_sentences WHERE article_id = ANY($1)',
      [articleIds],
    );
    return new Map(rows.map((r) => [r.article_id, r.paragraph]));
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return (await this.getArticles([id])).get(id);
  }

  async snapshot<T>(read: (reader: PlanReader) => Promise<T>): Promise<T> {
    // One snapshot for every read of the plan; nothing waits on it.
    return this.transaction((c) => read(new Reader(c)), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async savePlan(plan: StoryPlan): Promise<boolean> {
    return this.transaction(async (c) => {
      // One writer of the stories at a time; articles added meanwhile show in the version (read committed).
      await c.query('SELECT pg_advisory_xact_lock($1)', [STORIES_LOCK]);
      if ((await new Reader(c).articleSetVersion()) !== plan.version) return false;
      if (plan.clusterer) {
        const r = plan.clusterer;
        await c.query(
          `INSERT INTO clusterer (id, articles, last_published, last_id, state) VALUES (1, $1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET articles = excluded.articles, last_published = excluded.last_published,
             last_id = excluded.last_id, state = excluded.state`,
          [r.articles, r.last.published ?? null, r.last.id, Buffer.from(r.state)],
        );
      }
      await saveStories(c, plan);
      return true;
    });
  }

  async listStories(options: { q?: string; limit?: number } = {}): Promise<StoryRow[]> {
    const limit = options.limit ?? 100;
    const q = options.q?.trim();
    if (!q) {
      const { rows } = await this.pool.query<StoryRow>(
        'SELECT id, headline, articles, updated_at, last_published FROM stories ORDER BY articles DESC, id LIMIT $1',
        [limit],
      );
      return rows;
    }
    // A story matches by its headline and summary, or by one of its articles' text (as in the SQLite store).
    const { rows } = await this.pool.query<StoryRow>(
      `WITH q AS (SELECT websearch_to_tsquery('simple', $1) AS q),
       hits AS (
         SELECT b.story_id, ts_rank(b.search, q.q) AS r FROM briefs b, q WHERE b.search @@ q.q
         UNION ALL
         SELECT sa.story_id, MAX(ts_rank(a.search, q.q)) AS r FROM articles a, q, story_articles sa
           WHERE a.search @@ q.q AND sa.article_id = a.id GROUP BY sa.story_id)
       SELECT s.id, s.headline, s.articles, s.updated_at, s.last_published FROM stories s
         JOIN (SELECT story_id, SUM(r) AS r FROM hits GROUP BY story_id) h ON h.story_id = s.id
         ORDER BY s.articles DESC, h.r DESC, s.id LIMIT $2`,
      [q, limit],
    );
    return rows;
  }

  async getBrief(storyId: string): Promise<Brief | undefined> {
    const { rows } = await this.pool.query('SELECT json FROM briefs WHERE story_id = $1', [storyId]);
    return rows[0] && (JSON.parse(rows[0].json) as Brief);
  }

  async searchArticles(q: string, limit = 20): Promise<SearchHit[]> {
    if (!/[\p{L}\p{N}]/u.test(q)) return [];
    const { rows } = await this.pool.query<{
      articleId: string;
      title: string;
      storyId: string | null;
      snippet: string;
    }>(
      `WITH q AS (SELECT websearch_to_tsquery('simple', $1) AS q)
       SELECT a.id AS "articleId", a.title, sa.story_id AS "storyId",
         ts_headline('simple', a.text, q.q, 'StartSel=[, StopSel=], MaxWords=12, MinWords=4') AS snippet
       FROM articles a CROSS JOIN q LEFT JOIN story_articles sa ON sa.article_id = a.id
       WHERE a.search @@ q.q ORDER BY ts_rank(a.search, q.q) DESC, a.seq LIMIT $2`,
      [q, limit],
    );
    return rows.map((h) => ({ ...h, storyId: h.storyId ?? undefined }));
  }

  async counts(): Promise<{ articles: number; stories: number }> {
    const { rows } = await this.pool.query(
      'SELECT (SELECT COUNT(*) FROM articles) AS a, (SELECT COUNT(*) FROM stories) AS s',
    );
    return { articles: Number(rows[0].a), stories: Number(rows[0].s) };
  }

  async storyLag(): Promise<StoryLag> {
    const { rows } = await this.pool.query(
      `SELECT
         (SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)) AS unplaced,
         (SELECT COUNT(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM briefs b WHERE b.story_id = s.id)) AS unbriefed`,
    );
    return { unplaced: Number(rows[0].unplaced), unbriefed: Number(rows[0].unbriefed) };
  }

  async storiesOfArticle(articleId: string): Promise<{ id: string; headline: string }[]> {
    const { rows } = await this.pool.query<{ id: string; headline: string }>(
      'SELECT s.id, s.headline FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = $1 ORDER BY s.id',
      [articleId],
    );
    return rows;
  }

  async storyArticles(): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const { rows } = await this.pool.query<{ story_id: string; article_id: string }>(
      'SELECT story_id, article_id FROM story_articles ORDER BY story_id COLLATE "C", article_id COLLATE "C"',
    );
    for (const r of rows) {
      const list = out.get(r.story_id) ?? [];
      list.push(r.article_id);
      out.set(r.story_id, list);
    }
    return out;
  }

  async addDeadLetter(e: Omit<DeadLetter, 'at'>): Promise<void> {
    await this.pool.query(
      `INSERT INTO dead_letters (key, source, reason, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET source = excluded.source, reason = excluded.reason, at = excluded.at`,
      [e.key, e.source, e.reason, new Date().toISOString()],
    );
  }

  async deadLetters(): Promise<DeadLetter[]> {
    return (
      await this.pool.query<DeadLetter>(
        'SELECT key, source, reason, at FROM dead_letters ORDER BY at, key COLLATE "C"',
      )
    ).rows;
  }

  async schemaVersion(): Promise<number> {
    const { rows } = await this.pool.query('SELECT COALESCE(MAX(version), 0) AS v FROM newsfuse_migrations');
    return Number(rows[0].v);
  }

  /** Drop the store's schema and every table in it (tests); refuses the default schema. */
  async dropSchema(): Promise<void> {
    if (this.schema === 'public') throw new Error('refusing to drop the public schema');
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** `work` on one connection inside `begin` … COMMIT, rolled back if it throws. */
  private async transaction<T>(work: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query(begin);
      const out = await work(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** repository.ts's saveStories on PostgreSQL (same rules: which rows change, when `updated_at` moves). */
async function saveStories(c: pg.PoolClient, plan: StoryPlan): Promise<void> {
  const { stories, briefs, lastPublished } = plan;
  const now = new Date().toISOString();
  const keep = stories.map((s) => s.id);
  await c.query('DELETE FROM stories WHERE NOT (id = ANY($1))', [keep]);
  const old = new Map(
    (
      await c.query<{ id: string; articles: number }>('SELECT id, articles FROM stories WHERE id = ANY($1)', [
        keep,
      ])
    ).rows.map((r) => [r.id, r.articles]),
  );
  for (const s of stories) {
    const brief = briefs.get(s.id);
    const before = old.get(s.id);
    const changed = before === undefined || before !== s.articleIds.length || !!brief;
    await c.query(
      `INSERT INTO stories (id, headline, articles, updated_at, last_published) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, articles = excluded.articles,
         updated_at = CASE WHEN $6 THEN excluded.updated_at ELSE stories.updated_at END,
         last_published = excluded.last_published`,
      [s.id, s.headline, s.articleIds.length, now, lastPublished.get(s.id) ?? null, changed],
    );
    if (brief || before === undefined) {
      await c.query('DELETE FROM story_articles WHERE story_id = $1', [s.id]);
      const members = s.reports.flatMap((r) => r.articleIds.map((a) => [a, r.id]));
      await c.query(
        `INSERT INTO story_articles (story_id, article_id, report_id)
         SELECT $1, * FROM unnest($2::text[], $3::text[])`,
        [s.id, members.map((m) => m[0]), members.map((m) => m[1])],
      );
    }
    if (brief) {
      const summary = brief.summary.map((x) => x.text).join(' ');
      await c.query(
        `INSERT INTO briefs (story_id, json, summary, search) VALUES ($1, $2, $3,
           setweight(to_tsvector('simple', $4), 'A') || setweight(to_tsvector('simple', $3), 'B'))
         ON CONFLICT (story_id) DO UPDATE SET json = excluded.json, summary = excluded.summary,
           search = excluded.search`,
        [s.id, JSON.stringify(brief), summary, s.headline],
      );
    }
  }
}
