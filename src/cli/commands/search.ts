import type { Command } from 'commander';
import type { openStore } from '../../store/db.js';
import { CliError } from '../errors.js';
import { requireStore } from '../options.js';

interface SearchOptions {
  db: string;
  format: string;
  page?: string;
  sort?: string;
  from?: string;
  to?: string;
  outlet?: string;
  minSources?: string;
}

export function register(program: Command): void {
  program
    .command('search')
    .description(
      'search (or, without words, list) the stories of a store, with the web list’s sort and filters',
    )
    .argument('[query...]', 'words to look for (all required); none lists the stories')
    .option('--db <path>', 'SQLite store', 'newsfuse.db')
    .option('-f, --format <format>', 'text or json', 'text')
    .option('--page <n>', 'page of 20 stories (1, 2, …)')
    .option(
      '--sort <order>',
      'latest, size, relevance or updated (default: relevance with words, else latest)',
    )
    .option('--from <date>', 'stories whose dates reach this day or later (YYYY-MM-DD)')
    .option('--to <date>', 'stories whose dates start on this day or earlier (YYYY-MM-DD)')
    .option('--outlet <name>', 'stories with an article from this outlet')
    .option('--min-sources <n>', 'stories of at least this many articles')
    .action(async (words: string[], opts: SearchOptions) => {
      const q = words.join(' ');
      const [{ openStore }, { queryStories, searchArticles }, { parseStoryQuery }] = await Promise.all([
        import('../../store/db.js'),
        import('../../store/repository.js'),
        import('../../server/query.js'),
      ]);
      const query = parseStoryQuery({
        q,
        page: opts.page,
        sort: opts.sort,
        from: opts.from,
        to: opts.to,
        outlet: opts.outlet,
        min_sources: opts.minSources,
      });
      if ('error' in query) throw new CliError(query.error.replace('min_sources', '--min-sources'), 2);
      requireStore(opts.db);
      let db: ReturnType<typeof openStore>;
      try {
        db = openStore(opts.db);
      } catch (e) {
        throw new CliError(`${opts.db}: ${(e as Error).message}`, 2);
      }
      const list = queryStories(db, query);
      const articles = q ? searchArticles(db, q, 20) : [];
      db.close();
      if (opts.format === 'json') {
        process.stdout.write(
          `${JSON.stringify({ query: q, page: list.page, pages: list.pages, total: list.total, stories: list.stories, articles })}\n`,
        );
        return;
      }
      if (!list.stories.length && !articles.length)
        throw new CliError(q ? `nothing matches "${q}"` : 'no stories match', 1);
      for (const s of list.stories) {
        const dates = s.first_date
          ? `  ${s.first_date}${s.last_date !== s.first_date ? `..${s.last_date}` : ''}`
          : '';
        process.stdout.write(`story ${s.id}  ${s.headline}  (${s.articles} sources)${dates}\n`);
      }
      if (list.pages > 1)
        process.stdout.write(`page ${list.page} of ${list.pages} (${list.total} stories)\n`);
      for (const a of articles)
        process.stdout.write(`  article ${a.articleId}  ${a.title}\n    ${a.snippet.replace(/\s+/g, ' ')}\n`);
    });
}
