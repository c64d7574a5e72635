/**
 * WARC files of crawled pages (read with warcio): every HTML response record becomes a raw document. A
 * truncated archive (an interrupted crawl or copy) is reported, and its partial last record left out.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { WARCParser } from 'warcio';
import { decodeBytes } from '../ingest/decode.js';
import { contentHash } from '../ingest/hash.js';
import { rawDocument } from '../ingest/record.js';
import type { Diagnostic, RawDocument } from '../model.js';

/** An uncompressed record ends with two CRLFs after its block; warcio's record length leaves them out. */
const RECORD_TRAILER = 4;

export async function documentsFromWarc(
  path: string,
): Promise<{ docs: RawDocument[]; diagnostics: Diagnostic[] }> {
  const docs: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let n = 0;
  // Where the last record read starts and ends in the file (compressed bytes for a .warc.gz), and the
  // document it gave, if any: only the last record can be cut short, and that is known once the file ends.
  let last: { start: number; end: number; doc?: RawDocument } | undefined;
  const parser = new WARCParser(createReadStream(path));
  try {
    for await (const record of parser) {
      n++;
      last = { start: parser.offset, end: parser.offset };
      if (record.warcType !== 'response') {
        await record.skipFully();
        last.end = parser.offset + parser.recordLength;
        continue;
      }
      const type = record.httpHeaders?.headers.get('content-type') ?? '';
      const bytes = /html/i.test(type) ? await record.readFully(true) : undefined;
      if (!bytes) await record.skipFully();
      last.end = parser.offset + parser.recordLength;
      if (!bytes) continue;
      const decoded = decodeBytes(bytes, 'html');
      if ('error' in decoded) {
        diagnostics.push({
          level: 'warning',
          origin: { path, line: n },
          message: `${decoded.error}; skipped`,
        });
        continue;
      }
      for (const r of decoded.repairs ?? [])
        diagnostics.push({ level: 'warning', origin: { path, line: n }, message: r.message });
      last.doc = rawDocument({
        origin: { path: record.warcTargetURI ?? path, line: n },
        kind: 'html',
        content: decoded.text,
        hash: contentHash(bytes),
        hints: { url: record.warcTargetURI, date: record.warcDate?.slice(0, 10) },
      });
      docs.push(last.doc);
    }
  } catch (err) {
    diagnostics.push({
      level: 'warning',
      origin: { path },
      message: `not a readable WARC file: ${(err as Error).message}`,
    });
  }
  diagnostics.push(...truncation(path, n, last, docs));
  return { docs, diagnostics };
}

/**
 * Whether the file ends before its last record does. Uncompressed, the last record then runs into the end
 * of the file (warcio hands it over short); gzipped, warcio yields nothing for a cut member, so bytes are
 * left after the last record it gave. A record cut short is removed from `docs`.
 */
function truncation(
  path: string,
  records: number,
  last: { start: number; end: number; doc?: RawDocument } | undefined,
  docs: RawDocument[],
): Diagnostic[] {
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  const end = last?.end ?? 0;
  if (isGzip(path)) return end < size ? [truncated(path, records + 1, end)] : [];
  if (!last || end + RECORD_TRAILER <= size) return [];
  if (last.doc) docs.splice(docs.indexOf(last.doc), 1);
  return [truncated(path, records, last.start)];
}

function truncated(path: string, record: number, offset: number): Diagnostic {
  return {
    level: 'warning',
    origin: { path, line: record },
    message: `truncated archive: record ${record} (at byte ${offset}) is incomplete; skipped`,
  };
}

/** Whether the file is gzip-compressed (warcio tells by the same two bytes). */
function isGzip(path: string): boolean {
  const head = Buffer.alloc(2);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, head, 0, 2, 0);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return head[0] === 0x1f && head[1] === 0x8b;
}
