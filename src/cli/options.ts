/** Option parsers shared by the commands. Light on purpose: every command module imports this at start-up. */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Since } from '../analyse/updates.js';
import type { Brief } from '../model.js';
import { CliError } from './errors.js';

/** Parse a positive integer option or fail with a usage error. */
export function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new CliError(`${name} must be a positive whole number, got "${value}"`, 2);
  return n;
}

/** `--since`: a date, or a brief JSON written earlier by `newsfuse brief --format json`. */
export function parseSince(value: string): Since {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && Number.isFinite(Date.parse(value))) return { date: value };
  if (!existsSync(value))
    throw new CliError(`--since: "${value}" is neither a date (YYYY-MM-DD) nor a file`, 2);
  let previous: Brief[];
  try {
    const parsed = JSON.parse(readFileSync(value, 'utf8')) as { schema?: string; briefs?: Brief[] };
    if (!Array.isArray(parsed.briefs)) throw new Error('no "briefs" array');
    previous = parsed.briefs;
  } catch (e) {
    throw new CliError(`--since: ${value} is not a brief JSON (${(e as Error).message})`, 2);
  }
  return { previous, label: basename(value) };
}

/**
 * A store that a read-only command opens must exist: opening a mistyped `--db` would create an empty store and
 * answer from it as if it held nothing.
 */
export function requireStore(path: string): void {
  if (path !== ':memory:' && !existsSync(path))
    throw new CliError(`${path}: no such store (newsfuse ingest creates one)`, 2);
}
