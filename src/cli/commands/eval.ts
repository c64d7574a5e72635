import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type EvalTask, formatTable } from '../../eval/contract.js';
import { CliError } from '../errors.js';

const TASKS = [
  'extract',
  'summarize',
  'cluster',
  'temporal',
  'quotes',
  'timeline',
  'ner',
  'paraphrase',
  'merges',
  'disagreements',
  'brief',
  'non-articles',
  'entities',
];

/** Tasks whose module is named otherwise than the task. */
const MODULES: Record<string, string> = { entities: 'entities-shown' };

async function loadTask(name: string): Promise<EvalTask> {
  if (!TASKS.includes(name))
    throw new CliError(`unknown eval task "${name}" (tasks: ${TASKS.join(', ')})`, 2);
  try {
    const mod = (await import(`../../eval/${MODULES[name] ?? name}.js`)) as { task: EvalTask };
    return mod.task;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      throw new CliError(`eval task "${name}" is not available in this build`, 2);
    throw err;
  }
}

export function register(program: Command): void {
  program
    .command('eval')
    .description(`measure a stage against a gold dataset (tasks: ${TASKS.join(', ')})`)
    .argument('<task>', 'what to evaluate')
    .requiredOption('--data <path>', 'dataset file or directory')
    .option('--json', 'print exactly one JSON object on stdout')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(async (name: string, opts: { data: string; json?: boolean }, cmd: Command) => {
      const task = await loadTask(name);
      if (!existsSync(opts.data)) throw new CliError(`no such file or directory: ${opts.data}`, 2);
      const flags = parseFlags(cmd.args.slice(1));
      // Third-party code run by a task (a peer extractor, a page's own parser) may print to the console;
      // stdout belongs to the result alone.
      const saved = { log: console.log, info: console.info, warn: console.warn };
      console.log = console.info = console.warn = (...args: unknown[]) => console.error(...args);
      let result: Awaited<ReturnType<typeof task.run>>;
      try {
        result = await task.run({ data: opts.data, flags, log: (m) => process.stderr.write(`${m}\n`) });
      } finally {
        Object.assign(console, saved);
      }
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `${formatTable(result)}\n`);
    });
}

/** Parse the task-specific `--name value` / `--flag` pairs that commander passed through. */
export function parseFlags(args: string[]): Record<string, string | boolean> {
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) flags[a.slice(2)] = args[++i];
    else flags[a.slice(2)] = true;
  }
  return flags;
}
