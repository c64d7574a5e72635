/**
 * Repairing a store whose stories lag its articles (a crash between storing articles and updating the
 * stories, or a store written by an older version): articles in no story, stories without a brief. The fix
 * is the ordinary story update, which compares the stored stories with the clustering of every stored
 * article; this measures the lag before and after so that the caller can say what was fixed.
 */
import type { DB } from './db.js';
import { type StoryUpdate, updateStories } from './ingest.js';
import { type StoryLag, storyLag } from './repository.js';

export interface RepairReport {
  before: StoryLag;
  after: StoryLag;
  update: StoryUpdate;
}

export function repairStories(db: DB, words = 120): RepairReport {
  const before = storyLag(db);
  const update = updateStories(db, words);
  return { before, after: storyLag(db), update };
}
