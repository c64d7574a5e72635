/**
 * `newsfuse worker`: takes fetch and extract jobs from the queue (any number of these processes, on any
 * number of machines, against one PostgreSQL store), and, in one of them at a time, runs the clustering
 * consumer.
 *
 * - Extract jobs: extract each document of the job's chunk, split its sentences (the features the clusterer
 *   and briefs read) and store the chunk's articles, in one transaction; the job is acknowledged only once
 *   it committed. The same input gives the same article id and is stored once.
 * - Fetch jobs: read the chunk's addresses and extract and store their pages in the same job (a feed's many
 *   items are queued as extract jobs instead, for every worker to share).
 * - Poison input: a page that is not an article, or that the analysis throws on, goes to the store's
 *   dead-letter list with its reason, and the job ends (trying again would fail again). A job that throws
 *   for another reason (the store down) is tried again, JOB_ATTEMPTS times, then dead-lettered.
 * - A worker killed mid-job holds a lock that lapses after `lockMs`; another worker then runs the job again.
 *   Its transaction never committed, so nothing is half written; if it had, the retry is a no-op.
 * - Clustering: a session advisory lock in PostgreSQL makes one worker the clustering consumer; if it dies,
 *   the lock goes with its connection and another worker takes over from the clusterer state saved in the
 *   store. It updates the stories (and rebuilds the briefs of the stories that changed, saved in the same
 *   transaction as the stories) once the queue has no job left, so the stories of a batch are those one
 *   `newsfuse ingest` of the batch makes; under a queue that never empties it runs when `maxLag` articles
 *   wait to be placed.
 */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { extractArticle } from '../extract/index.js';
import { readSources } from '../feeds/index.js';
import { documentsFromBytes } from '../ingest/index.js';
import { reasonOf } from '../isolate.js';
import { articleSentences } from '../language/sentences.js';
import type { RawDocument } from '../model.js';
import type { PostgresStore } from '../store/postgres.js';
import { sourceOf, storeMany, updateStoriesIn } from '../store/shared-ingest.js';
import {
  type ExtractJob,
  type FetchJob,
  INGEST_QUEUE,
  JOB_CHUNK,
  type JobQueue,
  jobDocs,
  jobUrls,
  redisConnection,
} from './queue.js';

export interface WorkerOptions {
  store: PostgresStore;
  queue: JobQueue;
  /** Jobs run at once in this process (they overlap waiting on the store; extraction itself is one core). */
  concurrency?: number;
  /** Take part in clustering (default true): at most one worker clusters at a time. */
  cluster?: boolean;
  /** Take extract and fetch jobs (default true); false makes a clustering-only process. */
  extract?: boolean;
  /** How long a job's lock lasts without renewal: a killed worker's job is retried after about this, ms. */
  lockMs?: number;
  /** Summary budget of the briefs, words. */
  words?: number;
  /** Cluster even while jobs wait, once this many stored articles are in no story. */
  maxLag?: number;
  /** How often the clustering consumer looks at the queue and the store, ms. */
  pollMs?: number;
  log?: (line: string) => void;
}

/** A fetch job extracts up to this many fetched documents itself; more (a feed's items) are queued. */
const IN_PLACE = 2 * JOB_CHUNK;

/** PostgreSQL advisory lock key of the clustering consumer. */
const CLUSTER_LOCK = 0x6e660003;

export interface RunningWorker {
  /** Stop taking jobs, let running ones finish, give up the clustering role. */
  close(): Promise<void>;
  stats: { extracted: number; duplicate: number; dead: number; fetched: number; clusterings: number };
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { store, queue } = options;
  const log = options.log ?? (() => {});
  const lockMs = options.lockMs ?? 30_000;
  const stats = { extracted: 0, duplicate: 0, dead: 0, fetched: 0, clusterings: 0 };

  /** Extract and store a chunk of documents (one transaction); dead-letter those that are no article. */
  const storeDocs = async (docs: RawDocument[], keepAll?: boolean): Promise<string> => {
    const outcomes = await storeMany(store, docs, { keepAll });
    const n = { added: 0, duplicate: 0, failed: 0 };
    for (const [k, r] of outcomes.entries()) {
      if (r.status === 'failed') {
        await store.addDeadLetter({ key: docs[k].hash, source: sourceOf(docs[k]), reason: r.reason });
        stats.dead++;
      } else if (r.status === 'added') stats.extracted++;
      else stats.duplicate++;
      n[r.status === 'failed' ? 'failed' : r.status]++;
    }
    return `${n.added} added, ${n.duplicate} duplicate, ${n.failed} failed`;
  };

  const handle = async (job: Job): Promise<string> => {
    if (job.name === 'extract') {
      const data = job.data as ExtractJob;
      return storeDocs(jobDocs(data), data.keepAll);
    }
    if (job.name === 'fetch') {
      const data = job.data as FetchJob;
      const { allowPrivate, fetchLinks, keepAll } = data;
      const urls = jobUrls(data);
      const docs: RawDocument[] = [];
      const unread: { url: string; reason: string }[] = [];
      for (const url of urls) {
        const got = await readSources([url], { allowPrivate, fetchLinks });
        for (const f of got.failed)
          await store.addDeadLetter({ key: f.source, source: f.source, reason: f.reason });
        if (!got.docs.length) {
          const gone = got.diagnostics.find((d) => d.level === 'error');
          const reason = gone?.message ?? got.failed[0]?.reason ?? 'fetched nothing';
          await store.addDeadLetter({ key: url, source: url, reason });
          stats.dead++;
          unread.push({ url, reason });
          continue;
        }
        docs.push(...got.docs);
        stats.fetched++;
      }
      // Pages are extracted here, in the job that fetched them; a feed's many items go to every worker.
      let done = `${docs.length} documents queued`;
      if (docs.length <= IN_PLACE) done = await storeDocs(docs, keepAll);
      else await queue.enqueueDocs(docs, { keepAll });
      if (unread.length) {
        // An unreachable address may answer later: the job is tried again for the addresses that gave
        // nothing (what they said is kept in the dead-letter list meanwhile).
        if (unread.length < urls.length)
          await job.updateData({ ...data, url: undefined, urls: unread.map((u) => u.url) });
        throw new Error(unread.map((u) => `${u.url}: ${u.reason}`).join('; '));
      }
      return done;
    }
    throw new UnrecoverableError(`unknown job "${job.name}"`);
  };

