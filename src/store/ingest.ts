/**
 * Ingesting into the store: each new raw document is extracted and stored in its own transaction (a crash
 * loses nothing already committed and never leaves half an article); inputs already stored (same raw
 * hash) are counted as duplicates. Then the stories are brought up to date: the clusterer (the same online
 * algorithm as `newsfuse cluster`, continued from its saved state) places the new articles, in its fixed
 * order within one ingest, whatever their dates, and the briefs of the stories that changed are rebuilt.
 */

import { type HeadlineSource, storyHeadlines } from '../analyse/headline.js';
import { briefStory } from '../brief/build.js';
import { compareStreamOrder, StoryClusterer } from '../cluster/index.js';
import { extractArticle } from '../extract/index.js';
import { reasonOf } from '../isolate.js';
import { type AnalysisStore, attachAnalysisStore } from '../language/article-analysis.js';
import { articleSentences } from '../language/sentences.js';
import type { Article, Brief, Diagnostic, RawDocument, Sentence, Story } from '../model.js';
import type { DB } from './db.js';
import {
  addArticle,
  articleKeys,
  articleSetVersion,
  type ClustererRow,
  getArticles,
  hasHash,
  headlineSources,
  loadClusterer,
  saveClusterer,
  saveStories,
  storyMembership,
} from './repository.js';

export interface IngestReport {
  added: number;
  duplicate: number;
  failed: { source: string; reason: string }[];
  stories: number;
  /** Stories that are new or whose articles changed (their briefs were rebuilt), largest first. */
  changed: StoryChange[];
  /** How the stories were updated: the saved clusterer continued with the new articles, or all replayed. */
  clustering: StoryUpdate['clustering'];
  diagnostics: Diagnostic[];
}

/** A story an update created or changed: its id, headline, size, and how many of its articles are new to it. */
export interface StoryChange {
  id: string;
  headline: string;
  articles: number;
  /** Articles not in this story before (all of them for a new story). */
  added: number;
  created: boolean;
}

/** What an ingest is doing, for a progress line: a phase and how far into it. */
export interface IngestProgress {
  phase: 'extracting' | 'clustering' | 'briefing';
  done: number;
  total: number;
}

export interface StoryUpdate {
  stories: number;
  /** Briefs built: of the stories whose articles changed, or that had none. */
  briefs: number;
  /** The stories created or changed (see StoryChange), largest first. */
  changed: StoryChange[];
  /**
   * How the clusterer got there; 'superseded' when other writers kept adding articles and the stories were
   * left for them to save (see updateStories).
   */
  clustering: 'continued' | 'replayed' | 'unchanged' | 'superseded';
  /** What could not be computed for a brief (the brief leaves it out). */
  diagnostics: Diagnostic[];
}

export interface IngestOptions {
  words?: number;
  /** Called as the work goes on: after each document, each slice of articles clustered, each brief. */
  progress?: (p: IngestProgress) => void;
  /** Keep inputs that are not articles (error pages, walls, widgets, ...). */
  keepAll?: boolean;
}

/** A report of nothing done yet, for an ingest to fill in. */
export const emptyIngestReport = (): IngestReport => ({
  added: 0,
  duplicate: 0,
  failed: [],
  stories: 0,
  changed: [],
  clustering: 'unchanged',
  diagnostics: [],
});

/** Store the documents, then update the stories. */
export function ingestDocuments(db: DB, docs: RawDocument[], options: IngestOptions = {}): IngestReport {
  const report = emptyIngestReport();
  docs.forEach((doc, i) => {
    if (hasHash(db, doc.hash)) report.duplicate++;
    else storeDocument(db, doc, report, options.keepAll);
    options.progress?.({ phase: 'extracting', done: i + 1, total: docs.length });
  });
  const update = updateStories(db, options.words ?? 120, options.progress);
  report.stories = update.stories;
  report.changed = update.changed;
  report.clustering = update.clustering;
  report.diagnostics.push(...update.diagnostics);
  return report;
}

