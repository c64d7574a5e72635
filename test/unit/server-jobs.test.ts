/**
 * Ingest off the request path: a large post is answered 202 with a job to poll, the work runs in a worker
 * thread while the server keeps answering, a full queue is refused with 503 and Retry-After, and the
 * server's edge closes connections beyond its cap and requests that take too long to arrive.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { serve } from '@hono/node-server';
import { serverOptions } from '../../src/cli/commands/serve.js';
import { createApp } from '../../src/server/app.js';
import { IngestQueue } from '../../src/server/jobs.js';
import { openStore } from '../../src/store/db.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('nf-jobs-');
const db = openStore(join(dir, 'jobs.db'));
const jobs = new IngestQueue(db, { maxQueued: 2 });
after(() => {
  jobs.close();
  db.close();
});
const app = createApp(db, { jobs, syncBody: 4 * 1024, syncWaitMs: 120_000 });
const post = (body: string) =>
  app.request('/api/ingest', { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson' } });

const PLACES = ['Brannock', 'Ostvale', 'Kettering Sound', 'Marrowby', 'Lindqvist Bay', 'Tarrow'];
/** One invented report per line: each a different town, so that each is its own story. */
function records(n: number, seed: string): string {
  return Array.from({ length: n }, (_, i) => {
    const place = `${PLACES[i % PLACES.length]} ${seed}${i}`;
    const text =
      `A storm flooded the lower streets of ${place} on Tuesday, the town's harbour office said. ` +
      `Volunteers moved sandbags to the old mill and the school while the river kept rising through the night. ` +
      `"We have not seen water this high since the bridge was built," said Ada Ferreira, who runs the ferry. ` +
      `Engineers will inspect the sea wall of ${place} on Wednesday once the tide has turned.`;
    return JSON.stringify({ title: `Storm floods ${place}`, date: '2025-04-01', text });
  }).join('\n');
}

async function until(id: string): Promise<Record<string, unknown>> {
  for (;;) {
    const r = (await (await app.request(`/api/jobs/${id}`)).json()) as Record<string, unknown>;
    if (r.state === 'done' || r.state === 'failed') return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('a small post is answered when ingested (200); a large one at once with a job to poll (202)', async () => {
  const small = await post(records(1, 'a'));
  assert.equal(small.status, 200);
  assert.equal(((await small.json()) as { added: number }).added, 1);

  const body = records(12, 'b');
  assert.ok(body.length > 4 * 1024);
  const r = await post(body);
  assert.equal(r.status, 202);
  const accepted = (await r.json()) as { job: string; records: number };
  assert.equal(accepted.records, 12);
  assert.equal(r.headers.get('location'), `/api/jobs/${accepted.job}`);
  // The event loop keeps turning while the worker ingests: with the work on this thread it would not.
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const done = await until(accepted.job);
  clearInterval(timer);
  assert.equal(done.state, 'done', JSON.stringify(done));
  assert.equal(done.added, 12);
  assert.ok(ticks >= 3, `${ticks} ticks`);
  const { stories } = (await (await app.request('/api/stories')).json()) as { stories: unknown[] };
  assert.ok(stories.length >= 1);
  assert.equal((await app.request('/api/jobs/job-999')).status, 404);
});

test('a full queue refuses a post with 503 and Retry-After; nothing is half-taken', async () => {
  const first = await post(records(10, 'c'));
  const second = await post(records(10, 'd'));
  const third = await post(records(10, 'e'));
  assert.deepEqual([first.status, second.status], [202, 202]);
  assert.equal(third.status, 503);
  assert.equal(third.headers.get('retry-after'), '5');
  for (const r of [first, second]) {
    const done = await until(((await r.json()) as { job: string }).job);
    assert.equal(done.added, 10);
  }
  // Room again once the jobs are done.
  assert.equal((await post(records(1, 'f'))).status, 200);
});

test('a store in memory ingests in this thread, one job at a time', async () => {
  const mem = openStore(':memory:');
  after(() => mem.close());
  const memApp = createApp(mem);
  const r = await memApp.request('/api/ingest', {
    method: 'POST',
    body: records(2, 'g'),
    headers: { 'content-type': 'application/x-ndjson' },
  });
  assert.equal(r.status, 200);
  assert.equal(((await r.json()) as { added: number }).added, 2);
});

test('the server edge: connections beyond the cap are closed, a request sent too slowly is cut off', async () => {
  const server = serve({
    fetch: app.fetch,
    port: 0,
    hostname: '127.0.0.1',
    serverOptions: serverOptions({ requestTimeout: 1 }),
  }) as unknown as Server;
  server.maxConnections = 1;
  after(() => server.close());
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as { port: number }).port;
  const open = () => {
    const socket = connect(port, '127.0.0.1');
    socket.resume(); // read what the server says, so that its close is seen
    const closed = new Promise<number>((resolve) => {
      const start = Date.now();
      socket.on('close', () => resolve(Date.now() - start));
      socket.on('error', () => undefined);
    });
    return { socket, closed };
  };
  // The first holds the one place, sending half a request and then nothing.
  const slow = open();
  slow.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const extra = open();
  const extraClosed = await extra.closed;
  assert.ok(extraClosed < 900, `the connection over the cap closed after ${extraClosed} ms`);
  // The slow one is answered 408 or closed once its second is up, well before Node's 60 s default.
  const slowClosed = await slow.closed;
  assert.ok(slowClosed >= 900 && slowClosed < 5_000, `slow request closed after ${slowClosed} ms`);
});
