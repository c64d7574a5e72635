/**
 * The storage interface that both stores implement: the embedded SQLite file (db.ts, repository.ts, the
 * default) and a shared PostgreSQL database (postgres.ts, for many workers). Every method answers with a
 * promise, so that callers written against this interface (the job queue's workers, the stores' shared test
 * suite) run on either. The SQLite commands and server keep calling repository.ts directly, as before.
 *
 * `openNewsStore` picks the store from the `--db` value: a `postgres://` (or `postgresql://`) URL opens the
 * PostgreSQL store, loading its driver only then; anything else is a SQLite file.
 */
import type { Article, Brief, Sentence } from '../model.js';
import type { PlanReader, StoryPlan } from './ingest.js';
import type { SearchHit, StoryLag, StoryRow } from './repository.js';

/** An input that could not be made into an article, kept with why (the dead-letter list). */
export interface DeadLetter {
  /** The input's hash (a fetch job's URL when nothing was read). */
  key: string;
  source: string;
  reason: string;
  at: string;
}

export interface NewsStore extends PlanReader {
  readonly kind: 'sqlite' | 'postgres';
  hasHash(hash: string): Promise<boolean>;
  /** Which of these input hashes are stored (one query for a batch of inputs). */
  storedHashes(hashes: string[]): Promise<Set<string>>;
  /** Store one article and its sentences at once; false when the same input (hash or id) is stored. */
  addArticle(article: Article, sentences: Sentence[]): Promise<boolean>;
  /**
   * Store a batch of articles with their sentences in one transaction (all or none): for each, false when
   * the same input was stored already (by anyone, or earlier in the batch).
   */
  addArticles(items: { article: Article; sentences: Sentence[] }[]): Promise<boolean[]>;
  getArticle(id: string): Promise<Article | undefined>;
  /**
   * Run `read` against one consistent snapshot of the store (planning the stories reads it several times).
   */
  snapshot<T>(read: (reader: PlanReader) => Promise<T>): Promise<T>;
  /**
   * Save a story plan (clusterer state, stories, briefs) in one transaction, but only if no article was
   * added since the plan's snapshot: false (nothing written) otherwise.
   */
  savePlan(plan: StoryPlan): Promise<boolean>;
  listStories(options?: { q?: string; limit?: number }): Promise<StoryRow[]>;
  getBrief(storyId: string): Promise<Brief | undefined>;
  searchArticles(q: string, limit?: number): Promise<SearchHit[]>;
  counts(): Promise<{ articles: number; stories: number }>;
  storyLag(): Promise<StoryLag>;
  storiesOfArticle(articleId: string): Promise<{ id: string; headline: string }[]>;
  /** Each story's article ids, sorted, by story id (what "the same stories" compares). */
  storyArticles(): Promise<Map<string, string[]>>;
  addDeadLetter(entry: Omit<DeadLetter, 'at'>): Promise<void>;
  deadLetters(): Promise<DeadLetter[]>;
  /** The applied schema version (migrations run). */
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

/** Whether a `--db` value names a PostgreSQL database. */
export const isPostgresUrl = (db: string): boolean => /^postgres(ql)?:\/\//i.test(db);

/** Open the store a `--db` value names (creating or migrating it). */
export async function openNewsStore(db: string): Promise<NewsStore> {
  if (isPostgresUrl(db)) {
    const { openPostgresStore } = await import('./postgres.js');
    return openPostgresStore(db);
  }
  const { SqliteStore } = await import('./sqlite-store.js');
  return new SqliteStore(db);
}
