/**
 * `newsfuse eval timeline --data DIR`: timeline summarization on Timeline17 (`../shared/data/timeline/t17/`).
 * DIR is the t17 folder (every topic) or one topic folder. Standard protocol (news-tls): for each reference
 * timeline, the articles are limited to the reference's date range, and the system builds a timeline with
 * the reference's number of dates and its mean number of sentences per date (rounded). The timeline is the
 * one briefs show (`rankedTimeline`, the list `storyTimeline` takes its head from), cut to that size: its
 * best-ranked day-dated events within the range, at most the per-date number on each date. Metrics per
 * timeline, then the mean: date_f1, and ROUGE-1/2 F1 in the align+ m:1 variant (ar1_f, ar2_f; what
 * the literature reports as AR), with the concat and agreement variants beside them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rankedTimeline } from '../analyse/story-timeline.js';
import { articleSentences } from '../language/sentences.js';
import type { Article, Sentence, TimelineEntry } from '../model.js';
import type { EvalResult, EvalTask } from './contract.js';
import { readJsonl } from './data.js';
import { agreementRouge, alignRouge, concatRouge, dateF1, type Timeline } from './timeline-metrics.js';

interface RawArticle {
  id: string;
  date: string;
  text: string;
}

interface RawTimeline {
  name: string;
  entries: { date: string; sentences: string[] }[];
}

function topicDirs(data: string): string[] {
  if (existsSync(join(data, 'timelines.jsonl'))) return [data];
  return readdirSync(data)
    .map((d) => join(data, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'timelines.jsonl')))
    .sort();
}

function asArticle(r: RawArticle): { article: Article; sentences: Sentence[] } {
  // One sentence per line in the corpus: keep that segmentation, as the protocol does.
  const paragraphs = r.text.split('\n').filter((l) => l.trim());
  const article: Article = {
    id: r.id,
    source: r.id,
    title: '',
    published: r.date,
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    hash: r.id,
  };
  return { article, sentences: articleSentences(article) };
}

/**
 * The protocol's cut of a ranked timeline: walking the entries best first, a date is taken while fewer than
 * `dates` are, and each taken date keeps its first `perDate` entries. Only whole days within the range count.
 */
export function cutTimeline(
  ranked: TimelineEntry[],
  size: { dates: number; perDate: number; range: [string, string] },
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of ranked) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date) || e.date < size.range[0] || e.date > size.range[1]) continue;
    const day = out.get(e.date);
    if (day) {
      if (day.length < size.perDate) day.push(e.text);
    } else if (out.size < size.dates) out.set(e.date, [e.text]);
  }
  return new Map([...out].sort((a, b) => a[0].localeCompare(b[0])));
}

const round = (x: number) => Math.round(x * 10000) / 10000;

export const task: EvalTask = {
  name: 'timeline',
  description: 'timeline summarization on Timeline17: date F1 and alignment-based ROUGE',
  flags: {
    topic: 'only topics whose name contains this text',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    const started = performance.now();
    let dirs = topicDirs(data);
    if (typeof flags.topic === 'string') dirs = dirs.filter((d) => d.includes(flags.topic as string));
    if (!dirs.length) throw new Error(`${data}: no topic folder with timelines.jsonl`);
    const perTopic: Record<string, Record<string, number>> = {};
    const rows: Record<string, number>[] = [];
    let articlesSeen = 0;
    for (const dir of dirs) {
      const topic = dir.split(/[\\/]/).filter(Boolean).pop()!;
      const raw = readJsonl<RawArticle>(join(dir, 'articles.jsonl.gz'));
      const articles = raw.map(asArticle);
      articlesSeen += articles.length;
      const timelines = readJsonl<RawTimeline>(join(dir, 'timelines.jsonl'));
      for (const ref of timelines) {
        const dates = ref.entries.map((e) => e.date).sort();
        const sentences = ref.entries.reduce((n, e) => n + e.sentences.length, 0);
        const range: [string, string] = [dates[0], dates[dates.length - 1]];
        const inRange = articles.filter(
          (a) => a.article.published! >= range[0] && a.article.published! <= range[1],
        );
        const ranked = rankedTimeline(
          inRange.map((a) => a.article),
          inRange.flatMap((a) => a.sentences),
          (a) => a.published,
        );
        const pred: Timeline = cutTimeline(ranked, {
          dates: dates.length,
          perDate: Math.max(1, Math.round(sentences / dates.length)),
          range,
        });
        const gold: Timeline = new Map(ref.entries.map((e) => [e.date, e.sentences]));
        const row = {
          date_f1: dateF1(pred.keys(), gold.keys()).f,
          ar1_f: alignRouge(pred, [gold], 1).f,
          ar2_f: alignRouge(pred, [gold], 2).f,
          concat_r1_f: concatRouge(pred, [gold], 1).f,
          concat_r2_f: concatRouge(pred, [gold], 2).f,
          agreement_r1_f: agreementRouge(pred, [gold], 1).f,
          agreement_r2_f: agreementRouge(pred, [gold], 2).f,
        };
        rows.push(row);
        const key = timelines.length > 1 ? `${topic}/${ref.name}` : topic;
        perTopic[key] = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)]));
        log(
          `${key}: date F1 ${row.date_f1.toFixed(3)}, AR1 ${row.ar1_f.toFixed(3)}, AR2 ${row.ar2_f.toFixed(3)}`,
        );
      }
    }
    const keys = Object.keys(rows[0]);
    const metrics = Object.fromEntries(
      keys.map((k) => [k, rows.reduce((n, r) => n + r[k], 0) / rows.length]),
    );
    return {
      task: 'timeline',
      data,
      items: rows.length,
      seconds: (performance.now() - started) / 1000,
      metrics: { ...metrics, articles: articlesSeen },
      details: { topics: perTopic },
    };
  },
};
