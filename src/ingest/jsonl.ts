/** JSON Lines files: one news record per line (see recordDocument) → raw documents; bad lines are reported, not fatal. */
import type { Diagnostic, RawDocument } from '../model.js';
import { contentHash } from './hash.js';
import { recordDocument } from './record.js';

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
    else docs.push(doc);
  }
  return { docs, diagnostics };
}
