import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { createApp } from '../../server/app.js';
import { openStore } from '../../store/db.js';
import { CliError } from '../errors.js';
import { positiveInt } from './brief.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the stories of a store: web UI and JSON API')
    .option('--db <path>', 'SQLite store', 'newsfuse.db')
    .option('-p, --port <n>', 'port', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action((opts: { db: string; port: string; host: string }) => {
      const port = positiveInt(opts.port, '--port');
      let db: ReturnType<typeof openStore>;
      try {
        db = openStore(opts.db);
      } catch (e) {
        throw new CliError(`${opts.db}: ${(e as Error).message}`, 2);
      }
      const server = serve({ fetch: createApp(db).fetch, port, hostname: opts.host }, (info) => {
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