/**
 * Extract a new document and store it with its sentences. A page the analysis throws on is not stored (a
 * later ingest tries it again): it counts as failed, with the reason, and the run goes on.
 */
function storeDocument(db: DB, doc: RawDocument, report: IngestReport, keepAll?: boolean): void {
  const source = doc.origin.line ? `${doc.origin.path}:${doc.origin.line}` : doc.origin.path;
  let r: ReturnType<typeof extractArticle>;
  let sentences: Sentence[] | undefined;
  try {
    r = extractArticle(doc, { keepAll });
    sentences = r.article && articleSentences(r.article);
  } catch (err) {
    report.failed.push({ source, reason: `could not analyse (${reasonOf(err)})` });
    return;
  }
  report.diagnostics.push(...r.diagnostics);
  if (!r.article || !sentences) {
    const why = r.diagnostics.map((d) => d.message).join('; ') || 'no article content';
    report.failed.push({ source, reason: why });
  } else if (addArticle(db, r.article, sentences)) report.added++;
  else report.duplicate++;
}

/**
 * Bring the stories up to date with the stored articles and rebuild the briefs of stories that changed.
 * Returns the story count and how the clusterer got there. The clusterer's saved state is continued with
 * the articles it has not been fed, in its order (date, undated last, then id), whatever their dates: an
 * article older than the newest one fed (a late arrival, or a dated one after undated ones) is placed as the
 * clusterer places any arrival, and no stored article is fed again. So the stories are those of the
 * articles' first-seen order: ingests in date order give the stories of `newsfuse cluster` over the same
 * articles; late arrivals are placed as they come, as in a live feed. Only without a usable saved state (a
 * new store, or one saved by another clusterer version) is every stored article fed again, in date order.
 *
 * Other writers may add articles meanwhile. The clustering and the briefs are computed from one snapshot of
 * the store (a read transaction, which blocks no one); then one short immediate transaction saves them, but
 * only if no article was added since the snapshot. Otherwise the work is done again from a new snapshot: the
 * stories saved always cover every stored article. After SAVE_ATTEMPTS the update is left to the writer that
 * keeps adding (it updates the stories after its own articles, which it sees with these).
 */
export function updateStories(db: DB, words: number, progress?: (p: IngestProgress) => void): StoryUpdate {
  for (let attempt = 1; ; attempt++) {
    // Per-article analysis the briefs compute is kept in the store (written with the stories).
    const kept = keptAnalysis(db);
    const before = attachAnalysisStore(kept);
    let plan: StoryPlan;
    try {
      plan = db.transaction(() => planStories(db, words, progress))();
    } finally {
      attachAnalysisStore(before);
    }
    const saved = db
      .transaction(() => {
        kept.flush();
        if (articleSetVersion(db) !== plan.version) return false;
        if (plan.clusterer) saveClusterer(db, plan.clusterer);
        saveStories(db, plan.stories, plan.briefs, plan.lastPublished);
        return true;
      })
      .immediate();
    if (saved) return plan.update;
    if (attempt === SAVE_ATTEMPTS) return { ...plan.update, clustering: 'superseded' };
  }
}

/**
 * The store's `analysis` table as the per-article analysis cache: read as needed, written in one go by
 * `flush` (inside the transaction that saves the stories, so computing stays outside the write lock).
 */
function keptAnalysis(db: DB): AnalysisStore & { flush(): void } {
  const get = db.prepare('SELECT value FROM analysis WHERE key = ?').pluck();
  const pending = new Map<string, string>();
  return {
    get: (key) => pending.get(key) ?? (get.get(key) as string | undefined),
    put: (key, value) => {
      pending.set(key, value);
    },
    flush: () => {
      const put = db.prepare('INSERT OR IGNORE INTO analysis (key, value) VALUES (?, ?)');
      for (const [key, value] of pending) put.run(key, value);
      pending.clear();
    },
  };
}

