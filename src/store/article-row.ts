/** An article as both stores keep it: one row, its paragraphs as a JSON array. */
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
