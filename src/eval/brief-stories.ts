/**
 * The stories of the brief dev set (data/gold/briefs.jsonl, protocol data/gold/briefs.md), and their briefs
 * as the product makes them. A story is a Multi-News dev cluster (`multinews/<id>`) or a Timeline17 window
 * (`t17/<topic>/<first day>`: the topic's articles of that day and the two after, at most 40, in file order,
 * the windows of the disagreement set). Its articles go through the whole pipeline as JSON Lines records
 * (ingest → extract → sentences → cluster → brief, 120 words as `newsfuse brief`), so that every stage a reader's
 * brief passes through is measured; an article is named by its id in ../shared/data.
 *
 * A summary sentence is named by its story, the brief it is in (0 = the largest story of the cluster), its
 * place in that summary and a hash of its text: labels follow the text, not the place.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { citeInStory } from '../brief/build.js';
import { documentsFromBytes } from '../ingest/index.js';
import { splitSentences } from '../language/sentences.js';
import type { Article, Brief, Sentence, SummarySentence } from '../model.js';
import { briefArticles, extractAll } from '../pipeline.js';
import { withoutDateline } from '../text/candidates.js';
import { dayOf } from '../text/days.js';
import { readJsonl } from './data.js';
import { WINDOW_ARTICLES, WINDOW_DAYS } from './disagreement-stories.js';
import { type SharedDoc, sharedDocs } from './shared-docs.js';

/** The summary budget of the dev set's briefs: the CLI's default. */
export const BRIEF_WORDS = 120;

/** The hash that names a summary sentence's text: 12 hex digits of SHA-256 over the text, spaces folded. */
export function sentenceHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 12);
}

/** One summary sentence of a regenerated brief, its articles named by their ids in the shared data. */
export interface BriefSentence {
  story: string;
  /** Rank of the brief among the story's briefs (largest story first). */
  brief: number;
  index: number;
  hash: string;
  text: string;
  /** The article it was taken from. */
  from: string;
  /** Articles the brief cites for it. */
  cited: string[];
  /** The report count the brief shows beside it (0 when it shows none). */
  shown: number;
}

/**
 * The selection rule of the dev set (data/gold/briefs.md), from the shared data alone:
 * - citation stories: the first 10 Multi-News dev clusters in file order with 3–6 articles and at most 2,500
 *   words in all;
 * - usable-only stories: the first 40 Multi-News dev clusters in file order (those above included), and the
 *   middle window (index ⌊n/2⌋ of the topic's windows) of each Timeline17 topic, of which only the first
 *   brief (the largest story) is kept.
 */
export function selectStories(shared: string): { citation: string[]; usable: string[] } {
  const rows = readJsonl<{ id: string; docs: SharedDoc[] }>(
    join(shared, 'summarization', 'multinews-dev.jsonl'),
  );
  const citation = citationStories(shared, rows).slice(0, 10);
  const usable = rows.slice(0, 40).map((r) => `multinews/${r.id}`);
  const t17 = join(shared, 'timeline', 't17');
  if (existsSync(t17))
    for (const topic of readdirSync(t17).sort()) {
      const windows = t17Windows(readJsonl<SharedDoc>(join(t17, topic, 'articles.jsonl.gz')));
      usable.push(`t17/${topic}/${windows[Math.floor(windows.length / 2)]}`);
    }
  return { citation, usable };
}

/**
 * Every Multi-News dev cluster that the citation rule admits (3–6 articles, at most 2,500 words in all), in
 * file order: the first 10 are round 1's citation stories, the next ones later rounds' (data/gold/briefs.md).
 * Round 13 widened the word limit to 4,500 once the 2,500-word stories were all labelled (`maxWords`).
 */
export function citationStories(
  shared: string,
  rows = readJsonl<{ id: string; docs: SharedDoc[] }>(join(shared, 'summarization', 'multinews-dev.jsonl')),
  maxWords = 2500,
): string[] {
  const words = (r: { docs: SharedDoc[] }) =>
    r.docs.reduce((n, d) => n + d.text.split(/\s+/).filter(Boolean).length, 0);
  return rows
    .filter((r) => r.docs.length >= 3 && r.docs.length <= 6 && words(r) <= maxWords)
    .map((r) => `multinews/${r.id}`);
}

/** The first days of a topic's windows: each a day with articles at least WINDOW_DAYS after the last. */
export function t17Windows(docs: SharedDoc[]): string[] {
  const out: string[] = [];
  let until = Number.NEGATIVE_INFINITY;
  for (const d of [...new Set(docs.map((x) => x.date ?? ''))].sort()) {
    const day = dayOf(d);
    if (day === undefined || day < until) continue;
    out.push(d);
    until = day + WINDOW_DAYS;
  }
  return out;
}