/** Tries at saving stories while other writers keep adding articles (see updateStories). */
const SAVE_ATTEMPTS = 3;

/** What updateStories computes outside the write lock, and the store state it was computed from. */
export interface StoryPlan {
  version: string;
  clusterer?: ClustererRow;
  stories: Story[];
  briefs: Map<string, Brief>;
  lastPublished: Map<string, string>;
  update: StoryUpdate;
}

/**
 * What planning the stories reads of a store. The SQLite store answers at once, the PostgreSQL store with
 * promises: the planner (planSteps) yields each read as a step, and a driver answers it either way, so both
 * stores run the one algorithm.
 */
export interface PlanReader {
  articleSetVersion(): string | Promise<string>;
  articleKeys(): { id: string; published?: string }[] | Promise<{ id: string; published?: string }[]>;
  loadClusterer(): ClustererRow | undefined | Promise<ClustererRow | undefined>;
  getArticles(ids: string[]): Map<string, Article> | Promise<Map<string, Article>>;
  headlineSources(): Map<string, HeadlineSource> | Promise<Map<string, HeadlineSource>>;
  storyMembership(): StoryMembership | Promise<StoryMembership>;
}

type StoryMembership = Map<string, { articles: string[]; brief: boolean; headline?: string }>;

/** One read of the planner: a call on the reader, whose answer (awaited if need be) resumes it. */
type PlanStep = (reader: PlanReader) => unknown;

/** The SQLite store as a PlanReader (every answer immediate). */
function sqliteReader(db: DB): PlanReader {
  return {
    articleSetVersion: () => articleSetVersion(db),
    articleKeys: () => articleKeys(db),
    loadClusterer: () => loadClusterer(db),
    getArticles: (ids) => getArticles(db, ids),
    headlineSources: () => headlineSources(db),
    storyMembership: () => storyMembership(db),
  };
}

/** Run the planner against a reader whose answers are immediate. */
function planSync(reader: PlanReader, words: number, progress?: (p: IngestProgress) => void): StoryPlan {
  const steps = planSteps(words, progress);
  let next = steps.next();
  while (!next.done) next = steps.next(next.value(reader));
  return next.value;
}

/** Run the planner against a reader that answers with promises. */
export async function planAsync(
  reader: PlanReader,
  words: number,
  progress?: (p: IngestProgress) => void,
): Promise<StoryPlan> {
  const steps = planSteps(words, progress);
  let next = steps.next();
  while (!next.done) next = steps.next(await next.value(reader));
  return next.value;
}

/** The new stories and the briefs of those that changed, computed from the store as it is now (no writes). */
function planStories(db: DB, words: number, progress?: (p: IngestProgress) => void): StoryPlan {
  return planSync(sqliteReader(db), words, progress);
}

