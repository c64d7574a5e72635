/**
 * Scale-out benchmark (BENCHMARKS.md, "Scale-out"): articles/s of the fetch/extract stage with 1, 2 and 4
 * `newsfuse worker` processes (clustering off), then the single clustering consumer's rate over the same
 * articles (placing them and building the briefs of their stories), to see which stage limits.
 *
 *   npx tsx bench/scale-workers.ts [--pages 400] [--workers 1,2,4] [--rounds 1]
 *
 * Needs PostgreSQL and Redis (NEWSFUSE_TEST_PG, NEWSFUSE_TEST_REDIS as the services tier); each run works in
 * a schema and a queue prefix of its own, dropped at the end. Workers are started and idle before the pages
 * are queued, so process start-up is not counted. Prints the machine's load average beside each figure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { readSources } from '../src/feeds/index.js';
import type { RawDocument } from '../src/model.js';
import { JobQueue } from '../src/queue/queue.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { updateStoriesIn } from '../src/store/shared-ingest.js';
import { inventedPages } from '../test/services/articles.js';
import { pgSchemaUrl, REDIS_URL, uniqueName } from '../test/services/services.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '400' },
    workers: { type: 'string', default: '1,2,4' },
    rounds: { type: 'string', default: '1' },
  },
});
const PAGES = Number(values.pages);
const COUNTS = values.workers.split(',').map(Number);
const ROUNDS = Number(values.rounds);
const root = new URL('..', import.meta.url).pathname;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg()[0].toFixed(1);

async function documents(): Promise<RawDocument[]> {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(`${tmpdir()}/nf-scale-`);
  try {
    for (const p of inventedPages(PAGES)) writeFileSync(`${dir}/${p.name}`, p.text);
    return (await readSources([dir])).docs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function worker(
  db: string,
  queue: string,
): { proc: ChildProcess; ready: Promise<void>; exited: Promise<void> } {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', `${root}src/cli/main.ts`, 'worker', '--db', db, '--queue', queue, '--no-cluster'],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  const ready = new Promise<void>((resolve) =>
    proc.stderr!.on('data', (d) => {
      log += d;
      if (log.includes('started')) resolve();
    }),
  );
  return { proc, ready, exited: new Promise((r) => proc.once('exit', () => r())) };
}

async function run(docs: RawDocument[], n: number): Promise<{ extract: number; cluster: number }> {
  const db = pgSchemaUrl(uniqueName('nf_bench'));
  const queueUrl = `${REDIS_URL}?prefix=${uniqueName('nfbench')}`;
  const store = await openPostgresStore(db);
  const queue = JobQueue.open(queueUrl);
  const ws = Array.from({ length: n }, () => worker(db, queueUrl));
  try {
    await Promise.all(ws.map((w) => w.ready));
    const t0 = performance.now();
    await queue.enqueueDocs(docs);
    while ((await store.counts()).articles < docs.length) await sleep(50);
    const extract = (docs.length / (performance.now() - t0)) * 1000;
    const t1 = performance.now();
    await updateStoriesIn(store);
    const cluster = (docs.length / (performance.now() - t1)) * 1000;
    return { extract, cluster };
  } finally {
    for (const w of ws) w.proc.kill('SIGTERM');
    await Promise.all(ws.map((w) => w.exited));
    await queue.obliterate();
    await queue.close();
    await store.dropSchema();
    await store.close();
  }
}

const docs = await documents();
console.log(`${docs.length} pages; load average at start ${load()}`);
const base: number[] = [];
for (let round = 0; round < ROUNDS; round++)
  for (const n of COUNTS) {
    const before = load();
    const r = await run(docs, n);
    if (n === COUNTS[0]) base[round] = r.extract;
    console.log(
      `round ${round + 1}, ${n} worker${n > 1 ? 's' : ''}: extract ${r.extract.toFixed(1)} articles/s (${(r.extract / base[round]).toFixed(2)}× ${COUNTS[0]}); ` +
        `clustering consumer ${r.cluster.toFixed(1)} articles/s; load ${before} → ${load()}`,
    );
  }
process.exit(0);
