/**
 * `serve --db postgres://…` on the real PostgreSQL: the HTML page of a story and of an article come from the
 * shared store through the SQLite server's renderers, with citations that link to the cited paragraph.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSources } from '../../src/feeds/index.js';
import { articleSentences } from '../../src/language/sentences.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { createSharedApp } from '../../src/store/postgres-api.js';
import { ingestInto } from '../../src/store/shared-ingest.js';
import { examplesDir } from '../helpers.js';
import { noPostgres, pgSchemaUrl, uniqueName } from './services.js';

const skip = await noPostgres();

test('a story page and an article page from the shared store', { skip, timeout: 120_000 }, async () => {
  const store = await openPostgresStore(pgSchemaUrl(uniqueName('nf_serve')));
  try {
    const { docs } = await readSources([examplesDir]);
    await ingestInto(store, docs);
    const [story] = await store.listStories({ limit: 1 });
    const brief = (await store.getBrief(story.id))!;
    const app = createSharedApp(store);
    const get = (path: string) => app.request(`http://localhost${path}`);

    const page = await get(`/stories/${story.id}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.ok(html.includes(story.headline.replace(/&/g, '&amp;').slice(0, 20)), 'the headline is shown');
    // A cited sentence past the first paragraph links to its own paragraph's anchor, which is on the page.
    let checked = 0;
    for (const c of brief.summary.flatMap((s) => s.citations)) {
      const a = (await store.getArticle(c.articleId))!;
      const paragraph = articleSentences(a)[c.sentenceIndex].paragraph;
      if (paragraph === 0) continue;
      assert.ok(
        html.includes(`href="#src${c.ref}-p${paragraph}"`),
        `citation [${c.ref}] → paragraph ${paragraph}`,
      );
      assert.ok(html.includes(`id="src${c.ref}-p${paragraph}"`), 'the linked paragraph is on the page');
      checked++;
    }
    assert.ok(checked > 0, 'some citation points past a first paragraph');

    const articleId = brief.sources[0].articleId;
    const article = await get(`/articles/${articleId}`);
    assert.equal(article.status, 200);
    assert.ok((await article.text()).includes(story.id), 'the article page links to its story');

    assert.equal((await get('/stories/no-such-story')).status, 404);
    assert.equal((await get(`/stories/${story.id}?sources=0`)).status, 400);
    assert.equal((await get('/articles/no-such-article')).status, 404);
  } finally {
    await store.dropSchema();
    await store.close();
  }
});
