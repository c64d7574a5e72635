import type { Command } from 'commander';
import type { openStore } from '../../store/db.js';
import { CliError } from '../errors.js';
import { requireStore } from '../options.js';
import { reportDiagnostics } from '../output.js';

export function register(program: Command): void {
  program
    .command('repair')
    .description('bring the stories of a store up to date with its articles, and say what was fixed')
    .option('--db <path>', 'SQLite store', 'newsfuse.db')
    .action(async (opts: { db: string }) => {
      const [{ openStore }, { repairStories }, { counts }] = await Promise.all([
        import('../../store/db.js'),
        import('../../store/repair.js'),
        import('../../store/repository.js'),
      ]);
      requireStore(opts.db);
      let db: ReturnType<typeof openStore>;
      try {
        db = openStore(opts.db);
      } catch (e) {
        throw new CliError(`${opts.db}: ${(e as Error).message}`, 2);
      }
      const { before, after, update } = repairStories(db);
      const total = counts(db);
      db.close();
      reportDiagnostics(update.diagnostics.filter((d) => d.level === 'warning'));
      const fixed = [
        before.unplaced &&
          `${before.unplaced - after.unplaced} of ${before.unplaced} articles in no story placed`,
        before.unbriefed &&
          `${before.unbriefed - after.unbriefed} of ${before.unbriefed} stories without a brief briefed`,
        update.briefs && `${update.briefs} briefs rebuilt`,
      ].filter(Boolean);
      process.stdout.write(
        `${fixed.length ? fixed.join('; ') : 'nothing to repair'}; store: ${total.articles} articles in ${total.stories} stories\n`,
      );
      if (after.unplaced || after.unbriefed)
        throw new CliError(
          `still ${after.unplaced} articles in no story and ${after.unbriefed} stories without a brief (another writer is busy? run it again)`,
          1,
        );
    });
}
