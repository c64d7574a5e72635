/**
 * The common contract of `newsfuse eval <task>`: every task module `src/eval/<task>.ts` exports
 * `task: EvalTask`. The CLI finds it by name, runs it, and prints either `table(result)` or the JSON.
 */

/** Metric values: a number, or a nested group such as ROUGE's {r, p, f}. */
export type MetricValue = number | { [key: string]: MetricValue };
export type Metrics = Record<string, MetricValue>;

/** Exactly the JSON object `newsfuse eval <task> --json` prints. */
export interface EvalResult {
  task: string;
  data: string;
  items: number;
  seconds: number;
  metrics: Metrics;
  peers?: Record<string, Metrics>;
  /** Optional per-item or per-topic breakdown (e.g. per Timeline17 topic). */
  details?: Record<string, Metrics>;
}

/** Options parsed from the command line: `--data` plus any task-specific flags. */
export interface EvalOptions {
  data: string;
  /** Task-specific flags, e.g. { method: 'all', peer: 'readability', 'no-query': true }. */
  flags: Record<string, string | boolean>;
  /** Progress and warnings go here (stderr), never to stdout. */
  log: (message: string) => void;
}

export interface EvalTask {
  name: string;
  /** One line for `newsfuse eval --help`. */
  description: string;
  /** Flags the task accepts, for help and validation: name → description. */
  flags?: Record<string, string>;
  run(options: EvalOptions): Promise<EvalResult>;
}

/** Render metrics (and peers) as an aligned plain-text table. */
export function formatTable(result: EvalResult): string {
  const rows: Array<[string, Metrics]> = [['newsfuse', result.metrics]];
  for (const [name, metrics] of Object.entries(result.peers ?? {})) rows.push([name, metrics]);
  const flat = rows.map(([name, m]) => [name, flatten(m)] as const);
  const keys: string[] = [];
  for (const [, m] of flat) for (const k of Object.keys(m)) if (!keys.includes(k)) keys.push(k);
  const header = ['system', ...keys];
  const body = flat.map(([name, m]) => [name, ...keys.map((k) => (k in m ? fmt(m[k]) : '-'))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [
    `${result.task} on ${result.data}: ${result.items} items in ${result.seconds.toFixed(2)} s`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
  ];
  return out.join('\n');
}

function flatten(m: Metrics, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(m)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number') out[key] = v;
    else Object.assign(out, flatten(v, key));
  }
  return out;
}

function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(4);
}
