/**
 * `newsfuse eval cluster`: story clustering against gold story labels.
 *  - default: a stream file `{id, date?, title?, text, event}` per line (ECB+ format), fed in file order;
 *  - `--from-summarization`: every document of every cluster of a summarization JSONL (e.g. DUC 2006), gold =
 *    cluster id, fed in date order (undated last), ties by cluster id then position in the cluster.
 *  - a folder (../shared/data): ECB+ dev, DUC 2006 pooled and Multi-News dev pooled in one table.
 * Metrics: B³ precision/recall/F1, pairwise F1, adjusted Rand index, cluster counts, throughput. The
 * single-pass TF-IDF cosine baseline is reported as a peer (beside each set).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { baselineClusters } from '../cluster/baseline.js';
import { nameKind } from '../cluster/name-kinds.js';
import { type ClustererOptions, StoryClusterer } from '../cluster/stream.js';
import { nonArticleReason } from '../extract/non-article.js';
import type { Article } from '../model.js';
import type { EvalResult, EvalTask, Metrics } from './contract.js';
import { readJsonl } from './data.js';

interface StreamRow {
  id: string;
  date?: string;
  title?: string;
  text: string;
  event: string;
}

interface SummarizationRow {
  id: string;
  docs: Array<{ id: string; date?: string; title?: string; text: string }>;
}

/**
 * An Article for a dataset row (the eval feeds text straight to the clusterer, no extraction). A row whose
 * text reads as page furniture (a crawl notice, a tweet widget, a wall: `nonArticleReason` over the whole
 * text, as extraction decides for a record) is marked `nonArticle`, as `ingest --keep-all` marks it: it may join a
 * story, never start one.
 */
export function toArticle(id: string, text: string, title?: string, date?: string): Article {
  const paragraphs = text.split(/\n\s*\n/);
  const found = nonArticleReason(paragraphs, { wholeText: true });
  // Too little prose alone is not held against a row: the ECB+ rows are the annotated sentences of a page.
  const reason = found === 'too little prose' ? undefined : found;
  return {
    id,
    source: id,
    title: title ?? '',
    published: date,
    language: 'en',
    paragraphs,
    text,
    hash: id,
    ...(reason ? { nonArticle: { reason } } : {}),
  };
}

/** Pool every document of every summarization cluster into one stream ordered by date (see module doc). */
export function pooledStream(rows: SummarizationRow[]): { articles: Article[]; gold: string[] } {
  const items: Array<{ a: Article; gold: string; c: number; k: number }> = [];
  rows.forEach((r, c) => {
    r.docs.forEach((d, k) => {
      items.push({ a: toArticle(`${r.id}/${d.id}`, d.text, d.title, d.date), gold: r.id, c, k });
    });
  });
  items.sort(
    (x, y) => (x.a.published ?? '\uffff').localeCompare(y.a.published ?? '\uffff') || x.c - y.c || x.k - y.k,
  );
  return { articles: items.map((i) => i.a), gold: items.map((i) => i.gold) };
}

/** A labelled stream: articles in feeding order and each one's gold story. */
export interface LabelledStream {
  name: string;
  file: string;
  articles: Article[];
  gold: string[];
}

/** The rows of a stream file (ECB+ format), in file order. */
export function readStream(file: string): { articles: Article[]; gold: string[] } {
  const rows = readJsonl<StreamRow>(file);
  return {
    articles: rows.map((r) => toArticle(r.id, r.text, r.title, r.date)),
    gold: rows.map((r) => r.event),
  };
}

/** The clustering sets of a ../shared/data folder: ECB+ dev, DUC 2006 pooled, Multi-News dev pooled. */
export function clusterSetFiles(shared: string): Array<{ name: string; file: string; pooled: boolean }> {
  return [
    { name: 'ECB+ dev', file: join(shared, 'clustering', 'ecbplus-dev.jsonl'), pooled: false },
    { name: 'DUC 2006 pooled', file: join(shared, 'summarization', 'duc2006.jsonl.gz'), pooled: true },
    {
      name: 'Multi-News dev pooled',
      file: join(shared, 'summarization', 'multinews-dev.jsonl'),
      pooled: true,
    },
  ];
}

