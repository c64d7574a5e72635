/**
 * Learning a site's template from the collection: when several pages come from one site, a paragraph that
 * recurs, word for word, on many of them ("Sign up for our newsletter", a standing disclaimer, the author
 * box) belongs to the site, not to any article. Used when available; single pages are left alone.
 *
 * One linear pass: paragraphs are counted per site by a normalized key, then removed where they recur.
 */
import type { Article } from '../model.js';

/** A site needs at least this many pages before anything is judged template. */
export const MIN_SITE_PAGES = 3;
/** A paragraph is template when it appears on at least this share of the site's pages (and on ≥ 3). */
export const TEMPLATE_SHARE = 0.5;
/** Paragraphs this long are article prose even when repeated (a wire story republished by one site twice). */
const MAX_TEMPLATE_WORDS = 60;

export interface TemplateResult {
  articles: Article[];
  /** Paragraphs removed, per article id. */
  removed: Map<string, string[]>;
}

/**
 * The site a page belongs to: the host of its URL. Pages without a URL are never judged, because a folder
 * or a publisher name can hold several copies of one wire story, whose shared paragraphs are the article.
 */
export function siteOf(a: Article): string | undefined {
  if (!a.url) return undefined;
  try {
    return new URL(a.url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return undefined;
  }
}

const paragraphKey = (p: string) =>
  p
    .toLowerCase()
    .replace(/[\d\s\p{P}\p{S}]+/gu, ' ')
    .trim();

const wordsIn = (p: string) => p.split(/\s+/).filter(Boolean).length;

/**
 * Remove paragraphs that recur across many pages of the same site. An article never loses all its
 * paragraphs: if every paragraph looks like template, the article is left as it was.
 */
export function removeSiteTemplates(articles: Article[]): TemplateResult {
  const bySite = new Map<string, Article[]>();
  for (const a of articles) {
    const site = siteOf(a);
    if (!site) continue;
    const list = bySite.get(site);
    if (list) list.push(a);
    else bySite.set(site, [a]);
  }
  const removed = new Map<string, string[]>();
  const replaced = new Map<string, Article>();
  for (const pages of bySite.values()) {
    if (pages.length < MIN_SITE_PAGES) continue;
    const counts = new Map<string, number>();
    for (const a of pages) {
      for (const key of new Set(a.paragraphs.map(paragraphKey))) {
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const need = Math.max(MIN_SITE_PAGES, Math.ceil(pages.length * TEMPLATE_SHARE));
    for (const a of pages) {
      const isTemplate = (p: string) =>
        wordsIn(p) <= MAX_TEMPLATE_WORDS && (counts.get(paragraphKey(p)) ?? 0) >= need;
      const kept = a.paragraphs.filter((p) => !isTemplate(p));
      if (kept.length === a.paragraphs.length || kept.length === 0) continue;
      removed.set(
        a.id,
        a.paragraphs.filter((p) => isTemplate(p)),
      );
      replaced.set(a.id, { ...a, paragraphs: kept, text: kept.join('\n\n') });
    }
  }
  return { articles: articles.map((a) => replaced.get(a.id) ?? a), removed };
}
