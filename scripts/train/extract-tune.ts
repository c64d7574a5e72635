/**
 * Chooses the extractor's switches (`EXTRACT_PARAMS` in src/extract/html.ts) by leave-one-set-out validation
 * over the four extraction dev sets (../shared/data/extraction: trafilatura-dev scored by segment F, the other
 * three by 4-gram shingle F1). For each held-out set, the setting with the best mean score on the other three
 * is picked and scored on the held-out one; no set ever picks its own setting. Prints the table that
 * BENCHMARKS.md carries (markdown), plus every candidate's plain scores. Nothing is written: the switches are
 * code constants, set by hand to what this reports.
 *   npx tsx scripts/train/extract-tune.ts [--shared DIR] [--grid NAME,NAME] [--all]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPages, ours, scorePage, segmentMetrics } from '../../src/eval/extract.js';
import { EXTRACT_PARAMS } from '../../src/extract/html.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
const SETS = ['trafilatura-dev', 'l3s-gn1', 'dragnet', 'readability'];
type Params = typeof EXTRACT_PARAMS;
const shipped: Params = { ...EXTRACT_PARAMS };
const switches = (arg('--grid')?.split(',') ?? Object.keys(shipped)) as Array<keyof Params>;

/**
 * The candidates: all switches of the grid off, each alone, all on (`--all`: every combination); the switches
 * not in the grid stay as shipped.
 */
function grid(): Params[] {
  const out: Params[] = [];
  const full = (1 << switches.length) - 1;
  const masks = args.includes('--all')
    ? [...Array(full + 1).keys()]
    : [0, ...switches.map((_, i) => 1 << i), ...(switches.length > 1 ? [full] : [])];
  for (const mask of masks) {
    const p = { ...shipped };
    switches.forEach((k, i) => {
      (p as Record<string, boolean>)[k] = !!(mask & (1 << i));
    });
    out.push(p);
  }
  return out;
}

const pages = SETS.map((s) => loadPages(resolve(shared, 'extraction', s, 'index.jsonl')));

function score(p: Params): number[] {
  Object.assign(EXTRACT_PARAMS, p);
  return pages.map((set) => {
    const scores = set.map((page) => scorePage(ours(page.html, page.url), page.expected));
    const segs = scores.flatMap((s) => (s.segments ? [s.segments] : []));
    if (segs.length) return segmentMetrics(segs).seg_f1 as number;
    return scores.reduce((n, s) => n + (s.shingle?.f ?? 0), 0) / scores.length;
  });
}

const label = (p: Params) => switches.filter((k) => p[k]).join('+') || 'none';
const candidates = grid();
const results = candidates.map((p) => {
  const r = score(p);
  console.error(`${label(p).padEnd(40)} ${r.map((x) => x.toFixed(4)).join('  ')}`);
  return r;
});
Object.assign(EXTRACT_PARAMS, shipped);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`| held out | chosen on the other three | held-out score | all switches off | shipped |`);
console.log('|---|---|---:|---:|---:|');
const off = results[0];
const shippedIdx = candidates.findIndex((p) => switches.every((k) => p[k] === shipped[k]));
SETS.forEach((set, h) => {
  let best = 0;
  candidates.forEach((_, c) => {
    const m = mean(results[c].filter((_, i) => i !== h));
    if (m > mean(results[best].filter((_, i) => i !== h)) + 1e-12) best = c;
  });
  console.log(
    `| ${set} | ${label(candidates[best])} | ${results[best][h].toFixed(4)} | ${off[h].toFixed(4)} | ${results[shippedIdx][h].toFixed(4)} |`,
  );
});
