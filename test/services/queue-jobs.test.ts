/**
 * Jobs of several inputs on the real services, one worker in this process: an extract chunk stores its
 * articles once and dead-letters its non-article; a fetch chunk whose one address gives nothing stores the
 * others and is tried again for that address alone.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSources } from '../../src/feeds/index.js';
import { JobQueue } from '../../src/queue/queue.js';
import { type RunningWorker, startWorker } from '../../src/queue/worker.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres.js';
import { tempDir } from '../helpers.js';
import { inventedPages } from './articles.js';
import { noPostgres, noRedis, pgSchemaUrl, REDIS_URL, uniqueName } from './services.js';

const skip = (await noPostgres()) || (await noRedis());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withWorker(
  body: (store: PostgresStore, queue: JobQueue, dir: string) => Promise<void>,
): Promise<void> {
  const store = await openPostgresStore(pgSchemaUrl(uniqueName('nf_jobs')));
  const queue = JobQueue.open(`${REDIS_URL}?prefix=${uniqueName('nfjobs')}`);
  let worker: RunningWorker | undefined;
  try {
    worker = await startWorker({ store, queue, cluster: false, lockMs: 2000 });
    await body(store, queue, tempDir('nf-jobs-'));
  } finally {
    await worker?.close();
    await queue.obliterate().catch(() => {});
    await queue.close();
    await store.dropSchema();
    await store.close();
  }
}

async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

test('an extract chunk stores its articles once and dead-letters its non-article', {
  skip,
  timeout: 120_000,
}, async () => {
  await withWorker(async (store, queue, dir) => {
    for (const p of inventedPages(6)) writeFileSync(join(dir, p.name), p.text);
    writeFileSync(join(dir, 'zz-gone.txt'), 'Not found\n\nThe page you asked for is not here.\n');
    const { docs } = await readSources([dir]);
    assert.equal(docs.length, 7);
    // One job of all seven, and the first page again inside it.
    assert.equal(await queue.enqueueDocs([...docs, docs[0]], { chunk: 8 }), 1);
    await until('the job is done', async () => (await queue.pending()) === 0);
    assert.equal((await store.counts()).articles, 6);
    const dead = await store.deadLetters();
    assert.deepEqual(
      dead.map((d) => [d.source.endsWith('zz-gone.txt'), /not an article/.test(d.reason)]),
      [[true, true]],
    );
    // The same chunk queued again after it finished (a retry): nothing new.
    await queue.enqueueDocs(docs.slice(0, 6), { chunk: 8 });
    await until('the second job is done', async () => (await queue.pending()) === 0);
    assert.equal((await store.counts()).articles, 6);
  });
});

test('a fetch chunk stores what it read and is tried again for the address that gave nothing', {
  skip,
  timeout: 120_000,
}, async () => {
  await withWorker(async (store, queue, dir) => {
    const pages = inventedPages(3);
    for (const p of pages) writeFileSync(join(dir, p.name), p.text);
    const missing = join(dir, 'not-there.txt');
    const urls = [...pages.map((p) => join(dir, p.name)), missing];
    assert.equal(await queue.enqueueUrls(urls, { chunk: 4 }), 1);
    await until('the pages are stored', async () => (await store.counts()).articles === 3);
    // After the first try: the missing file is in the dead-letter list, and the job waits to be tried
    // again with that address alone.
    await until('the job waits for its retry', async () => (await queue.queue.getDelayedCount()) === 1);
    const [job] = await queue.queue.getDelayed();
    assert.deepEqual(job.data.urls, [missing]);
    assert.equal(job.attemptsMade, 1);
    assert.deepEqual(
      (await store.deadLetters()).map((d) => d.key),
      [missing],
    );
    await job.remove();
  });
});
