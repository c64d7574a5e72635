/** Reading and writing the store: articles with their sentences, stories, briefs, and search. */

import type { Statement } from 'better-sqlite3';
import { type HeadlineSource, headlineSource, LEAD_CHARS } from '../analyse/headline.js';
import type { Article, Brief, Sentence, Story } from '../model.js';
import type { DB } from './db.js';

type Stmt = Statement<unknown[], unknown>;

/** Prepared statements, compiled once per connection and SQL text (serving reuses them on every request). */
const statements = new WeakMap<DB, Map<string, Stmt>>();
function sql(db: DB, text: string): Stmt {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let st = cache.get(text);
  if (!st) {
    st = db.prepare(text);
    cache.set(text, st);
  }
  return st;
}

interface ArticleRow {
  id: string;
  hash: string;
  source: string;
  url: string | null;
  publisher: string | null;
  title: string;
  byline: string | null;
  published: string | null;
  language: string;
  paragraphs: string;
  text: string;
}

function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    source: r.source,
    ...(r.url ? { url: r.url } : {}),
    ...(r.publisher ? { publisher: r.publisher } : {}),
    title: r.title,
    ...(r.byline ? { byline: r.byline } : {}),
    ...(r.published ? { published: r.published } : {}),
    language: r.language,
    paragraphs: JSON.parse(r.paragraphs) as string[],
    text: r.text,
    hash: r.hash,
  };
}

export const hasHash = (db: DB, hash: string): boolean =>
  !!sql(db, 'SELECT 1 FROM articles WHERE hash = ?').get(hash);

/**
 * Store one article and its sentences in one transaction. False when the same input is already stored. The
 * transaction is immediate: it holds the write lock from its first statement, so the duplicate check and
 * the next `seq` see every other writer's committed articles and no other writer can slip in between.
 */
