/**
 * What the extraction benches share: their `--data DIR` and `--root DIR` arguments, and the two extractors of a
 * checkout's build (`ROOT/dist/eval/extract.js`, this checkout's by default) with the set's pages.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Extractor = (html: string, url?: string) => unknown;
export interface Page {
  html: string;
  url?: string;
}

export const args = process.argv.slice(2);
export const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

/** The set folder and build root from the arguments; throws `usage` when `--data` is missing. */
export function benchPaths(usage: string): { data: string; root: string } {
  const data = arg('--data');
  if (!data) throw new Error(`usage: ${usage}`);
  return { data, root: resolve(arg('--root') ?? '.') };
}

/** The build's extractors (ours and Readability, as `eval extract` runs them) and the set's pages. */
export async function loadBuild(data: string, root: string) {
  const m = (await import(pathToFileURL(resolve(root, 'dist/eval/extract.js')).href)) as {
    loadPages: (index: string) => Page[];
    ours: Extractor;
    readability: Extractor;
  };
  return { pages: m.loadPages(resolve(data, 'index.jsonl')), ours: m.ours, readability: m.readability };
}
