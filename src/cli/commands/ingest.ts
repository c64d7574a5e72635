import type { Command } from 'commander';
import type { openStore } from '../../store/db.js';
import { CliError } from '../errors.js';
import { reportDiagnostics } from '../output.js';

export function register(program: Command): void {
  program
    .command('ingest')
    .description('add pages, feeds (files or URLs) and WARC files to the store; stories are updated')
    .argument(
      '<sources...>',
      'files, directories, feed files, .warc(.gz) files, http(s) URLs of pages or feeds',
    )
    .option('--db <path>', 'SQLite store', 'newsfuse.db')
    .option('--allow-private', 'allow fetching from private and loopback addresses')
    .option('--keep-all', 'keep inputs that are not articles (error pages, walls, widgets, ...)')
    .action(async (sources: string[], opts: { db: string; allowPrivate?: boolean; keepAll?: boolean }) => {
      const [{ readSources }, { openStore }, { ingestDocuments }, { counts }] = await Promise.all([
        import('../../feeds/index.js'),
        import('../../store/db.js'),
        import('../../store/ingest.js'),
        import('../../store/repository.js'),
      ]);
      const input = await readSources(sources, { allowPrivate: opts.allowPrivate });
      const missing = input.diagnostics.find((d) => d.level === 'error');
      if (missing) throw new CliError(`${missing.origin.path}: ${missing.message}`, 2);
      reportDiagnostics(input.diagnostics);
      let db: ReturnType<typeof openStore>;
      try {
        db = openStore(opts.db);
      } catch (e) {
        throw new CliError(`${opts.db}: ${(e as Error).message}`, 2);
      }
      const tty = process.stderr.isTTY;
      const report = ingestDocuments(db, input.docs, {
        keepAll: opts.keepAll,
        onProgress: tty
          ? (done, total) => {
              const width = 30;
              const filled = Math.round((done / Math.max(total, 1)) * width);
              process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
            }
          : undefined,
      });
      if (tty) process.stderr.write('\n');
      reportDiagnostics(
        report.diagnostics.filter((d) => d.level === 'warning' && !/not an article/.test(d.message)),
      );
      for (const f of report.failed) process.stderr.write(`failed: ${f.source}: ${f.reason}\n`);
      const total = counts(db);
      db.close();
      process.stdout.write(
        `${report.added} new, ${report.duplicate} duplicate, ${report.failed.length} failed; store: ${total.articles} articles in ${total.stories} stories\n`,
      );
    });
}
