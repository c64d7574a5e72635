/** The extractor on the four extraction dev sets: the floors it must keep (figures in BENCHMARKS.md). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadPages, ours, scorePage, segmentMetrics } from '../../src/eval/extract.js';
import { NO_DATA, sharedData } from '../helpers.js';

function run(set: string) {
  const pages = loadPages(`${sharedData}extraction/${set}/index.jsonl`);
  const scores = pages.map((p) => scorePage(ours(p.html, p.url), p.expected));
  const segs = scores.flatMap((s) => (s.segments ? [s.segments] : []));
  return {
    shingle: scores.reduce((n, s) => n + (s.shingle?.f ?? 0), 0) / scores.length,
    seg: segs.length ? (segmentMetrics(segs).seg_f1 as number) : 0,
    empty: scores.filter((s) => s.empty).length,
  };
}

// Floors a little under the shipped figures (0.9196 segment F, 5 empty; shingle F1 0.9427 / 0.8906 / 0.9221):
// a fall below is a regression.
const SEG_FLOOR = 0.915;
// Empty pages: 5 on the extraction branch, 6 once the non-article combiner was merged beside it — the sixth
// (a wine shop's region index, 85f58fc89cdf5814) is labelled a non-article in data/gold/non-articles.jsonl and
// is now dropped as one, which is right.
const EMPTY_CEILING = 6;
const SHINGLE_FLOORS: Record<string, number> = { 'l3s-gn1': 0.94, dragnet: 0.888, readability: 0.92 };

test('trafilatura-dev: segment F and empty pages stay at their floor', { skip: NO_DATA }, () => {
  const r = run('trafilatura-dev');
  assert.ok(r.seg >= SEG_FLOOR, `segment F ${r.seg}`);
  assert.ok(r.empty <= EMPTY_CEILING, `${r.empty} empty pages`);
});

for (const [set, floor] of Object.entries(SHINGLE_FLOORS))
  test(`${set}: shingle F1 stays at its floor`, { skip: NO_DATA }, () => {
    const r = run(set);
    assert.ok(r.shingle >= floor, `shingle F1 ${r.shingle}`);
  });
