import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readSources } from '../../src/feeds/index.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/db.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { examplesDir, tempDir } from '../helpers.js';

const db = openStore(join(tempDir('nf-api-'), 'api.db'));
after(() => db.close());
ingestDocuments(db, (await readSources([examplesDir])).docs);
const app = createApp(db, { maxBody: 64 * 1024 });
const get = (path: string) => app.request(path);
const post = (body: string, type: string) =>
  app.request('/api/ingest', { method: 'POST', body, headers: { 'content-type': type } });

test('GET /api/stories lists stories; q searches; since filters; a bad since is 400', async () => {
  const all = (await (await get('/api/stories')).json()) as { stories: { id: string; articles: number }[] };
  assert.deepEqual(
    all.stories.map((s) => s.articles),
    [6, 1],
  );
  const hit = (await (await get('/api/stories?q=bridge')).json()) as { stories: unknown[] };
  assert.equal(hit.stories.length, 1);
  const miss = (await (await get('/api/stories?q=zeppelin')).json()) as { stories: unknown[] };
  assert.equal(miss.stories.length, 0);
  const future = (await (await get('/api/stories?since=2030-01-01')).json()) as { stories: unknown[] };
  assert.equal(future.stories.length, 0);
  assert.equal((await get('/api/stories?since=yesterday')).status, 400);
});

test('GET /api/stories/:id is the brief JSON; GET /api/articles/:id the article; unknown ids are 404 JSON', async () => {
  const { stories } = (await (await get('/api/stories')).json()) as { stories: { id: string }[] };
  const res = await get(`/api/stories/${stories[0].id}`);
  assert.equal(res.status, 200);
  const brief = (await res.json()) as {
    schema: string;
    briefs: { sources: { articleId: string }[]; summary: unknown[] }[];
  };
  assert.equal(brief.schema, 'newsfuse.briefs/1');
  assert.ok(brief.briefs[0].summary.length >= 1);
  const article = await get(`/api/articles/${brief.briefs[0].sources[0].articleId}`);
  assert.equal(article.status, 200);
  assert.ok(((await article.json()) as { paragraphs: string[] }).paragraphs.length > 0);
  for (const path of ['/api/stories/nope', '/api/articles/nope', '/api/nothing']) {
    const r = await get(path);
    assert.equal(r.status, 404, path);
    assert.match(r.headers.get('content-type') ?? '', /json/);
    assert.ok(((await r.json()) as { error: string }).error);
  }
});

test('POST /api/ingest: JSON records are added; malformed JSON 400; oversized 413', async () => {
  const record = {
    title: 'Ferry timetable approved',
    date: '2025-03-03',
    text: 'The city council approved a new ferry timetable on Monday after a long debate about fares and crossings. Ferries will run every thirty minutes between the harbour and the island from next month.',
  };
  const r = await post(JSON.stringify(record), 'application/json');
  assert.equal(r.status, 200);
  assert.deepEqual(((await r.json()) as { added: number }).added, 1);
  const again = (await (await post(JSON.stringify(record), 'application/json')).json()) as {
    added: number;
    duplicate: number;
  };
  assert.deepEqual([again.added, again.duplicate], [0, 1]);
  const bad = await post('{"title": "x", ', 'application/json');
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: string }).error, /malformed JSON/);
  assert.equal((await post('[{"title": "no body"}]', 'application/json')).status, 400);
  const big = await post(JSON.stringify({ text: 'x'.repeat(70 * 1024) }), 'application/json');
  assert.equal(big.status, 413);
  assert.equal((await post('   ', 'application/json')).status, 400);
});

test('article HTML is never injected: script and onerror payloads come out as text', async () => {
  const page = `<html><head><title>Harbour &lt;b&gt;news</title></head><body><article>
<h1>Council votes &lt;script&gt;alert(1)&lt;/script&gt; on ferries</h1>
<p>The council voted on Monday to keep the night ferry running. <img src=x onerror=alert(2)> Members said the service mattered to island families and to the nurses who work late shifts at the hospital.</p>
<p>"&lt;script&gt;alert(3)&lt;/script&gt; is not a word we use," the mayor said, adding that the vote was unanimous and that fares would not rise this year.</p>
<script>alert(4)</script></article></body></html>`;
  const r = await post(JSON.stringify({ html: page }), 'application/json');
  assert.equal(r.status, 200, await r.clone().text());
  const { stories } = (await (await get('/api/stories?q=ferry')).json()) as { stories: { id: string }[] };
  const pages = await Promise.all(stories.map(async (s) => (await get(`/stories/${s.id}`)).text()));
  const ferry = pages.find((html) => html.includes('alert(3)'));
  assert.ok(ferry, 'the posted page is shown');
  // The text survives as text; nothing of it is markup.
  assert.match(ferry, /&lt;script&gt;alert\(3\)&lt;\/script&gt;/);
  for (const html of pages) {
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/<img/i.test(html), 'no injected image');
    assert.ok(!/\sonerror=/i.test(html), 'no event handler attribute');
  }
  const list = await get('/?q=%3Cscript%3E');
  assert.ok(!(await list.text()).includes('<script>'));
  const csp = list.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(list.headers.get('x-frame-options'), 'DENY');
});