/** The planner: each store read is yielded (see PlanReader); the rest is computed here. */
function* planSteps(
  words: number,
  progress?: (p: IngestProgress) => void,
): Generator<PlanStep, StoryPlan, unknown> {
  const version = (yield (r) => r.articleSetVersion()) as string;
  const keys = (yield (r) => r.articleKeys()) as { id: string; published?: string }[];
  const saved = (yield (r) => r.loadClusterer()) as ClustererRow | undefined;
  const restored = saved && StoryClusterer.restore(saved.state);
  const unfed = restored ? keys.filter((k) => !restored.has(k.id)) : keys;
  // The saved state continues when it holds exactly the stored articles it has been fed.
  const continues = restored && saved.articles === keys.length - unfed.length;
  const clusterer = continues ? restored : new StoryClusterer();
  const feed = [...(continues ? unfed : keys)].sort(compareStreamOrder);
  let row: ClustererRow | undefined;
  if (feed.length) {
    // Read in slices, so that a large store is never held in memory whole.
    for (let i = 0; i < feed.length; i += FEED_SLICE) {
      const slice = feed.slice(i, i + FEED_SLICE);
      const ids = slice.map((k) => k.id);
      const byId = (yield (r) => r.getArticles(ids)) as Map<string, Article>;
      for (const k of slice) {
        const article = byId.get(k.id);
        if (article) clusterer.add(article);
      }
      progress?.({ phase: 'clustering', done: Math.min(i + FEED_SLICE, feed.length), total: feed.length });
    }
    row = { articles: keys.length, last: feed[feed.length - 1], state: clusterer.snapshot() };
  }
  const raw = clusterer.stories();
  const sources = (yield (r) => r.headlineSources()) as Map<string, HeadlineSource>;
  const stored = (yield (r) => r.storyMembership()) as StoryMembership;
  // A story whose articles are those stored keeps its stored headline unless a changed story shares a line.
  const stories = storyHeadlines(
    raw,
    (id) => sources.get(id),
    (story) => {
      const before = stored.get(story.id);
      if (
        !before?.brief ||
        before.headline === undefined ||
        before.articles.length !== story.articleIds.length
      )
        return undefined;
      const ids = new Set(story.articleIds);
      return before.articles.every((id) => ids.has(id)) ? before.headline : undefined;
    },
  );
  const published = new Map(keys.map((k) => [k.id, k.published]));
  const briefs = new Map<string, Brief>();
  const lastPublished = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const stale: Story[] = [];
  const changed: StoryChange[] = [];
  for (const story of stories) {
    const dates = story.articleIds
      .map((id) => published.get(id) ?? '')
      .filter(Boolean)
      .sort();
    if (dates.length) lastPublished.set(story.id, dates[dates.length - 1]);
    const before = stored.get(story.id);
    const ids = new Set(story.articleIds);
    // A brief shows its story's headline: a story renamed (another story took its title) is briefed again.
    const same =
      before?.brief &&
      before.headline === story.headline &&
      before.articles.length === ids.size &&
      before.articles.every((id) => ids.has(id));
    if (same) continue;
    stale.push(story);
    const had = new Set(before?.articles ?? []);
    const added = story.articleIds.filter((id) => !had.has(id)).length;
    if (!before || added > 0 || before.articles.length !== ids.size)
      changed.push({
        id: story.id,
        headline: story.headline,
        articles: ids.size,
        added,
        created: !before,
      });
  }
  for (const [i, story] of stale.entries()) {
    const ids = story.articleIds;
    const members = (yield (r) => r.getArticles(ids)) as Map<string, Article>;
    briefs.set(story.id, briefOf(story, members, words, diagnostics));
    progress?.({ phase: 'briefing', done: i + 1, total: stale.length });
  }
  return {
    version,
    clusterer: row,
    stories,
    briefs,
    lastPublished,
    update: {
      stories: stories.length,
      briefs: briefs.size,
      changed,
      clustering: feed.length === 0 ? 'unchanged' : continues ? 'continued' : 'replayed',
      diagnostics,
    },
  };
}

/** Articles read from the store at a time when (re)feeding the clusterer. */
const FEED_SLICE = 2000;

/** The brief of a stored story, from its stored articles; what could not be computed goes to `diagnostics`. */
export function briefStored(db: DB, story: Story, words: number, diagnostics: Diagnostic[] = []): Brief {
  return briefOf(story, getArticles(db, story.articleIds), words, diagnostics);
}

/** The brief of a story from its articles as stored. */
function briefOf(
  story: Story,
  members: Map<string, Article>,
  words: number,
  diagnostics: Diagnostic[],
): Brief {
  // Sentences are made again from the stored text rather than read from the sentences table: that carries
  // the caption and dateline marks the brief reads, which the table does not hold.
  const sentences = new Map([...members.values()].map((a) => [a.id, articleSentences(a)]));
  const r = briefStory(story, members, sentences, { words });
  diagnostics.push(...r.diagnostics);
  return r.brief;
}
