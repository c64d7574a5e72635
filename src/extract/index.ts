/**
 * Extract: a raw document → an Article (body without boilerplate + metadata), or a diagnostic saying why not.
 * HTML goes through the DOM extractor, scraped text and JSONL text through the line classifier.
 */
import { basename } from 'node:path';
import type { Article, Diagnostic, RawDocument } from '../model.js';
import { normalizeDate } from './dates.js';
import { extractHtml, type HtmlExtraction } from './html.js';
import { detectLanguage } from './language.js';
import { extractText } from './text.js';

export interface ExtractResult {
  article?: Article;
  diagnostics: Diagnostic[];
}

/** Bodies shorter than this are not articles (error pages, home pages, stubs). */
export const MIN_BODY_WORDS = 15;

function sourceLabel(raw: RawDocument): string {
  return raw.origin.line ? `${raw.origin.path}:${raw.origin.line}` : raw.origin.path;
}

/** Paragraphs of JSONL text: blank-line separated; single newlines inside a paragraph are unwrapped. */
function recordParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export function extractArticle(raw: RawDocument): ExtractResult {
  const fields: HtmlExtraction =
    raw.kind === 'html'
      ? extractHtml(raw.content)
      : raw.kind === 'record'
        ? { paragraphs: recordParagraphs(raw.content) }
        : extractText(raw.content);
  const paragraphs = fields.paragraphs;
  const text = paragraphs.join('\n\n');
  const wordsInBody = text.split(/\s+/).filter(Boolean).length;
  if (wordsInBody < MIN_BODY_WORDS) {
    return {
      diagnostics: [
        {
          level: 'warning',
          origin: raw.origin,
          message: 'no article content (too little body text); skipped',
        },
      ],
    };
  }
  const h = raw.hints;
  // A record of a JSON Lines file shares the file's name with every other record: its lead names it better.
  const title =
    h.title ??
    fields.title ??
    (raw.origin.line ? leadTitle(text) : basename(raw.origin.path).replace(/\.[^.]+$/, ''));
  const lang = h.language ?? fields.language ?? detectLanguage(text);
  const article: Article = {
    id: raw.id,
    source: sourceLabel(raw),
    url: h.url ?? fields.url,
    publisher: h.publisher ?? fields.publisher,
    title,
    byline: h.byline ?? fields.byline,
    published: normalizeDate(h.date) ?? fields.published,
    language: lang,
    paragraphs,
    text,
    hash: raw.hash,
  };
  return { article: dropUndefined(article), diagnostics: [] };
}

/** The first sentence of a text, cut to 14 words: a title for a record that has none. */
function leadTitle(text: string): string {
  const first = /^.*?[.!?](?=\s|$)/s.exec(text)?.[0] ?? text;
  const words = first.split(/\s+/).filter(Boolean);
  return words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : words.join(' ');
}

/** Remove keys whose value is undefined, so JSON output and equality checks stay clean. */
function dropUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
