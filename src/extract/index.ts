/**
 * Extract: a raw document → an Article (body without boilerplate + metadata), or a diagnostic saying why not.
 * HTML goes through the DOM extractor, scraped text and JSONL text through the line classifier.
 */
import { basename } from 'node:path';
import { formatSize, INGEST_LIMITS } from '../ingest/limits.js';
import type { Article, Diagnostic, RawDocument } from '../model.js';
import { cutCommentStream } from './comment-stream.js';
import { datelineAgency, stripDateline } from './datelines.js';
import { normalizeDate } from './dates.js';
import { extractHtml, type HtmlExtraction } from './html.js';
import { detectLanguage } from './language.js';
import { type NonArticleReason, nonArticleReason } from './non-article.js';
import { extractText } from './text.js';
import { cleanTextParagraphs, unglueSentences } from './text-cleanup.js';
import { wordCount } from './text-length.js';

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

export interface ExtractOptions {
  /** Keep inputs that do not read as articles (error pages, walls, widgets, ...), marked `nonArticle`. */
  keepAll?: boolean;
}

/** The warning for an input dropped because it is not an article. */
export const notAnArticle = (reason: NonArticleReason) => `not an article (${reason}); skipped`;

export function extractArticle(raw: RawDocument, options: ExtractOptions = {}): ExtractResult {
  const fields: HtmlExtraction =
    raw.kind === 'html'
      ? extractHtml(raw.content)
      : raw.kind === 'record'
        ? { paragraphs: recordParagraphs(raw.content) }
        : extractText(raw.content);
  // Plain text carries its furniture inline (captions, credit lines, call-outs, glued sentences); HTML has
  // had its furniture removed with the DOM, and only gets its glued sentences parted and a trailing stream of
  // reader comments the container took in cut off.
  const paragraphs =
    raw.kind === 'html'
      ? cutCommentStream(fields.paragraphs.map(unglueSentences))
      : cleanTextParagraphs(fields.paragraphs, raw.hints.title ?? fields.title);
  const text = paragraphs.join('\n\n');
  const refused =
    fields.refused ??
    (text.length > INGEST_LIMITS.textChars
      ? `extracted text of ${text.length} characters is over the ${formatSize(INGEST_LIMITS.textChars, 'characters')} limit`
      : undefined);
  if (refused)
    return { diagnostics: [{ level: 'warning', origin: raw.origin, message: `${refused}; skipped` }] };
  const wordsInBody = wordCount(text);
  // Below the floor there is nothing to keep, even with keepAll.
  const nonArticle: NonArticleReason | undefined =
    wordsInBody < MIN_BODY_WORDS
      ? 'too little prose'
      : nonArticleReason(paragraphs, { wholeText: raw.kind !== 'html' });
  if (nonArticle && (!options.keepAll || wordsInBody < MIN_BODY_WORDS))
    return { diagnostics: [{ level: 'warning', origin: raw.origin, message: notAnArticle(nonArticle) }] };
  const h = raw.hints;
  // A record of a JSON Lines file shares the file's name with every other record: its lead names it better.
  const title =
    h.title ??
    fields.title ??
    (raw.origin.line ? leadTitle(text) : basename(raw.origin.path).replace(/\.[^.]+$/, ''));
  const lang = h.language ?? fields.language ?? detectLanguage(text);
  const url = h.url ?? fields.url;
  const article: Article = {
    id: raw.id,
    source: sourceLabel(raw),
    url,
    // A record with neither a publisher nor a URL is still known by the agency its dateline names.
    publisher: h.publisher ?? fields.publisher ?? (url ? undefined : datelineAgency(text)),
    title,
    byline: h.byline ?? fields.byline,
    published: normalizeDate(h.date) ?? fields.published,
    language: lang,
    paragraphs,
    text,
    hash: raw.hash,
    nonArticle: nonArticle && { reason: nonArticle },
  };
  return { article: dropUndefined(article), diagnostics: [] };
}

/** The first words of a text, up to its first sentence end after three words, at most 14: a title for a record. */
function leadTitle(text: string): string {
  const words = stripDateline(text.slice(0, 600)).split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    out.push(w);
    if (out.length >= 14) return `${out.join(' ')}…`;
    if (out.length >= 4 && /[.!?]["”’)]?$/.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w)) break;
  }
  return out.join(' ');
}

/** Remove keys whose value is undefined, so JSON output and equality checks stay clean. */
function dropUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
