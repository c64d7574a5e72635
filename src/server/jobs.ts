/**
 * The server's ingest queue: posted batches wait here and are ingested one at a time off the request path,
 * in a worker thread with its own connection to the store (ingest-worker.ts). A 2 MB post used to freeze
 * every other request for two minutes, and an ordinary one for seconds on a large store. The queue is
 * bounded: when `maxQueued` jobs are waiting, a post is refused (503) rather than held. A store in memory has
 * no file for a second connection, so its jobs run in this thread, still one at a time.
 */
import { Worker } from 'node:worker_threads';
import type { RawDocument } from '../model.js';
import type { DB } from '../store/db.js';
import { type IngestReport, ingestDocuments } from '../store/ingest.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface IngestJob {
  id: string;
  state: JobState;
  /** Records posted. */
  records: number;
  report?: IngestReport;
  error?: string;
}

export interface JobQueueOptions {
  /** Jobs waiting or running at most; more are refused (default 16). */
  maxQueued?: number;
  /** Finished jobs remembered for GET /api/jobs/:id (default 200; the oldest are forgotten). */
  keep?: number;
  words?: number;
}

interface Pending {
  job: IngestJob;
  docs: RawDocument[];
  done: Promise<IngestJob>;
  resolve: (job: IngestJob) => void;
}

export class IngestQueue {
  private readonly jobs = new Map<string, IngestJob>();
  private readonly waiting: Pending[] = [];
  private running: Pending | undefined;
  private worker: Worker | undefined;
  private next = 1;
  private readonly maxQueued: number;
  private readonly keep: number;

  constructor(
    private readonly db: DB,
    private readonly options: JobQueueOptions = {},
  ) {
    this.maxQueued = options.maxQueued ?? 16;
    this.keep = options.keep ?? 200;
  }

  /** Jobs queued or running. */
  get pending(): number {
    return this.waiting.length + (this.running ? 1 : 0);
  }

  get(id: string): IngestJob | undefined {
    return this.jobs.get(id);
  }

  /** Queue a batch; undefined when the queue is full. `done` settles when the job has finished either way. */
  submit(docs: RawDocument[]): { job: IngestJob; done: Promise<IngestJob> } | undefined {
    if (this.pending >= this.maxQueued) return undefined;
    const job: IngestJob = { id: `job-${this.next++}`, state: 'queued', records: docs.length };
    let resolve!: (job: IngestJob) => void;
    const done = new Promise<IngestJob>((r) => {
      resolve = r;
    });
    this.jobs.set(job.id, job);
    this.forgetOld();
    this.waiting.push({ job, docs, done, resolve });
    this.start();
    return { job, done };
  }

  /** Stop the worker (a job in flight is abandoned: its articles are committed or not, each on its own). */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private forgetOld(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.keep) break;
      if (job.state === 'done' || job.state === 'failed') this.jobs.delete(id);
    }
  }

  private start(): void {
    if (this.running) return;
    const p = this.waiting.shift();
    if (!p) {
      this.worker?.unref(); // idle: the worker alone keeps no process alive
      return;
    }
    this.running = p;
    p.job.state = 'running';
    const file = this.db.memory ? undefined : this.db.name;
    if (!file) {
      // In this thread, after the current request has been answered.
      setImmediate(() => {
        try {
          this.finish({ report: ingestDocuments(this.db, p.docs, { words: this.options.words }) });
        } catch (err) {
          this.finish({ error: (err as Error).message });
        }
      });
      return;
    }
    const worker = this.ensureWorker(file);
    worker.ref();
    worker.postMessage({ id: p.job.id, docs: p.docs, words: this.options.words });
  }

  private ensureWorker(file: string): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker({ path: file });
    worker.on('message', (m: { id: string; report?: IngestReport; error?: string }) => {
      if (this.running?.job.id === m.id) this.finish(m);
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.running) this.finish({ error: why });
    };
    worker.on('error', (err) => fail(`ingest worker failed: ${err.message}`));
    worker.on('exit', (code) => fail(`ingest worker exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  private finish(r: { report?: IngestReport; error?: string }): void {
    const p = this.running;
    if (!p) return;
    this.running = undefined;
    if (r.report) {
      p.job.state = 'done';
      p.job.report = r.report;
    } else {
      p.job.state = 'failed';
      p.job.error = r.error ?? 'unknown error';
    }
    p.resolve(p.job);
    this.start();
  }
}

/**
 * Built code runs ingest-worker.js. From the sources (tests, `npm run newsfuse`) the worker is started with
 * tsx's loader registered first: a worker thread does not take the loader its parent was started with.
 */
function startWorker(workerData: { path: string }): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./ingest-worker.js', import.meta.url), { workerData });
  const source = JSON.stringify(new URL('./ingest-worker.ts', import.meta.url).href);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); })`;
  return new Worker(boot, { eval: true, workerData, execArgv: [] });
}
