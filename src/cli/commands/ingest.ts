import type { Command } from 'commander';
import type { Diagnostic } from '../../model.js';
import type { openStore } from '../../store/db.js';
import type { IngestProgress, StoryChange } from '../../store/ingest.js';
import { CliError } from '../errors.js';
import { ProgressReporter, reportDiagnostics, wantProgress } from '../output.js';

/** Stories listed by name after an ingest; the rest are counted. */
const CHANGED_SHOWN = 10;

const UNITS: Record<IngestProgress['phase'], string> = {
  extracting: 'articles',
  clustering: 'articles',
  briefing: 'stories',
};

/** A reading diagnostic that means an input (a file, a line, an item) was lost, not merely repaired. */
export function isLostInput(d: Diagnostic): boolean {
  return /skipped|^cannot read|^not a readable|^empty file/.test(d.message);
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('add pages, feeds (files or URLs) and WARC files to the store; stories are updated')
    .argument(
      '<sources...>',
      'files, directories, feed files, .warc(.gz) files, http(s) URLs of pages or feeds',
    )
    .option('--db <path>', 'SQLite store, or a shared PostgreSQL store (postgres://…)', 'newsfuse.db')
    .option('--queue <url>', 'queue the inputs for `newsfuse worker` (redis://…) instead of processing them')
    .option('--max-waiting <n>', 'with --queue: wait while more than this many jobs wait', '10000')
    .option('--wait', 'with --queue: return once the workers stored and clustered everything queued')
    .option('--allow-private', 'allow fetching from private and loopback addresses')
    .option('--no-fetch', "do not fetch the linked pages of a feed file's link-only items")
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option('--no-progress', 'never show progress')
    .option('--keep-all', 'keep inputs that are not articles (error pages, walls, widgets, ...)')
    .action(
      async (
        sources: string[],
        opts: {
          db: string;
          allowPrivate?: boolean;
          keepAll?: boolean;
          fetch: boolean;
          progress?: boolean;
          queue?: string;
          maxWaiting: string;
          wait?: boolean;
        },
      ) => {
        if (opts.queue || /^postgres(ql)?:\/\//i.test(opts.db)) {
          const { ingestShared } = await import('../../queue/ingest-cli.js');
          return ingestShared(sources, opts);
        }
        const [{ readSources }, { openStore }, { ingestDocuments }, { counts }] = await Promise.all([
          import('../../feeds/index.js'),
          import('../../store/db.js'),
          import('../../store/ingest.js'),
          import('../../store/repository.js'),
        ]);
        const progress = wantProgress(opts.progress)
          ? new ProgressReporter((s) => process.stderr.write(s), !!process.stderr.isTTY)
          : undefined;
        const input = await readSources(sources, {
          allowPrivate: opts.allowPrivate,
          fetchLinks: opts.fetch,
          noFetchReason: '--no-fetch',
          onRead: (done, total) => progress?.update({ phase: 'reading', done, total, unit: 'sources' }),
        });
        const missing = input.diagnostics.find((d) => d.level === 'error');
        if (missing) throw new CliError(`${missing.origin.path}: ${missing.message}`, 2);
        progress?.end();
        reportDiagnostics(input.diagnostics.filter((d) => !isLostInput(d)));
        let db: ReturnType<typeof openStore>;
        try {
          db = openStore(opts.db);
        } catch (e) {
          throw new CliError(`${opts.db}: ${(e as Error).message}`, 2);
        }
        const report = ingestDocuments(db, input.docs, {
          keepAll: opts.keepAll,
          progress: (p) => progress?.update({ ...p, unit: UNITS[p.phase] }),
        });
        progress?.end();
        reportDiagnostics(
          report.diagnostics.filter((d) => d.level === 'warning' && !/not an article/.test(d.message)),
        );
        const failed = [
          ...input.diagnostics.filter(isLostInput).map((d) => ({
            source: d.origin.line ? `${d.origin.path}:${d.origin.line}` : d.origin.path,
            reason: d.message.replace(/;? ?skipped$/, ''),
          })),
          ...input.failed,
          ...report.failed,
        ];
        for (const f of failed) process.stderr.write(`failed: ${f.source}: ${f.reason}\n`);
        const total = counts(db);
        db.close();
        process.stdout.write(
          `${report.added} new, ${report.duplicate} duplicate, ${failed.length} failed; store: ${total.articles} articles in ${total.stories} stories\n`,
        );
        for (const line of changedLines(report.changed)) process.stdout.write(`${line}\n`);
        // Nothing added although inputs were given and failed: the run did not do what was asked.
        if (report.added === 0 && report.duplicate === 0 && failed.length > 0) process.exitCode = 1;
      },
    );
}

/** "new story s-… (3 articles): headline" / "story s-… +2 (now 14): headline", at most CHANGED_SHOWN. */
export function changedLines(changed: StoryChange[]): string[] {
  const lines = changed
    .slice(0, CHANGED_SHOWN)
    .map((c) =>
      c.created
        ? `new story ${c.id} (${c.articles} article${c.articles === 1 ? '' : 's'}): ${c.headline}`
        : `changed story ${c.id} (+${c.added}, now ${c.articles}): ${c.headline}`,
    );
  if (changed.length > CHANGED_SHOWN)
    lines.push(`… and ${changed.length - CHANGED_SHOWN} more stories changed`);
  return lines;
}
