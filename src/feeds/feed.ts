/**
 * RSS, Atom, RDF and JSON Feed files (parsed with feedsmith) → raw documents, one per item: the item's
 * full content when the feed carries it, else its summary; title, link, date and the feed's title travel
 * as hints for extraction.
 */
import { parseFeed } from 'feedsmith';
import { contentHash } from '../ingest/hash.js';
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

const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);

function firstLink(item: Item): string | undefined {
  if (str(item.link)) return str(item.link);
  if (str(item.url)) return str(item.url);
  const links = item.links as { href?: string; rel?: string }[] | undefined;
  return links?.find((l) => !l.rel || l.rel === 'alternate')?.href;
}

function contentOf(item: Item): string | undefined {
  const content = item.content as { encoded?: string } | string | undefined;
  return (
    (typeof content === 'object' ? str(content?.encoded) : str(content)) ??
    str(item.content_html) ??
    str(item.content_text) ??
    str(item.description) ??
    str(item.summary)
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
  const feedTitle = str(parsed.feed.title);
  const items = ((parsed.feed.items ?? parsed.feed.entries) as Item[] | undefined) ?? [];
  const docs: RawDocument[] = [];
  const links: string[] = [];
  items.forEach((item, i) => {
    const url = firstLink(item);
    if (url) links.push(url);
    const body = contentOf(item);
    if (!body) return;
    const title =
      str(item.title) ??
      (typeof item.title === 'object' ? str((item.title as { value?: string }).value) : undefined);
    const date = str(item.pubDate) ?? str(item.published) ?? str(item.updated) ?? str(item.date_published);
    const hash = contentHash(`${url ?? ''}\n${body}`);
    docs.push({
      id: hash.slice(0, 12),
      origin: { path, line: i + 1 },
      kind: /<[a-z][\s\S]*>/i.test(body) ? 'html' : 'text',
      content: body,
      hash,
      hints: { title, url, date, publisher: feedTitle },
    });
  });
  return { docs, links, diagnostics: [] };
}
