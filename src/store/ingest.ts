/**
 * Ingesting into the store: each new raw document is extracted and stored in its own transaction (a crash
 * loses nothing already committed and never leaves half an article); inputs already stored (same raw
 * hash) are counted as duplicates. Then the stories are brought up to date: the clusterer (the same online
 * algorithm as `newsfuse cluster`, fed in its fixed order) places every stored article, and the briefs of the
 * stories that changed are rebuilt.
 */

import { buildBrief } from '../brief/build.js';
import { clusterArticles } from '../cluster/index.js';
import { extractArticle } from '../extract/index.js';
import { articleSentences } from '../language/sentences.js';
import type { Brief, Diagnostic, RawDocument, Sentence } from '../model.js';
import type { DB } from './db.js';
import { addArticle, allArticles, getBrief, hasHash, saveStories } from './repository.js';

export interface IngestReport {
  added: number;
  duplicate: number;
  failed: { source: string; reason: string }[];
  stories: number;
  diagnostics: Diagnostic[];
}

export interface IngestOptions {
  words?: number;
  /** Called after each document (progress). */
  onProgress?: (done: number, total: number) => void;
}

/** Store the documents, then update the stories. */
export function ingestDocuments(db: DB, docs: RawDocument[], options: IngestOptions = {}): IngestReport {
  const report: IngestReport = { added: 0, duplicate: 0, failed: [], stories: 0, diagnostics: [] };
  docs.forEach((doc, i) => {
    if (hasHash(db, doc.hash)) report.duplicate++;
    else {
      const r = extractArticle(doc);
      report.diagnostics.push(...r.diagnostics);
      if (!r.article) {
        const why = r.diagnostics.map((d) => d.message).join('; ') || 'no article content';
        report.failed.push({
          source: doc.origin.line ? `${doc.origin.path}:${doc.origin.line}` : doc.origin.path,
          reason: why,
        });
      } else if (addArticle(db, r.article, articleSentences(r.article))) report.added++;
      else report.duplicate++;
    }
    options.onProgress?.(i + 1, docs.length);
  });
  report.stories = updateStories(db, options.words ?? 120, report.added === 0);
  return report;
}

/** Re-cluster the stored articles and rebuild the briefs of stories that changed. Returns the story count. */
export function updateStories(db: DB, words: number, onlyMissing = false): number {
  const articles = allArticles(db);
  const stories = clusterArticles(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const briefs = new Map<string, Brief>();
  const sentenceCache = new Map<string, Sentence[]>();
  const sentencesOf = (id: string) => {
    let s = sentenceCache.get(id);
    if (!s) {
      s = articleSentences(byId.get(id)!);
      sentenceCache.set(id, s);
    }
    return s;
  };
  const lastPublished = new Map<string, string>();
  for (const story of stories) {
    const dates = story.articleIds
      .map((id) => byId.get(id)?.published ?? '')
      .filter(Boolean)
      .sort();
    if (dates.length) lastPublished.set(story.id, dates[dates.length - 1]);
    const old = getBrief(db, story.id);
    const ids = new Set(story.articleIds);
    const same =
      old &&
      (old.storyArticles ?? old.sources.length) === story.articleIds.length &&
      old.sources.every((s) => ids.has(s.articleId));
    if (same && (onlyMissing || old)) continue;
    const sentences = new Map(story.articleIds.map((id) => [id, sentencesOf(id)]));
    briefs.set(story.id, buildBrief(story, byId, sentences, { words }));
  }
  saveStories(db, stories, briefs, lastPublished);
  return stories.length;
}
