/**
 * The whole pipeline, ingest → extract → sentences → cluster → brief, as one call.
 * Pure over its inputs except for reading files in `runPipeline`; diagnostics are returned, not printed.
 * A stage that throws on one page or one story costs only that page's or story's output, with a warning.
 */
import { headlineSource, storyHeadlines } from './analyse/headline.js';
import { type BriefOptions, briefStory } from './brief/build.js';
import { clusterArticles } from './cluster/index.js';
import { type ExtractOptions, extractArticle } from './extract/index.js';
import { removeSiteTemplates } from './extract/site-template.js';
import { readInputs } from './ingest/index.js';
import { attempt } from './isolate.js';
import { articleSentences } from './language/sentences.js';
import type { Article, Brief, Diagnostic, RawDocument, Sentence, Story } from './model.js';

export interface PipelineResult {
  articles: Article[];
  stories: Story[];
  briefs: Brief[];
  diagnostics: Diagnostic[];
}

/**
 * Extract every raw document; duplicates of the same raw input (same hash) are kept once. When several
 * pages come from one site, paragraphs that recur across them (the site's template) are removed. Inputs that
 * are not articles (error pages, walls, ...) are dropped with a warning naming why, unless `keepAll`.
 */
export function extractAll(
  docs: RawDocument[],
  options: ExtractOptions = {},
): { articles: Article[]; diagnostics: Diagnostic[] } {
  const articles: Article[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.hash)) {
      diagnostics.push({
        level: 'warning',
        origin: doc.origin,
        message: 'identical to an earlier input; skipped',
      });
      continue;
    }
    seen.add(doc.hash);
    const r = attempt(() => extractArticle(doc, options), doc.origin, diagnostics);
    if (!r) continue;
    diagnostics.push(...r.diagnostics);
    if (r.article) articles.push(r.article);
  }
  const cleaned = attempt(
    () => removeSiteTemplates(articles).articles,
    { path: articles[0]?.source ?? '' },
    diagnostics,
    'could not remove the site templates of these pages',
  );
  return { articles: cleaned ?? articles, diagnostics };
}

/**
 * Cluster articles into stories and brief each story, largest story first. An article whose sentences
 * cannot be found is left out (with a warning); a story's brief leaves out what could not be computed.
 */
export function briefArticles(
  articles: Article[],
  options: BriefOptions,
): { stories: Story[]; briefs: Brief[]; diagnostics: Diagnostic[]; sentences: Map<string, Sentence[]> } {
  const diagnostics: Diagnostic[] = [];
  const sentences = new Map<string, Sentence[]>();
  for (const a of articles) {
    const own = attempt(() => articleSentences(a), { path: a.source }, diagnostics);
    if (own) sentences.set(a.id, own);
  }
  const usable = sentences.size === articles.length ? articles : articles.filter((a) => sentences.has(a.id));
  const stories = storiesWithHeadlines(clusterArticles(usable), usable);
  const byId = new Map(usable.map((a) => [a.id, a]));
  const briefs = stories.map((story) => {
    const r = briefStory(story, byId, sentences, options);
    diagnostics.push(...r.diagnostics);
    return r.brief;
  });
  return { stories, briefs, diagnostics, sentences };
}

/** Stories named by their most central article's usable title, or their most central lead sentence. */
export function storiesWithHeadlines(stories: Story[], articles: Article[]): Story[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  return storyHeadlines(stories, (id) => {
    const a = byId.get(id);
    return a && headlineSource(a);
  });
}

export async function runPipeline(
  paths: string[],
  options: BriefOptions & ExtractOptions,
): Promise<PipelineResult> {
  const ingest = await readInputs(paths);
  const extracted = extractAll(ingest.docs, { keepAll: options.keepAll });
  const briefed = briefArticles(extracted.articles, options);
  return {
    articles: extracted.articles,
    stories: briefed.stories,
    briefs: briefed.briefs,
    diagnostics: [...ingest.diagnostics, ...extracted.diagnostics, ...briefed.diagnostics],
  };
}
