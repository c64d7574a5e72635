/**
 * The HTTP API and web UI over a store (hono). JSON under /api, HTML pages elsewhere; errors are JSON
 * `{error}` with the right status (400 malformed input, 404 unknown id, 413 body too large); guard.ts refuses
 * requests naming another host and writes from other sites or without the token.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contentHash } from '../ingest/hash.js';
import { recordDocument, recordTypeError } from '../ingest/record.js';
import type { RawDocument } from '../model.js';
import type { DB } from '../store/db.js';
import {
  getArticle,
  getArticles,
  getBrief,
  matchSnippets,
  queryStories,
  type StoryQuery,
  sentenceParagraph,
  storiesOfArticle,
  storyArticleMeta,
  topOutlets,
} from '../store/repository.js';
import { LruCache, storeVersion, storyVersion } from './cache.js';
import { atomFeed, jsonFeed } from './feeds.js';
import { type GuardOptions, hostGuard, writeGuard } from './guard.js';
import { type IngestJob, IngestQueue } from './jobs.js';
import { concurrencyLimit } from './limit.js';
import {
  articlePage,
  badRequestPage,
  notFoundPage,
  SOURCES_PER_PAGE,
  showsMatch,
  sourcePages,
  storyListPage,
  storyPage,
} from './pages.js';
import { parseStoryQuery, storyQueryKey, storyQueryString } from './query.js';

export interface AppOptions extends GuardOptions {
  /** Largest accepted POST body, bytes. */
  maxBody?: number;
  words?: number;
  /** Most requests handled at once; more are refused with 503 and `Retry-After: 1` (default 32). */
  maxConcurrent?: number;
  /** Rendered pages and JSON by story or store version (default: a new one of 200 entries). */
  cache?: LruCache<string>;
  /** Where posted batches wait to be ingested (default: a new queue over `db`). */
  jobs?: IngestQueue;
  /** A post up to this many bytes is answered when its job is done (200); a larger one at once (202). */
  syncBody?: number;
  /** How long a small post waits for its job before it is answered 202 all the same, ms (default 30 s). */
  syncWaitMs?: number;
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  // For browsers older than CSP's frame-ancestors: no page of ours is ever framed (clickjacking).
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * POST /api/ingest bodies: JSON (one record or an array of them) or JSON Lines (one record a line). Each
 * record is type-checked first, so a wrong field is a 400 naming it. Raw HTML or text bodies are not taken:
 * a browser form can send those from any site, so a page comes as `{"html": ...}` or `{"text": ...}`.
 */
function documentsFromBody(contentType: string, body: string): RawDocument[] | { error: string } {
  const jsonLines = contentType !== 'application/json';
  const lines = jsonLines ? body.split('\n') : [body];
  // Each entry: the record, its number (origin line) and name in errors, and the text its identity is hashed from.
  const records: { value: unknown; n: number; label: string; source: string }[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      return { error: `${jsonLines ? `line ${i + 1}: ` : ''}malformed JSON: ${(err as Error).message}` };
    }
    // A JSON Lines record is hashed from its line, as the JSONL file reader does.
    if (jsonLines) records.push({ value: parsed, n: i + 1, label: `line ${i + 1}`, source: line.trim() });
    else
      for (const [j, r] of (Array.isArray(parsed) ? parsed : [parsed]).entries())
        records.push({ value: r, n: j + 1, label: `record ${j + 1}`, source: JSON.stringify(r) });
  }
  const docs: RawDocument[] = [];
  for (const { value, n, label, source } of records) {
    const problem = recordTypeError(value);
    if (problem) return { error: `${label}: ${problem}` };
    // A posted record is read as a line of a JSONL file is: the same fields, the same paragraphs.
    const doc = recordDocument(value, { path: 'POST /api/ingest', line: n }, contentHash(source));
    if ('problem' in doc) return { error: `${label}: needs "text" or "html"` };
    docs.push(doc);
  }
  if (!docs.length) return { error: 'no records in the body' };
  return docs;
}

/** What a finished job reports (nothing while it waits or runs; its error when it failed). */
function jobResult(job: IngestJob) {
  const r = job.report;
  if (r) return { added: r.added, duplicate: r.duplicate, failed: r.failed, stories: r.stories };
  return job.error ? { error: job.error } : {};
}

