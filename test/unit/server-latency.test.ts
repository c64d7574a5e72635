import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Hono } from 'hono';
import { readSources } from '../../src/feeds/index.js';
import { createApp } from '../../src/server/app.js';
import { LruCache } from '../../src/server/cache.js';
import { concurrencyLimit } from '../../src/server/limit.js';
import { openStore } from '../../src/store/db.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { examplesDir, tempDir } from '../helpers.js';

const dir = tempDir('nf-latency-');
const db = openStore(join(dir, 'latency.db'));
after(() => db.close());
ingestDocuments(db, (await readSources([examplesDir])).docs);
const cache = new LruCache<string>(200);
// The post below waits for its job however loaded the machine is (the default wait is 30 s).
const app = createApp(db, { cache, port: 8080, syncWaitMs: 600_000 });
const get = (path: string, host = '127.0.0.1:8080') => app.request(path, { headers: { host } });

test('GET /healthz and /readyz answer 200 JSON; both pass the Host guard', async () => {
  const health = await get('/healthz');
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { ok: true });
  const ready = await get('/readyz');
  assert.equal(ready.status, 200);
  assert.equal(((await ready.json()) as { ok: boolean }).ok, true);
  for (const path of ['/healthz', '/readyz'])
    assert.equal((await get(path, 'evil.example:8080')).status, 421);
});

test('GET /readyz is 503 when the store does not answer; /healthz stays 200', async () => {
  const closed = openStore(join(dir, 'closed.db'));
  closed.close();
  const down = createApp(closed);
  const ready = await down.request('/readyz');
  assert.equal(ready.status, 503);
  assert.match(((await ready.json()) as { error: string }).error, /store/);
  assert.equal((await down.request('/healthz')).status, 200);
});

test('a story page and its JSON are built once, then served from the cache; a changed story is rebuilt', async () => {
  const { stories } = (await (await get('/api/stories')).json()) as {
    stories: { id: string; articles: number }[];
  };
  const id = stories[0].id;
  const before = { hits: cache.hits, misses: cache.misses };
  const first = await (await get(`/stories/${id}`)).text();
  const second = await get(`/stories/${id}`);
  assert.equal(second.status, 200);
  assert.match(second.headers.get('content-type') ?? '', /text\/html/);
  assert.equal(await second.text(), first);
  assert.deepEqual([cache.hits - before.hits, cache.misses - before.misses], [1, 1]);
  const json1 = await get(`/api/stories/${id}`);
  const json2 = await get(`/api/stories/${id}`);
  assert.equal(json2.headers.get('content-type'), json1.headers.get('content-type'));
  assert.equal(await json2.text(), await json1.text());
  assert.deepEqual([cache.hits - before.hits, cache.misses - before.misses], [2, 2]);
  // A new report on the same fire joins the story, so its brief (and page) must change.
  const record = {
    title: 'Calderwick quay fire: inquiry opens into grain store blaze',
    date: '2025-03-09',
    publisher: 'Test Gazette',
    text: 'An inquiry opened on Sunday into the fire that destroyed the Ostrand Milling grain warehouse on North Quay in Calderwick, where 14 people were hurt. Fire Chief Marta Okonkwo told the inquiry that the timber warehouse had no sprinkler system and that 40 firefighters fought the blaze for eight hours.\n\nThe Calderwick Harbor Authority said all berths at the port had reopened and that ship traffic was back to normal.',
  };
  const posted = await app.request('/api/ingest', {
    method: 'POST',
    body: JSON.stringify(record),
    headers: { 'content-type': 'application/json', host: '127.0.0.1:8080' },
  });
  assert.equal(((await posted.json()) as { added: number }).added, 1);
  const after = (await (await get('/api/stories')).json()) as { stories: { id: string; articles: number }[] };
  assert.equal(
    after.stories.find((s) => s.id === id)?.articles,
    stories[0].articles + 1,
    'the report joined',
  );
  const third = await (await get(`/stories/${id}`)).text();
  assert.notEqual(third, first);
  assert.ok(third.includes('Test Gazette') || third.includes('inquiry opens'), 'the new source is shown');
  const json3 = (await (await get(`/api/stories/${id}`)).json()) as { briefs: { sources: unknown[] }[] };
  assert.equal(json3.briefs[0].sources.length, stories[0].articles + 1);
});

test('the list page is cached per query and store version', async () => {
  const a = await (await get('/?q=grain')).text();
  const hits = cache.hits;
  assert.equal(await (await get('/?q=grain')).text(), a);
  assert.equal(cache.hits, hits + 1);
  assert.notEqual(await (await get('/?q=ferry')).text(), a);
  assert.equal(cache.hits, hits + 1, 'another query is another entry');
});

test('the LRU keeps at most max entries and drops the least recently used', () => {
  const lru = new LruCache<string>(2);
  let computed = 0;
  const value = (k: string) => lru.through(k, () => `${k}${++computed}`);
  value('a');
  value('b');
  assert.equal(value('a'), 'a1'); // a is now the most recent
  value('c'); // drops b
  assert.equal(lru.size, 2);
  assert.equal(value('a'), 'a1');
  assert.equal(value('b'), 'b4', 'b was dropped and is computed again');
});

test('beyond maxConcurrent requests at once: 503 with Retry-After and a JSON error', async () => {
  const held: (() => void)[] = [];
  const slow = new Hono();
  slow.use('*', concurrencyLimit(2));
  slow.get('/boom', async () => {
    throw new Error('handler failed');
  });
  slow.get('/slow', async (c) => {
    await new Promise<void>((resolve) => held.push(resolve));
    return c.text('done');
  });
  const first = slow.request('/slow');
  const second = slow.request('/slow');
  await new Promise((r) => setImmediate(r));
  assert.equal(held.length, 2);
  const refused = await slow.request('/slow');
  assert.equal(refused.status, 503);
  assert.equal(refused.headers.get('retry-after'), '1');
  assert.match(((await refused.json()) as { error: string }).error, /busy/);
  for (const release of held.splice(0)) release();
  assert.deepEqual(await Promise.all([first, second].map(async (r) => (await r).status)), [200, 200]);
  // Slots are given back, also after a handler that throws.
  assert.equal((await slow.request('/boom')).status, 500);
  assert.equal((await slow.request('/boom')).status, 500);
  const third = slow.request('/slow');
  await new Promise((r) => setImmediate(r));
  held.splice(0)[0]();
  assert.equal((await third).status, 200);
});

test('createApp applies maxConcurrent: a request held open blocks the next one beyond the limit', async () => {
  const limited = createApp(db, { maxConcurrent: 1 });
  let release = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      release = () => {
        controller.enqueue(new TextEncoder().encode('{"text": ""}'));
        controller.close();
      };
    },
  });
  const pending = limited.request('/api/ingest', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
    duplex: 'half',
  } as RequestInit);
  await new Promise((r) => setImmediate(r));
  const busy = await limited.request('/api/stories');
  assert.equal(busy.status, 503);
  assert.equal(busy.headers.get('retry-after'), '1');
  assert.equal((await limited.request('/healthz')).status, 200, 'probes are not counted');
  release();
  assert.equal((await pending).status, 400); // the held body had no text
  assert.equal((await limited.request('/api/stories')).status, 200);
});
