/**
 * Scale-out benchmark (BENCHMARKS.md, "Scale-out"): articles/s of the fetch/extract stage with 1, 2 and 4
 * `newsfuse worker` processes (clustering off), the CPU seconds each kind of process spent per article, and
 * optionally the single clustering consumer's rate over the same articles (placing them and building the
 * briefs of their stories), to see which stage limits.
 *
 *   npx tsx bench/scale-workers.ts [--corpus news,invented] [--pages N] [--workers 1,2,4] [--rounds 1]
 *                                  [--mode fetch|docs] [--chunk K] [--warm-up 200] [--cluster]
 *
 * - `--corpus news` (default; a list runs each in turn): 1,000 real news pages (`--pages`), the HTML of
 *   ../shared/data/extraction/l3s-gn1 and dragnet (alternating, in index order; cycled with a marker comment
 *   when more are asked than there are), written to a temporary folder outside the repo. `--corpus
 *   invented`: 1,500 small invented pages of the services tier (test/services/articles.ts), the first corpus.
 * - `--mode fetch` (default for news): the queue holds fetch jobs naming the files; workers read each page
 *   from disk, extract, split sentences and store. `--mode docs` (default for invented): the benchmark reads
 *   the files and queues extract jobs carrying the pages, as `newsfuse ingest --queue` does with local files.
 * - `--chunk K`: inputs per job (default: the queue's own default); 1 is one job per input.
 * - `--warm-up W`: before the timed window, each worker count's run first processes W other pages per worker
 *   (one a job), so that the timed pages meet warm workers as in a long-running deployment; 0 for none.
 *
 * The queue is paused while the workers start and the jobs are queued, so neither process start-up nor
 * queueing is inside the timed window (queueing is timed on its own); the window ends with the last job's
 * completion event. CPU per article: utime+stime from
 * /proc/PID/stat before and after the window, for the worker processes, every PostgreSQL process (the
 * postmaster's children alive, plus what the postmaster reaped), redis-server, and this process (which
 * queued the jobs and listens for their completion). Those sums include other clients of the same servers, so an idle
 * window of the same servers is measured first and printed. Prints the load average beside each figure.
 *
 * Needs PostgreSQL and Redis (NEWSFUSE_TEST_PG, NEWSFUSE_TEST_REDIS as the services tier); each run works in
 * a schema and a queue prefix of its own, dropped at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { QueueEvents } from 'bullmq';
import { readSources } from '../src/feeds/index.js';
import type { RawDocument } from '../src/model.js';
import { INGEST_QUEUE, JobQueue, redisConnection } from '../src/queue/queue.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { updateStoriesIn } from '../src/store/shared-ingest.js';
import { inventedPages } from '../test/services/articles.js';
import { pgSchemaUrl, REDIS_URL, uniqueName } from '../test/services/services.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'news' },
    pages: { type: 'string' },
    workers: { type: 'string', default: '1,2,4' },
    rounds: { type: 'string', default: '1' },
    mode: { type: 'string' },
    chunk: { type: 'string' },
    cluster: { type: 'boolean', default: false },
    'warm-up': { type: 'string', default: '200' },
  },
});
type Corpus = 'news' | 'invented';
const CORPORA = values.corpus.split(',') as Corpus[];
if (CORPORA.some((c) => c !== 'news' && c !== 'invented')) throw new Error('--corpus news|invented');
if (values.mode && values.mode !== 'fetch' && values.mode !== 'docs') throw new Error('--mode fetch|docs');
const modeOf = (c: Corpus) => values.mode ?? (c === 'news' ? 'fetch' : 'docs');
const pagesOf = (c: Corpus) => Number(values.pages ?? (c === 'news' ? 1000 : 1500));
const COUNTS = values.workers.split(',').map(Number);
const ROUNDS = Number(values.rounds);
const CHUNK = values.chunk === undefined ? undefined : Number(values.chunk);
const WARM_UP = Number(values['warm-up']);
const root = new URL('..', import.meta.url).pathname;
const DATA = join(root, '../shared/data/extraction');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg()[0].toFixed(1);

/**
 * Write the corpus's pages to a temporary folder: `count` timed pages from the start of the corpus, and, for
 * warming the workers up, `warm` other pages from its end (marked, so that they are never the same input).
 */
