import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { summarizeCluster } from '../../eval/summarize.js';
import { METHODS } from '../../summarize/method-names.js';
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
    .action(async (opts: { data: string; out: string; method: string; query: boolean }) => {
      if (!(METHODS as readonly string[]).includes(opts.method))
        throw new CliError(`unknown method "${opts.method}" (${METHODS.join(', ')})`, 2);
      const [{ readJsonl }, { summarizeCluster }] = await Promise.all([
        import('../../eval/data.js'),
        import('../../eval/summarize.js'),
      ]);
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
