/**
 * Ingest: paths (files, directories, "-" for stdin) → raw documents. Each file is read, decoded and typed;
 * problems become diagnostics and never stop the rest.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Diagnostic, RawDocument, RawKind } from '../model.js';
import { decodeBytes } from './decode.js';
import { listFiles, MAX_FILE_BYTES } from './files.js';
import { contentHash } from './hash.js';
import { parseJsonl } from './jsonl.js';
import { rawDocument } from './record.js';

export interface IngestResult {
  docs: RawDocument[];
  diagnostics: Diagnostic[];
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml', '.php', '.asp', '.aspx']);
const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const JSONL_EXT = new Set(['.jsonl', '.ndjson']);

type FileKind = RawKind | 'jsonl';

/** Decide what a file holds from its name, then from its first characters. */
export function sniffKind(name: string, content: string): FileKind {
  const ext = extname(name.replace(/\.gz$/i, '')).toLowerCase();
  if (HTML_EXT.has(ext)) return 'html';
  if (JSONL_EXT.has(ext)) return 'jsonl';
  if (TEXT_EXT.has(ext)) return 'text';
  const head = content.slice(0, 1024).trimStart();
  // A JSON Feed on one line is a feed (one document, opened into items by feeds/), not a JSON Lines record.
  const jsonFeed = /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head);
  if (/^\{/.test(head) && /^\{.*\}\s*$/m.test(head.split('\n')[0]) && !jsonFeed) return 'jsonl';
  if (/^<(!doctype html|html|head|body|article|div|p)\b/i.test(head)) return 'html';
  return 'text';
}

/** Turn one file's bytes into raw documents. Pure: no file system access. */
export function documentsFromBytes(path: string, bytes: Uint8Array): IngestResult {
  const origin = { path };
  let buf = bytes;
  if (buf.length === 0)
    return { docs: [], diagnostics: [{ level: 'warning', origin, message: 'empty file skipped' }] };
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch {
      return { docs: [], diagnostics: [{ level: 'warning', origin, message: 'corrupt gzip data; skipped' }] };
    }
  }
  const name = basename(path);
  const guess = sniffKind(name, '');
  const decoded = decodeBytes(buf, guess === 'html' ? 'html' : 'text');
  if ('error' in decoded)
    return { docs: [], diagnostics: [{ level: 'warning', origin, message: `${decoded.error}; skipped` }] };
  const text = decoded.text;
  if (!text.trim())
    return { docs: [], diagnostics: [{ level: 'warning', origin, message: 'empty file skipped' }] };
  // What decoding had to repair is told with the file, whatever the file then gives.
  const repaired: Diagnostic[] = (decoded.repairs ?? []).map((r) => ({
    level: 'warning',
    origin: { path, line: r.line },
    message: r.message,
  }));
  const kind = sniffKind(name, text);
  if (kind === 'jsonl') {
    const r = parseJsonl(text, path);
    return { docs: r.docs, diagnostics: [...repaired, ...r.diagnostics] };
  }
  return {
    docs: [rawDocument({ origin, kind, content: text, hash: contentHash(buf) })],
    diagnostics: repaired,
  };
}

function readStdin(): Uint8Array {
  return readFileSync(0);
}

/** Read every input path. Missing paths give `error` diagnostics; unreadable files give warnings. */
export async function readInputs(paths: string[]): Promise<IngestResult> {
  const { files, diagnostics } = listFiles(paths);
  const docs: RawDocument[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = file === '-' ? readStdin() : readFileSync(file);
    } catch (err) {
      diagnostics.push({
        level: 'warning',
        origin: { path: file },
        message: `cannot read: ${(err as Error).message}`,
      });
      continue;
    }
    if (bytes.length > MAX_FILE_BYTES) {
      diagnostics.push({
        level: 'warning',
        origin: { path: file },
        message: `larger than ${MAX_FILE_BYTES} bytes; skipped`,
      });
      continue;
    }
    const r = documentsFromBytes(file, bytes);
    docs.push(...r.docs);
    diagnostics.push(...r.diagnostics);
  }
  return { docs, diagnostics };
}
