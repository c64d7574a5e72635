/**
 * The services tier runs against a real PostgreSQL and Redis (no mocks): NEWSFUSE_TEST_PG (default
 * postgres://postgres@127.0.0.1:5432/test) and NEWSFUSE_TEST_REDIS (default redis://127.0.0.1:6379). When one
 * is not reachable, its tests are skipped with one line saying which. Every test works in a schema (and a
 * queue prefix) of its own, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';

export const PG_URL = process.env.NEWSFUSE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.NEWSFUSE_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** A fresh name for a schema or a queue prefix: lower-case, unique to this run. */
export const uniqueName = (prefix: string): string =>
  `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

/** The store URL of a schema of its own. */
export const pgSchemaUrl = (schema: string): string =>
  `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;

async function answers(url: string, probe: () => Promise<void>): Promise<string | false> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol.startsWith('redis') ? 6379 : 5432));
  const open = await new Promise<boolean>((resolve) => {
    const s = createConnection({ host: u.hostname, port, timeout: 2000 });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
    s.once('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
  if (!open) return `nothing listens at ${u.hostname}:${port}`;
  try {
    await probe();
    return false;
  } catch (e) {
    return (e as Error).message;
  }
}

/** False when PostgreSQL answers a query; else why not (the skip reason). */
export async function noPostgres(): Promise<string | false> {
  const why = await answers(PG_URL, async () => {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    await c.connect();
    await c.query('SELECT 1');
    await c.end();
  });
  return why && `PostgreSQL not reachable (${PG_URL}: ${why}); set NEWSFUSE_TEST_PG`;
}

/** False when Redis answers PING; else why not. */
export async function noRedis(): Promise<string | false> {
  const why = await answers(REDIS_URL, async () => {
    const { Redis } = await import('ioredis');
    const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000 });
    try {
      await r.connect();
      await r.ping();
    } finally {
      r.disconnect();
    }
  });
  return why && `Redis not reachable (${REDIS_URL}: ${why}); set NEWSFUSE_TEST_REDIS`;
}
