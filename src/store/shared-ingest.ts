/**
 * Ingesting through the storage interface (store.ts), on either store: one document at a time (what a queue
 * worker does per job), and the story update (what the single clustering consumer does). The algorithm is
 * ingest.ts's: the same extraction, the same planner (planAsync drives it), the same save-if-unchanged rule.
 */
import { extractArticle } from '../extract/index.js';
import { reasonOf } from '../isolate.js';
import { articleSentences } from '../language/sentences.js';
import type { Article, Diagnostic, RawDocument, Sentence } from '../model.js';
import {
  emptyIngestReport,
  type IngestProgress,
  type IngestReport,
  planAsync,
  type StoryUpdate,
} from './ingest.js';
import type { NewsStore } from './store.js';

/** What became of one input: stored, already stored, or not an article (with why). */
export type DocumentOutcome =
  | { status: 'added'; articleId: string; diagnostics: Diagnostic[] }
  | { status: 'duplicate'; articleId?: string; diagnostics: Diagnostic[] }
  | { status: 'failed'; reason: string; diagnostics: Diagnostic[] };

/** Where an input came from, as reports name it ("path" or "path:line"). */
export const sourceOf = (doc: RawDocument): string =>
  doc.origin.line ? `${doc.origin.path}:${doc.origin.line}` : doc.origin.path;

/**
 * Extract one document, split its sentences and store both (one transaction). The same input (same raw
 * hash) always gives the same article id, and storing it again is a no-op: a job run twice adds one article.
 */
export async function storeOne(
  store: NewsStore,
  doc: RawDocument,
  options: { keepAll?: boolean } = {},
): Promise<DocumentOutcome> {
  return (await storeMany(store, [doc], options))[0];
}

/**
 * storeOne for a batch: one look-up of which inputs are stored, extraction of the others (yielding to the
 * event loop between documents, so that other jobs' queries and lock renewals go on), and one transaction
 * that stores every article of the batch, or none. Outcomes in the order of `docs`.
 */
export async function storeMany(
  store: NewsStore,
  docs: RawDocument[],
  options: { keepAll?: boolean } = {},
): Promise<DocumentOutcome[]> {
  const stored = await store.storedHashes([...new Set(docs.map((d) => d.hash))]);
  const out: DocumentOutcome[] = [];
  const pending: { at: number; article: Article; sentences: Sentence[]; diagnostics: Diagnostic[] }[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    if (stored.has(doc.hash) || seen.has(doc.hash)) {
      out.push({ status: 'duplicate', diagnostics: [] });
      continue;
    }
    seen.add(doc.hash);
    if (docs.length > 1) await new Promise((r) => setImmediate(r));
    let r: ReturnType<typeof extractArticle>;
    let sentences: Sentence[] | undefined;
    try {
      r = extractArticle(doc, { keepAll: options.keepAll });
      sentences = r.article && articleSentences(r.article);
    } catch (err) {
      out.push({ status: 'failed', reason: `could not analyse (${reasonOf(err)})`, diagnostics: [] });
      continue;
    }
    if (!r.article || !sentences) {
      const why = r.diagnostics.map((d) => d.message).join('; ') || 'no article content';
      out.push({ status: 'failed', reason: why, diagnostics: r.diagnostics });
      continue;
    }
    pending.push({ at: out.length, article: r.article, sentences, diagnostics: r.diagnostics });
    out.push({ status: 'duplicate', diagnostics: [] });
  }
  const added = await store.addArticles(pending);
  pending.forEach((p, k) => {
    out[p.at] = {
      status: added[k] ? 'added' : 'duplicate',
      articleId: p.article.id,
      diagnostics: p.diagnostics,
    };
  });
  return out;
}

/** Tries at saving stories while other writers keep adding articles (as ingest.ts's updateStories). */
const SAVE_ATTEMPTS = 3;

/** Bring the stories up to date with the stored articles (ingest.ts's updateStories, on any store). */
export async function updateStoriesIn(
  store: NewsStore,
  words = 120,
  progress?: (p: IngestProgress) => void,
): Promise<StoryUpdate> {
  for (let attempt = 1; ; attempt++) {
    const plan = await store.snapshot((reader) => planAsync(reader, words, progress));
    if (await store.savePlan(plan)) return plan.update;
    if (attempt === SAVE_ATTEMPTS) return { ...plan.update, clustering: 'superseded' };
  }
}

/** Documents stored per transaction by ingestInto. */
const INGEST_BATCH = 32;

/** Store the documents, then update the stories (ingest.ts's ingestDocuments, on any store). */
export async function ingestInto(
  store: NewsStore,
  docs: RawDocument[],
  options: { words?: number; keepAll?: boolean } = {},
): Promise<IngestReport> {
  const report = emptyIngestReport();
  for (let i = 0; i < docs.length; i += INGEST_BATCH) {
    const batch = docs.slice(i, i + INGEST_BATCH);
    const outcomes = await storeMany(store, batch, options);
    outcomes.forEach((r, k) => {
      report.diagnostics.push(...r.diagnostics);
      if (r.status === 'added') report.added++;
      else if (r.status === 'duplicate') report.duplicate++;
      else report.failed.push({ source: sourceOf(batch[k]), reason: r.reason });
    });
  }
  const update = await updateStoriesIn(store, options.words ?? 120);
  report.stories = update.stories;
  report.changed = update.changed;
  report.clustering = update.clustering;
  report.diagnostics.push(...update.diagnostics);
  return report;
}
