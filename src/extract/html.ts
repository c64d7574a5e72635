/**
 * HTML extraction: metadata from JSON-LD, OpenGraph, meta tags and <time>; the body from the block whose
 * paragraphs hold the most prose. Parsing is linkedom's; the scoring is ours.
 */
import { parseHTML } from 'linkedom';
import { normalizeDate } from './dates.js';

export interface HtmlExtraction {
  title?: string;
  published?: string;
  byline?: string;
  publisher?: string;
  language?: string;
  url?: string;
  paragraphs: string[];
}

/** Elements that never hold article text. */
const STRIP =
  'script, style, noscript, template, svg, iframe, form, nav, header, footer, aside, button, select, textarea';
/** Class/id fragments of page furniture. */
const FURNITURE =
  /(comment|share|social|related|promo|sidebar|newsletter|cookie|banner|advert|\bad-|footer|nav|menu|subscribe|popup|modal|breadcrumb)/i;

type El = Element;

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = clean(el?.getAttribute('content'));
    if (v) return v;
  }
  return undefined;
}

interface LdNews {
  headline?: string;
  datePublished?: string;
  author?: unknown;
  publisher?: unknown;
  inLanguage?: string;
}

function jsonLd(doc: Document): LdNews | undefined {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data = JSON.parse(s.textContent ?? '');
      const items: unknown[] = Array.isArray(data) ? data : data['@graph'] ? data['@graph'] : [data];
      for (const it of items) {
        const t = (it as { '@type'?: unknown })['@type'];
        const types = Array.isArray(t) ? t : [t];
        if (types.some((x) => typeof x === 'string' && /Article|NewsArticle|Report|BlogPosting/.test(x)))
          return it as LdNews;
      }
    } catch {
      // invalid JSON-LD is common; ignore it
    }
  }
  return undefined;
}

const nameOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return clean(v) || undefined;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (v && typeof v === 'object' && 'name' in v) return nameOf((v as { name: unknown }).name);
  return undefined;
};

function bodyParagraphs(doc: Document): string[] {
  for (const el of Array.from(doc.querySelectorAll(STRIP))) el.remove();
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html' || tag === 'article' || tag === 'main') continue;
    const key = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE.test(key)) el.remove();
  }
  const scores = new Map<El, number>();
  const blocks = Array.from(doc.querySelectorAll('p, pre, blockquote, li'));
  for (const p of blocks) {
    const text = clean(p.textContent);
    const words = text.split(' ').length;
    if (words < 6) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    const score = words + (/[.!?]["”]?$/.test(text) ? 5 : 0);
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: El | undefined;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best) return [];
  const out: string[] = [];
  for (const p of Array.from(best.querySelectorAll('p, pre, blockquote, h2, h3, li'))) {
    const text = clean(p.textContent);
    if (!text) continue;
    const tag = p.tagName.toLowerCase();
    if ((tag === 'h2' || tag === 'h3' || tag === 'li') && text.split(' ').length < 4) continue;
    if (p.parentElement?.closest('blockquote, li') && tag === 'p') continue;
    out.push(text);
  }
  return out;
}

export function extractHtml(html: string): HtmlExtraction {
  const { document: doc } = parseHTML(html);
  const ld = jsonLd(doc);
  const timeEl = doc.querySelector('time[datetime]');
  const h1 = clean(doc.querySelector('h1')?.textContent);
  const title =
    clean(ld?.headline) ||
    meta(doc, 'og:title', 'twitter:title') ||
    h1 ||
    clean(doc.querySelector('title')?.textContent);
  const published = normalizeDate(
    ld?.datePublished ??
      meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'date', 'dc.date', 'DC.date.issued') ??
      timeEl?.getAttribute('datetime') ??
      undefined,
  );
  const byline = nameOf(ld?.author) ?? meta(doc, 'author', 'article:author', 'byl')?.replace(/^by\s+/i, '');
  const publisher = nameOf(ld?.publisher) ?? meta(doc, 'og:site_name', 'application-name');
  const language =
    clean(doc.documentElement?.getAttribute('lang')).slice(0, 2).toLowerCase() || ld?.inLanguage?.slice(0, 2);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  return {
    title: title || undefined,
    published,
    byline: byline || undefined,
    publisher: publisher || undefined,
    language: language || undefined,
    url: canonical || undefined,
    paragraphs: bodyParagraphs(doc),
  };
}
