import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { readJsonl } from '../../eval/data.js';
import { summarizeCluster } from '../../eval/summarize.js';
import { METHODS } from '../../summarize/index.js';
import { CliError } from '../errors.js';

export function register(program: Command): void {
  program
    .command('summarize')
    .description(
      'summarize every cluster of a summarization JSONL; write <cluster id>.txt, one sentence per line',
    )
    .requiredOption(
      '--data <file>',
      'clusters {id, docs: [{id, date?, title?, text}], budget: {words}, query?}',
    )
    .requiredOption('--out <dir>', 'directory for the summaries')
    .option('-m, --method <name>', `summarization method (${METHODS.join(', ')})`, 'newsfuse')
    .option('--no-query', "ignore the clusters' queries")
    .action((opts: { data: string; out: string; method: string; query: boolean }) => {
      if (!METHODS.includes(opts.method))
        throw new CliError(`unknown method "${opts.method}" (${METHODS.join(', ')})`, 2);
      let clusters: Parameters<typeof summarizeCluster>[0][];
      try {
        clusters = readJsonl(opts.data);
      } catch (e) {
        throw new CliError(`${opts.data}: ${(e as Error).message}`, 2);
      }
      mkdirSync(opts.out, { recursive: true });
      for (const c of clusters) {
        const { sentences } = summarizeCluster(c, opts.method, opts.query);
        writeFileSync(join(opts.out, `${c.id.replace(/[^\w.-]/g, '_')}.txt`), `${sentences.join('\n')}\n`);
      }
      process.stderr.write(`wrote ${clusters.length} summaries to ${opts.out}\n`);
    });
}
