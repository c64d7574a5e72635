/**
 * Our extractor's CPU cost in two builds, measured in one process with the builds taking turns page by page
 * (which goes first alternates by page), so a busy spell of the shared machine charges both alike:
 *   npm run build && npx tsx bench/extract-ab.ts --data ../shared/data/extraction/SET --root OLD [--passes 5]
 * `--root OLD` is the other checkout (its `dist/`); this checkout's build is the new one. Give the old checkout
 * its own copy of `node_modules/htmlparser2` (and `entities`), not a symlink, so the two builds do not share
 * (and make polymorphic) one parser module. Prints the main thread's CPU ms per page of each build per pass
 * (the first pass is cold, as `eval extract` runs), the median of the passes' new/old ratios, and the ratio of
 * the sums of each page's fastest pass in process CPU (`process.cpuUsage`, all threads; the main thread's
 * schedstat time is only brought up to date at scheduler ticks, too coarse for one page): the steadiest figure on
 * a loaded machine, as a page's run that was slowed by other work is not its fastest.
 */
import { openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { arg, benchPaths, loadBuild } from './extract-build.js';

const { data, root } = benchPaths('extract-ab.ts --data DIR --root OLD [--passes N]');
const passes = Number(arg('--passes') ?? 5);
const old = await loadBuild(data, root);
const neu = await loadBuild(data, resolve('.'));
const fd = openSync('/proc/thread-self/schedstat', 'r');
const buf = Buffer.alloc(128);
const threadNs = () => Number(buf.toString('latin1', 0, readSync(fd, buf, 0, 128, 0)).split(' ')[0]);
const xs = [old.ours, neu.ours];
const ratios: number[] = [];
const fastest = [
  old.pages.map(() => Number.POSITIVE_INFINITY),
  old.pages.map(() => Number.POSITIVE_INFINITY),
];
for (let pass = 0; pass < passes; pass++) {
  const ns = [0, 0];
  old.pages.forEach((p, i) => {
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      const t = threadNs();
      const c = process.cpuUsage();
      try {
        xs[k](p.html, p.url);
      } catch {
        // scored empty by the eval; its time still counts
      }
      const d = process.cpuUsage(c);
      ns[k] += threadNs() - t;
      fastest[k][i] = Math.min(fastest[k][i], (d.user + d.system) * 1000);
    }
  });
  const n = old.pages.length;
  ratios.push(ns[1] / ns[0]);
  console.log(
    `pass ${pass + 1}: main thread ms/page old ${(ns[0] / n / 1e6).toFixed(3)}, new ${(ns[1] / n / 1e6).toFixed(3)}, new/old ${(ns[1] / ns[0]).toFixed(3)}`,
  );
}
const sorted = [...ratios].sort((a, b) => a - b);
const best = fastest.map((xs) => xs.reduce((a, b) => a + b, 0) / xs.length / 1e6);
console.log(
  `${data}: median new/old ${sorted[Math.floor(sorted.length / 2)].toFixed(3)} over ${passes} passes; each page's fastest: old ${best[0].toFixed(3)}, new ${best[1].toFixed(3)} ms/page, new/old ${(best[1] / best[0]).toFixed(3)}`,
);
