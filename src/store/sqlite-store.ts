/** The SQLite store (db.ts, repository.ts) behind the storage interface (store.ts). */
import type { Article, Sentence } from '../model.js';
import { type DB, openStore } from './db.js';
import type { PlanReader, StoryPlan } from './ingest.js';
import {
  addArticle,
  articleKeys,
  articleSetVersion,
  counts,
  getArticle,
  getArticles,
  getBrief,
  headlineSources,
  listStories,
  loadClusterer,
  saveClusterer,
  saveStories,
  searchArticles,
  storiesOfArticle,
  storyLag,
  storyMembership,
} from './repository.js';
import type { DeadLetter, NewsStore } from './store.js';

export class SqliteStore implements NewsStore {
  readonly kind = 'sqlite' as const;
  readonly db: DB;

  constructor(path: string) {
    this.db = openStore(path);
  }

  async hasHash(hash: string) {
    return !!this.db.prepare('SELECT 1 FROM articles WHERE hash = ?').get(hash);
  }
  async storedHashes(hashes: string[]) {
    const has = this.db.prepare('SELECT 1 FROM articles WHERE hash = ?').pluck();
    return new Set(hashes.filter((h) => has.get(h)));
  }
  async addArticle(a: Article, sentences: Sentence[]) {
    return addArticle(this.db, a, sentences);
  }
  async addArticles(items: { article: Article; sentences: Sentence[] }[]) {
    return this.db
      .transaction(() => items.map((i) => addArticle(this.db, i.article, i.sentences)))
      .immediate();
  }
  async getArticle(id: string) {
    return getArticle(this.db, id);
  }
  articleSetVersion() {
    return articleSetVersion(this.db);
  }
  articleKeys() {
    return articleKeys(this.db);
  }
  loadClusterer() {
    return loadClusterer(this.db);
  }
  getArticles(ids: string[]) {
    return getArticles(this.db, ids);
  }
  headlineSources() {
    return headlineSources(this.db);
  }
  storyMembership() {
    return storyMembership(this.db);
  }
  async snapshot<T>(read: (reader: PlanReader) => Promise<T>): Promise<T> {
    // The reads answer at once, but an awaited function cannot sit inside a better-sqlite3 transaction:
    // a deferred BEGIN by hand holds one read snapshot across them (WAL), blocking no writer.
    this.db.exec('BEGIN');
    try {
      this.db.prepare('SELECT 1 FROM articles LIMIT 1').get();
      return await read(this);
    } finally {
      this.db.exec('COMMIT');
    }
  }
  async savePlan(plan: StoryPlan) {
    return this.db
      .transaction(() => {
        if (articleSetVersion(this.db) !== plan.version) return false;
        if (plan.clusterer) saveClusterer(this.db, plan.clusterer);
        saveStories(this.db, plan.stories, plan.briefs, plan.lastPublished);
        return true;
      })
      .immediate();
  }
  async listStories(options: { q?: string; limit?: number } = {}) {
    return listStories(this.db, options);
  }
  async getBrief(id: string) {
    return getBrief(this.db, id);
  }
  async searchArticles(q: string, limit?: number) {
    return searchArticles(this.db, q, limit);
  }
  async counts() {
    return counts(this.db);
  }
  async storyLag() {
    return storyLag(this.db);
  }
  async storiesOfArticle(id: string) {
    return storiesOfArticle(this.db, id);
  }
  async storyArticles() {
    const out = new Map<string, string[]>();
    for (const r of this.db
      .prepare('SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id')
      .all() as { story_id: string; article_id: string }[]) {
      const list = out.get(r.story_id) ?? [];
      list.push(r.article_id);
      out.set(r.story_id, list);
    }
    return out;
  }
  async addDeadLetter(e: Omit<DeadLetter, 'at'>) {
    this.db
      .prepare(
        `INSERT INTO dead_letters (key, source, reason, at) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET source = excluded.source, reason = excluded.reason, at = excluded.at`,
      )
      .run(e.key, e.source, e.reason, new Date().toISOString());
  }
  async deadLetters() {
    return this.db
      .prepare('SELECT key, source, reason, at FROM dead_letters ORDER BY at, key')
      .all() as DeadLetter[];
  }
  async schemaVersion() {
    return this.db.pragma('user_version', { simple: true }) as number;
  }
  async close() {
    this.db.close();
  }
}
