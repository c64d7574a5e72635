import type { Command } from 'commander';
import type { openStore } from '../../store/db.js';
import { CliError } from '../errors.js';
import { positiveInt } from '../options.js';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the stories of a store: web UI and JSON API')
    .option('--db <path>', 'SQLite store', 'newsfuse.db')
    .option('-p, --port <n>', 'port', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (opts: { db: string; port: string; host: string }) => {
      const port = positiveInt(opts.port, '--port');
      const [{ serve }, { createApp }, { openStore }] = await Promise.all([
        import('@hono/node-server'),
        import('../../server/app.js'),
        import('../../store/db.js'),
      ]);
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
