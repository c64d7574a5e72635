/**
 * `newsfuse eval cluster`: story clustering against gold story labels.
 *  - default: a stream file `{id, date?, title?, text, event}` per line (ECB+ format), fed in file order;
 *  - `--from-summarization`: every document of every cluster of a summarization JSONL (e.g. DUC 2006), gold =
 *    cluster id, fed in date order (undated last), ties by cluster id then position in the cluster.
 * Metrics: B³ precision/recall/F1, pairwise F1, adjusted Rand index, cluster counts, throughput. The
 * single-pass TF-IDF cosine baseline is reported as a peer.
 */
import { baselineClusters } from '../cluster/baseline.js';
import { StoryClusterer } from '../cluster/stream.js';
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

/** An Article for a dataset row (the eval feeds text straight to the clusterer, no extraction). */
export function toArticle(id: string, text: string, title?: string, date?: string): Article {
  return {
    id,
    source: id,
    title: title ?? '',
    published: date,
    language: 'en',
    paragraphs: text.split(/\n\s*\n/),
    text,
    hash: id,
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

export const task: EvalTask = {
  name: 'cluster',
  description: 'story clustering over a stream: B³, pairwise F1, ARI against gold stories',
  flags: {
    'from-summarization': 'pool every cluster of a summarization JSONL; gold = cluster id',
    join: 'similarity needed to join a story (default 0.15)',
    duplicate: 'containment needed to be one report (default 0.5)',
    merge: 'centroid cosine for two matched stories to merge (default 0.4; > 1 disables)',
    'name-boost': 'weight of name/number features (default 1.5; 0 disables)',
    'year-penalty': 'similarity factor for an article a year or more outside a story (default 0.5)',
    'retain-articles': 'arrivals after which a quiet story closes (default 20000)',
    'retain-days': 'days the latest date of a closing story must lie behind the stream (default 30)',
    'time-bonus': 'similarity bonus for an article dated within a story (default 0.1)',
    'window-days': 'days around a story that get the full time bonus (default 3)',
    'half-life': 'days over which the time bonus halves beyond the window (default 14)',
    'baseline-threshold': 'cosine threshold of the TF-IDF baseline (default 0.2)',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    let articles: Article[];
    let gold: string[];
    if (flags['from-summarization']) {
      ({ articles, gold } = pooledStream(readJsonl<SummarizationRow>(data)));
    } else {
      const rows = readJsonl<StreamRow>(data);
      articles = rows.map((r) => toArticle(r.id, r.text, r.title, r.date));
      gold = rows.map((r) => r.event);
    }
    log(`clustering ${articles.length} articles`);
    const clusterer = new StoryClusterer({
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
    });
    const start = performance.now();
    for (const a of articles) clusterer.add(a);
    const seconds = (performance.now() - start) / 1000;
    // Score the final state: stories merged late count as one.
    const final = articles.map((a) => clusterer.storyOf(a.id)!);
    const t0 = performance.now();
    const base = baselineClusters(articles, numberFlag(flags, 'baseline-threshold'));
    const baseSeconds = (performance.now() - t0) / 1000;
    return {
      task: 'cluster',
      data,
      items: articles.length,
      seconds,
      metrics: { ...clusterMetrics(final, gold), docs_per_s: articles.length / seconds },
      peers: {
        'tfidf-single-pass': { ...clusterMetrics(base, gold), docs_per_s: articles.length / baseSeconds },
      },
    };
  },
};
