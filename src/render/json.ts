/** Briefs as JSON: the stable, documented shape `{ "schema": "newsfuse.briefs/1", "briefs": [...] }`. */
import type { Brief } from '../model.js';

export const BRIEFS_SCHEMA = 'newsfuse.briefs/1';

export function renderJson(briefs: Brief[]): string {
  return `${JSON.stringify({ schema: BRIEFS_SCHEMA, briefs }, null, 2)}\n`;
}
