/**
 * RSS, Atom, RDF and JSON Feed files (parsed with feedsmith) → raw documents, one per item: the item's
 * full content when the feed carries it, else its summary; title, link, date and the feed's title travel
 * as hints for extraction.
 */
import { parseFeed } from 'feedsmith';
import { contentHash } from '../ingest/hash.js';
import { field, rawDocument } from '../ingest/record.js';
import type { Diagnostic, RawDocument } from '../model.js';

/** Whether a text looks like a feed rather than a page. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000).trimStart();
  return (
    /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(head) ||
    /"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head)
  );
}

type Item = Record<string, unknown>;

/** A text field as feedsmith gives it: a string (RSS, RDF, JSON Feed) or an Atom text construct `{ value }`. */
function text(v: unknown): string | undefined {
  return field(v) ?? (v && typeof v === 'object' ? field((v as { value?: unknown }).value) : undefined);
}

function firstLink(item: Item): string | undefined {
  if (field(item.link)) return field(item.link);
  if (field(item.url)) return field(item.url);
  const links = item.links as { href?: string; rel?: string }[] | undefined;
  return links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
}

/**
 * The item's body, fullest first: RSS content:encoded, Atom content (a text construct), JSON Feed
 * content_html / content_text, then the RSS description or Atom summary.
 */
function contentOf(item: Item): string | undefined {
  const content = item.content as { encoded?: unknown; value?: unknown } | string | undefined;
  return (
    (typeof content === 'object' ? (field(content?.encoded) ?? field(content?.value)) : field(content)) ??
    field(item.content_html) ??
    field(item.content_text) ??
    field(item.description) ??
    text(item.summary)
  );
}

/** The item's date: RSS pubDate, Atom published/updated, JSON Feed date_published, Dublin Core dc:date (RDF). */
function dateOf(item: Item): string | undefined {
  const dc = item.dc as { dates?: unknown[]; date?: unknown } | undefined;
  return (
    field(item.pubDate) ??
    field(item.published) ??
    field(item.updated) ??
    field(item.date_published) ??
    field(dc?.dates?.[0]) ??
    field(dc?.date)
  );
}

/**
 * A feed's items → raw documents. `links` are the links of the items that carry no content (only a link):
 * they are pages to fetch, and the caller says what it did with them. `items` counts every item.
 */
export function documentsFromFeed(
  path: string,
  source: string,
): { docs: RawDocument[]; diagnostics: Diagnostic[]; links: string[]; items: number } {
  let parsed: { format: string; feed: Record<string, unknown> };
  try {
    parsed = parseFeed(source) as unknown as { format: string; feed: Record<string, unknown> };
  } catch (err) {
    return {
      docs: [],
      links: [],
      items: 0,
      diagnostics: [
        { level: 'warning', origin: { path }, message: `not a readable feed: ${(err as Error).message}` },
      ],
    };
  }
  const feedTitle = text(parsed.feed.title);
  const items = ((parsed.feed.items ?? parsed.feed.entries) as Item[] | undefined) ?? [];
  const docs: RawDocument[] = [];
  const links: string[] = [];
  const diagnostics: Diagnostic[] = [];
  items.forEach((item, i) => {
    const url = firstLink(item);
    const body = contentOf(item);
    if (!body) {
      if (url) links.push(url);
      else
        diagnostics.push({
          level: 'warning',
          origin: { path, line: i + 1 },
          message: 'feed item has neither content nor a link; skipped',
        });
      return;
    }
    docs.push(
      rawDocument({
        origin: { path, line: i + 1 },
        kind: /<[a-z][\s\S]*>/i.test(body) ? 'html' : 'text',
        content: body,
        hash: contentHash(`${url ?? ''}\n${body}`),
        hints: { title: text(item.title), url, date: dateOf(item), publisher: feedTitle },
      }),
    );
  });
  if (!items.length) diagnostics.push({ level: 'warning', origin: { path }, message: 'feed has no items' });
  return { docs, links, items: items.length, diagnostics };
}