function writePages(
  corpus: Corpus,
  dir: string,
  count: number,
  warm: number,
): { timed: string[]; warm: string[] } {
  if (corpus === 'invented') {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    return {
      timed: inventedPages(count).map((p) => write(p.name, p.text)),
      warm: inventedPages(warm).map((p) => write(`w-${p.name}`, `${p.text}Warm-up copy.\n`)),
    };
  }
  const sets = ['l3s-gn1', 'dragnet'].map((set) =>
    readFileSync(join(DATA, set, 'index.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => ({ set, ...(JSON.parse(line) as { id: string; file: string }) })),
  );
  const pages: { set: string; id: string; file: string }[] = [];
  for (let i = 0; i < Math.max(...sets.map((s) => s.length)); i++)
    for (const s of sets) if (i < s.length) pages.push(s[i]);
  const write = (i: number, mark: string) => {
    const p = pages[i % pages.length];
    const copy = Math.floor(i / pages.length);
    let html = gunzipSync(readFileSync(join(DATA, p.set, p.file)));
    // A second copy must be a distinct input (another hash), as another day's page of the same site is.
    if (copy || mark) html = Buffer.concat([html, Buffer.from(`\n<!-- ${mark}copy ${copy} -->\n`)]);
    const path = join(dir, `${mark}${String(i).padStart(5, '0')}-${p.set}-${p.id}.html`);
    writeFileSync(path, html);
    return path;
  };
  return {
    timed: Array.from({ length: count }, (_, i) => write(i, '')),
    warm: Array.from({ length: warm }, (_, i) => write(pages.length - 1 - i, 'warm-up-')),
  };
}

// ---- CPU accounting from /proc ----

const TICK = 100; // clock ticks per second (getconf CLK_TCK on Linux)

/** utime+stime (and the reaped children's, when asked) of a process, seconds; 0 if it is gone. */
function cpuOf(pid: number, children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14-17 of stat (1-based); f starts at field 3.
    const self = Number(f[11]) + Number(f[12]);
    return (self + (children ? Number(f[13]) + Number(f[14]) : 0)) / TICK;
  } catch {
    return 0;
  }
}

function processes(): { pid: number; ppid: number; comm: string }[] {
  const out: { pid: number; ppid: number; comm: string }[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(d), ppid, comm });
    } catch {}
  }
  return out;
}

interface CpuSample {
  workers: number;
  postgres: number;
  redis: number;
  self: number;
}

/** CPU seconds so far of the worker processes, PostgreSQL (all its processes), Redis and this process. */
function cpuSample(workerPids: number[]): CpuSample {
  const ps = processes();
  const postmaster = ps.find(
    (p) => p.comm === 'postgres' && !ps.some((q) => q.pid === p.ppid && q.comm === 'postgres'),
  );
  let postgres = 0;
  if (postmaster) {
    postgres = cpuOf(postmaster.pid, true);
    for (const p of ps) if (p.ppid === postmaster.pid) postgres += cpuOf(p.pid);
  }
  const redis = ps.filter((p) => p.comm.startsWith('redis-server')).reduce((a, p) => a + cpuOf(p.pid), 0);
  const u = process.cpuUsage();
  return {
    workers: workerPids.reduce((a, pid) => a + cpuOf(pid, true), 0),
    postgres,
    redis,
    self: (u.user + u.system) / 1e6,
  };
}

const minus = (a: CpuSample, b: CpuSample): CpuSample => ({
  workers: a.workers - b.workers,
  postgres: a.postgres - b.postgres,
  redis: a.redis - b.redis,
  self: a.self - b.self,
});

// ---- the run ----

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

interface RunResult {
  articles: number;
  dead: number;
  seconds: number;
  enqueueSeconds: number;
  cpu: CpuSample;
  cluster?: number;
}

