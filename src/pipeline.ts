/**
 * The whole pipeline, ingest → extract → sentences → cluster → brief, as one call.
 * Pure over its inputs except for reading files in `runPipeline`; diagnostics are returned, not printed.
 */
import { type BriefOptions, buildBrief } from './brief/build.js';
import { clusterArticles } from './cluster/index.js';
import { extractArticle } from './extract/index.js';
import { removeSiteTemplates } from './extract/site-template.js';
import { readInputs } from './ingest/index.js';
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
 * pages come from one site, paragraphs that recur across them (the site's template) are removed.
 */
export function extractAll(docs: RawDocument[]): { articles: Article[]; diagnostics: Diagnostic[] } {
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
    const r = extractArticle(doc);
    diagnostics.push(...r.diagnostics);
    if (r.article) articles.push(r.article);
  }
  return { articles: removeSiteTemplates(articles).articles, diagnostics };
}

/** Cluster articles into stories and brief each story, largest story first. */
export function briefArticles(
  articles: Article[],
  options: BriefOptions,
): { stories: Story[]; briefs: Brief[] } {
  const stories = clusterArticles(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const sentences = new Map<string, Sentence[]>(articles.map((a) => [a.id, articleSentences(a)]));
  const briefs = stories.map((story) => buildBrief(story, byId, sentences, options));
  return { stories, briefs };
}

export async function runPipeline(paths: string[], options: BriefOptions): Promise<PipelineResult> {
  const ingest = await readInputs(paths);
  const extracted = extractAll(ingest.docs);
  const { stories, briefs } = briefArticles(extracted.articles, options);
  return {
    articles: extracted.articles,
    stories,
    briefs,
    diagnostics: [...ingest.diagnostics, ...extracted.diagnostics],
  };
}
