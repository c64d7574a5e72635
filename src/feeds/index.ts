/**
 * Everything `newsfuse ingest` accepts, to raw documents: files and directories as `brief` reads them,
 * feed files (RSS, Atom, RDF, JSON Feed), WARC files, and http(s) URLs of pages or feeds. A feed item that
 * carries only a link stands for the linked page: it is fetched (through the address guard of fetch.ts)
 * when fetching is allowed (`fetchLinks`, on for URLs of feeds always, for feed files when asked), and
 * otherwise a warning says how many items that leaves out and why. Every input that gives nothing — a fetch
 * that failed, a page not fetched — is listed in `failed` with its reason.
 */
import { documentsFromBytes, readInputs } from '../ingest/index.js';
import type { Diagnostic, RawDocument } from '../model.js';
import { documentsFromFeed, looksLikeFeed } from './feed.js';
import { type FetchOptions, safeFetch } from './fetch.js';
import { documentsFromWarc } from './warc.js';

export interface Sources {
  docs: RawDocument[];
  diagnostics: Diagnostic[];
  /** Inputs that gave nothing because they could not be fetched, with the reason. */
  failed: { source: string; reason: string }[];
}

export interface SourceOptions extends FetchOptions {
  /**
   * Fetch the linked pages of a feed file's link-only items (default false: a library call never goes on
   * the network unasked). `newsfuse ingest` sets it unless `--no-fetch`.
   */
  fetchLinks?: boolean;
  /** Why links are not fetched, for the warning (e.g. "--no-fetch"). */
  noFetchReason?: string;
  /** Called after each input read or fetched (progress). */
  onRead?: (done: number, total: number) => void;
}

const isUrl = (p: string) => /^https?:\/\//i.test(p);
const isWarc = (p: string) => /\.warc(\.gz)?$/i.test(p);

/** Error codes that mean the network (not one server) cannot be reached: fetching more links is pointless. */
const OFFLINE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH']);

export async function readSources(paths: string[], options: SourceOptions = {}): Promise<Sources> {
  const docs: RawDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const failed: Sources['failed'] = [];
  let done = 0;
  const read = () => options.onRead?.(++done, paths.length);
  const files = paths.filter((p) => !isUrl(p) && !isWarc(p));
  const local = await readInputs(files);
  diagnostics.push(...local.diagnostics);
  /** Set once the network proved unreachable: the links left are not tried. */
  let offline: string | undefined;
  const fetchLinks = async (feed: string, links: string[]) => {
    let skipped = 0;
    for (const link of links) {
      if (offline) {
        skipped++;
        failed.push({ source: link, reason: `not fetched: ${offline}` });
        continue;
      }
      try {
        const item = await safeFetch(link, options);
        const r = documentsFromBytes(item.url, item.bytes);
        docs.push(
          ...r.docs.map((d) => ({
            ...d,
            kind: /html/i.test(item.contentType) ? ('html' as const) : d.kind,
            hints: { ...d.hints, url: item.url },
          })),
        );
        diagnostics.push(...r.diagnostics);
        if (!r.docs.length) failed.push({ source: link, reason: 'fetched page gave no document' });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const reason = (err as Error).message;
        failed.push({ source: link, reason: `cannot fetch: ${reason}` });
        if (code && OFFLINE.has(code)) offline = `the network is unreachable (${code} for ${link})`;
      }
    }
    if (skipped)
      diagnostics.push({
        level: 'warning',
        origin: { path: feed },
        message: `${skipped} linked pages not fetched: ${offline}`,
      });
  };
  for (const doc of local.docs) {
    // A feed saved as a file arrives as one text document: open it into its items.
    if (looksLikeFeed(doc.content)) {
      const f = documentsFromFeed(doc.origin.path, doc.content);
      docs.push(...f.docs);
      diagnostics.push(...f.diagnostics);
      if (f.links.length && options.fetchLinks) await fetchLinks(doc.origin.path, f.links);
      else if (f.links.length) {
        const why = options.noFetchReason ?? 'fetching was not asked for';
        diagnostics.push({
          level: 'warning',
          origin: { path: doc.origin.path },
          message: `${f.links.length} of ${f.items} feed items carry only a link; their pages are not fetched (${why})`,
        });
        for (const link of f.links) failed.push({ source: link, reason: `linked page not fetched (${why})` });
      }
    } else docs.push(doc);
  }
  for (const _ of files) read();
  for (const p of paths.filter(isWarc)) {
    const w = await documentsFromWarc(p);
    docs.push(...w.docs);
    diagnostics.push(...w.diagnostics);
    read();
  }
  for (const url of paths.filter(isUrl)) {
    if (offline) {
      failed.push({ source: url, reason: `not fetched: ${offline}` });
      read();
      continue;
    }
    try {
      const page = await safeFetch(url, options);
      const text = new TextDecoder().decode(page.bytes);
      if (looksLikeFeed(text)) {
        const f = documentsFromFeed(page.url, text);
        docs.push(...f.docs);
        diagnostics.push(...f.diagnostics);
        await fetchLinks(page.url, f.links);
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
        if (!r.docs.length) failed.push({ source: url, reason: 'fetched page gave no document' });
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      failed.push({ source: url, reason: `cannot fetch: ${(err as Error).message}` });
      if (code && OFFLINE.has(code)) offline = `the network is unreachable (${code} for ${url})`;
    }
    read();
  }
  return { docs, diagnostics, failed };
}
