/**
 * The HTTP API and web UI over a store (hono). JSON under /api, HTML pages elsewhere; errors are JSON
 * `{error}` with the right status (400 malformed input, 404 unknown id, 413 body too large).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contentHash } from '../ingest/hash.js';
import { documentsFromBytes } from '../ingest/index.js';
import { recordDocument } from '../ingest/record.js';
import type { RawDocument } from '../model.js';
import type { DB } from '../store/db.js';
import { ingestDocuments } from '../store/ingest.js';
import { getArticle, getArticles, getBrief, listStories, sentenceParagraph } from '../store/repository.js';
import { notFoundPage, storyListPage, storyPage } from './pages.js';

export interface AppOptions {
  /** Largest accepted POST body, bytes. */
  maxBody?: number;
  words?: number;
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** POST /api/ingest bodies: JSON records (one or an array), or a raw HTML / text page. */
function documentsFromBody(contentType: string, body: string): RawDocument[] | { error: string } {
  if (/json/i.test(contentType)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch (err) {
      return { error: `malformed JSON: ${(err as Error).message}` };
    }
    const records = Array.isArray(parsed) ? parsed : [parsed];
    const docs: RawDocument[] = [];
    for (const [i, r] of records.entries()) {
      // A posted record is read as a line of a JSONL file is: the same fields, the same paragraphs.
      const doc = recordDocument(
        r,
        { path: 'POST /api/ingest', line: i + 1 },
        contentHash(JSON.stringify(r)),
      );
      if ('problem' in doc) return { error: `record ${i + 1}: needs "text" or "html"` };
      docs.push(doc);
    }
    return docs;
  }
  const name = /html/i.test(contentType) ? 'posted.html' : 'posted.txt';
  return documentsFromBytes(name, new TextEncoder().encode(body)).docs.map((d) => ({
    ...d,
    origin: { path: 'POST /api/ingest' },
  }));
}

export function createApp(db: DB, options: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBody = options.maxBody ?? 2 * 1024 * 1024;
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
  });

  app.get('/api/stories', (c) => {
    const q = c.req.query('q') ?? '';
    const since = c.req.query('since');
    if (since && !/^\d{4}-\d{2}-\d{2}/.test(since))
      return c.json({ error: 'since must be a date (YYYY-MM-DD)' }, 400);
    return c.json({ stories: listStories(db, { q, since }) });
  });
  app.get('/api/stories/:id', (c) => {
    const brief = getBrief(db, c.req.param('id'));
    return brief
      ? c.json({ schema: 'newsfuse.briefs/1', briefs: [brief] })
      : c.json({ error: 'no such story' }, 404);
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
      const docs = documentsFromBody(c.req.header('content-type') ?? '', body);
      if ('error' in docs) return c.json({ error: docs.error }, 400);
      const r = ingestDocuments(db, docs, { words: options.words });
      return c.json({ added: r.added, duplicate: r.duplicate, failed: r.failed, stories: r.stories });
    },
  );
  app.all('/api/*', (c) => c.json({ error: 'not found' }, 404));

  app.get('/', (c) => {
    const q = c.req.query('q') ?? '';
    return c.html(storyListPage(listStories(db, { q }), q));
  });
  app.get('/stories/:id', (c) => {
    const brief = getBrief(db, c.req.param('id'));
    if (!brief) return c.html(notFoundPage('Story'), 404);
    const articles = getArticles(
      db,
      brief.sources.map((s) => s.articleId),
      { text: false },
    );
    const paragraphOf = (articleId: string, index: number) => sentenceParagraph(db, articleId, index) ?? 0;
    return c.html(storyPage(brief, articles, paragraphOf));
  });
  app.notFound((c) => c.html(notFoundPage('Page'), 404));
  return app;
}
