/**
 * Ingest: paths (files, directories, "-" for stdin) → raw documents. Each file is read, decoded and typed;
 * problems become diagnostics and never stop the rest.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Diagnostic, RawDocument, RawKind } from '../model.js';
import { decodeBytes } from './decode.js';
import { listFiles } from './files.js';
import { contentHash } from './hash.js';
import { parseJsonl } from './jsonl.js';
import { formatSize, INGEST_LIMITS, type IngestLimits } from './limits.js';
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

/** Node's error when inflating would pass `maxOutputLength`. */
const TOO_LARGE = 'ERR_BUFFER_TOO_LARGE';

/**
 * Turn one file's bytes into raw documents. Pure: no file system access. `limits` bounds what a file may
 * decompress to and how long a page or record may be (see limits.ts); what passes one is skipped with a warning.
 */
export function documentsFromBytes(
  path: string,
  bytes: Uint8Array,
  limits: IngestLimits = INGEST_LIMITS,
): IngestResult {
  const origin = { path };
  let buf = bytes;
  if (buf.length === 0)
    return { docs: [], diagnostics: [{ level: 'warning', origin, message: 'empty file skipped' }] };
  if (buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      // Inflating stops at the cap instead of growing without bound: a gzip bomb costs the cap, no more.
      buf = gunzipSync(buf, { maxOutputLength: limits.gunzipBytes });
    } catch (err) {
      const message =
        (err as NodeJS.ErrnoException).code === TOO_LARGE
          ? `decompresses to more than ${formatSize(limits.gunzipBytes, 'bytes')}; skipped`
          : 'corrupt gzip data; skipped';
      return { docs: [], diagnostics: [{ level: 'warning', origin, message }] };
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
    const r = parseJsonl(text, path, limits);
    return { docs: r.docs, diagnostics: [...repaired, ...r.diagnostics] };
  }
  const max = kind === 'html' ? limits.htmlChars : limits.textChars;
  if (text.length > max) {
    // Extraction of a page this long would run for minutes; real news pages are far shorter.
    const message = `${kind} page longer than ${formatSize(max, 'characters')}; skipped`;
    return { docs: [], diagnostics: [...repaired, { level: 'warning', origin, message }] };
  }
  return {
    docs: [rawDocument({ origin, kind, content: text, hash: contentHash(buf) })],
    diagnostics: repaired,
  };
}

function readStdin(): Uint8Array {
  return readFileSync(0);
}

/**
 * Read every input path. Missing paths give `error` diagnostics; unreadable files give warnings, as do files
 * over `limits` (see limits.ts).
 */
export async function readInputs(
  paths: string[],
  limits: IngestLimits = INGEST_LIMITS,
): Promise<IngestResult> {
  const { files, diagnostics } = listFiles(paths);
  const docs: RawDocument[] = [];
  for (const file of files) {
    let bytes: Uint8Array | undefined;
    try {
      // A file's size is checked before it is read, so an oversized one never fills memory.
      const tooLarge = file !== '-' && statSync(file).size > limits.fileBytes;
      if (!tooLarge) bytes = file === '-' ? readStdin() : readFileSync(file);
    } catch (err) {
      diagnostics.push({
        level: 'warning',
        origin: { path: file },
        message: `cannot read: ${(err as Error).message}`,
      });
      continue;
    }
    if (!bytes || bytes.length > limits.fileBytes) {
      diagnostics.push({
        level: 'warning',
        origin: { path: file },
        message: `larger than ${limits.fileBytes} bytes; skipped`,
      });
      continue;
    }
    const r = documentsFromBytes(file, bytes, limits);
    docs.push(...r.docs);
    diagnostics.push(...r.diagnostics);
  }
  return { docs, diagnostics };
}