/** A set read as a labelled stream (pooled: every cluster of a summarization file, see pooledStream). */
export function readLabelledStream(name: string, file: string, pooled: boolean): LabelledStream {
  const s = pooled ? pooledStream(readJsonl<SummarizationRow>(file)) : readStream(file);
  return { name, file, ...s };
}

/** B³ precision, recall and F1 (averaged over items). */
export function bcubed(pred: readonly (string | number)[], gold: readonly (string | number)[]) {
  const size = (labels: readonly (string | number)[]) => {
    const m = new Map<string | number, number>();
    for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1);
    return m;
  };
  const joint = new Map<string, number>();
  pred.forEach((p, i) => {
    const k = `${p}\u0000${gold[i]}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
  });
  const ps = size(pred);
  const gs = size(gold);
  let p = 0;
  let r = 0;
  pred.forEach((pl, i) => {
    const both = joint.get(`${pl}\u0000${gold[i]}`)!;
    p += both / ps.get(pl)!;
    r += both / gs.get(gold[i])!;
  });
  const n = pred.length || 1;
  p /= n;
  r /= n;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

const pairs = (k: number) => (k * (k - 1)) / 2;

/** Pairwise F1 and adjusted Rand index from the contingency table. */
export function pairwiseAndAri(pred: readonly (string | number)[], gold: readonly (string | number)[]) {
  const cells = new Map<string, number>();
  const ps = new Map<string | number, number>();
  const gs = new Map<string | number, number>();
  pred.forEach((p, i) => {
    const k = `${p}\u0000${gold[i]}`;
    cells.set(k, (cells.get(k) ?? 0) + 1);
    ps.set(p, (ps.get(p) ?? 0) + 1);
    gs.set(gold[i], (gs.get(gold[i]) ?? 0) + 1);
  });
  let same = 0;
  for (const v of cells.values()) same += pairs(v);
  let predPairs = 0;
  for (const v of ps.values()) predPairs += pairs(v);
  let goldPairs = 0;
  for (const v of gs.values()) goldPairs += pairs(v);
  const precision = predPairs ? same / predPairs : 1;
  const recall = goldPairs ? same / goldPairs : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const total = pairs(pred.length);
  const expected = total ? (predPairs * goldPairs) / total : 0;
  const max = (predPairs + goldPairs) / 2;
  const ari = max - expected !== 0 ? (same - expected) / (max - expected) : 1;
  return { pairwise_f1: f1, ari };
}

/** Every clustering metric of a labelling. */
export function clusterMetrics(
  pred: readonly (string | number)[],
  gold: readonly (string | number)[],
): Metrics {
  const b = bcubed(pred, gold);
  return {
    bcubed_p: b.p,
    bcubed_r: b.r,
    bcubed_f1: b.f1,
    ...pairwiseAndAri(pred, gold),
    clusters: new Set(pred).size,
    gold_clusters: new Set(gold).size,
  };
}

function numberFlag(flags: Record<string, string | boolean>, name: string): number | undefined {
  const v = flags[name];
  if (v === undefined || typeof v === 'boolean') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} expects a number, got "${v}"`);
  return n;
}

/** The clusterer options the flags set. */
function clustererOptions(flags: Record<string, string | boolean>): ClustererOptions {
  return {
    join: numberFlag(flags, 'join'),
    duplicate: numberFlag(flags, 'duplicate'),
    timeBonus: numberFlag(flags, 'time-bonus'),
    windowDays: numberFlag(flags, 'window-days'),
    halfLifeDays: numberFlag(flags, 'half-life'),
    merge: numberFlag(flags, 'merge'),
    nameBoost: numberFlag(flags, 'name-boost'),
    yearPenalty: numberFlag(flags, 'year-penalty'),
    retainArticles: numberFlag(flags, 'retain-articles'),
    retainDays: numberFlag(flags, 'retain-days'),
    threshold: numberFlag(flags, 'threshold'),
    learned: flags.learned ? true : undefined,
  };
}

