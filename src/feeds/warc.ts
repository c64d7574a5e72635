/** WARC files of crawled pages (read with warcio): every HTML response record becomes a raw document. */
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { decodeBytes } from '../ingest/decode.js';
import { contentHash } from '../ingest/hash.js';
import { rawDocument } from '../ingest/record.js';
import type { Diagnostic, RawDocument } from '../model.js';

export async function documentsFromWarc(
  path: string,
): Promise<{ docs: RawDocument[]; diagnostics: Diagnostic[] }> {
  const docs: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let n = 0;
  try {
    for await (const record of WARCParser.iterRecords(createReadStream(path))) {
      n++;
      if (record.warcType !== 'response') continue;
      const type = record.httpHeaders?.headers.get('content-type') ?? '';
      if (!/html/i.test(type)) continue;
      const bytes = await record.readFully(true);
      const decoded = decodeBytes(bytes, 'html');
      if ('error' in decoded) {
        diagnostics.push({
          level: 'warning',
          origin: { path, line: n },
          message: `${decoded.error}; skipped`,
        });
        continue;
      }
      docs.push(
        rawDocument({
          origin: { path: record.warcTargetURI ?? path, line: n },
          kind: 'html',
          content: decoded.text,
          hash: contentHash(bytes),
          hints: { url: record.warcTargetURI, date: record.warcDate?.slice(0, 10) },
        }),
      );
    }
  } catch (err) {
    diagnostics.push({
      level: 'warning',
      origin: { path },
      message: `not a readable WARC file: ${(err as Error).message}`,
    });
  }
  return { docs, diagnostics };
}
