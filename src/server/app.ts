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
import { getArticle, getArticles, getBrief, listStories, sentenceParagraph } from '../store/repository.js';
import { LruCache, storeVersion, storyVersion } from './cache.js';
import { type GuardOptions, hostGuard, writeGuard } from './guard.js';
import { type IngestJob, IngestQueue } from './jobs.js';
import { concurrencyLimit } from './limit.js';
import { notFoundPage, storyListPage, storyPage } from './pages.js';

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

  app.get('/api/stories', (c) => {
    const q = c.req.query('q') ?? '';
    const since = c.req.query('since');
    if (since && !/^\d{4}-\d{2}-\d{2}/.test(since))
      return c.json({ error: 'since must be a date (YYYY-MM-DD)' }, 400);
    const key = `api-list\0${storeVersion(db)}\0${q}\0${since ?? ''}`;
    return jsonBody(
      c,
      cache.through(key, () => JSON.stringify({ stories: listStories(db, { q, since }) })),
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

  app.get('/', (c) => {
    const q = c.req.query('q') ?? '';
    const key = `page-list\0${storeVersion(db)}\0${q}`;
    return c.html(cache.through(key, () => storyListPage(listStories(db, { q }), q)));
  });
  app.get('/stories/:id', (c) => {
    const id = c.req.param('id');
    const version = storyVersion(db, id);
    if (version === undefined) return c.html(notFoundPage('Story'), 404);
    const page = cache.through(`page-story\0${id}\0${version}`, () => {
      const brief = getBrief(db, id);
      if (!brief) return ''; // deleted between the two reads: answered as unknown
      const articles = getArticles(
        db,
        brief.sources.map((s) => s.articleId),
        { text: false },
      );
      const paragraphOf = (articleId: string, index: number) => sentenceParagraph(db, articleId, index) ?? 0;
      return storyPage(brief, articles, paragraphOf);
    });
    return page ? c.html(page) : c.html(notFoundPage('Story'), 404);
  });
  app.notFound((c) => c.html(notFoundPage('Page'), 404));
  return app;
}
