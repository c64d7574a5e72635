/** Reading and writing the store: articles with their sentences, stories, briefs, and search. */

import type { Statement } from 'better-sqlite3';
import type { HeadlineSource } from '../analyse/headline.js';
import { sourceName } from '../brief/source-name.js';
import type { Article, Brief, Sentence, Story } from '../model.js';
import { type ArticleRow, LEAD_COLUMNS, type LeadRow, toArticle, toHeadlineSource } from './article-row.js';
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
  const rows = sql(db, `SELECT ${LEAD_COLUMNS} FROM articles`).all() as LeadRow[];
  for (const r of rows) out.set(r.id, toHeadlineSource(r));
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

/**
 * Stories, largest and most recently updated first (at most `limit`, default 100); `q` searches headlines,
 * summaries and article text. Kept for callers that want plain rows; the list, API and CLI use `queryStories`.
 */
export function listStories(
  db: DB,
  options: { q?: string; since?: string; limit?: number } = {},
): StoryRow[] {
  return queryStories(db, { ...options, sort: 'size', perPage: options.limit ?? 100 }).stories;
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

// ---------------------------------------------------------------------------------------------------------
// The story list: what each row shows (story_info, kept by refreshStoryInfo), filters, sorts and search.

/** How the list is ordered: newest last date, most articles, best match (bm25), or last saved. */
export type StorySort = 'latest' | 'size' | 'relevance' | 'updated';
export const STORY_SORTS: readonly StorySort[] = ['latest', 'size', 'relevance', 'updated'];

export interface StoryQuery {
  /** Words to search for (all required) in headlines, summaries and article text. */
  q?: string;
  /** Default: `relevance` with `q`, else `latest`; `relevance` without `q` is `latest`. */
  sort?: StorySort;
  /** Stories whose dates reach this day or later (YYYY-MM-DD). */
  from?: string;
  /** Stories whose dates start on this day or earlier (YYYY-MM-DD). */
  to?: string;
  /** Stories with an article of this outlet (as sources are named; case-insensitive). */
  outlet?: string;
  /** Stories of at least this many articles. */
  minSources?: number;
  /** Older filter of the API: stories whose last date (or save time) is on or after this. */
  since?: string;
  /** 1-based page. */
  page?: number;
  perPage?: number;
}

/** One row of the story list. */
export interface StoryListRow extends StoryRow {
  /** First and last page date of the story's articles, leaving out the dates its brief flags as wrong. */
  first_date: string | null;
  last_date: string | null;
  /** The summary's first sentence. */
  lead: string;
  /** Outlets, most articles first. */
  outlets: string[];
  /** With `q`: bm25 of the match (lower is better; headline and summary and best article added up). */
  rank?: number;
}

export interface StoryPage {
  stories: StoryListRow[];
  /** With `q`: each row's best-matching article (its `seq`), when an article matches. */
  bestArticle?: Map<string, number>;
  total: number;
  page: number;
  pages: number;
  perPage: number;
}

export const STORIES_PER_PAGE = 20;

/** Column weights of bm25: a word in a headline counts more than one in a summary or an article's text. */
const STORY_WEIGHTS = '0.0, 4.0, 2.0'; // story_id, headline, summary
const ARTICLE_WEIGHTS = '2.0, 1.0'; // title, text

/**
 * A page of stories. Search ranks by bm25 (FTS5): a story's score adds up its headline-and-summary match and
 * its best article's match — the best, not the sum, so a big story does not win by size; ties (to 0.01) go
 * to the story with the latest date.
 */
export function queryStories(db: DB, query: StoryQuery = {}): StoryPage {
  refreshStoryInfo(db);
  const perPage = Math.max(1, Math.min(query.perPage ?? STORIES_PER_PAGE, 1000));
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const match = query.q ? ftsQuery(query.q) : undefined;
  if (query.q && !match) return { stories: [], total: 0, page, pages: 0, perPage };
  let sort = query.sort ?? (match ? 'relevance' : 'latest');
  if (sort === 'relevance' && !match) sort = 'latest';
  const order = {
    latest: "COALESCE(i.last_date, '') DESC, s.updated_at DESC, s.id",
    size: "s.articles DESC, COALESCE(i.last_date, '') DESC, s.id",
    updated: 's.updated_at DESC, s.id',
    relevance: "round(h.rank, 2), COALESCE(i.last_date, '') DESC, s.articles DESC, s.id",
  }[sort];
  // bm25 cannot sit inside an aggregate: the matches are materialized first, then grouped by story.
  const hits = match
    ? `WITH sm AS MATERIALIZED (
         SELECT story_id, bm25(stories_fts, ${STORY_WEIGHTS}) AS r FROM stories_fts WHERE stories_fts MATCH @match),
       am AS MATERIALIZED (
         SELECT rowid AS seq, bm25(articles_fts, ${ARTICLE_WEIGHTS}) AS r FROM articles_fts WHERE articles_fts MATCH @match),
       h AS (
         SELECT story_id, SUM(r) AS rank, MAX(seq) AS best FROM (
           SELECT story_id, r, NULL AS seq FROM sm
           UNION ALL
           -- With MIN(), SQLite takes the bare am.seq from the row of the minimum: the best article.
           SELECT sa.story_id, MIN(am.r) AS r, am.seq AS seq FROM am JOIN articles a ON a.seq = am.seq
             JOIN story_articles sa ON sa.article_id = a.id GROUP BY sa.story_id)
         GROUP BY story_id)
       `
    : '';
  const text = `${hits}SELECT s.*, i.first_date, i.last_date, i.lead, i.outlets${match ? ', h.rank, h.best' : ''},
       COUNT(*) OVER () AS total
     FROM stories s ${match ? 'JOIN h ON h.story_id = s.id' : ''} LEFT JOIN story_info i ON i.story_id = s.id
     WHERE (@since = '' OR COALESCE(i.last_date, s.last_published, s.updated_at) >= @since)
       AND (@from = '' OR i.last_date >= @from)
       AND (@to = '' OR i.first_date <= @to)
       AND (@outlet = '' OR EXISTS (SELECT 1 FROM story_outlets o WHERE o.story_id = s.id AND o.outlet = @outlet))
       AND s.articles >= @min
     ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  const rows = sql(db, text).all({
    match: match ?? '',
    since: query.since ?? '',
    from: query.from ?? '',
    to: query.to ? `${query.to}\uffff` : '',
    outlet: query.outlet?.trim() ?? '',
    min: query.minSources ?? 0,
    limit: perPage,
    offset: (page - 1) * perPage,
  }) as (StoryRow & {
    first_date: string | null;
    last_date: string | null;
    lead: string | null;
    outlets: string | null;
    rank?: number;
    best?: number | null;
    total: number;
  })[];
  // A page past the end has no rows to count from: count again.
  const total = rows.length
    ? rows[0].total
    : page > 1
      ? queryStories(db, { ...query, page: 1, perPage: 1 }).total
      : 0;
  const bestArticle = new Map<string, number>();
  const stories = rows.map(({ total: _total, outlets, lead, best, ...r }) => {
    if (best != null) bestArticle.set(r.id, best);
    return { ...r, lead: lead ?? '', outlets: outlets ? (JSON.parse(outlets) as string[]) : [] };
  });
  return { stories, total, page, pages: Math.ceil(total / perPage), perPage, bestArticle };
}

/** Outlets with the most stories, for the list's outlet filter. */
export function topOutlets(db: DB, limit = 50): string[] {
  refreshStoryInfo(db);
  return (
    sql(db, 'SELECT outlet FROM story_outlets GROUP BY outlet ORDER BY COUNT(*) DESC, outlet LIMIT ?').all(
      limit,
    ) as { outlet: string }[]
  ).map((r) => r.outlet);
}

/**
 * The passage of each given article (by `seq`, as `StoryPage.bestArticle` names them) around the words of
 * `q`, matches between \u0002 and \u0003, keyed as given.
 */
export function matchSnippets(db: DB, articles: Map<string, number>, q: string): Map<string, string> {
  const out = new Map<string, string>();
  const match = ftsQuery(q);
  if (!match) return out;
  const snip = sql(
    db,
    `SELECT snippet(articles_fts, 1, char(2), char(3), '…', 16) AS s FROM articles_fts
       WHERE articles_fts MATCH ? AND rowid = ?`,
  );
  for (const [key, seq] of articles) {
    const r = snip.get(match, seq) as { s: string } | undefined;
    if (r) out.set(key, r.s);
  }
  return out;
}

/**
 * Bring story_info and story_outlets up to date: every story saved since its row was made (its `updated_at`
 * and size are the row's version) gets a new one. Cheap when nothing changed (one scan of the stories);
 * after an ingest it reads the changed stories' articles once. Runs on the read path, so a store written by
 * any version of the ingest (or by another process) is listed correctly.
 */
export function refreshStoryInfo(db: DB): number {
  const version = "s.updated_at || ':' || s.articles";
  const stale = sql(
    db,
    `SELECT s.id, ${version} AS v FROM stories s LEFT JOIN story_info i ON i.story_id = s.id
       WHERE i.version IS NULL OR i.version <> ${version}`,
  ).all() as { id: string; v: string }[];
  if (!stale.length) return 0;
  // On the read path a writer's lock is not waited out for long (a synchronous wait stalls the server): the
  // list is served from the rows as they are, and the next read tries again.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.min(timeout, REFRESH_WAIT_MS)}`);
  try {
    writeStoryInfo(db, stale);
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    return 0;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  return stale.length;
}

/** Longest wait for the write lock when refreshing story_info on a read, ms. */
const REFRESH_WAIT_MS = 250;

function writeStoryInfo(db: DB, stale: { id: string; v: string }[]): void {
  db.transaction(() => {
    for (const { id, v } of stale) {
      const info = storyInfo(db, id);
      sql(
        db,
        `INSERT INTO story_info (story_id, version, first_date, last_date, lead, outlets) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(story_id) DO UPDATE SET version = excluded.version, first_date = excluded.first_date,
           last_date = excluded.last_date, lead = excluded.lead, outlets = excluded.outlets`,
      ).run(
        id,
        v,
        info.first ?? null,
        info.last ?? null,
        info.lead,
        JSON.stringify(info.outlets.map((o) => o[0])),
      );
      sql(db, 'DELETE FROM story_outlets WHERE story_id = ?').run(id);
      const put = sql(
        db,
        `INSERT INTO story_outlets (story_id, outlet, articles) VALUES (?, ?, ?)
         ON CONFLICT DO UPDATE SET articles = articles + excluded.articles`,
      );
      for (const [outlet, n] of info.outlets) put.run(id, outlet, n);
    }
  }).immediate();
}

/** One article of a story as the list and the coverage chart see it: its outlet and page date. */
export interface StoryArticleMeta {
  id: string;
  outlet: string;
  /** The page date (YYYY-MM-DD), unless missing or flagged as wrong by the brief. */
  date?: string;
}

/** Every article of a story with its outlet and trusted date (what the coverage chart counts). */
export function storyArticleMeta(db: DB, storyId: string): StoryArticleMeta[] {
  const flagged = flaggedDates(db, storyId);
  const rows = sql(
    db,
    `SELECT a.id, a.published, a.publisher, a.url, a.source FROM story_articles sa
       JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? ORDER BY a.seq`,
  ).all(storyId) as {
    id: string;
    published: string | null;
    publisher: string | null;
    url: string | null;
    source: string;
  }[];
  return rows.map((r) => {
    const outlet = sourceName({
      source: r.source,
      publisher: r.publisher ?? undefined,
      url: r.url ?? undefined,
    });
    const day = r.published?.slice(0, 10);
    const date = day && /^\d{4}-\d{2}-\d{2}$/.test(day) && !flagged.has(r.id) ? day : undefined;
    return date ? { id: r.id, outlet, date } : { id: r.id, outlet };
  });
}

/** Articles whose page date the story's brief flags as wrong (page-date disagreements). */
function flaggedDates(db: DB, storyId: string): Set<string> {
  const rows = sql(
    db,
    `SELECT json_extract(d.value, '$.values[0].articleIds[0]') AS id
       FROM briefs b, json_each(b.json, '$.disagreements') d
       WHERE b.story_id = ? AND json_extract(d.value, '$.kind') = 'page-date'`,
  ).all(storyId) as { id: string | null }[];
  return new Set(rows.map((r) => r.id).filter((x): x is string => !!x));
}

function storyInfo(
  db: DB,
  storyId: string,
): { first?: string; last?: string; lead: string; outlets: [string, number][] } {
  const articles = storyArticleMeta(db, storyId);
  let first: string | undefined;
  let last: string | undefined;
  const outlets = new Map<string, number>();
  for (const a of articles) {
    if (a.date && (!first || a.date < first)) first = a.date;
    if (a.date && (!last || a.date > last)) last = a.date;
    outlets.set(a.outlet, (outlets.get(a.outlet) ?? 0) + 1);
  }
  const lead = sql(
    db,
    "SELECT json_extract(json, '$.summary[0].text') AS t FROM briefs WHERE story_id = ?",
  ).get(storyId) as { t: string | null } | undefined;
  return {
    first,
    last,
    lead: lead?.t ?? '',
    outlets: [...outlets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  };
}

/** The stories an article belongs to. */
export function storiesOfArticle(db: DB, articleId: string): { id: string; headline: string }[] {
  return sql(
    db,
    'SELECT s.id, s.headline FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?',
  ).all(articleId) as { id: string; headline: string }[];
}
