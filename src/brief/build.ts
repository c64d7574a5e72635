/** Build the brief of one story: summary sentences with citations, and the numbered source list. */
import { templateSentences } from '../analyse/boilerplate.js';
import { corroborationOf } from '../analyse/claims.js';
import { analyseStory, type StoryAnalysis } from '../analyse/index.js';
import { type Since, whatsNew } from '../analyse/updates.js';
import { attempt, failedOn } from '../isolate.js';
import { wordCount } from '../language/tokens.js';
import type {
  Article,
  Brief,
  Diagnostic,
  Origin,
  Sentence,
  SourceEntry,
  Story,
  SummarySentence,
} from '../model.js';
import { summarize } from '../summarize/index.js';
import { withoutDateline } from '../text/candidates.js';
import { findSupport, sentenceFrequencies } from './cite.js';
import { sourceName } from './source-name.js';

export interface BriefOptions {
  /** The summary budget of a story of up to 10 sources; a bigger story's grows (`storyBudget`). */
  words: number;
  /** Keep the budget at `words` whatever the story's size (an explicit `--words`, the brief dev set). */
  fixedWords?: boolean;
  method?: string;
  query?: string;
  /** Say what is new since a date or a previous brief. */
  since?: Since;
  /** Build the brief from at most this many articles of a story, the latest (default 100). */
  maxArticles?: number;
}

/**
 * The summary budget of a story: `words` up to 10 sources, growing with the logarithm of their number to
 * 250/120 of it at 100 sources and more (120 words → 250). A story of a hundred reports has more to say than
 * one of five, but not twenty times more: a reader wants its main lines, not its whole record.
 */
