/** An article as both stores keep it: one row, its paragraphs as a JSON array. */
import { type HeadlineSource, headlineSource, LEAD_CHARS } from '../analyse/headline.js';
import type { Article } from '../model.js';

export interface ArticleRow {
  id: string;
  hash: string;
  source: string;
  url: string | null;
  publisher: string | null;
  title: string;
  byline: string | null;
  published: string | null;
  language: string;
  paragraphs: string;
  text: string;
}

export function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    source: r.source,
    ...(r.url ? { url: r.url } : {}),
    ...(r.publisher ? { publisher: r.publisher } : {}),
    title: r.title,
    ...(r.byline ? { byline: r.byline } : {}),
    ...(r.published ? { published: r.published } : {}),
    language: r.language,
    paragraphs: JSON.parse(r.paragraphs) as string[],
    text: r.text,
    hash: r.hash,
  };
}

/** What naming a story reads of a stored article: title, outlet and the start of the text. */
export interface LeadRow {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  source: string;
  lead: string;
}

/** The columns of a `LeadRow`, in SQL both stores take. */
export const LEAD_COLUMNS = `id, title, publisher, url, source, substr(text, 1, ${LEAD_CHARS * 2}) AS lead`;

export function toHeadlineSource(r: LeadRow): HeadlineSource {
  return headlineSource({
    id: r.id,
    title: r.title,
    paragraphs: r.lead.split('\n\n'),
    publisher: r.publisher ?? undefined,
    url: r.url ?? undefined,
    source: r.source,
  });
}
