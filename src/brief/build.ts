/** Build the brief of one story: summary sentences with citations, and the numbered source list. */
import { templateSentences } from '../analyse/boilerplate.js';
import { analyseStory } from '../analyse/index.js';
import { type Since, whatsNew } from '../analyse/updates.js';
import { wordCount } from '../language/tokens.js';
import type { Article, Brief, Sentence, SourceEntry, Story, SummarySentence } from '../model.js';
import { summarize } from '../summarize/index.js';
import { withoutDateline } from '../text/candidates.js';
import { findSupport, sentenceFrequencies } from './cite.js';
import { sourceName } from './source-name.js';

export interface BriefOptions {
  words: number;
  method?: string;
  query?: string;
  /** Say what is new since a date or a previous brief. */
  since?: Since;
  /** Build the brief from at most this many articles of a story, the latest (default 100). */
  maxArticles?: number;
}

/** A brief reads at most this many articles of one story: the latest ones. */
export const MAX_BRIEF_ARTICLES = 100;

/** Sources in a stable order: by publication date (undated last), then by source path. */
export function orderSources(articles: Article[]): Article[] {
  return [...articles].sort(
    (a, b) =>
      (a.published ? 0 : 1) - (b.published ? 0 : 1) ||
      (a.published ?? '').localeCompare(b.published ?? '') ||
      a.source.localeCompare(b.source),
  );
}

export function buildBrief(
  story: Story,
  articles: Map<string, Article>,
  sentences: Map<string, Sentence[]>,
  options: BriefOptions,
): Brief {
  // A story of thousands of articles (a running topic) is briefed from its latest reports: what a reader
  // needs now, in time and size bounded by the cap rather than by the story.
  const cap = options.maxArticles ?? MAX_BRIEF_ARTICLES;
  const all = orderSources(story.articleIds.map((id) => articles.get(id)!));
  const members = all.length > cap ? latest(all, cap) : all;
  const sources: SourceEntry[] = members.map((a, i) => ({
    ref: i + 1,
    articleId: a.id,
    publisher: a.publisher,
    title: a.title,
    published: a.published,
    source: a.source,
    url: a.url,
  }));
  const refOf = new Map(sources.map((s) => [s.articleId, s.ref]));
  // Page furniture repeated across a site's articles ("We welcome comments …") is no claim of the story.
  const reportOf = new Map(story.reports.flatMap((r) => r.articleIds.map((id) => [id, r.id] as const)));
  const raw = members.flatMap((a) => sentences.get(a.id) ?? []);
  const template = templateSentences(raw, (id) => reportOf.get(id) ?? id);
  const storySentences = template.size ? raw.filter((s) => !template.has(s)) : raw;
  const chosen = summarize(
    { articles: members, sentences: storySentences },
    { words: options.words, method: options.method, query: options.query },
  );
  const df = sentenceFrequencies(storySentences);
  const sourceOf = new Map(sources.map((s) => [s.articleId, s]));
  const analysis = analyseStory(story, members, storySentences, (id) => sourceName(sourceOf.get(id)!));
  const summary: SummarySentence[] = chosen.map((s) => {
    const citations = findSupport(s, storySentences, df, storySentences.length)
      .map((sup) => ({
        articleId: sup.articleId,
        ref: refOf.get(sup.articleId)!,
        sentenceIndex: sup.sentenceIndex,
        score: round(sup.score),
      }))
      .sort((a, b) => a.ref - b.ref);
    return {
      text: withoutDateline(s),
      from: { articleId: s.articleId, sentenceIndex: s.index },
      citations,
      corroboration: analysis.corroborate(
        s,
        citations.map((c) => c.articleId),
      ),
    };
  });
  const brief: Brief = {
    storyId: story.id,
    headline: story.headline,
    summary,
    sources: sources.map(
      (s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as SourceEntry,
    ),
    words: summary.reduce((n, s) => n + wordCount(s.text), 0),
    ...(members.length < all.length ? { storyArticles: all.length } : {}),
    timeline: analysis.timeline,
    quotes: analysis.quotes,
    entities: analysis.entities,
    claims: analysis.claims,
    disagreements: analysis.disagreements,
    coverage: analysis.coverage,
  };
  if (options.since) brief.update = whatsNew(brief, articles, options.since);
  return brief;
}

/** The `n` most recently published articles (undated ones count as oldest), kept in source order. */
function latest(ordered: Article[], n: number): Article[] {
  const dated = ordered.filter((a) => a.published);
  const undated = ordered.filter((a) => !a.published);
  const keep = new Set([...undated, ...dated].slice(-n));
  return ordered.filter((a) => keep.has(a));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
