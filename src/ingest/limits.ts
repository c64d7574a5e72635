/**
 * Size limits on ingested input, in one place. Each input over a limit is skipped with a warning that names it
 * and the limit, and the run goes on: one gzip bomb or runaway page must not cost the good pages beside it
 * (a 600 MB bomb took Node to 2.5 GB; a 20 MB page did not extract in 10 minutes). The limits are far above
 * real news pages: a long article page with its markup is under 2 MB, its text under 100 K characters.
 */

const MB = 1024 * 1024;

export interface IngestLimits {
  /** Bytes a file may have on disk. */
  fileBytes: number;
  /** Bytes a gzipped file may decompress to (the ratio is then bounded too: no bomb gets past it). */
  gunzipBytes: number;
  /** Characters an HTML page (a file, or a record's `html`) may have. */
  htmlChars: number;
  /** Characters a text page (a file, or a record's `text`) may have. */
  textChars: number;
  /** Characters a JSON Lines line may have before it is parsed (room for an `html` field's escapes). */
  jsonlLineChars: number;
}

export const INGEST_LIMITS: Readonly<IngestLimits> = Object.freeze({
  fileBytes: 64 * MB,
  gunzipBytes: 64 * MB,
  htmlChars: 8 * MB,
  // A 1 M-character text page took about 2 minutes to brief (2 shared cores), so text is held tighter than
  // HTML, whose size is mostly markup and scripts.
  textChars: 1 * MB,
  jsonlLineChars: 16 * MB,
});

/** A size for a warning: whole megabytes when it is a multiple of one, bytes otherwise (tests use small limits). */
export function formatSize(n: number, unit: 'bytes' | 'characters'): string {
  return n % MB === 0 ? `${n / MB} M${unit === 'bytes' ? 'B' : ' characters'}` : `${n} ${unit}`;
}
