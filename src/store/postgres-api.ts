/**
 * `newsfuse serve --db postgres://…`: the read side of the JSON API over the shared store, for any number of
 * server processes beside the workers. The same paths and bodies as the SQLite server's API (server/app.ts)
 * for stories, one story's brief, articles and search; the story list is sorted by size (the SQLite list's
 * filters and pages are not served from PostgreSQL yet). The HTML pages of a story and of an article are
 * the SQLite server's renderers (server/pages.ts) over this store (a story page without its coverage chart).
 * Writes go through the queue (`newsfuse ingest --queue`), so nothing here writes.
 */
import { Hono } from 'hono';
import { type GuardOptions, hostGuard } from '../server/guard.js';
import {
  articlePage,
  badRequestPage,
  notFoundPage,
  SOURCES_PER_PAGE,
  sourcePages,
  storyPage,
} from '../server/pages.js';
import type { PostgresStore } from './postgres.js';
import type { NewsStore } from './store.js';

export function createSharedApp(store: NewsStore | PostgresStore, guard: GuardOptions = {}): Hono {
  const app = new Hono();
  // Requests naming another host are refused, as by the SQLite server (DNS rebinding).
  app.use('*', hostGuard(guard));
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
  });
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => c.json({ ok: true, ...(await store.counts()) }));
  app.get('/api/stories', async (c) => {
    const limit = Number(c.req.query('per_page') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      return c.json({ error: 'per_page: a whole number from 1 to 1000' }, 400);
    const q = c.req.query('q') || undefined;
    const stories = await store.listStories({ q, limit });
    return c.json({ stories, page: 1, per_page: limit });
  });
  app.get('/api/stories/:id', async (c) => {
    const brief = await store.getBrief(c.req.param('id'));
    return brief
      ? c.json({ schema: 'newsfuse.briefs/1', briefs: [brief] })
      : c.json({ error: 'no such story' }, 404);
  });
  app.get('/api/articles/:id', async (c) => {
    const article = await store.getArticle(c.req.param('id'));
    return article ? c.json(article) : c.json({ error: 'no such article' }, 404);
  });
  app.get('/api/search', async (c) => {
    const q = c.req.query('q') ?? '';
    return c.json({ hits: await store.searchArticles(q) });
  });
  app.get('/api/dead-letters', async (c) => c.json({ inputs: await store.deadLetters() }));
  if ('sentenceParagraphs' in store) {
    app.get('/stories/:id', async (c) => {
      const asked = c.req.query('sources');
      const wanted = asked === undefined ? 1 : Number(asked);
      if (!Number.isInteger(wanted) || wanted < 1)
        return c.html(badRequestPage('sources must be a page number (1, 2, …)'), 400);
      const brief = await store.getBrief(c.req.param('id'));
      if (!brief || wanted > sourcePages(brief)) return c.html(notFoundPage('Story'), 404);
      // Only this page's sources are read, with the paragraph of each of their sentences.
      const shown = brief.sources.slice((wanted - 1) * SOURCES_PER_PAGE, wanted * SOURCES_PER_PAGE);
      const ids = shown.map((s) => s.articleId);
      const [articles, paragraphs] = await Promise.all([
        store.getArticles(ids),
        store.sentenceParagraphs(ids),
      ]);
      const paragraphOf = (id: string, index: number) => paragraphs.get(id)?.[index] ?? 0;
      return c.html(storyPage(brief, articles, paragraphOf, { page: wanted }));
    });
    app.get('/articles/:id', async (c) => {
      const a = await store.getArticle(c.req.param('id'));
      if (!a) return c.html(notFoundPage('Article'), 404);
      return c.html(articlePage(a, await store.storiesOfArticle(a.id)));
    });
  }
  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((_err, c) => c.json({ error: 'the store could not answer' }, 503));
  return app;
}