export function addArticle(db: DB, a: Article, sentences: Sentence[]): boolean {
  const store = db.transaction(() => {
    if (sql(db, 'SELECT 1 FROM articles WHERE hash = ? OR id = ?').get(a.hash, a.id)) return false;
    const seq = ((sql(db, 'SELECT MAX(seq) AS m FROM articles').get() as { m: number | null }).m ?? 0) + 1;
    sql(
      db,
      `INSERT INTO articles (id, hash, seq, source, url, publisher, title, byline, published, language, paragraphs, text, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.id,
      a.hash,
      seq,
      a.source,
      a.url ?? null,
      a.publisher ?? null,
      a.title,
      a.byline ?? null,
      a.published ?? null,
      a.language,
      JSON.stringify(a.paragraphs),
      a.text,
      new Date().toISOString(),
    );
    const put = sql(
      db,
      'INSERT INTO sentences (article_id, idx, paragraph, start, end, text) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const s of sentences) put.run(a.id, s.index, s.paragraph, s.start, s.end, s.text);
    return true;
  });
  return store.immediate();
}

/**
 * Which articles are stored, in a form that changes whenever one is added: their count and the last `seq`
 * (articles are only ever added, with increasing `seq`). A writer compares it before saving stories, to
 * know whether the stories it computed still cover every stored article.
 */
export function articleSetVersion(db: DB): string {
  const r = sql(db, 'SELECT COUNT(*) AS n, MAX(seq) AS m FROM articles').get() as {
    n: number;
    m: number | null;
  };
  return `${r.n}:${r.m ?? 0}`;
}

/** How far the stories lag the articles: articles in no story, and stories without a brief. */
export interface StoryLag {
  unplaced: number;
  unbriefed: number;
}

export function storyLag(db: DB): StoryLag {
  const unplaced = sql(
    db,
    'SELECT COUNT(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id)',
  ).get() as { n: number };
  const unbriefed = sql(
    db,
    'SELECT COUNT(*) AS n FROM stories s WHERE NOT EXISTS (SELECT 1 FROM briefs b WHERE b.story_id = s.id)',
  ).get() as { n: number };
  return { unplaced: unplaced.n, unbriefed: unbriefed.n };
}

export function allArticles(db: DB): Article[] {
  return (sql(db, 'SELECT * FROM articles ORDER BY seq').all() as ArticleRow[]).map(toArticle);
}

/** Every stored article's id and publication date (what the clusterer's feed order needs), in store order. */
export function articleKeys(db: DB): { id: string; published?: string }[] {
  return (sql(db, 'SELECT id, published FROM articles ORDER BY seq').all() as ArticleKeyRow[]).map((r) =>
    r.published === null ? { id: r.id } : { id: r.id, published: r.published },
  );
}

interface ArticleKeyRow {
  id: string;
  published: string | null;
}

/** The saved clusterer state: how many articles it was fed, the last one fed, and its snapshot. */
export interface ClustererRow {
  articles: number;
  last: { id: string; published?: string };
  state: Uint8Array;
}

export function loadClusterer(db: DB): ClustererRow | undefined {
  const r = sql(db, 'SELECT * FROM clusterer WHERE id = 1').get() as
    | { articles: number; last_published: string | null; last_id: string; state: Uint8Array }
    | undefined;
  if (!r) return undefined;
  const last = r.last_published === null ? { id: r.last_id } : { id: r.last_id, published: r.last_published };
  return { articles: r.articles, last, state: r.state };
}

export function saveClusterer(db: DB, row: ClustererRow): void {
  sql(
    db,
    `INSERT INTO clusterer (id, articles, last_published, last_id, state) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET articles = excluded.articles, last_published = excluded.last_published,
       last_id = excluded.last_id, state = excluded.state`,
  ).run(row.articles, row.last.published ?? null, row.last.id, row.state);
}

/** Each stored story's article ids (sorted), and whether it has a brief. */
export function storyMembership(
  db: DB,
): Map<string, { articles: string[]; brief: boolean; headline?: string }> {
  const out = new Map<string, { articles: string[]; brief: boolean; headline?: string }>();
  for (const r of sql(db, 'SELECT story_id, article_id FROM story_articles').all() as {
    story_id: string;
    article_id: string;
  }[]) {
    let m = out.get(r.story_id);
    if (!m) out.set(r.story_id, (m = { articles: [], brief: false }));
    m.articles.push(r.article_id);
  }
  for (const { story_id } of sql(db, 'SELECT story_id FROM briefs').all() as { story_id: string }[]) {
    const m = out.get(story_id);
    if (m) m.brief = true;
  }
  for (const r of sql(db, 'SELECT id, headline FROM stories').all() as { id: string; headline: string }[]) {
    const m = out.get(r.id);
    if (m) m.headline = r.headline;
  }
  return out;
}

/** What naming a story reads of every stored article: title, outlet and the start of the text (one pass). */
export function headlineSources(db: DB): Map<string, HeadlineSource> {
  const out = new Map<string, HeadlineSource>();
  const rows = sql(
    db,
    `SELECT id, title, publisher, url, source, substr(text, 1, ${LEAD_CHARS * 2}) AS lead FROM articles`,
  ).all() as {
    id: string;
    title: string;
    publisher: string | null;
    url: string | null;
    source: string;
    lead: string;
  }[];
  for (const r of rows)
    out.set(
      r.id,
      headlineSource({
        id: r.id,
        title: r.title,
        paragraphs: r.lead.split('\n\n'),
        publisher: r.publisher ?? undefined,
        url: r.url ?? undefined,
        source: r.source,
      }),
    );
  return out;
}

export function getArticle(db: DB, id: string): Article | undefined {
  const r = sql(db, 'SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  return r && toArticle(r);
}

/** Articles by id; without their full text when `text` is false (a page shows paragraphs only). */
export function getArticles(db: DB, ids: string[], options: { text?: boolean } = {}): Map<string, Article> {
  const get = sql(
    db,
    options.text === false
      ? `SELECT id, hash, seq, source, url, publisher, title, byline, published, language, paragraphs, '' AS text
         FROM articles WHERE id = ?`
      : 'SELECT * FROM articles WHERE id = ?',
  );
  const out = new Map<string, Article>();
  for (const id of ids) {
    const r = get.get(id) as ArticleRow | undefined;
    if (r) out.set(id, toArticle(r));
  }
  return out;
}

/**
 * Replace the stories (and their briefs) with a new clustering, in one immediate transaction (see
 * addArticle). `briefs` holds a new brief for every story whose articles changed; a stored story without one
 * keeps its stored membership. The briefs are built before: the transaction only writes rows.
 */
export function saveStories(
  db: DB,
  stories: Story[],
  briefs: Map<string, Brief>,
  lastPublished: Map<string, string>,
): void {
  const save = db.transaction(() => {
    const now = new Date().toISOString();
    const keep = new Set(stories.map((s) => s.id));
    for (const { id } of sql(db, 'SELECT id FROM stories').all() as { id: string }[])
      if (!keep.has(id)) {
        sql(db, 'DELETE FROM stories WHERE id = ?').run(id);
        sql(db, 'DELETE FROM stories_fts WHERE story_id = ?').run(id);
      }
    for (const s of stories) {
      const brief = briefs.get(s.id);
      const old = sql(db, 'SELECT articles FROM stories WHERE id = ?').get(s.id) as
        | { articles: number }
        | undefined;
      const changed = !old || old.articles !== s.articleIds.length || !!brief;
      sql(
        db,
        `INSERT INTO stories (id, headline, articles, updated_at, last_published) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, articles = excluded.articles,
           updated_at = CASE WHEN ? THEN excluded.updated_at ELSE stories.updated_at END,
           last_published = excluded.last_published`,
      ).run(s.id, s.headline, s.articleIds.length, now, lastPublished.get(s.id) ?? null, changed ? 1 : 0);
      // A story whose articles changed gets a new brief; without one, its stored membership still holds.
      if (brief || !old) {
        sql(db, 'DELETE FROM story_articles WHERE story_id = ?').run(s.id);
        const member = sql(
          db,
          'INSERT INTO story_articles (story_id, article_id, report_id) VALUES (?, ?, ?)',
        );
        for (const r of s.reports) for (const a of r.articleIds) member.run(s.id, a, r.id);
      }
      if (brief) {
        const summary = brief.summary.map((x) => x.text).join(' ');
        sql(
          db,
          'INSERT INTO briefs (story_id, json, summary) VALUES (?, ?, ?) ON CONFLICT(story_id) DO UPDATE SET json = excluded.json, summary = excluded.summary',
        ).run(s.id, JSON.stringify(brief), summary);
        sql(db, 'DELETE FROM stories_fts WHERE story_id = ?').run(s.id);
        sql(db, 'INSERT INTO stories_fts (story_id, headline, summary) VALUES (?, ?, ?)').run(
          s.id,
          s.headline,
          summary,
        );
      }
    }
  });
  save.immediate();
}

export interface StoryRow {
  id: string;
  headline: string;
  articles: number;
  updated_at: string;
  last_published: string | null;
}

/** A safe FTS5 query: each word quoted, all required. */
export function ftsQuery(q: string): string | undefined {
  const words = q.match(/[\p{L}\p{N}]+/gu);
  return words?.length ? words.map((w) => `"${w}"`).join(' ') : undefined;
}

/** Stories, largest and most recently updated first; `q` searches headlines, summaries and article text. */
export function listStories(
  db: DB,
  options: { q?: string; since?: string; limit?: number } = {},
): StoryRow[] {
  const limit = options.limit ?? 100;
  const match = options.q ? ftsQuery(options.q) : undefined;
  if (options.q && !match) return [];
  const since = options.since ?? '';
  if (!match)
    return sql(
      db,
      `SELECT * FROM stories WHERE (? = '' OR COALESCE(last_published, updated_at) >= ?)
         ORDER BY articles DESC, updated_at DESC, id LIMIT ?`,
    ).all(since, since, limit) as StoryRow[];
  return sql(
    db,
    `SELECT s.* FROM stories s WHERE s.id IN (
         SELECT story_id FROM stories_fts WHERE stories_fts MATCH ?
         UNION
         SELECT sa.story_id FROM articles_fts f JOIN articles a ON a.seq = f.rowid
           JOIN story_articles sa ON sa.article_id = a.id WHERE articles_fts MATCH ?)
       AND (? = '' OR COALESCE(s.last_published, s.updated_at) >= ?)
       ORDER BY s.articles DESC, s.updated_at DESC, s.id LIMIT ?`,
  ).all(match, match, since, since, limit) as StoryRow[];
}

export function getBrief(db: DB, storyId: string): Brief | undefined {
  const r = sql(db, 'SELECT json FROM briefs WHERE story_id = ?').get(storyId) as
    | { json: string }
    | undefined;
  return r && (JSON.parse(r.json) as Brief);
}

export interface SearchHit {
  articleId: string;
  title: string;
  storyId?: string;
  snippet: string;
}

/** Articles matching a query, best first, with a snippet and their story. */
export function searchArticles(db: DB, q: string, limit = 20): SearchHit[] {
  const match = ftsQuery(q);
  if (!match) return [];
  return (
    sql(
      db,
      `SELECT a.id AS articleId, a.title AS title, sa.story_id AS storyId,
           snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
         FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
         LEFT JOIN story_articles sa ON sa.article_id = a.id
         WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    ).all(match, limit) as (SearchHit & { storyId: string | null })[]
  ).map((h) => ({ ...h, storyId: h.storyId ?? undefined }));
}

export function counts(db: DB): { articles: number; stories: number } {
  const a = sql(db, 'SELECT COUNT(*) AS n FROM articles').get() as { n: number };
  const s = sql(db, 'SELECT COUNT(*) AS n FROM stories').get() as { n: number };
  return { articles: a.n, stories: s.n };
}

/** The paragraph (0-based) of one stored sentence, or undefined. */
export function sentenceParagraph(db: DB, articleId: string, index: number): number | undefined {
  const r = sql(db, 'SELECT paragraph FROM sentences WHERE article_id = ? AND idx = ?').get(
    articleId,
    index,
  ) as { paragraph: number } | undefined;
  return r?.paragraph;
}
