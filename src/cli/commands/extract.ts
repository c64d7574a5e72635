import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Article } from '../../model.js';
import { CliError } from '../errors.js';
import { reportDiagnostics } from '../output.js';

function asText(a: Article): string {
  const meta = [
    a.publisher && `Publisher: ${a.publisher}`,
    a.byline && `By: ${a.byline}`,
    a.published && `Published: ${a.published}`,
    `Language: ${a.language}`,
    a.url && `URL: ${a.url}`,
  ].filter(Boolean);
  return `${a.title}\n${meta.join('\n')}\n\n${a.text}\n`;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('print the article extracted from one page (HTML, scraped text or JSONL; - for stdin)')
    .argument('<file>', 'a file, or - for stdin')
    .option('-f, --format <format>', 'json or text', 'json')
    .option('--keep-all', 'keep a page that is not an article (error page, wall, widget, ...)')
    .action(async (file: string, opts: { format: string; keepAll?: boolean }) => {
      if (opts.format !== 'json' && opts.format !== 'text')
        throw new CliError(`unknown format "${opts.format}" (json, text)`, 2);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file === '-' ? 0 : file);
      } catch {
        throw new CliError(`${file}: no such file or directory`, 2);
      }
      const [{ documentsFromBytes }, { extractArticle }] = await Promise.all([
        import('../../ingest/index.js'),
        import('../../extract/index.js'),
      ]);
      const { docs, diagnostics } = documentsFromBytes(file, bytes);
      const articles: Article[] = [];
      for (const doc of docs) {
        const r = extractArticle(doc, { keepAll: opts.keepAll });
        diagnostics.push(...r.diagnostics);
        if (r.article) articles.push(r.article);
      }
      reportDiagnostics(diagnostics);
      if (!articles.length) throw new CliError(`${file}: no article content`, 1);
      for (const a of articles)
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(a)}\n` : asText(a));
    });
}
