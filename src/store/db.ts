/**
 * The embedded store: one SQLite file (better-sqlite3, WAL journal), versioned migrations, full-text
 * search (FTS5) over articles and stories. Every ingest of one article is one transaction, so a crash
 * leaves either the whole article or nothing; the raw input hash makes ingesting twice a no-op, also when
 * two writers store the same input at once (the check and the insert share one immediate transaction).
 */
import Database from 'better-sqlite3';

export type DB = Database.Database;

/** Schema migrations, applied in order; `PRAGMA user_version` records how many ran. */
const MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     hash TEXT NOT NULL UNIQUE,
     seq INTEGER NOT NULL,
     source TEXT NOT NULL,
     url TEXT,
     publisher TEXT,
     title TEXT NOT NULL,
     byline TEXT,
     published TEXT,
     language TEXT NOT NULL,
     paragraphs TEXT NOT NULL,
     text TEXT NOT NULL,
     ingested_at TEXT NOT NULL
   );
   CREATE UNIQUE INDEX articles_seq ON articles(seq);
   CREATE TABLE sentences (
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     idx INTEGER NOT NULL,
     paragraph INTEGER NOT NULL,
     start INTEGER NOT NULL,
     end INTEGER NOT NULL,
     text TEXT NOT NULL,
     PRIMARY KEY (article_id, idx)
   );
   CREATE TABLE stories (
     id TEXT PRIMARY KEY,
     headline TEXT NOT NULL,
     articles INTEGER NOT NULL,
     updated_at TEXT NOT NULL,
     last_published TEXT
   );
   CREATE TABLE story_articles (
     story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     report_id TEXT NOT NULL,
     PRIMARY KEY (story_id, article_id)
   );
   CREATE INDEX story_articles_article ON story_articles(article_id);
   CREATE TABLE briefs (
     story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
     json TEXT NOT NULL,
     summary TEXT NOT NULL
   );
   CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
   CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
     INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
   END;
   CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
     INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
   END;
   CREATE VIRTUAL TABLE stories_fts USING fts5(story_id UNINDEXED, headline, summary);`,
  // The story clusterer's state after the articles fed so far (in stream order, up to `last_*`), so that an
  // ingest continues the stream instead of replaying every stored article.
  `CREATE TABLE clusterer (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     articles INTEGER NOT NULL,
     last_published TEXT,
     last_id TEXT NOT NULL,
     state BLOB NOT NULL
   );`,
  // 3: what the story list shows and filters on, derived from each story's articles and brief by
  // `refreshStoryInfo` (repository.ts) whenever a story's `updated_at` or size moved past `version`: the
  // first and last page dates (dates the brief flags as wrong left out), the summary's first sentence and the
  // outlets. Self-contained (IF NOT EXISTS, no column added elsewhere), so it merges after any other migration.
  `CREATE TABLE IF NOT EXISTS story_info (
     story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
     version TEXT NOT NULL,
     first_date TEXT,
     last_date TEXT,
     lead TEXT NOT NULL,
     outlets TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS story_info_last ON story_info(last_date);
   CREATE TABLE IF NOT EXISTS story_outlets (
     story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
     outlet TEXT NOT NULL COLLATE NOCASE,
     articles INTEGER NOT NULL,
     PRIMARY KEY (story_id, outlet)
   );
   CREATE INDEX IF NOT EXISTS story_outlets_outlet ON story_outlets(outlet);`,
  // 4: per-article analysis kept once computed (src/language/article-analysis.ts): JSON by kind, version and
  // text hash, so a story briefed again does not analyse its old articles again.
  `CREATE TABLE IF NOT EXISTS analysis (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) WITHOUT ROWID;`,
  // 5: inputs a queue worker could not make into an article, with why (store.ts, DeadLetter); the plain
  // ingest reports them instead. Self-contained, like 3.
  `CREATE TABLE IF NOT EXISTS dead_letters (
     key TEXT PRIMARY KEY,
     source TEXT NOT NULL,
     reason TEXT NOT NULL,
     at TEXT NOT NULL
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * How long a connection waits for another writer's lock before giving up with "database is locked". Every
 * write transaction is short (one article's rows, or the stories' rows with briefs already built), so a
 * wait is normally milliseconds; this bounds it when another process holds the lock unusually long.
 */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Open (and create or migrate) a store. Several connections, in this process or others, may write at once:
 * WAL lets readers go on beside the one writer, and every write takes the lock at its start (an immediate
 * transaction), so a writer waits its turn instead of failing on a read lock it cannot upgrade.
 */
export function openStore(path: string): DB {
  const db = new Database(path);
  // First, so that the statements below wait for a writer that is creating or migrating the same file.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal' && mode !== 'memory') {
    db.close();
    throw new Error(`${path}: cannot use a write-ahead log (journal mode stays "${mode}")`);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `${path}: store schema version ${version} is newer than this newsfuse (${SCHEMA_VERSION})`,
    );
  }
  if (version < SCHEMA_VERSION) migrate(db);
  return db;
}

/** Apply the missing migrations, each in a transaction that re-reads the version once it holds the lock. */
function migrate(db: DB): void {
  for (;;) {
    const ran = db
      .transaction(() => {
        // Another process opening the same new file may have migrated it while this one waited.
        const v = db.pragma('user_version', { simple: true }) as number;
        if (v >= SCHEMA_VERSION) return false;
        db.exec(MIGRATIONS[v]);
        db.pragma(`user_version = ${v + 1}`);
        return true;
      })
      .immediate();
    if (!ran) return;
  }
}
