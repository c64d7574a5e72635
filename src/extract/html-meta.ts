/**
 * Page metadata from what the HTML pass collected: JSON-LD (NewsArticle and kin), OpenGraph and other meta
 * tags, <title>, the first <h1>, <time datetime>, the canonical link and <html lang>.
 */

export interface PageMeta {
  /** meta tags by lower-cased property/name/itemprop; the first value wins. */
  metas: Record<string, string>;
  ldJson: string[];
  title?: string;
  h1?: string;
  time?: string;
  canonical?: string;
  lang?: string;
}

export interface Metadata {
  title?: string;
  published?: string;
  byline?: string;
  publisher?: string;
  language?: string;
  url?: string;
  /** The JSON-LD articleBody, when the page gives one. */
  articleBody?: string;
}

interface LdArticle {
  headline?: unknown;
  articleBody?: unknown;
  name?: unknown;
  datePublished?: unknown;
  dateCreated?: unknown;
  author?: unknown;
  publisher?: unknown;
  inLanguage?: unknown;
  url?: unknown;
}

const ARTICLE_TYPE =
  /^(?:\w+)?(?:Article|NewsArticle|ReportageNewsArticle|BlogPosting|Report|LiveBlogPosting)$/;

const clean = (s: unknown): string | undefined =>
  typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() || undefined : undefined;

/** A person's or organization's name from JSON-LD: a string, an object with `name`, or a list of them. */
function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object' && 'name' in v) return nameOf((v as { name: unknown }).name);
  return undefined;
}

function findArticle(data: unknown, depth = 0): LdArticle | undefined {
  if (!data || typeof data !== 'object' || depth > 4) return undefined;
  if (Array.isArray(data)) {
    for (const d of data) {
      const found = findArticle(d, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const obj = data as Record<string, unknown>;
  const t = obj['@type'];
  const types = Array.isArray(t) ? t : [t];
  if (types.some((x) => typeof x === 'string' && ARTICLE_TYPE.test(x))) return obj as LdArticle;
  return findArticle(obj['@graph'], depth + 1) ?? findArticle(obj.mainEntity, depth + 1);
}

function ldArticle(scripts: string[]): LdArticle | undefined {
  for (const s of scripts) {
    try {
      const found = findArticle(JSON.parse(s.trim().replace(/^<!--|-->$/g, '')));
      if (found) return found;
    } catch {
      // invalid JSON-LD is common on real pages; skip it
    }
  }
  return undefined;
}

const SITE_SEPARATOR = /\s+(?:[|–—:·»]|-{1,2}|::)\s+/;

/** A <title> usually carries the site name ("Headline | Site"): keep the longest part. */
export function stripSiteName(title: string, site?: string): string {
  const parts = title.split(SITE_SEPARATOR).map((p) => p.trim());
  if (parts.length < 2) return title;
  const siteKey = site?.toLowerCase();
  const candidates = parts.filter((p) => p.toLowerCase() !== siteKey);
  return candidates.reduce(
    (a, b) => (b.split(' ').length > a.split(' ').length ? b : a),
    candidates[0] ?? title,
  );
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Longer than this, a title field has swallowed markup or body text (an unclosed <title>). */
const MAX_TITLE_CHARS = 300;
/** A title field that names nothing: a converter's or CMS's placeholder. */
const PLACEHOLDER_TITLE = /^(?:page|untitled|null|undefined)$/i;

/** A title field's text, unless it holds markup, runs on, or is a placeholder. */
function titleField(s: string | undefined): string | undefined {
  const t = clean(s);
  if (!t || t.length > MAX_TITLE_CHARS || /<\/?[a-z][^>]*>/i.test(t) || PLACEHOLDER_TITLE.test(t))
    return undefined;
  return t;
}

export function metadataFrom(meta: PageMeta): Metadata {
  const m = meta.metas;
  const ld = ldArticle(meta.ldJson);
  const publisher = nameOf(ld?.publisher) ?? clean(m['og:site_name']) ?? clean(m['application-name']);
  const docTitle = titleField(meta.title);
  const ogTitle = clean(m['og:title']) ?? clean(m['twitter:title']);
  const h1 = clean(meta.h1);
  // The <h1> is the headline when the page's own title fields agree with it; otherwise trust the metadata.
  let title: string | undefined;
  const reference = [clean(ld?.headline), ogTitle, docTitle].filter((x): x is string => !!x).map(norm);
  if (h1 && h1.split(' ').length >= 3 && reference.some((r) => r.includes(norm(h1)))) title = h1;
  title ??= clean(ld?.headline) ?? (ogTitle ? stripSiteName(ogTitle, publisher) : undefined);
  title ??= h1 && h1.split(' ').length >= 3 ? h1 : undefined;
  title ??= docTitle ? stripSiteName(docTitle, publisher) : undefined;
  const published =
    clean(ld?.datePublished) ??
    clean(ld?.dateCreated) ??
    clean(m['article:published_time']) ??
    clean(m.datepublished) ??
    clean(m['og:published_time']) ??
    clean(m['publish-date']) ??
    clean(m.pubdate) ??
    clean(m['sailthru.date']) ??
    clean(m['dc.date.issued']) ??
    clean(m['dc.date']) ??
    clean(m.date) ??
    clean(meta.time);
  const byline = (
    nameOf(ld?.author) ??
    clean(m.author) ??
    clean(m['article:author']) ??
    clean(m.byl)
  )?.replace(/^by\s+/i, '');
  const language = (clean(meta.lang) ?? clean(ld?.inLanguage) ?? clean(m['og:locale']))
    ?.slice(0, 2)
    .toLowerCase();
  const url = clean(meta.canonical) ?? clean(m['og:url']) ?? clean(ld?.url);
  return {
    title,
    published,
    byline: byline && !/^https?:/.test(byline) ? byline : undefined,
    publisher,
    language,
    url,
    articleBody: typeof ld?.articleBody === 'string' ? ld.articleBody : undefined,
  };
}
