/** JSON Lines records `{title?, url?, date?, publisher?, text|html}` → raw documents; bad lines are reported, not fatal. */
import type { Diagnostic, RawDocument } from '../model.js';
import { contentHash } from './hash.js';

interface JsonlRecord {
  id?: unknown;
  title?: unknown;
  url?: unknown;
  date?: unknown;
  published?: unknown;
  publisher?: unknown;
  byline?: unknown;
  language?: unknown;
  text?: unknown;
  html?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export function parseJsonl(
  content: string,
  path: string,
): { docs: RawDocument[]; diagnostics: Diagnostic[] } {
  const docs: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const origin = { path, line: i + 1 };
    let rec: JsonlRecord;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      diagnostics.push({
        level: 'warning',
        origin,
        message: `malformed JSON line skipped (${(err as Error).message})`,
      });
      continue;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      diagnostics.push({ level: 'warning', origin, message: 'line is not a JSON object; skipped' });
      continue;
    }
    const html = str(rec.html);
    const text = str(rec.text);
    if (!html && !text) {
      diagnostics.push({
        level: 'warning',
        origin,
        message: 'record has neither "text" nor "html"; skipped',
      });
      continue;
    }
    const hash = contentHash(line);
    docs.push({
      id: hash.slice(0, 12),
      origin,
      kind: html ? 'html' : 'record',
      content: (html ?? text)!,
      hash,
      hints: {
        title: str(rec.title),
        url: str(rec.url),
        date: str(rec.date) ?? str(rec.published),
        publisher: str(rec.publisher),
        byline: str(rec.byline),
        language: str(rec.language),
      },
    });
  }
  return { docs, diagnostics };
}
