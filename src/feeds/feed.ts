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

function firstLink(item: Item): string | undefined {
  if (field(item.link)) return field(item.link);
  if (field(item.url)) return field(item.url);
  const links = item.links as { href?: string; rel?: string }[] | undefined;
  return links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
}

function contentOf(item: Item): string | undefined {
  const content = item.content as { encoded?: string } | string | undefined;
  return (
    (typeof content === 'object' ? field(content?.encoded) : field(content)) ??
    field(item.content_html) ??
    field(item.content_text) ??
    field(item.description) ??
    field(item.summary)
  );
}

export function documentsFromFeed(
  path: string,
  text: string,
): { docs: RawDocument[]; diagnostics: Diagnostic[]; links: string[] } {
  let parsed: { format: string; feed: Record<string, unknown> };
  try {
    parsed = parseFeed(text) as unknown as { format: string; feed: Record<string, unknown> };
  } catch (err) {
    return {
      docs: [],
      links: [],
      diagnostics: [
        { level: 'warning', origin: { path }, message: `not a readable feed: ${(err as Error).message}` },
      ],
    };
  }
  const feedTitle = field(parsed.feed.title);
  const items = ((parsed.feed.items ?? parsed.feed.entries) as Item[] | undefined) ?? [];
  const docs: RawDocument[] = [];
  const links: string[] = [];
  items.forEach((item, i) => {
    const url = firstLink(item);
    if (url) links.push(url);
    const body = contentOf(item);
    if (!body) return;
    const title =
      field(item.title) ??
      (typeof item.title === 'object' ? field((item.title as { value?: string }).value) : undefined);
    const date =
      field(item.pubDate) ?? field(item.published) ?? field(item.updated) ?? field(item.date_published);
    docs.push(
      rawDocument({
        origin: { path, line: i + 1 },
        kind: /<[a-z][\s\S]*>/i.test(body) ? 'html' : 'text',
        content: body,
        hash: contentHash(`${url ?? ''}\n${body}`),
        hints: { title, url, date, publisher: feedTitle },
      }),
    );
  });
  return { docs, links, diagnostics: [] };
}
