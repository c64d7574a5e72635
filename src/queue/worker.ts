/**
 * `newsfuse worker`: takes fetch and extract jobs from the queue (any number of these processes, on any
 * number of machines, against one PostgreSQL store), and, in one of them at a time, runs the clustering
 * consumer.
 *
 * - Extract jobs: extract, split sentences (the features the clusterer and briefs read) and store the
 *   article, in one transaction. The same input gives the same article id and is stored once.
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
import { readSources } from '../feeds/index.js';
import { reasonOf } from '../isolate.js';
import type { PostgresStore } from '../store/postgres.js';
import { sourceOf, storeOne, updateStoriesIn } from '../store/shared-ingest.js';
import { type ExtractJob, type FetchJob, INGEST_QUEUE, type JobQueue, redisConnection } from './queue.js';

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

  const handle = async (job: Job): Promise<string> => {
    if (job.name === 'extract') {
      const { doc, keepAll } = job.data as ExtractJob;
      const r = await storeOne(store, doc, { keepAll });
      if (r.status === 'failed') {
        await store.addDeadLetter({ key: doc.hash, source: sourceOf(doc), reason: r.reason });
        stats.dead++;
      } else if (r.status === 'added') stats.extracted++;
      else stats.duplicate++;
      return r.status;
    }
    if (job.name === 'fetch') {
      const { url, allowPrivate, fetchLinks, keepAll } = job.data as FetchJob;
      const got = await readSources([url], { allowPrivate, fetchLinks });
      const gone = got.diagnostics.find((d) => d.level === 'error');
      if (!got.docs.length) {
        const reason = gone?.message ?? got.failed[0]?.reason ?? 'fetched nothing';
        await store.addDeadLetter({ key: url, source: url, reason });
        stats.dead++;
        // An unreachable address may answer later: the fetch is tried again; what it said is kept.
        throw new Error(reason);
      }
      for (const f of got.failed)
        await store.addDeadLetter({ key: f.source, source: f.source, reason: f.reason });
      await queue.enqueueDocs(got.docs, { keepAll });
      stats.fetched++;
      return `${got.docs.length} documents`;
    }
    throw new UnrecoverableError(`unknown job "${job.name}"`);
  };

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
      const data = job.data as Partial<ExtractJob & FetchJob>;
      const key = data.doc?.hash ?? data.url ?? String(job.id);
      const source = data.doc ? sourceOf(data.doc) : (data.url ?? String(job.id));
      store
        .addDeadLetter({ key, source, reason: reasonOf(err) })
        .then(() => stats.dead++)
        .catch((e) => log(`cannot record dead letter ${key}: ${reasonOf(e)}`));
    });
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
