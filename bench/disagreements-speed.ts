/**
 * Speed of the figure-disagreement pass on 100-article stories: four DUC 2006 topics pooled at a time (12
 * stories), each article its own report, all on one day (every pair of figures is in reach). Prints the
 * median and the max over 5 runs per story.
 *
 *   npx tsx bench/disagreements-speed.ts
 */
import { fileURLToPath } from 'node:url';
import { findDisagreements } from '../src/analyse/disagreements.js';
import { toArticle } from '../src/eval/cluster.js';
import { readJsonl } from '../src/eval/data.js';
import { articleSentences } from '../src/language/sentences.js';

const file = process.env.SHARED
  ? `${process.env.SHARED}/summarization/duc2006.jsonl.gz`
  : fileURLToPath(new URL('../../shared/data/summarization/duc2006.jsonl.gz', import.meta.url));
const rows = readJsonl<{ id: string; docs: { id: string; text: string }[] }>(file);
const times: number[] = [];
for (let k = 0; k + 4 <= 48; k += 4) {
  const articles = rows
    .slice(k, k + 4)
    .flatMap((r) => r.docs.map((d) => toArticle(`${r.id}/${d.id}`, d.text)));
  const sentences = articles.flatMap(articleSentences);
  const reportOf = new Map(articles.map((a) => [a.id, a.id]));
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    findDisagreements(sentences, reportOf, () => 0);
    runs.push(performance.now() - t0);
  }
  times.push(runs.sort((a, b) => a - b)[2]);
}
times.sort((a, b) => a - b);
console.log(
  `${times.length} stories of 100 articles: median ${times[6].toFixed(0)} ms, max ${times[times.length - 1].toFixed(0)} ms`,
);
