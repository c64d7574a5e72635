import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { positiveInt } from '../options.js';

interface WorkerCliOptions {
  db: string;
  queue: string;
  concurrency: string;
  cluster: boolean;
  extract: boolean;
  lockMs: string;
  maxLag: string;
  deadLetters?: boolean;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description(
      'process queued fetch and extract jobs into a shared PostgreSQL store; one worker at a time also clusters',
    )
    .requiredOption('--db <url>', 'the shared store: postgres://USER@HOST:PORT/DB (?schema=NAME)')
    .requiredOption('--queue <url>', 'the job queue: redis://HOST:PORT (?prefix=NAME)')
    .option('-c, --concurrency <n>', 'jobs at once in this process', '2')
    .option('--no-cluster', 'never act as the clustering consumer')
    .option('--no-extract', 'take no fetch or extract jobs (a clustering-only process)')
    .option('--lock-ms <ms>', "a killed worker's job is tried again after about this long", '30000')
    .option('--max-lag <n>', 'cluster while jobs still wait once this many articles are in no story', '5000')
    .option('--dead-letters', 'print the inputs that could not be made into articles, with why, and exit')
    .action(async (opts: WorkerCliOptions) => {
      const concurrency = positiveInt(opts.concurrency, '--concurrency');
      const lockMs = positiveInt(opts.lockMs, '--lock-ms');
      const maxLag = positiveInt(opts.maxLag, '--max-lag');
      const [{ isPostgresUrl }, { JobQueue }, { startWorker }] = await Promise.all([
        import('../../store/store.js'),
        import('../../queue/queue.js'),
        import('../../queue/worker.js'),
      ]);
      if (!isPostgresUrl(opts.db))
        throw new CliError('--db: workers share a PostgreSQL store (postgres://…); SQLite is one machine', 2);
      const { openPostgresStore } = await import('../../store/postgres.js');
      let store: Awaited<ReturnType<typeof openPostgresStore>>;
      try {
        store = await openPostgresStore(opts.db, { max: concurrency + 3 });
      } catch (e) {
        throw new CliError(`--db: ${(e as Error).message}`, 2);
      }
      if (opts.deadLetters) {
        for (const d of await store.deadLetters())
          process.stdout.write(`${d.at}\t${d.source}\t${d.reason}\n`);
        await store.close();
        return;
      }
      let queue: InstanceType<typeof JobQueue>;
      try {
        queue = JobQueue.open(opts.queue);
      } catch (e) {
        await store.close();
        throw new CliError((e as Error).message, 2);
      }
      const log = (line: string) => process.stderr.write(`newsfuse worker ${process.pid}: ${line}\n`);
      const running = await startWorker({
        store,
        queue,
        concurrency,
        cluster: opts.cluster,
        extract: opts.extract,
        lockMs,
        maxLag,
        log,
      });
      log(`started (concurrency ${concurrency}${opts.cluster ? ', may cluster' : ''})`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await running.close();
      await queue.close();
      await store.close();
      const s = running.stats;
      log(
        `stopped: ${s.extracted} stored, ${s.duplicate} duplicate, ${s.dead} dead-lettered, ${s.clusterings} clusterings`,
      );
    });
}