/** Loads a story's articles by story id (undefined when its data is not there). */
export function briefStoryLoader(shared: string): (story: string) => SharedDoc[] | undefined {
  const docs = sharedDocs(shared);
  return (story) => {
    const [set, a, b] = story.split('/');
    if (set === 'multinews' || set === 'duc2006') return docs.cluster(set, a);
    if (set !== 't17') return undefined;
    const first = dayOf(b);
    const topic = docs.topic(a);
    if (first === undefined || !topic) return undefined;
    return topic
      .filter((d) => {
        const day = dayOf(d.date);
        return day !== undefined && day >= first && day < first + WINDOW_DAYS;
      })
      .slice(0, WINDOW_ARTICLES)
      .map((d) => ({ ...d, id: `${a}/${d.id}` }));
  };
}

/**
 * Only the first brief of a Timeline17 window or a DUC 2006 topic is in the set (either holds many small
 * stories: a DUC topic's 25 articles give a dozen briefs).
 */
export const briefsKept = (story: string) =>
  story.startsWith('t17/') || story.startsWith('duc2006/') ? 1 : Number.POSITIVE_INFINITY;

/** The dev set's brief options: the CLI's default budget, kept fixed whatever a story's size. */
export const BRIEF_OPTIONS = { words: BRIEF_WORDS, fixedWords: true };

/**
 * A story's articles through the product's pipeline as JSON Lines records (ingest → extract → sentences →
 * cluster → brief); `name` gives an article's id in the shared data.
 */
export function storyPipeline(
  story: string,
  docs: SharedDoc[],
): { articles: Article[]; name: (articleId: string) => string; briefed: ReturnType<typeof briefArticles> } {
  const file = `${story.replace(/\//g, '_')}.jsonl`;
  const records = docs.map((d) => JSON.stringify({ title: d.title, date: d.date, text: d.text }));
  const ingest = documentsFromBytes(file, Buffer.from(`${records.join('\n')}\n`));
  const { articles } = extractAll(ingest.docs);
  // A record's article is named `file:line`; line k is the story's k-th article.
  const docOf = new Map(
    articles.map((a) => [a.id, docs[Number(a.source.slice(file.length + 1)) - 1]?.id ?? a.id]),
  );
  return { articles, name: (id) => docOf.get(id) ?? id, briefed: briefArticles(articles, BRIEF_OPTIONS) };
}

/** A labelled sentence to cite wherever its story puts it: its article (shared-data id) and its hash. */
export interface SentenceRef {
  from: string;
  hash: string;
}

/**
 * The briefs of one story's articles, made by the product's pipeline from JSON Lines records; every
 * summary sentence with its article ids mapped back to the shared data's ids. With `labelled`, also each of
 * those sentences cited and counted as its story's brief would cite and count it had the summary chosen it
 * (`everyCited`, `brief` = the rank of the story it is in, `index` -1), whether or not the summary shows it.
 */
export function storyBriefs(
  story: string,
  docs: SharedDoc[],
  labelled: SentenceRef[] = [],
): { briefs: Brief[]; sentences: BriefSentence[]; articles: Article[]; everyCited: BriefSentence[] } {
  const { articles, name, briefed } = storyPipeline(story, docs);
  const briefs = briefed.briefs.slice(0, briefsKept(story));
  const sentences: BriefSentence[] = [];
  const row = (k: number, i: number, s: SummarySentence): BriefSentence => ({
    story,
    brief: k,
    index: i,
    hash: sentenceHash(s.text),
    text: s.text,
    from: name(s.from.articleId),
    cited: [...new Set(s.citations.map((c) => name(c.articleId)))],
    shown: s.corroboration?.reports ?? 0,
  });
  briefs.forEach((b, k) => {
    b.summary.forEach((s, i) => {
      sentences.push(row(k, i, s));
    });
  });
  const everyCited: BriefSentence[] = [];
  if (labelled.length) {
    const wanted = new Map<string, Set<string>>();
    for (const l of labelled) wanted.set(l.from, (wanted.get(l.from) ?? new Set()).add(l.hash));
    const byId = new Map(articles.map((a) => [a.id, a]));
    briefed.stories.forEach((st, k) => {
      if (!st.articleIds.some((id) => wanted.has(name(id)))) return;
      const pick = (s: Sentence) =>
        wanted.get(name(s.articleId))?.has(sentenceHash(withoutDateline(s))) ?? false;
      for (const s of citeInStory(st, byId, briefed.sentences, BRIEF_OPTIONS, pick))
        everyCited.push(row(k, -1, s));
    });
  }
  return { briefs, sentences, articles, everyCited };
}

/**
 * The sentences of a summary sentence's source article around it, for a labeller to read: `before` sentences
 * ahead of it, the sentence itself and `after` behind it, joined with " ⏐ "; undefined when the shown text is
 * not found among the article's sentences.
 */
export function sourceAround(
  articleText: string,
  shown: string,
  before: number,
  after: number,
): string | undefined {
  const parts = splitSentences(articleText).map((p) => p.text);
  const k = parts.findIndex((p) => shown.includes(p) || p.includes(shown));
  return k < 0 ? undefined : parts.slice(Math.max(0, k - before), k + after + 1).join(' ⏐ ');
}
