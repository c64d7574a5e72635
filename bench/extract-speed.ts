/**
 * The extractor's CPU cost on one extraction set, steadier than `eval extract`'s wall-clock pages/s on a shared
 * machine: user CPU of one cold pass over the pages, then of `--passes` warm passes (per pass); with `--peer`,
 * both extractors page by page in turn, each page's fastest of the warm passes summed, and their ratio.
 *   npm run build && npx tsx bench/extract-speed.ts --data ../shared/data/extraction/SET [--root DIR] [--passes 2] [--peer]
 * `--root DIR` runs another checkout's build (e.g. the commit before a change) on the same pages.
 */
import { arg, args, benchPaths, type Extractor, loadBuild, type Page } from './extract-build.js';

const { root, data } = benchPaths('extract-speed.ts --data DIR [--root DIR] [--passes N] [--peer]');
const passes = Number(arg('--passes') ?? 2);
const m = await loadBuild(data, root);
const pages = m.pages;
const ms = (c: NodeJS.CpuUsage) => c.user / 1000;

let c = process.cpuUsage();
for (const p of pages) m.ours(p.html, p.url);
const cold = ms(process.cpuUsage(c));
c = process.cpuUsage();
for (let i = 0; i < passes; i++) for (const p of pages) m.ours(p.html, p.url);
const warm = ms(process.cpuUsage(c)) / passes;
console.log(
  `${root}: ${pages.length} pages, ours user CPU cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(0)} ms/pass`,
);

if (args.includes('--peer')) {
  const mine = new Array<number>(pages.length).fill(Number.POSITIVE_INFINITY);
  const theirs = [...mine];
  const time = (x: Extractor, p: Page) => {
    const t = process.hrtime.bigint();
    try {
      x(p.html, p.url);
    } catch {
      // a page the extractor fails on still took its time (the eval scores it empty)
    }
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let i = 0; i < passes; i++)
    pages.forEach((p, k) => {
      mine[k] = Math.min(mine[k], time(m.ours, p));
      theirs[k] = Math.min(theirs[k], time(m.readability, p));
    });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `fastest of ${passes} warm passes, page by page: ours ${sum(mine).toFixed(0)} ms, readability ${sum(theirs).toFixed(0)} ms, ${(sum(theirs) / sum(mine)).toFixed(2)}x`,
  );
}
