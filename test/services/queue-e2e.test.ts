/**
 * End to end on the real services: 200 invented pages and one that is not an article are queued; three
 * `newsfuse worker` processes share the work; the one that is the clustering consumer is killed (SIGKILL)
 * mid-run. Every page must be stored once, the stories (members, headlines, brief JSON) must equal those of
 * one in-process SQLite ingest of the same pages, and the non-article must be in the dead-letter list.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSources } from '../../src/feeds/index.js';
import { JOB_CHUNK, JobQueue } from '../../src/queue/queue.js';
import { waitUntilSettled } from '../../src/queue/worker.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { ingestInto } from '../../src/store/shared-ingest.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { repoRoot, tempDir } from '../helpers.js';
import { storyDigest } from '../store-suite.js';
import { inventedPages } from './articles.js';
import { noPostgres, noRedis, pgSchemaUrl, REDIS_URL, uniqueName } from './services.js';

const PAGES = 200;
const skip = (await noPostgres()) || (await noRedis());

interface Child {
  proc: ChildProcess;
  log: string;
  exited: Promise<number | null>;
}

function startWorker(db: string, queue: string): Child {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      `${repoRoot}src/cli/main.ts`,
      'worker',
      '--db',
      db,
      '--queue',
      queue,
      '--lock-ms',
      '2000',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const child: Child = {
    proc,
    log: '',
    exited: new Promise((resolve) => proc.once('exit', (code) => resolve(code))),
  };
  proc.stderr!.on('data', (d) => (child.log += d));
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('3 workers, the clustering one killed mid-run: nothing lost or doubled, the stories of one process', {
  skip,
  timeout: 1_200_000,
}, async (t) => {
  const dir = tempDir('nf-e2e-');
  for (const p of inventedPages(PAGES)) writeFileSync(join(dir, p.name), p.text);
  writeFileSync(join(dir, 'zz-not-found.txt'), 'Not found\n\nThe page you asked for is not here.\n');
  const { docs } = await readSources([dir]);
  assert.equal(docs.length, PAGES + 1);

  // The single-process result: one SQLite ingest of the same pages.
  const reference = new SqliteStore(join(dir, 'reference.db'));
  const single = await ingestInto(reference, docs);
  assert.equal(single.added, PAGES);
  const expected = await storyDigest(reference);
  await reference.close();
  assert.ok(expected.length >= 3, 'the pages make several stories');

  const db = pgSchemaUrl(uniqueName('nf_e2e'));
  const queueUrl = `${REDIS_URL}?prefix=${uniqueName('nfe2e')}`;
  const store = await openPostgresStore(db);
  const queue = JobQueue.open(queueUrl);
  const workers: Child[] = [];
  // Also when the test fails or times out: no worker outlives it, no schema or queue keys stay behind.
  const cleanup = async () => {
    for (const w of workers)
      if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await queue.obliterate().catch(() => {});
    await queue.close().catch(() => {});
    await store.dropSchema().catch(() => {});
    await store.close().catch(() => {});
  };
  t.after(cleanup);
  process.once('exit', () => {
    for (const w of workers) w.proc.kill('SIGKILL');
  });
  {
    await queue.enqueueDocs(docs);
    // Queued twice while waiting: the same jobs (their ids come from the inputs' hashes).
    await queue.enqueueDocs(docs.slice(0, 2 * JOB_CHUNK));
    assert.equal(await queue.pending(), Math.ceil((PAGES + 1) / JOB_CHUNK));
    for (let i = 0; i < 3; i++) workers.push(startWorker(db, queueUrl));

    // Mid-run: some articles stored, most not; kill the clustering consumer (it also runs extract jobs).
    let stored = 0;
    while ((stored = (await store.counts()).articles) < PAGES / 4) await sleep(100);
    assert.ok(stored < PAGES, 'killed before the end');
    let victim: Child | undefined;
    while (!(victim = workers.find((w) => w.log.includes('clustering consumer: this worker'))))
      await sleep(50);
    victim.proc.kill('SIGKILL');
    assert.equal(await victim.exited, null);

    await waitUntilSettled(store, queue);
    const counts = await store.counts();
    assert.equal(counts.articles, PAGES, 'every page stored once');
    assert.deepEqual(await storyDigest(store), expected);
    const survivors = workers.filter((w) => w !== victim);
    assert.ok(
      survivors.some((w) => w.log.includes('clustering consumer: this worker')),
      'another worker took over the clustering',
    );
    const dead = await store.deadLetters();
    assert.deepEqual(
      dead.map((d) => [d.source.endsWith('zz-not-found.txt'), /not an article/.test(d.reason)]),
      [[true, true]],
    );
  }
});
