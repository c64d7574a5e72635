import type { Command } from 'commander';
import type { Article, Story } from '../../model.js';
import { CliError } from '../errors.js';
import { reportDiagnostics } from '../output.js';

/** JSON: `{stories: [{id, headline, articles: [{id, title, publisher?, published?, source, report}], reports}]}`. */
export function storiesJson(stories: Story[], byId: Map<string, Article>): string {
  const out = stories.map((s) => {
    const reportOf = new Map<string, string>();
    for (const r of s.reports) for (const id of r.articleIds) reportOf.set(id, r.id);
    return {
      id: s.id,
      headline: s.headline,
      articles: s.articleIds.map((id) => {
        const a = byId.get(id)!;
        return {
          id,
          title: a.title,
          publisher: a.publisher,
          published: a.published,
          source: a.source,
          report: reportOf.get(id),
        };
      }),
      reports: s.reports,
    };
  });
  return `${JSON.stringify({ stories: out }, null, 2)}\n`;
}

/** Markdown: one section per story, its articles listed, copies of one report marked. */
export function storiesMarkdown(stories: Story[], byId: Map<string, Article>): string {
  const lines: string[] = [];
  stories.forEach((s, k) => {
    const n = s.articleIds.length;
    lines.push(
      `## ${k + 1}. ${s.headline || '(untitled)'}`,
      '',
      `${n} article${n === 1 ? '' : 's'}, ${s.reports.length} independent report${s.reports.length === 1 ? '' : 's'}`,
      '',
    );
    for (const r of s.reports)
      r.articleIds.forEach((id, i) => {
        const a = byId.get(id)!;
        const meta = [a.publisher, a.published?.slice(0, 10)].filter(Boolean).join(', ');
        const copy = i > 0 ? ' (copy of the above)' : '';
        lines.push(
          `${i > 0 ? '  ' : ''}- ${a.title || '(untitled)'}${meta ? ` — ${meta}` : ''} \`${a.source}\`${copy}`,
        );
      });
    lines.push('');
  });
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('cluster')
    .description('group articles into stories (largest first), marking copies of one report')
    .argument('<paths...>', 'files or directories: .html, .txt, .jsonl (or - for stdin)')
    .option('-f, --format <format>', 'md or json', 'md')
    .option('--keep-all', 'keep inputs that are not articles (error pages, walls, widgets, ...)')
    .action(async (paths: string[], opts: { format: string; keepAll?: boolean }) => {
      if (opts.format !== 'md' && opts.format !== 'json')
        throw new CliError(`unknown format "${opts.format}" (md, json)`, 2);
      const [{ readInputs }, { extractAll, storiesWithHeadlines }, { clusterArticles }] = await Promise.all([
        import('../../ingest/index.js'),
        import('../../pipeline.js'),
        import('../../cluster/index.js'),
      ]);
      const ingest = await readInputs(paths);
      const missing = ingest.diagnostics.find((d) => d.level === 'error');
      if (missing) throw new CliError(`${missing.origin.path}: ${missing.message}`, 2);
      const extracted = extractAll(ingest.docs, { keepAll: opts.keepAll });
      reportDiagnostics([...ingest.diagnostics, ...extracted.diagnostics]);
      if (!extracted.articles.length) throw new CliError('no articles found', 1);
      const stories = storiesWithHeadlines(clusterArticles(extracted.articles), extracted.articles);
      const byId = new Map(extracted.articles.map((a) => [a.id, a]));
      process.stdout.write(
        opts.format === 'json' ? storiesJson(stories, byId) : storiesMarkdown(stories, byId),
      );
    });
}
