/**
 * CPU of `findSupport` on 100-article stories: four DUC 2006 topics pooled at a time (the first 12 topics, 3
 * stories), the first three sentences of every article cited against the whole story, as a brief cites a
 * summary sentence. Each story is run with and without a no-op trace (a trace turns off the early exits, so
 * it runs every veto on every candidate, as findSupport did before the overlap exit was restored), alternated,
 * and the citations of both runs must be identical.
 *
 *   npx tsx bench/cite-speed.ts [--pairs N]
 */
import { fileURLToPath } from 'node:url';
import { findSupport, sentenceFrequencies } from '../src/brief/cite.js';
import { toArticle } from '../src/eval/cluster.js';
import { readJsonl } from '../src/eval/data.js';
import { articleSentences } from '../src/language/sentences.js';
import type { Sentence } from '../src/model.js';

const args = process.argv.slice(2);
const pairs = Number(args.includes('--pairs') ? args[args.indexOf('--pairs') + 1] : 3);
const file = process.env.SHARED
  ? `${process.env.SHARED}/summarization/duc2006.jsonl.gz`
  : fileURLToPath(new URL('../../shared/data/summarization/duc2006.jsonl.gz', import.meta.url));
const rows = readJsonl<{ id: string; docs: { id: string; text: string }[] }>(file);
const stories: { summary: Sentence[]; story: Sentence[] }[] = [];
for (let k = 0; k + 4 <= 12; k += 4) {
  const articles = rows
    .slice(k, k + 4)
    .flatMap((r) => r.docs.map((d) => toArticle(`${r.id}/${d.id}`, d.text)));
  const story = articles.flatMap(articleSentences);
  stories.push({ story, summary: story.filter((s) => s.index < 3) });
}
const noop = () => {};
function run(traced: boolean): { ms: number; out: string } {
  const parts: string[] = [];
  const t0 = process.cpuUsage();
  for (const { summary, story } of stories) {
    const df = sentenceFrequencies(story);
    for (const s of summary)
      parts.push(JSON.stringify(findSupport(s, story, df, story.length, traced ? noop : undefined)));
  }
  const t = process.cpuUsage(t0);
  return { ms: (t.user + t.system) / 1000, out: parts.join('\n') };
}
let fast = 0;
let full = 0;
let same = true;
let citations = 0;
for (let i = 0; i < pairs; i++) {
  const a = i % 2 ? run(true) : run(false);
  const b = i % 2 ? run(false) : run(true);
  const [f, t] = i % 2 ? [b, a] : [a, b];
  fast += f.ms;
  full += t.ms;
  same &&= f.out === t.out;
  citations = f.out.split('"articleId"').length - 1;
}
console.log(
  `${stories.length} stories, ${stories.reduce((n, s) => n + s.summary.length, 0)} summary sentences, ${citations} citations; ` +
    `CPU with the early exit ${(fast / pairs / 1000).toFixed(1)} s, every veto run ${(full / pairs / 1000).toFixed(1)} s ` +
    `(ratio ${(fast / full).toFixed(3)}); citations identical: ${same}`,
);
