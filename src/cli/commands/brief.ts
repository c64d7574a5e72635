import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { parseSince, positiveInt } from '../options.js';
import { reportDiagnostics } from '../output.js';

const FORMATS = ['md', 'json', 'html'] as const;

export function register(program: Command): void {
  program
    .command('brief')
    .description('print one cited brief per story found in the given pages (largest story first)')
    .argument('<paths...>', 'files or directories: .html, .txt, .jsonl (or - for stdin)')
    .option('-f, --format <format>', 'md, json or html', 'md')
    .option('-w, --words <n>', 'summary budget in words (default: 120, growing to 250 for 100+ sources)')
    .option('-q, --query <text>', 'bias the summary toward an information need')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('-s, --since <date|file>', 'say what is new since a date (YYYY-MM-DD) or a previous brief JSON')
    .option('--keep-all', 'keep inputs that are not articles (error pages, walls, widgets, ...)')
    .action(
      async (
        paths: string[],
        opts: {
          format: string;
          words?: string;
          query?: string;
          out?: string;
          since?: string;
          keepAll?: boolean;
        },
      ) => {
        const format = opts.format as (typeof FORMATS)[number];
        if (!FORMATS.includes(format))
          throw new CliError(`unknown format "${opts.format}" (md, json, html)`, 2);
        const words = opts.words === undefined ? 120 : positiveInt(opts.words, '--words');
        const since = opts.since === undefined ? undefined : parseSince(opts.since);
        const { runPipeline } = await import('../../pipeline.js');
        const result = await runPipeline(paths, {
          words,
          fixedWords: opts.words !== undefined,
          query: opts.query,
          since,
          keepAll: opts.keepAll,
        });
        const missing = result.diagnostics.find((d) => d.level === 'error');
        if (missing) throw new CliError(`${missing.origin.path}: ${missing.message}`, 2);
        reportDiagnostics(result.diagnostics);
        if (!result.briefs.length) throw new CliError('no articles found', 1);
        const render = await renderer(format);
        const output = render(result.briefs);
        if (opts.out) {
          const { writeFileSync } = await import('node:fs');
          writeFileSync(opts.out, output);
        } else process.stdout.write(output);
      },
    );
}

/** The renderer of a format, loaded when it is used. */
async function renderer(format: (typeof FORMATS)[number]) {
  if (format === 'json') return (await import('../../render/json.js')).renderJson;
  if (format === 'html') return (await import('../../render/html.js')).renderHtml;
  return (await import('../../render/markdown.js')).renderMarkdown;
}
