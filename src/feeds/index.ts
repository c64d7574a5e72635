/**
 * Everything `newsfuse ingest` accepts, to raw documents: files and directories as `brief` reads them,
 * feed files (RSS, Atom, RDF, JSON Feed), WARC files, and http(s) URLs of pages or feeds (the linked page
 * of a fetched feed's item is fetched when the item carries no content; a feed file's are not fetched, and
 * a warning says how many items that leaves out).
 */
import { documentsFromBytes, readInputs } from '../ingest/index.js';
import type { Diagnostic, RawDocument } from '../model.js';
import { documentsFromFeed, looksLikeFeed } from './feed.js';
import { type FetchOptions, safeFetch } from './fetch.js';
import { documentsFromWarc } from './warc.js';

export interface Sources {
  docs: RawDocument[];
  diagnostics: Diagnostic[];
}

const isUrl = (p: string) => /^https?:\/\//i.test(p);
const isWarc = (p: string) => /\.warc(\.gz)?$/i.test(p);

export async function readSources(paths: string[], fetchOptions: FetchOptions = {}): Promise<Sources> {
  const docs: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const files = paths.filter((p) => !isUrl(p) && !isWarc(p));
  const local = await readInputs(files);
  diagnostics.push(...local.diagnostics);
  for (const doc of local.docs) {
    // A feed saved as a file arrives as one text document: open it into its items.
    if (looksLikeFeed(doc.content)) {
      const f = documentsFromFeed(doc.origin.path, doc.content);
      docs.push(...f.docs);
      diagnostics.push(...f.diagnostics);
      if (f.links.length)
        diagnostics.push({
          level: 'warning',
          origin: { path: doc.origin.path },
          message: `${f.links.length} of ${f.items} feed items carry only a link, and links in a feed file are not fetched (ingest the feed's URL instead); skipped`,
        });
    } else docs.push(doc);
  }
  for (const p of paths.filter(isWarc)) {
    const w = await documentsFromWarc(p);
    docs.push(...w.docs);
    diagnostics.push(...w.diagnostics);
  }
  for (const url of paths.filter(isUrl)) {
    try {
      const page = await safeFetch(url, fetchOptions);
      const text = new TextDecoder().decode(page.bytes);
      if (looksLikeFeed(text)) {
        const f = documentsFromFeed(page.url, text);
        docs.push(...f.docs);
        diagnostics.push(...f.diagnostics);
        for (const link of f.links) {
          try {
            const item = await safeFetch(link, fetchOptions);
            const r = documentsFromBytes(item.url, item.bytes);
            docs.push(...r.docs.map((d) => ({ ...d, hints: { ...d.hints, url: item.url } })));
            diagnostics.push(...r.diagnostics);
          } catch (err) {
            diagnostics.push({ level: 'warning', origin: { path: link }, message: (err as Error).message });
          }
        }
      } else {
        const r = documentsFromBytes(page.url.endsWith('/') ? `${page.url}index.html` : page.url, page.bytes);
        docs.push(
          ...r.docs.map((d) => ({
            ...d,
            kind: /html/i.test(page.contentType) ? ('html' as const) : d.kind,
            hints: { ...d.hints, url: page.url },
          })),
        );
        diagnostics.push(...r.diagnostics);
      }
    } catch (err) {
      diagnostics.push({ level: 'warning', origin: { path: url }, message: (err as Error).message });
    }
  }
  return { docs, diagnostics };
}
