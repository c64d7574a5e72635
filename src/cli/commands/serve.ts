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
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the stories of a store: web UI and JSON API')
    .option('--db <path>', 'SQLite store', 'newsfuse.db')
    .option('-p, --port <n>', 'port', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--token <token>', 'require "Authorization: Bearer TOKEN" for writes (default: $NEWSFUSE_TOKEN)')
    .option(
      '--allowed-host <name>',
      'another name the Host header may carry, e.g. behind a proxy (NAME or NAME:PORT; repeatable)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .action(async (opts: ServeOptions) => {
      const port = positiveInt(opts.port, '--port');
      const token = opts.token || process.env.NEWSFUSE_TOKEN || undefined;
      const [{ serve }, { createApp }, { openStore }, { isLoopbackHost }] = await Promise.all([
        import('@hono/node-server'),
        import('../../server/app.js'),
        import('../../store/db.js'),
        import('../../server/guard.js'),
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
      const app = createApp(db, { host: opts.host, port, allowedHosts: opts.allowedHost, token });
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        process.stderr.write(`newsfuse: serving ${opts.db} on http://${opts.host}:${info.port}/\n`);
      });
      const stop = () => {
        server.close();
        db.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
