import type { Server as HttpServer } from 'node:http';
import type { Command } from 'commander';
import type { openStore } from '../../store/db.js';
import { CliError } from '../errors.js';
import { positiveInt } from '../options.js';

interface ServeOptions {
  db: string;
  port: string;
  host: string;
  token?: string;
  allowedHost?: string[];
  maxConcurrent: string;
  maxConnections: string;
  requestTimeout: string;
  maxQueued: string;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the stories of a store: web UI and JSON API')
    .option(
      '--db <path>',
      'SQLite store, or a shared PostgreSQL store (postgres://…; read-only: JSON API, story and article pages)',
      'newsfuse.db',
    )
    .option('-p, --port <n>', 'port', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--token <token>', 'require "Authorization: Bearer TOKEN" for writes (default: $NEWSFUSE_TOKEN)')
    .option(
      '--allowed-host <name>',
      'another name the Host header may carry, e.g. behind a proxy (NAME or NAME:PORT; repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--max-concurrent <n>', 'requests handled at once; more are answered 503 with Retry-After', '32')
    .option('--max-connections <n>', 'open connections at once; more are closed on arrival', '256')
    .option('--request-timeout <s>', 'seconds a client has to send a whole request', '30')
    .option('--max-queued <n>', 'ingest jobs waiting at once; more posts are answered 503', '16')
    .action(async (opts: ServeOptions) => {
      const port = positiveInt(opts.port, '--port');
      const maxConcurrent = positiveInt(opts.maxConcurrent, '--max-concurrent');
      const maxConnections = positiveInt(opts.maxConnections, '--max-connections');
      const requestTimeout = positiveInt(opts.requestTimeout, '--request-timeout');
      const maxQueued = positiveInt(opts.maxQueued, '--max-queued');
      const token = opts.token || process.env.NEWSFUSE_TOKEN || undefined;
      if (/^postgres(ql)?:\/\//i.test(opts.db))
        return serveShared(opts, port, requestTimeout, maxConnections);
      const [{ serve }, { createApp }, { openStore }, { isLoopbackHost }, { IngestQueue }] =
        await Promise.all([
          import('@hono/node-server'),
          import('../../server/app.js'),
          import('../../store/db.js'),
          import('../../server/guard.js'),
          import('../../server/jobs.js'),
        ]);
      if (!isLoopbackHost(opts.host) && !token)
        throw new CliError(
          `--host ${opts.host} is reachable from other machines; set --token or NEWSFUSE_TOKEN so that only its holders can write`,
          2,
        );
      let db: ReturnType<typeof openStore>;
      try {
        db = openStore(opts.db);
      } catch (e) {
        throw new CliError(`${opts.db}: ${(e as Error).message}`, 2);
      }
      const jobs = new IngestQueue(db, { maxQueued });
      const app = createApp(db, {
        host: opts.host,
        port,
        allowedHosts: opts.allowedHost,
        token,
        maxConcurrent,
        jobs,
      });
      const options = {
        fetch: app.fetch,
        port,
        hostname: opts.host,
        serverOptions: serverOptions({ requestTimeout }),
      };
      const server = serve(options, (info) => {
        process.stderr.write(`newsfuse: serving ${opts.db} on http://${opts.host}:${info.port}/\n`);
      });
      // Sockets beyond the cap are closed by Node as they arrive.
      (server as unknown as HttpServer).maxConnections = maxConnections;
      // A port taken or refused is one line, not a stack trace.
      (server as unknown as HttpServer).on('error', (err: NodeJS.ErrnoException) => {
        const why =
          err.code === 'EADDRINUSE'
            ? 'the port is in use'
            : err.code === 'EACCES'
              ? 'permission denied'
              : err.message;
        process.stderr.write(`newsfuse: cannot listen on ${opts.host}:${port}: ${why}\n`);
        jobs.close();
        db.close();
        process.exit(2);
      });
      const stop = () => {
        jobs.close();
        server.close();
        db.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}

/**
 * Connection and time limits at the server's edge (they never reach the pipeline): a whole request within
 * `requestTimeout` seconds and its headers within 10 (checked every second), idle keep-alive sockets closed
 * after 5 s. Node's own defaults are 300 s and 60 s, checked every 30 s: room for slow-loris clients.
 */
export function serverOptions(limits: { requestTimeout: number }) {
  const requestTimeout = limits.requestTimeout * 1000;
  return {
    requestTimeout,
    headersTimeout: Math.min(10_000, requestTimeout),
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: 1_000,
  };
}

/** `serve --db postgres://…`: the read-only JSON API and story pages over the shared store (store/postgres-api.ts). */
async function serveShared(
  opts: ServeOptions,
  port: number,
  requestTimeout: number,
  maxConnections: number,
): Promise<void> {
  const [{ serve }, { openPostgresStore }, { createSharedApp }] = await Promise.all([
    import('@hono/node-server'),
    import('../../store/postgres.js'),
    import('../../store/postgres-api.js'),
  ]);
  let store: Awaited<ReturnType<typeof openPostgresStore>>;
  try {
    store = await openPostgresStore(opts.db, { max: 8 });
  } catch (e) {
    throw new CliError(`--db: ${(e as Error).message}`, 2);
  }
  const app = createSharedApp(store, { host: opts.host, port, allowedHosts: opts.allowedHost });
  const server = serve(
    { fetch: app.fetch, port, hostname: opts.host, serverOptions: serverOptions({ requestTimeout }) },
    (info) =>
      process.stderr.write(`newsfuse: serving the shared store on http://${opts.host}:${info.port}/api/\n`),
  );
  (server as unknown as HttpServer).maxConnections = maxConnections;
  (server as unknown as HttpServer).on('error', (err: NodeJS.ErrnoException) => {
    process.stderr.write(`newsfuse: cannot listen on ${opts.host}:${port}: ${err.code ?? err.message}\n`);
    void store.close();
    process.exit(2);
  });
  const stop = () => {
    server.close();
    void store.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
