/**
 * `newsfuse eval summarize --data FILE.jsonl[.gz]`: summarize every cluster of a summarization set
 * (`{id, docs: [{id, date?, title?, text}], references, budget: {words}, query?}`) and score it against the
 * human references with our ROUGE-1.5.5 scorer: stemmed, truncated to the budget, jackknifed when there
 * are several references (NIST's DUC settings). `--method NAME|all` (default newsfuse), `--no-query`,
 * `--peers FILE` (official summaries `{id, system, summary}` scored the same way, listed under peers),
 * `--limit N`.
 */
import { articleSentences } from '../language/sentences.js';
import type { Article } from '../model.js';
import { METHODS, summarize } from '../summarize/index.js';
import type { EvalResult, EvalTask, Metrics } from './contract.js';
import { readJsonl } from './data.js';
import { type Cluster, lines, type PeerSummary, scorePeers } from './duc-official.js';
import { loadWordNetExceptions, meanScores, type RougeScores, rouge } from './rouge.js';

interface Doc {
  id: string;
  date?: string;
  title?: string;
  text: string;
}

interface SumCluster extends Cluster {
  docs: Doc[];
  query?: string;
}

function articlesOf(c: SumCluster): Article[] {
  return c.docs.map((d) => {
    const paragraphs = d.text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    return {
      id: `${c.id}/${d.id}`,
      source: d.id,
      title: d.title ?? '',
      published: d.date,
      language: 'en',
      paragraphs,
      text: paragraphs.join('\n\n'),
      hash: d.id,
    };
  });
}

const asMetrics = (s: RougeScores): Metrics => ({ ...s }) as unknown as Metrics;

/** The summary of one cluster by one method, as sentences, and the seconds it took. */
export function summarizeCluster(
  c: SumCluster,
  method: string,
  useQuery: boolean,
): { sentences: string[]; seconds: number } {
  const articles = articlesOf(c);
  const started = performance.now();
  const chosen = summarize(
    { articles, sentences: articles.flatMap((a) => articleSentences(a)) },
    { words: c.budget.words, method, query: useQuery ? c.query : undefined, fill: true },
  );
  return { sentences: chosen.map((s) => s.text), seconds: (performance.now() - started) / 1000 };
}

export const task: EvalTask = {
  name: 'summarize',
  description: 'multi-document summarization: ROUGE-1/2/L/SU4 (ROUGE-1.5.5 settings) against human summaries',
  flags: {
    method: `a method or "all" (${METHODS.join(', ')})`,
    'no-query': "ignore the clusters' queries",
    peers: 'official summaries {id, system, summary} to score beside ours',
    limit: 'only the first N clusters',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    let clusters = readJsonl<SumCluster>(data);
    if (typeof flags.limit === 'string') clusters = clusters.slice(0, Number(flags.limit));
    const useQuery = !flags['no-query'];
    const method = typeof flags.method === 'string' ? flags.method : 'newsfuse';
    const methods: readonly string[] = method === 'all' ? METHODS : [method];
    for (const m of methods)
      if (!(METHODS as readonly string[]).includes(m))
        throw new Error(`unknown method "${m}" (${METHODS.join(', ')}, all)`);
    const exceptions = loadWordNetExceptions();
    if (!exceptions)
      log('note: WordNet exception lists not found (apt-get install wordnet-base); stemming is Porter only');
    const started = performance.now();
    const results = new Map<string, { scores: RougeScores; medianSeconds: number }>();
    for (const m of methods) {
      const scores: RougeScores[] = [];
      const times: number[] = [];
      for (const c of clusters) {
        const { sentences, seconds } = summarizeCluster(c, m, useQuery);
        times.push(seconds);
        scores.push(
          rouge(sentences, c.references.map(lines), {
            stem: true,
            words: c.budget.words,
            jackknife: c.references.length > 1,
            exceptions,
          }),
        );
      }
      times.sort((a, b) => a - b);
      const mean = meanScores(scores);
      results.set(m, { scores: mean, medianSeconds: times[Math.floor(times.length / 2)] ?? 0 });
      log(
        `${m}: R-2 ${mean.rouge2.r.toFixed(4)}  SU4 ${mean.rougeSU4.r.toFixed(4)}  (${clusters.length} clusters)`,
      );
    }
    const peers: Record<string, Metrics> = {};
    for (const [m, r] of results)
      if (m !== methods[0]) peers[m] = { ...asMetrics(r.scores), median_cluster_s: r.medianSeconds };
    if (typeof flags.peers === 'string') {
      const official = readJsonl<PeerSummary>(flags.peers).filter((p) => clusters.some((c) => c.id === p.id));
      for (const [system, s] of scorePeers(clusters, official, clusters[0]?.budget.words ?? 250, exceptions))
        peers[`peer ${system}`] = asMetrics(s);
    }
    const first = results.get(methods[0])!;
    return {
      task: 'summarize',
      data,
      items: clusters.length,
      seconds: (performance.now() - started) / 1000,
      metrics: { ...asMetrics(first.scores), median_cluster_s: first.medianSeconds },
      ...(Object.keys(peers).length ? { peers } : {}),
    };
  },
};