  // Models load and code warms up before the first job, not during it.
  if (options.extract !== false) warmUp();

  let worker: Worker | undefined;
  // Ours to close: BullMQ leaves a connection it was given open.
  const connection = options.extract !== false ? redisConnection(queue.redisUrl) : undefined;
  if (connection) {
    worker = new Worker(INGEST_QUEUE, handle, {
      connection,
      prefix: queue.prefix,
      concurrency: options.concurrency ?? 2,
      lockDuration: lockMs,
      stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
      // A job whose worker died this many times is failed rather than handed out for ever.
      maxStalledCount: 3,
    });
    worker.on('error', (e) => log(`queue error: ${e.message}`));
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (!final) return;
      deadLetterJob(job, reasonOf(err)).catch((e) =>
        log(`cannot record the dead letters of job ${job.id}: ${reasonOf(e)}`),
      );
    });
  }

  /** A job that failed for good: each of its inputs not stored goes to the dead-letter list. */
  async function deadLetterJob(job: Job, reason: string): Promise<void> {
    const docs = job.name === 'extract' ? jobDocs(job.data as ExtractJob) : [];
    const urls = job.name === 'fetch' ? jobUrls(job.data as FetchJob) : [];
    const stored = await store.storedHashes(docs.map((d) => d.hash));
    const entries = [
      ...docs.filter((d) => !stored.has(d.hash)).map((d) => ({ key: d.hash, source: sourceOf(d) })),
      ...urls.map((u) => ({ key: u, source: u })),
    ];
    if (!docs.length && !urls.length) entries.push({ key: String(job.id), source: String(job.id) });
    for (const e of entries) {
      await store.addDeadLetter({ ...e, reason });
      stats.dead++;
    }
  }

  let stopping = false;
  const clustering = options.cluster === false ? Promise.resolve() : clusterLoop();

  /** Be the clustering consumer whenever no other worker is; place waiting articles when the queue is idle. */
  async function clusterLoop(): Promise<void> {
    const pollMs = options.pollMs ?? 250;
    const maxLag = options.maxLag ?? 5000;
    while (!stopping) {
      const lease = await store.pool.connect().catch(() => undefined);
      if (!lease) {
        await sleep(pollMs * 4);
        continue;
      }
      let held = false;
      try {
        held = (await lease.query('SELECT pg_try_advisory_lock($1) AS ok', [CLUSTER_LOCK])).rows[0].ok;
        if (!held) {
          lease.release();
          await sleep(pollMs * 4);
          continue;
        }
        log('clustering consumer: this worker');
        while (!stopping) {
          const lag = await store.storyLag();
          if (lag.unplaced + lag.unbriefed === 0 || ((await queue.pending()) > 0 && lag.unplaced < maxLag)) {
            await sleep(pollMs);
            continue;
          }
          const update = await updateStoriesIn(store, options.words ?? 120);
          stats.clusterings++;
          log(`stories: ${update.stories} (${update.clustering}, ${update.briefs} briefs built)`);
        }
      } catch (e) {
        log(`clustering: ${reasonOf(e)}`);
        await sleep(pollMs * 4);
      } finally {
        if (held) await lease.query('SELECT pg_advisory_unlock($1)', [CLUSTER_LOCK]).catch(() => {});
        if (held) lease.release();
      }
    }
  }

  return {
    stats,
    async close() {
      stopping = true;
      await worker?.close();
      connection?.disconnect();
      await clustering;
    },
  };
}

/** Extract an invented page once: loads the extraction and sentence models. */
function warmUp(): void {
  const page = `<html><head><title>Harbour ferry delayed by fog</title></head><body><article><h1>Harbour ferry delayed by fog</h1>
<p>The morning ferry left the harbour two hours late on Tuesday after thick fog closed the estuary, the harbour master said.</p>
<p>Some forty passengers waited in the terminal. The operator expects the timetable to recover once the fog lifts.</p></article></body></html>`;
  for (const doc of documentsFromBytes('warm-up.html', new TextEncoder().encode(page)).docs) {
    const r = extractArticle(doc);
    if (r.article) articleSentences(r.article);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until the queue has no job and every stored article is in a briefed story (tests, `--wait`). */
export async function waitUntilSettled(
  store: { storyLag(): Promise<{ unplaced: number; unbriefed: number }> },
  queue: JobQueue,
  pollMs = 250,
): Promise<void> {
  for (;;) {
    const lag = await store.storyLag();
    if (lag.unplaced + lag.unbriefed === 0 && (await queue.pending()) === 0) {
      // Checked twice: a job may have stored its article between the two reads.
      const again = await store.storyLag();
      if (again.unplaced + again.unbriefed === 0) return;
    }
    await sleep(pollMs);
  }
}
