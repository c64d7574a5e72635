/**
 * Rendered responses kept between requests (`newsfuse serve`): a story page of a thousand sources takes
 * seconds to build, and it only changes when the story's brief is saved again. Keys carry a version read
 * from the store on every request (a cheap indexed row, not the brief), so a write by this process or by
 * another one (a CLI ingest on the same file) makes the old entry unreachable; the LRU bound drops it later.
 */
import type { Statement } from 'better-sqlite3';
import type { DB } from '../store/db.js';
import { articleSetVersion } from '../store/repository.js';

/** A least-recently-used map of at most `max` entries (a Map keeps insertion order: first is oldest). */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();
  hits = 0;
  misses = 0;
  constructor(readonly max = 200) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value under `key`, computing and keeping it on a miss. */
  through(key: string, compute: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      // Re-inserting moves the key to the young end.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const value = compute();
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

/** Statements asked on every request, compiled once per connection. */
const compiled = new WeakMap<DB, Map<string, Statement>>();
function prepared(db: DB, text: string): Statement {
  let m = compiled.get(db);
  if (!m) compiled.set(db, (m = new Map()));
  let st = m.get(text);
  if (!st) m.set(text, (st = db.prepare(text)));
  return st;
}

/**
 * The version of one story's brief: saveStories stamps `updated_at` whenever it writes a brief, and the brief
 * length guards against two saves within one millisecond. Undefined when the story has no brief. The pages
 * also show the story's articles, but those never change once stored.
 */
export function storyVersion(db: DB, storyId: string): string | undefined {
  const r = prepared(
    db,
    'SELECT s.updated_at AS u, length(b.json) AS n FROM stories s JOIN briefs b ON b.story_id = s.id WHERE s.id = ?',
  ).get(storyId) as { u: string; n: number } | undefined;
  return r && `${r.u}:${r.n}`;
}

/**
 * The version of the story list: the stored articles (search covers their text) and the stories (a saved
 * brief moves the newest `updated_at`; a merge deletes one story and updates another).
 */
export function storeVersion(db: DB): string {
  const r = prepared(db, 'SELECT COUNT(*) AS n, MAX(updated_at) AS u FROM stories').get() as {
    n: number;
    u: string | null;
  };
  return `${articleSetVersion(db)}:${r.n}:${r.u ?? ''}`;
}
