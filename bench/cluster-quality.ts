/**
 * Clustering quality: ECB+ dev (file order) and the pooled DUC 2006 stream, newsfuse's defaults beside
 * the single-pass TF-IDF cosine baseline, plus ablations and a threshold sweep. Prints Markdown tables.
 *
 *   npx tsx bench/cluster-quality.ts
 */
import { fileURLToPath } from 'node:url';
import { task } from '../src/eval/cluster.js';
import type { Metrics } from '../src/eval/contract.js';

const data = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const SETS: Array<{ name: string; file: string; flags: Record<string, string | boolean> }> = [
  { name: 'ECB+ dev', file: `${data}clustering/ecbplus-dev.jsonl`, flags: {} },
  {
    name: 'DUC 2006 pooled',
    file: `${data}summarization/duc2006.jsonl.gz`,
    flags: { 'from-summarization': true },
  },
];

const fmt = (x: unknown) => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toFixed(3)) : '-');
const row = (label: string, m: Metrics) =>
  `| ${label} | ${fmt(m.bcubed_p)} | ${fmt(m.bcubed_r)} | ${fmt(m.bcubed_f1)} | ${fmt(m.pairwise_f1)} | ${fmt(m.ari)} | ${fmt(m.clusters)} / ${fmt(m.gold_clusters)} | ${fmt(m.docs_per_s)} |`;

async function run(file: string, flags: Record<string, string | boolean>) {
  return task.run({ data: file, flags, log: () => {} });
}

const VARIANTS: Array<[string, Record<string, string>]> = [
  ['newsfuse (defaults)', {}],
  ['  without names/numbers', { 'name-boost': '0' }],
  ['  without story merging', { merge: '2' }],
  ['  without year evidence', { 'year-penalty': '1' }],
  ['  without time bonus', { 'time-bonus': '0' }],
  ['  join 0.10', { join: '0.1' }],
  ['  join 0.12', { join: '0.12' }],
  ['  join 0.20', { join: '0.2' }],
  ['  join 0.25', { join: '0.25' }],
];
const BASELINE = ['0.1', '0.15', '0.2', '0.25', '0.3'];

for (const set of SETS) {
  console.log(`\n### ${set.name}\n`);
  console.log('| system | B³ P | B³ R | B³ F1 | pairwise F1 | ARI | clusters / gold | docs/s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [label, flags] of VARIANTS) {
    const r = await run(set.file, { ...set.flags, ...flags });
    console.log(row(label, r.metrics));
  }
  for (const t of BASELINE) {
    const r = await run(set.file, { ...set.flags, 'baseline-threshold': t, join: '9' });
    console.log(row(`TF-IDF single-pass baseline, cosine ${t}`, r.peers!['tfidf-single-pass']));
  }
}
