/** The extractor on the four extraction dev sets: the floors it must keep (figures in BENCHMARKS.md). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadPages, ours, scorePage, segmentMetrics } from '../../src/eval/extract.js';
import { NO_DATA, sharedData } from '../helpers.js';

/** trafilatura-dev pages labelled non-articles by hand (data/gold/non-articles.md): dropping them is right. */
const NON_ARTICLES = new Set(
  readFileSync(fileURLToPath(new URL('../../data/gold/non-articles.jsonl', import.meta.url)), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { set: string; id?: string; label: string })
    .flatMap((g) => (g.set === 'trafilatura' && g.label === 'non-article' ? [g.id] : [])),
);

function run(set: string) {
  const pages = loadPages(`${sharedData}extraction/${set}/index.jsonl`);
  const scores = pages.map((p) => scorePage(ours(p.html, p.url), p.expected));
  const segs = scores.flatMap((s) => (s.segments ? [s.segments] : []));
  return {
    shingle: scores.reduce((n, s) => n + (s.shingle?.f ?? 0), 0) / scores.length,
    seg: segs.length ? (segmentMetrics(segs).seg_f1 as number) : 0,
    // A page the non-article detector drops reads as empty; one labelled a non-article is no extraction miss.
    empty: scores.filter((s, i) => s.empty && !NON_ARTICLES.has(pages[i].id)).length,
  };
}

// Floors a little under the shipped figures (0.9330 segment F, 0 empty; shingle F1 0.9531 / 0.9008 / 0.9267,
// h8-dragnet's comment-stream cut after h7-extract's container ranker): a fall below is a regression.
const SEG_FLOOR = 0.93;
// Empty pages: 5 on the extraction branch, 6 once the non-article combiner was merged beside it — the sixth
// (a wine shop's region index, 85f58fc89cdf5814) is labelled a non-article in data/gold/non-articles.jsonl and
// is now dropped as one, which is right. With h7-extract's container ranker and short bodies giving way to the
// fallback, none: the four pages of tables read as their tables, and the sixth page is no longer dropped.
// Pages labelled non-articles are not counted (h8-nonart, 2026-12-06: the retrained combiner drops one, a
// service-offer page of the round-2 sample, which is right). h9-nonart's feature set 7 drops two more labelled
// non-articles (an expedition-planning index page, a 27-word joke post): `eval extract` reads 2 empty pages and
// segment F 0.9330 -> 0.9314, since trafilatura-dev's gold calls them articles; this test leaves them out of the
// empty count.
const EMPTY_CEILING = 0;
const SHINGLE_FLOORS: Record<string, number> = { 'l3s-gn1': 0.951, dragnet: 0.899, readability: 0.925 };

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
