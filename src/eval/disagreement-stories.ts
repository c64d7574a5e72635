/**
 * The stories of the disagreement dev set (data/gold/disagreements.jsonl), rebuilt from ../shared/data by
 * id: a Timeline17 window (`t17/<topic>/<first day>`: the topic's articles published that day or the two
 * after, at most 40, in file order), a DUC 2006 topic (`duc2006/<topic>`) or a Multi-News cluster
 * (`multinews/<id>`). A figure is named by its article and its offset in the article's text (the sentence's
 * start plus the figure's start in it), so labels need no third-party text.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { groupNearDuplicates } from '../cluster/near-duplicates.js';
import { articleSentences } from '../language/sentences.js';
import type { Article, Sentence } from '../model.js';
import { dayOf } from '../text/days.js';
import { toArticle } from './cluster.js';
import { readJsonl } from './data.js';
import { type SharedDoc, sharedDocs } from './shared-docs.js';

export interface GoldStory {
  id: string;
  articles: Article[];
  sentences: Sentence[];
  reportOf: Map<string, string>;
  dayOf: (articleId: string) => number | undefined;
}

/** Articles per Timeline17 window, and the window's length in days. */
export const WINDOW_ARTICLES = 40;
export const WINDOW_DAYS = 3;

/** Every story the dev set can draw from, in a fixed order. */
export function allStoryIds(shared: string): string[] {
  const out: string[] = [];
  const t17 = join(shared, 'timeline', 't17');
  if (existsSync(t17))
    for (const topic of readdirSync(t17).sort()) {
      const docs = readJsonl<SharedDoc>(join(t17, topic, 'articles.jsonl.gz'));
      let until = Number.NEGATIVE_INFINITY;
      for (const d of [...new Set(docs.map((x) => x.date ?? ''))].sort()) {
        const day = dayOf(d);
        if (day === undefined || day < until) continue;
        out.push(`t17/${topic}/${d}`);
        until = day + WINDOW_DAYS;
      }
    }
  for (const r of readJsonl<{ id: string }>(join(shared, 'summarization', 'duc2006.jsonl.gz')))
    out.push(`duc2006/${r.id}`);
  for (const r of readJsonl<{ id: string }>(join(shared, 'summarization', 'multinews-dev.jsonl')))
    out.push(`multinews/${r.id}`);
  return out;
}

/** The dataset a story comes from: "t17", "duc2006" or "multinews". */
export const datasetOf = (storyId: string) => storyId.split('/')[0];

/** Loads stories by id, reading each source file once. */
export function storyLoader(shared: string): (id: string) => GoldStory {
  const docs = sharedDocs(shared);
  return (id) => {
    const [dataset, a, b] = id.split('/');
    let articles: Article[];
    if (dataset === 't17') {
      const first = dayOf(b)!;
      const topic = docs.topic(a);
      if (!topic) throw new Error(`no story ${id}: Timeline17 topic ${a} is not in ${shared}`);
      articles = topic
        .filter((d) => {
          const day = dayOf(d.date);
          return day !== undefined && day >= first && day < first + WINDOW_DAYS;
        })
        .slice(0, WINDOW_ARTICLES)
        .map((d) => toArticle(`${a}/${d.id}`, d.text, d.title, d.date));
    } else {
      const set = dataset === 'duc2006' ? 'duc2006' : 'multinews';
      const cluster = docs.cluster(set, a);
      if (!cluster) throw new Error(`no story ${id} in ${docs.clusterFile(set)}`);
      articles = cluster.map((d) => toArticle(`${a}/${d.id}`, d.text, d.title, d.date));
    }
    const reportOf = new Map<string, string>();
    for (const g of groupNearDuplicates(articles)) for (const x of g) reportOf.set(x, g[0]);
    const days = new Map(articles.map((x) => [x.id, dayOf(x.published)]));
    return {
      id,
      articles,
      sentences: articles.flatMap(articleSentences),
      reportOf,
      dayOf: (x) => days.get(x),
    };
  };
}

/** A figure's place: article id and offset of the figure in the article's text. */
export const figureKey = (articleId: string, offset: number) => `${articleId}@${offset}`;

/** The key of an unordered pair of figures. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
