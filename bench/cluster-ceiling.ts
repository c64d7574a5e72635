/**
 * How far can the clusterer's features go? Batch average-link clustering over the same feature bags
 * (`analyze`: content stems, names, numbers; IDF from the whole set, not online), every pair compared,
 * with the cut-off picked *on the test set itself* (an oracle threshold). Not a product path: quadratic
 * memory and time, for sets of a few thousand articles. It bounds what any threshold of a lexical
 * clusterer can reach on ECB+ dev and the pooled DUC 2006 stream.
 *
 *   npx tsx bench/cluster-ceiling.ts
 */
import { fileURLToPath } from 'node:url';
import { analyze, articleText } from '../src/cluster/features.js';
import { bcubed, pooledStream, toArticle } from '../src/eval/cluster.js';
import { readJsonl } from '../src/eval/data.js';
import type { Article } from '../src/model.js';

const data = fileURLToPath(new URL('../../shared/data/', import.meta.url));

function load(which: 'ecb' | 'duc'): { articles: Article[]; gold: string[] } {
  if (which === 'duc')
    return pooledStream(
      readJsonl<{ id: string; docs: { id: string; text: string }[] }>(
        `${data}summarization/duc2006.jsonl.gz`,
      ),
    );
  const rows = readJsonl<{ id: string; text: string; event: string }>(`${data}clustering/ecbplus-dev.jsonl`);
  return { articles: rows.map((r) => toArticle(r.id, r.text)), gold: rows.map((r) => r.event) };
}

/** Unit TF-IDF vectors with IDF from the whole set (sparse: term → weight). */
function vectors(articles: Article[]): Map<string, number>[] {
  const bags = articles.map((a) => analyze(articleText(a)).bag);
  const df = new Map<string, number>();
  for (const b of bags) for (const t of b.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return bags.map((b) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, w] of b) {
      const x = w * Math.log(1 + bags.length / df.get(t)!);
      v.set(t, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, x] of v) v.set(t, x / norm);
    return v;
  });
}

/**
 * Average-link agglomeration down to one cluster, recording the merge order: returns, for each
 * threshold in `cuts`, the labels of the clustering where every merge at average similarity ≥ cut is made.
 */
function averageLink(vs: Map<string, number>[], cuts: number[]): Map<number, number[]> {
  const n = vs.length;
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let d = 0;
      const [a, b] = vs[i].size <= vs[j].size ? [vs[i], vs[j]] : [vs[j], vs[i]];
      for (const [t, x] of a) d += x * (b.get(t) ?? 0);
      sim[i * n + j] = d;
      sim[j * n + i] = d;
    }
  const size = new Array(n).fill(1);
  const alive = new Array(n).fill(true);
  const parent = Array.from({ length: n }, (_, i) => i);
  const merges: Array<[number, number, number]> = [];
  for (let step = 0; step < n - 1; step++) {
    let bi = -1;
    let bj = -1;
    let best = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++)
        if (alive[j] && sim[i * n + j] > best) {
          best = sim[i * n + j];
          bi = i;
          bj = j;
        }
    }
    merges.push([bi, bj, best]);
    // Lance–Williams update for average linkage: the merged cluster's similarity is the size-weighted mean.
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const s = (size[bi] * sim[bi * n + k] + size[bj] * sim[bj * n + k]) / (size[bi] + size[bj]);
      sim[bi * n + k] = s;
      sim[k * n + bi] = s;
    }
    size[bi] += size[bj];
    alive[bj] = false;
  }
  const out = new Map<number, number[]>();
  for (const cut of cuts) {
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
    for (const [i, j, s] of merges) if (s >= cut) parent[find(j)] = find(i);
    out.set(
      cut,
      Array.from({ length: n }, (_, i) => find(i)),
    );
  }
  return out;
}

const cuts = Array.from({ length: 40 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);
const SHOWN = [0.06, 0.08, 0.1, 0.14, 0.18, 0.22, 0.26];
const f1At = new Map<string, Map<number, number>>();
console.log('| set | best average-link cut (oracle) | B³ P | B³ R | B³ F1 |');
console.log('|---|---:|---:|---:|---:|');
for (const which of ['ecb', 'duc'] as const) {
  const { articles, gold } = load(which);
  const labels = averageLink(vectors(articles), cuts);
  const name = which === 'ecb' ? 'ECB+ dev' : 'DUC 2006 pooled';
  const byCut = new Map<number, number>();
  let best = { cut: 0, p: 0, r: 0, f1: -1 };
  for (const [cut, pred] of labels) {
    const b = bcubed(pred, gold);
    byCut.set(cut, b.f1);
    if (b.f1 > best.f1) best = { cut, ...b };
  }
  f1At.set(name, byCut);
  console.log(
    `| ${name} | ${best.cut.toFixed(2)} | ${best.p.toFixed(3)} | ${best.r.toFixed(3)} | ${best.f1.toFixed(3)} |`,
  );
}
console.log(`\n| B³ F1 at cut | ${SHOWN.join(' | ')} |`);
console.log(`|---|${SHOWN.map(() => '---:').join('|')}|`);
for (const [name, byCut] of f1At)
  console.log(`| ${name} | ${SHOWN.map((c) => byCut.get(c)!.toFixed(3)).join(' | ')} |`);
