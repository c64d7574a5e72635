/**
 * Every page's extraction of one or more extraction sets, one JSON line per page (the whole Article and its
 * diagnostics, as `extractArticle` returns them), to compare two builds byte for byte:
 *   npx tsx bench/extract-dump.ts OUT.jsonl ../shared/data/extraction/SET [SET ...] [--root DIR]
 * `--root DIR` runs another checkout's build (`dist/`) instead of this checkout's source.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? resolve(args.splice(rootAt, 2)[1]) : undefined;
const [out, ...sets] = args;
if (!out || !sets.length) throw new Error('usage: extract-dump.ts OUT.jsonl SET_DIR... [--root DIR]');
const mod = (p: string) =>
  root ? pathToFileURL(resolve(root, 'dist', p)).href : `../src/${p.replace(/\.js$/, '.ts')}`;
const { loadPages } = (await import(mod('eval/extract.js'))) as typeof import('../src/eval/extract.js');
const { extractArticle } = (await import(
  mod('extract/index.js')
)) as typeof import('../src/extract/index.js');
const lines: string[] = [];
for (const set of sets) {
  for (const page of loadPages(resolve(set, 'index.jsonl'))) {
    const raw = {
      id: page.id,
      origin: { path: page.url ?? 'page.html' },
      kind: 'html' as const,
      content: page.html,
      hash: '',
      hints: {},
    };
    let result: unknown;
    try {
      result = extractArticle(raw);
    } catch (e) {
      result = { error: String(e) };
    }
    lines.push(JSON.stringify({ set, id: page.id, result }));
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${lines.length} pages → ${out}`);