async function run(
  paths: string[],
  docs: RawDocument[] | undefined,
  warm: string[],
  n: number,
): Promise<RunResult> {
  const db = pgSchemaUrl(uniqueName('nf_bench'));
  const queueUrl = `${REDIS_URL}?prefix=${uniqueName('nfbench')}`;
  const store = await openPostgresStore(db);
  const queue = JobQueue.open(queueUrl);
  await queue.queue.pause();
  const eventsConnection = redisConnection(queue.redisUrl);
  const events = new QueueEvents(INGEST_QUEUE, { connection: eventsConnection, prefix: queue.prefix });
  await events.waitUntilReady();
  const ws = Array.from({ length: n }, () => worker(db, queueUrl));
  try {
    await Promise.all(ws.map((w) => w.ready));
    // Warm-up: the workers' code is compiled hot on other pages, one page a job so that every worker gets
    // some, before the timed window (a long-running worker is warm).
    if (warm.length) {
      await queue.enqueueUrls(warm.slice(0, WARM_UP * n), { chunk: 1 });
      await queue.queue.resume();
      while ((await queue.pending()) > 0) await sleep(100);
      await queue.queue.pause();
    }
    const stored0 = (await store.counts()).articles;
    const dead0 = (await store.deadLetters()).length;
    const q0 = performance.now();
    const chunk = CHUNK === undefined ? {} : { chunk: CHUNK };
    const jobs = docs ? await queue.enqueueDocs(docs, chunk) : await queue.enqueueUrls(paths, chunk);
    const enqueueSeconds = (performance.now() - q0) / 1000;
    // The end of the window: the last job's completion event (no polling in the window).
    let finished = 0;
    const allDone = new Promise<void>((resolve) => {
      const one = () => {
        if (++finished === jobs) resolve();
      };
      events.on('completed', one);
      events.on('failed', one);
    });
    const pids = ws.map((w) => w.proc.pid!);
    // This process's garbage from writing the pages is collected now, not in the window.
    collectGarbage();
    const c0 = cpuSample(pids);
    const t0 = performance.now();
    await queue.queue.resume();
    await allDone;
    // A job tried again after a fault also reports "failed": then wait for the queue to empty.
    while ((await queue.pending()) > 0) await sleep(100);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = minus(cpuSample(pids), c0);
    const articles = (await store.counts()).articles - stored0;
    const dead = (await store.deadLetters()).length - dead0;
    let cluster: number | undefined;
    if (values.cluster) {
      const t1 = performance.now();
      await updateStoriesIn(store);
      cluster = (articles / (performance.now() - t1)) * 1000;
    }
    return { articles, dead, seconds, enqueueSeconds, cpu, cluster };
  } finally {
    for (const w of ws) w.proc.kill('SIGTERM');
    await Promise.all(ws.map((w) => w.exited));
    await events.close();
    eventsConnection.disconnect();
    await queue.obliterate();
    await queue.close();
    await store.dropSchema();
    await store.close();
  }
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const ms = (s: number, n: number) => ((s / n) * 1000).toFixed(2);

for (const corpus of CORPORA) {
  const dir = mkdtempSync(join(tmpdir(), 'nf-scale-'));
  try {
    const mode = modeOf(corpus);
    const { timed: paths, warm } = writePages(corpus, dir, pagesOf(corpus), WARM_UP * Math.max(...COUNTS));
    const docs = mode === 'docs' ? (await readSources(paths)).docs : undefined;
    const idle0 = cpuSample([]);
    await sleep(2000);
    const idle = minus(cpuSample([]), idle0);
    const avg = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(
      `${paths.length} ${corpus} pages, ${mode} jobs, chunk ${CHUNK ?? 'default'}, warm-up ${WARM_UP} pages a worker; ` +
        `load average at start ${avg}; idle servers over 2 s: PostgreSQL ${idle.postgres.toFixed(2)} s, Redis ${idle.redis.toFixed(2)} s CPU`,
    );
    const base: number[] = [];
    for (let round = 0; round < ROUNDS; round++)
      for (const n of COUNTS) {
        const before = load();
        const r = await run(paths, docs, warm, n);
        const rate = r.articles / r.seconds;
        if (n === COUNTS[0]) base[round] = rate;
        const c = r.cpu;
        const total = c.workers + c.postgres + c.redis + c.self;
        console.log(
          `round ${round + 1}, ${n} worker${n > 1 ? 's' : ''}: ${rate.toFixed(1)} articles/s (${(rate / base[round]).toFixed(2)}× ${COUNTS[0]}); ` +
            `${r.articles} stored, ${r.dead} dead-lettered in ${r.seconds.toFixed(1)} s (queued in ${r.enqueueSeconds.toFixed(1)} s before); ` +
            `CPU ms/article: workers ${ms(c.workers, r.articles)}, PostgreSQL ${ms(c.postgres, r.articles)}, ` +
            `Redis ${ms(c.redis, r.articles)}, this process ${ms(c.self, r.articles)}, all ${ms(total, r.articles)} ` +
            `(${(total / r.seconds).toFixed(2)} cores busy)` +
            (r.cluster === undefined ? '' : `; clustering consumer ${r.cluster.toFixed(1)} articles/s`) +
            `; load ${before} → ${load()}`,
        );
        // Load-independent: one worker process can use one core; two cores shared by everything can store
        // at most 2 / (all CPU per article); their ratio bounds what 2 workers give over 1.
        if (n === 1)
          console.log(
            `  ceiling from CPU per article: 2 workers on 2 cores ≤ ${((2 * c.workers) / total).toFixed(2)}× 1 worker`,
          );
      }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(0);
