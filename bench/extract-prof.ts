/**
 * One cold pass of one extractor over an extraction set, for a CPU profile of it alone:
 *   npm run build && node --cpu-prof --cpu-prof-interval 200 --import tsx bench/extract-prof.ts --data ../shared/data/extraction/SET [--root DIR] [--peer] [--passes N]
 * Prints the extractor's CPU ms per page (`--peer`: Readability instead of ours).
 */
import { arg, args, benchPaths, loadBuild } from './extract-build.js';

const { data, root } = benchPaths('extract-prof.ts --data DIR [--root DIR] [--peer] [--passes N]');
const passes = Number(arg('--passes') ?? 1);
const m = await loadBuild(data, root);
const pages = m.pages;
const x = args.includes('--peer') ? m.readability : m.ours;
const c = process.cpuUsage();
for (let i = 0; i < passes; i++)
  for (const p of pages) {
    try {
      x(p.html, p.url);
    } catch {
      // scored empty by the eval
    }
  }
const d = process.cpuUsage(c);
console.log(
  `${pages.length} pages, ${((d.user + d.system) / 1000 / pages.length / passes).toFixed(2)} ms CPU per page`,
);
