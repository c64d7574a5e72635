/** JSON Lines files: one news record per line (see recordDocument) → raw documents; bad lines are reported, not fatal. */
import type { Diagnostic, RawDocument } from '../model.js';
import { contentHash } from './hash.js';
import { formatSize, INGEST_LIMITS, type IngestLimits } from './limits.js';
import { recordDocument } from './record.js';

/**
 * A line longer than `limits.jsonlLineChars` is skipped unparsed, and a record whose `html` or `text` passes
 * the page limits is skipped after parsing; either way with a warning at its line, and the other lines are read.
 */
export function parseJsonl(
  content: string,
  path: string,
  limits: IngestLimits = INGEST_LIMITS,
): { docs: RawDocument[]; diagnostics: Diagnostic[] } {
  const docs: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const origin = { path, line: i + 1 };
    if (line.length > limits.jsonlLineChars) {
      diagnostics.push({
        level: 'warning',
        origin,
        message: `JSON line longer than ${formatSize(limits.jsonlLineChars, 'characters')}; skipped`,
      });
      continue;
    }
    let rec: unknown;
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
    const doc = recordDocument(rec, origin, contentHash(line));
    if ('problem' in doc)
      diagnostics.push({
        level: 'warning',
        origin,
        message:
          doc.problem === 'not-object'
            ? 'line is not a JSON object; skipped'
            : 'record has neither "text" nor "html"; skipped',
      });
    else {
      const field = doc.kind === 'html' ? 'html' : 'text';
      const max = field === 'html' ? limits.htmlChars : limits.textChars;
      if (doc.content.length <= max) docs.push(doc);
      else
        diagnostics.push({
          level: 'warning',
          origin,
          message: `record's "${field}" longer than ${formatSize(max, 'characters')}; skipped`,
        });
    }
  }
  return { docs, diagnostics };
}