/** Cluster a stream with the options; the final state is scored (stories merged late count as one). */
function clusterStream(stream: { articles: Article[]; gold: string[] }, options: ClustererOptions) {
  const clusterer = new StoryClusterer(options);
  // The name lists the learned features read are loaded before the clock starts.
  if (clusterer.options.learned) nameKind('warm');
  const start = performance.now();
  for (const a of stream.articles) clusterer.add(a);
  const seconds = (performance.now() - start) / 1000;
  const final = stream.articles.map((a) => clusterer.storyOf(a.id)!);
  const metrics: Metrics = {
    ...clusterMetrics(final, stream.gold),
    docs_per_s: stream.articles.length / seconds,
  };
  return { seconds, metrics, f1: bcubed(final, stream.gold).f1 };
}

function baselineRun(
  stream: { articles: Article[]; gold: string[] },
  flags: Record<string, string | boolean>,
) {
  const t0 = performance.now();
  const base = baselineClusters(stream.articles, numberFlag(flags, 'baseline-threshold'));
  const seconds = (performance.now() - t0) / 1000;
  return { ...clusterMetrics(base, stream.gold), docs_per_s: stream.articles.length / seconds };
}

export const task: EvalTask = {
  name: 'cluster',
  description: 'story clustering over a stream: B³, pairwise F1, ARI against gold stories',
  flags: {
    'from-summarization': 'pool every cluster of a summarization JSONL; gold = cluster id',
    join: 'similarity needed to join a story (default 0.15)',
    duplicate: 'containment needed to be one report (default 0.5)',
    merge: 'centroid cosine for two matched stories to merge (default 0.3; > 1 disables)',
    'name-boost': 'weight of name/number features (default 1.5; 0 disables)',
    'year-penalty': 'similarity factor for an article a year or more outside a story (default 0.5)',
    'retain-articles': 'arrivals after which a quiet story closes (default 20000)',
    'retain-days': 'days the latest date of a closing story must lie behind the stream (default 30)',
    'time-bonus': 'similarity bonus for an article dated within a story (default 0.1)',
    'window-days': 'days around a story that get the full time bonus (default 3)',
    'half-life': 'days over which the time bonus halves beyond the window (default 14)',
    learned: 'let the same-story model (models/same-story.json) veto joins',
    threshold: "probability below which the same-story model vetoes a join (default: the model's)",
    'baseline-threshold': 'cosine threshold of the TF-IDF baseline (default 0.2)',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    const options = clustererOptions(flags);
    if (statSync(data).isDirectory()) {
      // Every set of a ../shared/data folder, one table: the clusterer and the baseline per set.
      const peers: Record<string, Metrics> = {};
      let items = 0;
      let seconds = 0;
      const f1: number[] = [];
      for (const set of clusterSetFiles(data)) {
        if (!existsSync(set.file)) {
          log(`${set.file}: not found, skipped`);
          continue;
        }
        const stream = readLabelledStream(set.name, set.file, set.pooled);
        log(`${set.name}: clustering ${stream.articles.length} articles`);
        const run = clusterStream(stream, options);
        items += stream.articles.length;
        seconds += run.seconds;
        f1.push(run.f1);
        peers[`${set.name}: newsfuse`] = run.metrics;
        peers[`${set.name}: tfidf-single-pass`] = baselineRun(stream, flags);
      }
      return {
        task: 'cluster',
        data,
        items,
        seconds,
        metrics: { mean_bcubed_f1: f1.reduce((a, b) => a + b, 0) / (f1.length || 1) },
        peers,
      };
    }
    const stream = flags['from-summarization']
      ? pooledStream(readJsonl<SummarizationRow>(data))
      : readStream(data);
    log(`clustering ${stream.articles.length} articles`);
    const run = clusterStream(stream, options);
    return {
      task: 'cluster',
      data,
      items: stream.articles.length,
      seconds: run.seconds,
      metrics: run.metrics,
      peers: { 'tfidf-single-pass': baselineRun(stream, flags) },
    };
  },
};
