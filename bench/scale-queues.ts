/**
 * The queue libraries side by side (BENCHMARKS.md, "Scale-out"): BullMQ on Redis and pg-boss on PostgreSQL.
 * (1) enqueue N trivial jobs (bulk, 500 a call), then process them in this process; (2) a child worker takes
 * a job and is SIGKILLed: how long until another worker completes it (locks/expiry set to 2 s).
 *
 *   npm i --no-save pg-boss@10.4.2     # pg-boss is not a dependency (12.x needs Node 22)
 *   npx tsx bench/scale-queues.ts bullmq|pg-boss [N]
 *
 * Uses the services tier's PostgreSQL and Redis, in a schema / key prefix of its own, removed at the end.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import { redisConnection } from '../src/queue/queue.js';
import { PG_URL, REDIS_URL, uniqueName } from '../test/services/services.js';

const [lib, arg, role, name] = process.argv.slice(2);
const N = Number(arg ?? 2000);
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const never = () => new Promise<void>(() => {});
// biome-ignore lint/suspicious/noExplicitAny: pg-boss is an optional, untyped install here
const PgBoss = async (): Promise<any> => (await import('pg-boss' as string)).default;
const bossOptions = (schema: string) => ({
  connectionString: PG_URL,
  schema,
  superviseIntervalSeconds: 1,
  maintenanceIntervalSeconds: 1,
  monitorStateIntervalSeconds: 1,
});

if (role === 'child') {
  // The worker that takes the job and is killed.
  if (lib === 'bullmq') {
    new Worker(
      'k',
      async () => {
        process.send!('took');
        await never();
      },
      { connection: redisConnection(REDIS_URL), prefix: name, lockDuration: 2000, stalledInterval: 1000 },
    );
  } else {
    const boss = new (await PgBoss())(bossOptions(name));
    await boss.start();
    await boss.work('k', { pollingIntervalSeconds: 0.5 }, async () => {
      process.send!('took');
      await never();
    });
  }
} else if (lib === 'bullmq') {
  const prefix = uniqueName('qb');
  const q = new Queue('t', { connection: redisConnection(REDIS_URL), prefix });
  let t = process.hrtime.bigint();
  for (let i = 0; i < N; i += 500)
    await q.addBulk(
      Array.from({ length: Math.min(500, N - i) }, (_, j) => ({
        name: 'x',
        data: { i: i + j },
        opts: { removeOnComplete: true },
      })),
    );
  const enqueue = ms(t);
  let done = 0;
  t = process.hrtime.bigint();
  let w: Worker | undefined;
  await new Promise<void>((resolve) => {
    w = new Worker(
      't',
      async () => {
        if (++done === N) setImmediate(resolve);
      },
      { connection: redisConnection(REDIS_URL), prefix, concurrency: 8 },
    );
  });
  const processed = ms(t);
  await w!.close();
  // The killed worker.
  const k = new Queue('k', { connection: redisConnection(REDIS_URL), prefix });
  await k.add('x', {}, { attempts: 3 });
  const child = fork(fileURLToPath(import.meta.url), [lib, '0', 'child', prefix], {
    execArgv: ['--import', 'tsx'],
  });
  await new Promise((r) => child.once('message', r));
  child.kill('SIGKILL');
  const t0 = Date.now();
  await new Promise<void>((resolve) => {
    new Worker('k', async () => resolve(), {
      connection: redisConnection(REDIS_URL),
      prefix,
      lockDuration: 2000,
      stalledInterval: 1000,
    });
  });
  report(enqueue, processed, Date.now() - t0);
  await q.obliterate({ force: true });
  await k.obliterate({ force: true });
  process.exit(0);
} else {
  const schema = uniqueName('qb');
  const boss = new (await PgBoss())(bossOptions(schema));
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('t');
  let t = process.hrtime.bigint();
  for (let i = 0; i < N; i += 500)
    await boss.insert(
      Array.from({ length: Math.min(500, N - i) }, (_, j) => ({ name: 't', data: { i: i + j } })),
    );
  const enqueue = ms(t);
  let done = 0;
  t = process.hrtime.bigint();
  await new Promise<void>((resolve) => {
    boss.work('t', { batchSize: 50, pollingIntervalSeconds: 0.5 }, async (jobs: unknown[]) => {
      done += jobs.length;
      if (done >= N) setImmediate(resolve);
    });
  });
  const processed = ms(t);
  await boss.createQueue('k', { retryLimit: 3, expireInSeconds: 2 });
  await boss.send('k', {}, { retryLimit: 3, expireInSeconds: 2 });
  const child = fork(fileURLToPath(import.meta.url), [lib, '0', 'child', schema], {
    execArgv: ['--import', 'tsx'],
  });
  await new Promise((r) => child.once('message', r));
  child.kill('SIGKILL');
  const t0 = Date.now();
  await new Promise<void>((resolve) =>
    boss.work('k', { pollingIntervalSeconds: 0.5 }, async () => resolve()),
  );
  report(enqueue, processed, Date.now() - t0);
  await boss.stop({ graceful: false });
  const c = new pg.Client(PG_URL);
  await c.connect();
  await c.query(`DROP SCHEMA ${schema} CASCADE`);
  await c.end();
  process.exit(0);
}

function report(enqueueMs: number, processMs: number, retriedAfterMs: number): void {
  console.log(
    JSON.stringify({
      lib,
      jobs: N,
      enqueuePerS: Math.round((N / enqueueMs) * 1000),
      processPerS: Math.round((N / processMs) * 1000),
      killedWorkerJobDoneAfterMs: retriedAfterMs,
    }),
  );
}
