/**
 * CPU cost per page of our extractor and Readability in one cold pass, as `eval extract` runs them (one
 * process, the two taking turns page by page), measured in CPU time (`process.cpuUsage`, user + system, so a
 * loaded machine's waiting does not count) besides wall time:
 *   npm run build && npx tsx bench/extract-cpu.ts --data ../shared/data/extraction/SET [--root DIR] [--runs 3]
 * Each run is a fresh process (cold, like the eval); the medians of the runs are printed. Also the main
 * thread's own CPU time (Linux schedstat), which leaves out the GC and compiler threads as a quiet machine's
 * wall clock does when they run on another core.
 */
import { execFileSync } from 'node:child_process';
import { openSync, readSync } from 'node:fs';
import { arg, args, benchPaths, loadBuild } from './extract-build.js';

const { data, root } = benchPaths('extract-cpu.ts --data DIR [--root DIR] [--runs N]');

if (args.includes('--child')) {
  const m = await loadBuild(data, root);
  const pages = m.pages;
  const cpu = [0, 0];
  const wall = [0, 0];
  const thread = [0, 0];
  // The main thread's own CPU time (ns, Linux): what a quiet machine's wall clock sees, without the GC and
  // compiler threads that run beside it on another core.
  const fd = openSync('/proc/thread-self/schedstat', 'r');
  const buf = Buffer.alloc(128);
  const threadNs = () => Number(buf.toString('latin1', 0, readSync(fd, buf, 0, 128, 0)).split(' ')[0]);
  const xs = [m.ours, m.readability];
  for (const p of pages)
    xs.forEach((x, k) => {
      const th = threadNs();
      const c = process.cpuUsage();
      const t = process.hrtime.bigint();
      try {
        x(p.html, p.url);
      } catch {
        // scored empty by the eval; its time still counts
      }
      wall[k] += Number(process.hrtime.bigint() - t) / 1e6;
      const d = process.cpuUsage(c);
      cpu[k] += (d.user + d.system) / 1000;
      thread[k] += (threadNs() - th) / 1e6;
    });
  console.log(JSON.stringify({ pages: pages.length, cpu, wall, thread }));
} else {
  const runs = Number(arg('--runs') ?? 3);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows: Array<{ pages: number; cpu: number[]; wall: number[]; thread: number[] }> = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, new URL(import.meta.url).pathname, ...args, '--child'],
      { encoding: 'utf8' },
    );
    const r = JSON.parse(out.trim().split('\n').pop()!);
    rows.push(r);
    const n = r.pages;
    console.log(
      `run ${i + 1}: CPU ms/page ours ${(r.cpu[0] / n).toFixed(2)}, readability ${(r.cpu[1] / n).toFixed(2)}, ratio ${(r.cpu[1] / r.cpu[0]).toFixed(2)}x; main thread ms/page ${(r.thread[0] / n).toFixed(2)} / ${(r.thread[1] / n).toFixed(2)}, ratio ${(r.thread[1] / r.thread[0]).toFixed(2)}x; wall ratio ${(r.wall[1] / r.wall[0]).toFixed(2)}x`,
    );
  }
  const n = rows[0].pages;
  const ours = med(rows.map((r) => r.cpu[0] / n));
  const theirs = med(rows.map((r) => r.cpu[1] / n));
  const ratio = med(rows.map((r) => r.cpu[1] / r.cpu[0]));
  const tOurs = med(rows.map((r) => r.thread[0] / n));
  const tTheirs = med(rows.map((r) => r.thread[1] / n));
  const tRatio = med(rows.map((r) => r.thread[1] / r.thread[0]));
  console.log(
    `${data} (${n} pages, ${root}): median CPU ms/page ours ${ours.toFixed(2)}, readability ${theirs.toFixed(2)}; median ratio ${ratio.toFixed(2)}x; main thread ms/page ${tOurs.toFixed(2)} / ${tTheirs.toFixed(2)}, median ratio ${tRatio.toFixed(2)}x`,
  );
}