export function storyBudget(words: number, sources: number): number {
  const growth = Math.min(1, Math.max(0, Math.log10(Math.max(sources, 1) / 10)));
  return Math.round(words * (1 + (growth * 130) / 120));
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

/** The brief of one story; what could not be computed is left out silently (see `briefStory`). */
export function buildBrief(
  story: Story,
  articles: Map<string, Article>,
  sentences: Map<string, Sentence[]>,
  options: BriefOptions,
): Brief {
  return briefStory(story, articles, sentences, options).brief;
}

/** What a story's brief is made from: its members, their sentences past page furniture, and its analysis. */
interface StoryContext {
  /** Every article of the story, in source order, and the ones the brief is made from (the latest `cap`). */
  all: Article[];
  members: Article[];
  sources: SourceEntry[];
  refOf: Map<string, number>;
  storySentences: Sentence[];
  analysis: StoryAnalysis;
  origin: Origin;
}

/** A story's articles in source order, and the ones its brief is made from. */
function storyMembers(
  story: Story,
  articles: Map<string, Article>,
  options: BriefOptions,
): { all: Article[]; members: Article[] } {
  // A story of thousands of articles (a running topic) is briefed from its latest reports: what a reader
  // needs now, in time and size bounded by the cap rather than by the story.
  const cap = options.maxArticles ?? MAX_BRIEF_ARTICLES;
  const all = orderSources(story.articleIds.map((id) => articles.get(id)!));
  return { all, members: all.length > cap ? latest(all, cap) : all };
}

/** The sentences of a story's members without the page furniture repeated across a site's articles. */
function pastFurniture(
  story: Story,
  members: Article[],
  sentences: Map<string, Sentence[]>,
  origin: Origin,
  diagnostics: Diagnostic[],
): Sentence[] {
  // Page furniture repeated across a site's articles ("We welcome comments …") is no claim of the story.
  const reportOf = new Map(story.reports.flatMap((r) => r.articleIds.map((id) => [id, r.id] as const)));
  const raw = members.flatMap((a) => sentences.get(a.id) ?? []);
  const template =
    attempt(
      () => templateSentences(raw, (id) => reportOf.get(id) ?? id),
      origin,
      diagnostics,
      'could not look for page furniture',
    ) ?? new Set<Sentence>();
  return template.size ? raw.filter((s) => !template.has(s)) : raw;
}

/**
 * The sentences a story's brief reads (its summary, citations and claims are drawn from these), for the
 * evaluation scripts that look at citations sentence by sentence.
 */
export function briefSentences(
  story: Story,
  articles: Map<string, Article>,
  sentences: Map<string, Sentence[]>,
  options: BriefOptions,
): Sentence[] {
  const { members } = storyMembers(story, articles, options);
  return pastFurniture(story, members, sentences, { path: members[0]?.source ?? story.id }, []);
}

function storyContext(
  story: Story,
  articles: Map<string, Article>,
  sentences: Map<string, Sentence[]>,
  options: BriefOptions,
  diagnostics: Diagnostic[],
): StoryContext {
  const { all, members } = storyMembers(story, articles, options);
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
  const origin: Origin = { path: members[0]?.source ?? story.id };
  const storySentences = pastFurniture(story, members, sentences, origin, diagnostics);
  const sourceOf = new Map(sources.map((s) => [s.articleId, s]));
  const outletOf = (id: string) => sourceName(sourceOf.get(id)!);
  const analysis = isolatedAnalysis(story, members, storySentences, outletOf, diagnostics);
  return { all, members, sources, refOf, storySentences, analysis, origin };
}

/**
 * The brief of one story, and a warning for each part that could not be computed: an article on which the
 * analysis throws is left out of the analysis (its sentences still count for the summary), a summary that
 * cannot be made leaves the brief with its sources, so one bad page never costs a story its brief.
 */
export function briefStory(
  story: Story,
  articles: Map<string, Article>,
  sentences: Map<string, Sentence[]>,
  options: BriefOptions,
): { brief: Brief; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ctx = storyContext(story, articles, sentences, options, diagnostics);
  const { all, members, sources, analysis } = ctx;
  const summary =
    attempt(
      () => summarySentences(ctx, options),
      ctx.origin,
      diagnostics,
      `could not summarize the story "${story.headline}"`,
    ) ?? [];
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
  const since = options.since;
  if (since) {
    const update = attempt(
      () => whatsNew(brief, articles, since),
      ctx.origin,
      diagnostics,
      'could not tell what is new',
    );
    if (update) brief.update = update;
  }
  return { brief, diagnostics };
}

/**
 * The sentences of a story that `pick` selects, cited and counted exactly as the story's brief would cite and
 * count them had its summary chosen them. For evaluation: citations and report counts can then be measured on
 * every labelled sentence, not only on the ones today's summary happens to choose.
 */
export function citeInStory(
  story: Story,
  articles: Map<string, Article>,
  sentences: Map<string, Sentence[]>,
  options: BriefOptions,
  pick: (s: Sentence) => boolean,
): SummarySentence[] {
  const ctx = storyContext(story, articles, sentences, options, []);
  return citedSentences(ctx.storySentences.filter(pick), ctx);
}

/** The chosen sentences of a story with their citations and corroboration. */
function summarySentences(ctx: StoryContext, options: BriefOptions): SummarySentence[] {
  const chosen = summarize(
    { articles: ctx.members, sentences: ctx.storySentences },
    {
      words: options.fixedWords ? options.words : storyBudget(options.words, ctx.members.length),
      method: options.method,
      query: options.query,
    },
  );
  return citedSentences(chosen, ctx);
}

/** Sentences of a story with the articles that state them (citations) and their report count. */
function citedSentences(chosen: Sentence[], ctx: StoryContext): SummarySentence[] {
  const { storySentences, refOf, analysis } = ctx;
  const df = sentenceFrequencies(storySentences);
  return chosen.map((s) => {
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
}

/**
 * The story's analysis. When it throws, each article is analysed alone to find the ones it throws on; those
 * are reported and the story analysed without them. When that fails too, the brief goes without analysis.
 */
function isolatedAnalysis(
  story: Story,
  members: Article[],
  sentences: Sentence[],
  outletOf: (articleId: string) => string,
  diagnostics: Diagnostic[],
): StoryAnalysis {
  let failure: unknown;
  try {
    return analyseStory(story, members, sentences, outletOf);
  } catch (err) {
    failure = err;
  }
  const bad = new Set<string>();
  for (const a of members) {
    const own = sentences.filter((s) => s.articleId === a.id);
    const alone = attempt(
      () => analyseStory(restrict(story, [a.id]), [a], own, outletOf),
      { path: a.source },
      diagnostics,
    );
    if (!alone) bad.add(a.id);
  }
  if (bad.size && bad.size < members.length) {
    const good = members.filter((a) => !bad.has(a.id));
    try {
      return analyseStory(
        restrict(
          story,
          good.map((a) => a.id),
        ),
        good,
        sentences.filter((s) => !bad.has(s.articleId)),
        outletOf,
      );
    } catch (err) {
      failure = err;
    }
  }
  // Unless every article was reported on its own, say why the story goes without analysis.
  if (bad.size < members.length)
    diagnostics.push(
      failedOn(
        { path: members[0]?.source ?? story.id },
        failure,
        `could not analyse the story "${story.headline}"`,
      ),
    );
  return noAnalysis(story, outletOf);
}

/** The story narrowed to some of its articles (and its reports to those articles). */
function restrict(story: Story, ids: string[]): Story {
  const keep = new Set(ids);
  return {
    ...story,
    articleIds: story.articleIds.filter((id) => keep.has(id)),
    reports: story.reports
      .map((r) => ({ ...r, articleIds: r.articleIds.filter((id) => keep.has(id)) }))
      .filter((r) => r.articleIds.length),
  };
}

/** An empty analysis: corroboration is still counted from the articles found to state a sentence. */
function noAnalysis(story: Story, outletOf: (articleId: string) => string): StoryAnalysis {
  const reportOf = new Map(story.reports.flatMap((r) => r.articleIds.map((id) => [id, r.id] as const)));
  return {
    claims: [],
    disagreements: [],
    coverage: [],
    timeline: [],
    quotes: [],
    entities: [],
    corroborate: (sentence, supporting) =>
      corroborationOf([sentence.articleId, ...supporting], { reportOf, outletOf }),
  };
}

/** The `n` most recently published articles (undated ones count as oldest), kept in source order. */
function latest(ordered: Article[], n: number): Article[] {
  const dated = ordered.filter((a) => a.published);
  const undated = ordered.filter((a) => !a.published);
  const keep = new Set([...undated, ...dated].slice(-n));
  return ordered.filter((a) => keep.has(a));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
