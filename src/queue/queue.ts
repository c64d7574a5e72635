/**
 * The job queue (`--queue redis://…`): BullMQ on Redis. One queue carries the per-input work that any number
 * of workers share (fetch a URL, then extract and featurize each document it gave); clustering is not a job
 * but the single clustering consumer (worker.ts). BullMQ was measured beside pg-boss (BENCHMARKS.md,
 * "Scale-out"): it hands jobs out as they come (pg-boss polls), and a killed worker's job returns once its
 * lock lapses.
 *
 * A job carries a chunk of inputs (up to `chunk`, default JOB_CHUNK): the worker looks up, extracts and
 * stores them together, in one transaction, and acknowledges the job only after it committed. Per input,
 * that is a fraction of a job's queue round trips and of a store transaction (BENCHMARKS.md measures what
 * this saves).
 *
 * Jobs are idempotent: an extract job's id is derived from its inputs' hashes (the same inputs queued twice
 * while waiting are one job) and the store refuses a second copy of an input it holds, so a retried job adds
 * nothing twice.
 * A `prefix=NAME` query parameter keeps one deployment's (or one test's) keys apart from another's.
 */
import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { RawDocument } from '../model.js';

export const INGEST_QUEUE = 'newsfuse-ingest';

/** Fetch jobs name one address (`url`, as queued before chunks) or several (`urls`). */
export interface FetchJob {
  url?: string;
  urls?: string[];
  allowPrivate?: boolean;
  fetchLinks?: boolean;
  keepAll?: boolean;
}

/** Extract jobs carry one document (`doc`, as queued before chunks) or several (`docs`). */
export interface ExtractJob {
  doc?: RawDocument;
  docs?: RawDocument[];
  keepAll?: boolean;
}

/** Inputs per job unless asked otherwise (BENCHMARKS.md, "Scale-out", chose it). */
export const JOB_CHUNK = 8;

/** A job's documents are cut short of this many characters of content (a chunk of very large pages). */
const CHUNK_CHARS = 4_000_000;

/** The documents of an extract job, old or new shape. */
export const jobDocs = (job: ExtractJob): RawDocument[] => job.docs ?? (job.doc ? [job.doc] : []);

/** The addresses of a fetch job, old or new shape. */
export const jobUrls = (job: FetchJob): string[] => job.urls ?? (job.url ? [job.url] : []);

/** Cut documents into job chunks: at most `size` each, and at most CHUNK_CHARS of content unless alone. */
export function chunkDocs(docs: RawDocument[], size: number): RawDocument[][] {
  const out: RawDocument[][] = [];
  let cur: RawDocument[] = [];
  let chars = 0;
  for (const d of docs) {
    if (cur.length && (cur.length >= size || chars + d.content.length > CHUNK_CHARS)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(d);
    chars += d.content.length;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** An extract job's id: the input's hash alone, or a hash of the chunk's input hashes. */
export function extractJobId(docs: RawDocument[]): string {
  if (docs.length === 1) return `x-${docs[0].hash}`;
  return `x-${createHash('sha256')
    .update(docs.map((d) => d.hash).join('\n'))
    .digest('hex')}`;
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

  /** Queue extract jobs of up to `chunk` documents each (ids from the inputs' hashes); how many jobs. */
  async enqueueDocs(
    docs: RawDocument[],
    options: { keepAll?: boolean; chunk?: number } = {},
  ): Promise<number> {
    const chunks = chunkDocs(docs, options.chunk ?? JOB_CHUNK);
    for (let i = 0; i < chunks.length; i += BULK)
      await this.queue.addBulk(
        chunks.slice(i, i + BULK).map((c) => ({
          name: 'extract',
          data: (c.length === 1
            ? { doc: c[0], keepAll: options.keepAll }
            : { docs: c, keepAll: options.keepAll }) satisfies ExtractJob,
          opts: { ...JOB_OPTIONS, jobId: extractJobId(c) },
        })),
      );
    return chunks.length;
  }

  /** Queue fetch jobs of up to `chunk` URLs each (a worker fetches them, then extracts and stores); how many. */
  async enqueueUrls(
    urls: string[],
    options: Omit<FetchJob, 'url' | 'urls'> & { chunk?: number } = {},
  ): Promise<number> {
    const { chunk = JOB_CHUNK, ...rest } = options;
    const jobs = [];
    for (let i = 0; i < urls.length; i += chunk) {
      const part = urls.slice(i, i + chunk);
      const data: FetchJob = part.length === 1 ? { ...rest, url: part[0] } : { ...rest, urls: part };
      jobs.push({ name: 'fetch', data, opts: JOB_OPTIONS });
    }
    for (let i = 0; i < jobs.length; i += BULK) await this.queue.addBulk(jobs.slice(i, i + BULK));
    return jobs.length;
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
