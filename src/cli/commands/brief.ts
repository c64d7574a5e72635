import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Since } from '../../analyse/updates.js';
import type { Brief, Diagnostic } from '../../model.js';
import { runPipeline } from '../../pipeline.js';
import { renderHtml } from '../../render/html.js';
import { renderJson } from '../../render/json.js';
import { renderMarkdown } from '../../render/markdown.js';
import { CliError } from '../errors.js';

const FORMATS = { md: renderMarkdown, json: renderJson, html: renderHtml } as const;

/** One line per diagnostic on stderr: "warning: path:line: message". */
export function reportDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const where = d.origin.line ? `${d.origin.path}:${d.origin.line}` : d.origin.path;
    process.stderr.write(`${d.level}: ${where}: ${d.message}\n`);
  }
}

/** Parse a positive integer option or fail with a usage error. */
export function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new CliError(`${name} must be a positive whole number, got "${value}"`, 2);
  return n;
}

export function register(program: Command): void {
  program
    .command('brief')
    .description('print one cited brief per story found in the given pages (largest story first)')
    .argument('<paths...>', 'files or directories: .html, .txt, .jsonl (or - for stdin)')
    .option('-f, --format <format>', 'md, json or html', 'md')
    .option('-w, --words <n>', 'summary budget in words', '120')
    .option('-q, --query <text>', 'bias the summary toward an information need')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('-s, --since <date|file>', 'say what is new since a date (YYYY-MM-DD) or a previous brief JSON')
    .action(
      async (
        paths: string[],
        opts: { format: string; words: string; query?: string; out?: string; since?: string },
      ) => {
        const render = FORMATS[opts.format as keyof typeof FORMATS];
        if (!render) throw new CliError(`unknown format "${opts.format}" (md, json, html)`, 2);
        const words = positiveInt(opts.words, '--words');
        const since = opts.since === undefined ? undefined : parseSince(opts.since);
        const result = await runPipeline(paths, { words, query: opts.query, since });
        const missing = result.diagnostics.find((d) => d.level === 'error');
        if (missing) throw new CliError(`${missing.origin.path}: ${missing.message}`, 2);
        reportDiagnostics(result.diagnostics);
        if (!result.briefs.length) throw new CliError('no articles found', 1);
        const output = render(result.briefs);
        if (opts.out) writeFileSync(opts.out, output);
        else process.stdout.write(output);
      },
    );
}

/** `--since`: a date, or a brief JSON written earlier by `newsfuse brief --format json`. */
export function parseSince(value: string): Since {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && Number.isFinite(Date.parse(value))) return { date: value };
  if (!existsSync(value))
    throw new CliError(`--since: "${value}" is neither a date (YYYY-MM-DD) nor a file`, 2);
  let previous: Brief[];
  try {
    const parsed = JSON.parse(readFileSync(value, 'utf8')) as { schema?: string; briefs?: Brief[] };
    if (!Array.isArray(parsed.briefs)) throw new Error('no "briefs" array');
    previous = parsed.briefs;
  } catch (e) {
    throw new CliError(`--since: ${value} is not a brief JSON (${(e as Error).message})`, 2);
  }
  return { previous, label: basename(value) };
}
