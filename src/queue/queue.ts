/**
 * The job queue (`--queue redis://…`): BullMQ on Redis. One queue carries the per-input work that any number
 * of workers share (fetch a URL, then extract and featurize each document it gave); clustering is not a job
 * but the single clustering consumer (worker.ts). BullMQ was measured beside pg-boss (BENCHMARKS.md,
 * "Scale-out"): it hands jobs out as they come (pg-boss polls), and a killed worker's job returns once its
 * lock lapses.
 *
 * Jobs are idempotent: an extract job's id is its input's hash (the same input queued twice while waiting is
 * one job) and the store refuses a second copy of an input it holds, so a retried job adds nothing twice.
 * A `prefix=NAME` query parameter keeps one deployment's (or one test's) keys apart from another's.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { RawDocument } from '../model.js';

export const INGEST_QUEUE = 'newsfuse-ingest';

export interface FetchJob {
  url: string;
  allowPrivate?: boolean;
  fetchLinks?: boolean;
  keepAll?: boolean;
}

export interface ExtractJob {
  doc: RawDocument;
  keepAll?: boolean;
}

/** Tries of a job that throws (a store or network fault), with doubling waits from 1 s. */
export const JOB_ATTEMPTS = 5;

/** The Redis URL without its `prefix` parameter, and the key prefix (default `newsfuse`). */
export function parseQueueUrl(url: string): { redisUrl: string; prefix: string } {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new Error(`--queue ${url}: expected a redis:// URL`);
  const prefix = u.searchParams.get('prefix') ?? 'newsfuse';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(prefix))
    throw new Error(`queue prefix "${prefix}": letters, digits, _ and -`);
  u.searchParams.delete('prefix');
  return { redisUrl: u.toString(), prefix };
}

/** A connection as BullMQ wants it (a blocking worker must not give up on a request). */
export function redisConnection(redisUrl: string): Redis {
  const r = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  r.on('error', () => {});
  return r;
}

export class JobQueue {
  readonly queue: Queue;
  constructor(
    readonly connection: Redis,
    readonly redisUrl: string,
    readonly prefix: string,
  ) {
    this.queue = new Queue(INGEST_QUEUE, { connection, prefix });
    this.queue.on('error', () => {});
  }

  static open(url: string): JobQueue {
    const { redisUrl, prefix } = parseQueueUrl(url);
    return new JobQueue(redisConnection(redisUrl), redisUrl, prefix);
  }

  /** Queue one extract job per document (its id is the input's hash). */
  async enqueueDocs(docs: RawDocument[], options: { keepAll?: boolean } = {}): Promise<void> {
    for (let i = 0; i < docs.length; i += BULK)
      await this.queue.addBulk(
        docs.slice(i, i + BULK).map((doc) => ({
          name: 'extract',
          data: { doc, keepAll: options.keepAll } satisfies ExtractJob,
          opts: { ...JOB_OPTIONS, jobId: `x-${doc.hash}` },
        })),
      );
  }

  /** Queue one fetch job per URL (its documents become extract jobs). */
  async enqueueUrls(urls: string[], options: Omit<FetchJob, 'url'> = {}): Promise<void> {
    if (!urls.length) return;
    await this.queue.addBulk(
      urls.map((url) => ({ name: 'fetch', data: { ...options, url } satisfies FetchJob, opts: JOB_OPTIONS })),
    );
  }

  /** Jobs not finished: waiting, running, or waiting to be tried again. */
  async pending(): Promise<number> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  }

  /**
   * Back-pressure for producers: when more than `high` jobs wait, wait until at most `high / 2` do (polled
   * every `pollMs`). Returns how long it waited, ms.
   */
  async waitForRoom(high: number, pollMs = 500): Promise<number> {
    const start = Date.now();
    if ((await this.pending()) <= high) return 0;
    while ((await this.pending()) > high / 2) await new Promise((r) => setTimeout(r, pollMs));
    return Date.now() - start;
  }

  /** Remove every key of this queue (tests). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.connection.disconnect();
  }
}

/** Jobs added with one Redis round trip. */
const BULK = 500;

const JOB_OPTIONS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  // Failed jobs stay for inspection (the store's dead-letter list keeps them for good).
  removeOnFail: 10_000,
} as const;
