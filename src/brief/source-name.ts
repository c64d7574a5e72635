/**
 * How a source is named: the brief groups its sources into outlets by this name, and every renderer
 * shows it to the reader.
 */
import { basename } from 'node:path';
import type { SourceEntry } from '../model.js';

/** How a source is named to a reader: its publisher, else its URL's host, else its file name. */
export function sourceName(s: Pick<SourceEntry, 'publisher' | 'url' | 'source'>): string {
  if (s.publisher) return s.publisher;
  if (s.url) {
    try {
      const host = new URL(s.url).hostname.replace(/^www\./, '');
      // A URL without a host ("javascript:", "data:", "mailto:") names nothing: fall through to the file.
      if (host) return host;
    } catch {
      // not a URL; fall through to the file name
    }
  }
  return basename(s.source.replace(/:\d+$/, ''));
}
