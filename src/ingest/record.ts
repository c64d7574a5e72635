/**
 * The one way to a raw document: every reader (files, JSON Lines, the HTTP API, feeds, WARC) hands its
 * content and metadata to `rawDocument`; JSON records (a JSONL line, a posted record) are read by
 * `recordDocument`, so a record gives the same document whichever way it arrives. Pure.
 */
import type { Origin, RawDocument, RawKind } from '../model.js';

/** A metadata or body field as a string: trimmed; absent when not a string or blank. */
export const field = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

export interface DocumentParts {
  origin: Origin;
  kind: RawKind;
  content: string;
  /** Identity of the input (see RawDocument.hash); the id is its first 12 characters. */
  hash: string;
  hints?: { [K in keyof RawDocument['hints']]?: unknown };
}

/** A raw document from its parts; hints are kept as trimmed strings, blank or non-string ones dropped. */
export function rawDocument(parts: DocumentParts): RawDocument {
  const h = parts.hints ?? {};
  const hints: RawDocument['hints'] = {};
  for (const key of Object.keys(h) as (keyof RawDocument['hints'])[]) {
    const value = field(h[key]);
    if (value !== undefined) hints[key] = value;
  }
  return {
    id: parts.hash.slice(0, 12),
    origin: parts.origin,
    kind: parts.kind,
    content: parts.content,
    hash: parts.hash,
    hints,
  };
}

/** Why a JSON value is not a news record. */
export type RecordProblem = 'not-object' | 'no-content';

/** The fields a news record may have; each is a string when present. */
const RECORD_FIELDS = [
  'title',
  'url',
  'date',
  'published',
  'publisher',
  'byline',
  'language',
  'text',
  'html',
];

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/**
 * What is wrong with a JSON value as a news record, in words that name the field, or undefined when it is a
 * well-typed record with a body. Stricter than `recordDocument`, which drops a mistyped metadata field so
 * that one odd line of a JSONL file still gives a document; the HTTP API refuses such a record instead, so
 * its sender learns of the mistake.
 */
export function recordTypeError(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return `must be a JSON object, got ${typeName(value)}`;
  const rec = value as Record<string, unknown>;
  for (const key of RECORD_FIELDS)
    if (Object.hasOwn(rec, key) && typeof rec[key] !== 'string')
      return `"${key}" must be a string, got ${typeName(rec[key])}`;
  if (!field(rec.text) && !field(rec.html)) return 'needs a non-blank "text" or "html"';
  return undefined;
}

/**
 * A news record `{title?, url?, date? | published?, publisher?, byline?, language?, text | html}` → a raw
 * document. `html` is a page to extract; `text` is the article's body, paragraphs separated by blank lines.
 */
export function recordDocument(
  value: unknown,
  origin: Origin,
  hash: string,
): RawDocument | { problem: RecordProblem } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'not-object' };
  const rec = value as Record<string, unknown>;
  const html = field(rec.html);
  const text = field(rec.text);
  if (!html && !text) return { problem: 'no-content' };
  return rawDocument({
    origin,
    kind: html ? 'html' : 'record',
    content: (html ?? text)!,
    hash,
    hints: {
      title: rec.title,
      url: rec.url,
      date: field(rec.date) ?? rec.published,
      publisher: rec.publisher,
      byline: rec.byline,
      language: rec.language,
    },
  });
}
