/**
 * Start-up and small-command latency of the built CLI (`dist/cli/main.js`), as a user meets it: wall time
 * of a whole process, median of N runs. With `--peer DIR` (another checkout, built), the same commands run
 * there too, interleaved with ours so that machine load hits both alike, and the ratio is printed.
 *
 *   npm run build && npx tsx bench/startup.ts [--runs 10] [--peer ../other-checkout]
 *
 * Commands: `--help`; `extract` of one page of the examples; `brief examples/harbor-fire/`.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(opt('--runs') ?? 10);
const peer = opt('--peer');

const COMMANDS: Array<[string, string[]]> = [
  ['--help', ['--help']],
  ['extract one page', ['extract', join(root, 'examples/harbor-fire/coastline-daily-fire.html')]],
  ['brief examples/harbor-fire/', ['brief', join(root, 'examples/harbor-fire/')]],
];

function time(checkout: string, argv: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(checkout, 'dist/cli/main.js'), ...argv], {
    cwd: checkout,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  if (r.status !== 0) throw new Error(`${checkout}: ${argv.join(' ')} exited ${r.status}`);
  return performance.now() - t0;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(
  `| command | newsfuse median ms (${runs} runs)${peer ? ' | peer median ms | peer / ours' : ''} |`,
);
console.log(`|---|---:${peer ? '|---:|---:' : ''}|`);
for (const [name, argv] of COMMANDS) {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(time(root, argv));
    if (peer) theirs.push(time(resolve(peer), argv));
  }
  const m = median(ours);
  const cells = [name, m.toFixed(0)];
  if (peer) cells.push(median(theirs).toFixed(0), (median(theirs) / m).toFixed(2));
  console.log(`| ${cells.join(' | ')} |`);
}