export function createApp(db: DB, options: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBody = options.maxBody ?? 2 * 1024 * 1024;
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });
  app.use('*', hostGuard(options));
  app.use('*', writeGuard(options));
  // Probes come before the limit: a busy server is still alive, and says so.
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', (c) => {
    try {
      db.prepare('SELECT 1 FROM stories LIMIT 1').get();
      return c.json({ ok: true });
    } catch (err) {
      return c.json({ ok: false, error: `store not answering: ${(err as Error).message}` }, 503);
    }
  });
  app.use('*', concurrencyLimit(options.maxConcurrent ?? 32));
  const cache = options.cache ?? new LruCache<string>(200);
  const jobs = options.jobs ?? new IngestQueue(db, { words: options.words });
  const syncBody = options.syncBody ?? 64 * 1024;
  const syncWaitMs = options.syncWaitMs ?? 30_000;
  // c.json's own body and type, so a cached answer is the same bytes as a fresh one.
  const jsonBody = (c: Context, body: string) => c.body(body, 200, { 'content-type': 'application/json' });

  // The list's options, parsed once for the API, the page and the feeds (400 on a bad one).
  const listQuery = (c: Context): StoryQuery | { error: string } => parseStoryQuery(c.req.query());
  app.get('/api/stories', (c) => {
    const query = listQuery(c);
    if ('error' in query) return c.json({ error: query.error }, 400);
    const key = `api-list\0${storeVersion(db)}\0${storyQueryKey(query)}`;
    return jsonBody(
      c,
      cache.through(key, () => {
        const list = queryStories(db, query);
        return JSON.stringify({
          stories: list.stories,
          page: list.page,
          pages: list.pages,
          per_page: list.perPage,
          total: list.total,
        });
      }),
    );
  });
  app.get('/api/stories/:id', (c) => {
    const id = c.req.param('id');
    const version = storyVersion(db, id);
    const body =
      version === undefined
        ? ''
        : cache.through(`api-story\0${id}\0${version}`, () => {
            const brief = getBrief(db, id);
            return brief ? JSON.stringify({ schema: 'newsfuse.briefs/1', briefs: [brief] }) : '';
          });
    return body ? jsonBody(c, body) : c.json({ error: 'no such story' }, 404);
  });
  app.get('/api/articles/:id', (c) => {
    const a = getArticle(db, c.req.param('id'));
    return a ? c.json(a) : c.json({ error: 'no such article' }, 404);
  });
  app.post(
    '/api/ingest',
    bodyLimit({
      maxSize: maxBody,
      onError: (c) => c.json({ error: `body larger than ${maxBody} bytes` }, 413),
    }),
    async (c) => {
      const body = await c.req.text();
      if (!body.trim()) return c.json({ error: 'empty body' }, 400);
      // writeGuard has let through only the JSON types; the parameters (charset) do not matter.
      const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
      const docs = documentsFromBody(type, body);
      if ('error' in docs) return c.json({ error: docs.error }, 400);
      // The work is queued and done off the request path (jobs.ts); a small post waits for it.
      const submitted = jobs.submit(docs);
      if (!submitted) {
        c.header('retry-after', '5');
        return c.json({ error: `ingest queue full (${jobs.pending} jobs); retry shortly` }, 503);
      }
      if (body.length <= syncBody) {
        const stopWaiting = new AbortController();
        const waited = await Promise.race([
          submitted.done,
          sleep(syncWaitMs, undefined, { signal: stopWaiting.signal }).catch(() => undefined),
        ]);
        stopWaiting.abort();
        if (waited?.state === 'done' && waited.report) return c.json(jobResult(waited));
        if (waited?.state === 'failed') return c.json({ error: `ingest failed: ${waited.error}` }, 500);
      }
      c.header('location', `/api/jobs/${submitted.job.id}`);
      return c.json(
        { job: submitted.job.id, state: submitted.job.state, records: submitted.job.records },
        202,
      );
    },
  );
  app.get('/api/jobs/:id', (c) => {
    const job = jobs.get(c.req.param('id'));
    if (!job) return c.json({ error: 'no such job' }, 404);
    return c.json({ job: job.id, state: job.state, records: job.records, ...jobResult(job) });
  });
  app.all('/api/*', (c) => c.json({ error: 'not found' }, 404));

  let outletChoices: { version: string; list: string[] } = { version: '', list: [] };
  app.get('/', (c) => {
    const query = listQuery(c);
    if ('error' in query) return c.html(badRequestPage(query.error), 400);
    const key = `page-list\0${storeVersion(db)}\0${storyQueryKey(query)}`;
    return c.html(
      cache.through(key, () => {
        const list = queryStories(db, query);
        // Passages for the rows whose headline and lead do not show the match: their best article's.
        const best = new Map(
          [...(list.bestArticle ?? [])].filter(([id]) => {
            const row = list.stories.find((s) => s.id === id);
            return row && !showsMatch(`${row.headline} ${row.lead}`, query.q!);
          }),
        );
        const snippets = query.q ? matchSnippets(db, best, query.q) : new Map<string, string>();
        // The outlet filter's choices change with the store, not with the query: kept once per store version.
        const version = storeVersion(db);
        if (outletChoices.version !== version) outletChoices = { version, list: topOutlets(db) };
        const outlets = outletChoices.list;
        return storyListPage(list, query, { outlets, snippet: (id) => snippets.get(id) });
      }),
    );
  });
  // Feeds of the newest or last updated stories (or of a search, with the list's filters): Atom and JSON Feed.
  const feed = (c: Context, kind: 'atom' | 'json') => {
    const query = listQuery(c);
    if ('error' in query) return c.json({ error: query.error }, 400);
    const feedQuery = { ...query, sort: query.sort ?? 'updated', page: 1, perPage: 50 } as StoryQuery;
    const origin = new URL(c.req.url).origin;
    const qs = storyQueryString({ ...query, page: undefined });
    const key = `feed-${kind}\0${storeVersion(db)}\0${origin}\0${storyQueryKey(feedQuery)}`;
    const body = cache.through(key, () => {
      const rows = queryStories(db, feedQuery).stories;
      const info = {
        origin,
        self: `/feeds/stories.${kind}${qs}`,
        html: `/${qs}`,
        title: query.q ? `newsfuse: stories matching “${query.q}”` : 'newsfuse: latest stories',
      };
      return kind === 'atom' ? atomFeed(rows, info) : jsonFeed(rows, info);
    });
    return c.body(body, 200, {
      'content-type':
        kind === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/feed+json; charset=utf-8',
    });
  };
  app.get('/feeds/stories.atom', (c) => feed(c, 'atom'));
  app.get('/feeds/stories.json', (c) => feed(c, 'json'));
  app.get('/stories/:id', (c) => {
    const id = c.req.param('id');
    const version = storyVersion(db, id);
    if (version === undefined) return c.html(notFoundPage('Story'), 404);
    const asked = c.req.query('sources');
    const wanted = asked === undefined ? 1 : Number(asked);
    if (!Number.isInteger(wanted) || wanted < 1)
      return c.html(badRequestPage('sources must be a page number (1, 2, …)'), 400);
    const page = cache.through(`page-story\0${id}\0${version}\0${wanted}`, () => {
      const brief = getBrief(db, id);
      if (!brief) return ''; // deleted between the two reads: answered as unknown
      if (wanted > sourcePages(brief)) return '';
      // Only this page's sources are read: their paragraphs, not their text.
      const shown = brief.sources.slice((wanted - 1) * SOURCES_PER_PAGE, wanted * SOURCES_PER_PAGE);
      const articles = getArticles(
        db,
        shown.map((s) => s.articleId),
        { text: false },
      );
      const paragraphOf = (articleId: string, index: number) => sentenceParagraph(db, articleId, index) ?? 0;
      const chart = (brief.storyArticles ?? brief.sources.length) > 20 ? storyArticleMeta(db, id) : undefined;
      return storyPage(brief, articles, paragraphOf, { page: wanted, chart });
    });
    return page ? c.html(page) : c.html(notFoundPage('Story'), 404);
  });
  app.get('/articles/:id', (c) => {
    const a = getArticle(db, c.req.param('id'));
    if (!a) return c.html(notFoundPage('Article'), 404);
    return c.html(articlePage(a, storiesOfArticle(db, a.id)));
  });
  app.notFound((c) => c.html(notFoundPage('Page'), 404));
  return app;
}
