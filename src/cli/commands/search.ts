import type { Command } from 'commander';
import type { openStore } from '../../store/db.js';
import { CliError } from '../errors.js';
import { requireStore } from '../options.js';

export function register(program: Command): void {
  program
    .command('search')
    .description('search the stories and articles of a store')
    .argument('<query...>', 'words to look for')
    .option('--db <path>', 'SQLite store', 'newsfuse.db')
    .option('-f, --format <format>', 'text or json', 'text')
    .action(async (words: string[], opts: { db: string; format: string }) => {
      const q = words.join(' ');
      const [{ openStore }, { listStories, searchArticles }] = await Promise.all([
        import('../../store/db.js'),
        import('../../store/repository.js'),
      ]);
      requireStore(opts.db);
      let db: ReturnType<typeof openStore>;
      try {
        db = openStore(opts.db);
      } catch (e) {
        throw new CliError(`${opts.db}: ${(e as Error).message}`, 2);
      }
      const stories = listStories(db, { q, limit: 20 });
      const articles = searchArticles(db, q, 20);
      db.close();
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify({ query: q, stories, articles })}\n`);
        return;
      }
      if (!stories.length && !articles.length) throw new CliError(`nothing matches "${q}"`, 1);
      for (const s of stories)
        process.stdout.write(`story ${s.id}  ${s.headline}  (${s.articles} sources)\n`);
      for (const a of articles)
        process.stdout.write(`  article ${a.articleId}  ${a.title}\n    ${a.snippet.replace(/\s+/g, ' ')}\n`);
    });
}
