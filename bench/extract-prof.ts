/**
 * One cold pass of one extractor over an extraction set, for a CPU profile of it alone:
 *   npm run build && node --cpu-prof --cpu-prof-interval 200 --import tsx bench/extract-prof.ts --data ../shared/data/extraction/SET [--root DIR] [--peer] [--passes N]
 * Prints the extractor's CPU ms per page (`--peer`: Readability instead of ours).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const data = arg('--data');
if (!data) throw new Error('usage: extract-prof.ts --data DIR [--root DIR] [--peer] [--passes N]');
const root = resolve(arg('--root') ?? '.');
const passes = Number(arg('--passes') ?? 1);
type Extractor = (html: string, url?: string) => unknown;
const m = (await import(pathToFileURL(resolve(root, 'dist/eval/extract.js')).href)) as {
  loadPages: (index: string) => Array<{ html: string; url?: string }>;
  ours: Extractor;
  readability: Extractor;
};
const pages = m.loadPages(resolve(data, 'index.jsonl'));
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
