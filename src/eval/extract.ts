/**
 * `newsfuse eval extract`: article extraction against gold text, per page then averaged.
 * Metrics: token and 4-gram-shingle precision/recall/F1 (lower-cased letter/digit runs, as multisets), or,
 * for segment gold (`with`/`without` snippets), segment precision/recall/F/accuracy; `empty` counts pages
 * returned empty though their gold has text;
 * title accuracy (normalized exact match), date accuracy (same day), byline and site-name accuracy (one
 * contains the other's words), pages per second of extraction time.
 * `--peer readability` runs @mozilla/readability on linkedom over the same pages, in the same process.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../extract/index.js';
import { decodeBytes } from '../ingest/decode.js';
import { words } from '../language/tokens.js';
import type { RawDocument } from '../model.js';
import type { EvalOptions, EvalResult, EvalTask, Metrics } from './contract.js';

interface GoldPage {
  id: string;
  file: string;
  url?: string;
  expected: {
    text?: string;
    title?: string;
    published?: string;
    byline?: string;
    siteName?: string;
    with?: string[];
    without?: string[];
  };
}

/** What an extractor returns for one page. */
export interface Extracted {
  text: string;
  title?: string;
  published?: string;
  byline?: string;
  publisher?: string;
}

export type Extractor = (html: string, url?: string) => Extracted;

export interface PRF {
  p: number;
  r: number;
  f: number;
}

function bag(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** Precision/recall/F1 of two multisets. Both empty counts as a perfect match; one empty as zero. */
export function overlap(predicted: string[], gold: string[]): PRF {
  if (!predicted.length && !gold.length) return { p: 1, r: 1, f: 1 };
  if (!predicted.length || !gold.length) return { p: 0, r: 0, f: 0 };
  const g = bag(gold);
  let hit = 0;
  for (const [k, n] of bag(predicted)) hit += Math.min(n, g.get(k) ?? 0);
  const p = hit / predicted.length;
  const r = hit / gold.length;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Word 4-grams of lower-cased tokens (a text shorter than 4 words is one shingle). */
export function shingles(tokens: string[], n = 4): string[] {
  if (tokens.length < n) return tokens.length ? [tokens.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}

const normTitle = (s: string) => words(s).join(' ');

/** A byline or site name matches when one's words contain the other's ("By Ann Lee" and "Ann Lee"). */
function sameName(got: string, gold: string): boolean {
  const a = normTitle(got);
  const b = normTitle(gold);
  return !!a && !!b && (a.includes(b) || b.includes(a));
}

/** Segment counts of one page (trafilatura's benchmark): `with` snippets found / missed, `without` found / absent. */
export interface SegmentCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

export interface PageScore {
  token?: PRF;
  shingle?: PRF;
  segments?: SegmentCounts;
  /** The extractor returned no text though the gold has text (or `with` snippets). */
  empty: boolean;
  title?: boolean;
  date?: boolean;
  byline?: boolean;
  site?: boolean;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Segment gold, as trafilatura's `tests/eval_common.py` scores it: the extracted text and each snippet are
 * whitespace-normalized; a `with` snippet found is a true positive (missed: false negative), a `without`
 * snippet found a false positive (absent: true negative).
 */
export function scoreSegments(text: string, withs: string[], withouts: string[]): SegmentCounts {
  const t = squash(text);
  const found = (s: string) => t.includes(squash(s));
  const tp = withs.filter(found).length;
  const fp = withouts.filter(found).length;
  return { tp, fn: withs.length - tp, fp, tn: withouts.length - fp };
}

export function scorePage(got: Extracted, gold: GoldPage['expected']): PageScore {
  const score: PageScore = { empty: false };
  if (gold.text !== undefined) {
    const gt = words(gold.text);
    const pt = words(got.text);
    score.token = overlap(pt, gt);
    score.shingle = overlap(shingles(pt), shingles(gt));
    score.empty = !pt.length && gt.length > 0;
  }
  if (gold.with || gold.without) {
    score.segments = scoreSegments(got.text, gold.with ?? [], gold.without ?? []);
    score.empty ||= !got.text.trim() && (gold.with?.length ?? 0) > 0;
  }
  if (gold.title)
    score.title = !!got.title && normTitle(got.title) === normTitle(gold.title.split('\n').pop()!);
  if (gold.published)
    score.date = !!got.published && got.published.slice(0, 10) === gold.published.slice(0, 10);
  if (gold.byline) score.byline = !!got.byline && sameName(got.byline, gold.byline);
  if (gold.siteName) score.site = !!got.publisher && sameName(got.publisher, gold.siteName);
  return score;
}

/**
 * newsfuse's own extractor, as the eval sees it. The content hash is ingest's work (every reader computes it
 * when it makes the raw document), not extraction's, so it is left out of the timed call.
 */
export const ours: Extractor = (html, url) => {
  const raw: RawDocument = {
    id: 'eval',
    origin: { path: url ?? 'page.html' },
    kind: 'html',
    content: html,
    hash: '',
    hints: {},
  };
  const { article } = extractArticle(raw);
  return {
    text: article?.text ?? '',
    title: article?.title,
    published: article?.published,
    byline: article?.byline,
    publisher: article?.publisher,
  };
};

/** Mozilla Readability on linkedom: the peer. */
export const readability: Extractor = (html) => {
  const { document } = parseHTML(html);
  const r = new Readability(document as unknown as Document).parse();
  return {
    text: r?.textContent ?? '',
    title: r?.title ?? undefined,
    published: r?.publishedTime ?? undefined,
    byline: r?.byline ?? undefined,
    publisher: r?.siteName ?? undefined,
  };
};

export const PEERS: Record<string, Extractor> = { readability };

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** Segment precision, recall, F and accuracy, summed over all pages first (as trafilatura's benchmark does). */
export function segmentMetrics(counts: SegmentCounts[]): Metrics {
  const c = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (const x of counts) {
    c.tp += x.tp;
    c.fn += x.fn;
    c.fp += x.fp;
    c.tn += x.tn;
  }
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const all = c.tp + c.fn + c.fp + c.tn;
  return {
    seg_p: p,
    seg_r: r,
    seg_f1: p + r ? (2 * p * r) / (p + r) : 0,
    seg_acc: all ? (c.tp + c.tn) / all : 0,
  };
}

function summarizeScores(scores: PageScore[], seconds: number): Metrics {
  const titled = scores.filter((s) => s.title !== undefined);
  const dated = scores.filter((s) => s.date !== undefined);
  const texts = scores.filter((s) => s.shingle && s.token);
  const segs = scores.flatMap((s) => (s.segments ? [s.segments] : []));
  const m: Metrics = {};
  if (texts.length) {
    m.shingle_f1 = mean(texts.map((s) => s.shingle!.f));
    m.shingle_p = mean(texts.map((s) => s.shingle!.p));
    m.shingle_r = mean(texts.map((s) => s.shingle!.r));
    m.token_f1 = mean(texts.map((s) => s.token!.f));
  }
  if (segs.length) Object.assign(m, segmentMetrics(segs));
  m.empty = scores.filter((s) => s.empty).length;
  m.pages_per_s = seconds > 0 ? scores.length / seconds : 0;
  if (titled.length) m.title_acc = mean(titled.map((s) => (s.title ? 1 : 0)));
  if (dated.length) m.date_acc = mean(dated.map((s) => (s.date ? 1 : 0)));
  const bylined = scores.filter((s) => s.byline !== undefined);
  if (bylined.length) m.byline_acc = mean(bylined.map((s) => (s.byline ? 1 : 0)));
  const sited = scores.filter((s) => s.site !== undefined);
  if (sited.length) m.site_acc = mean(sited.map((s) => (s.site ? 1 : 0)));
  return m;
}

export function loadPages(indexPath: string): Array<GoldPage & { html: string }> {
  const dir = dirname(indexPath);
  const lines = readFileSync(indexPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  return lines.map((line) => {
    const page = JSON.parse(line) as GoldPage;
    let bytes = readFileSync(join(dir, page.file));
    if (page.file.endsWith('.gz')) bytes = gunzipSync(bytes);
    const decoded = decodeBytes(bytes, 'html');
    return { ...page, html: 'error' in decoded ? '' : decoded.text };
  });
}

/**
 * Run extractors over the pages, taking turns page by page so that a busy spell of a shared machine slows
 * them alike (their speed ratio is what the eval reports); time only the extraction itself.
 */
export function runExtractors(
  pages: Array<GoldPage & { html: string }>,
  extractors: Extractor[],
): Array<{ scores: PageScore[]; seconds: number }> {
  const runs = extractors.map(() => ({ scores: [] as PageScore[], seconds: 0 }));
  for (const page of pages) {
    extractors.forEach((extractor, k) => {
      const t0 = process.hrtime.bigint();
      let got: Extracted;
      try {
        got = extractor(page.html, page.url);
      } catch {
        got = { text: '' };
      }
      runs[k].seconds += Number(process.hrtime.bigint() - t0) / 1e9;
      runs[k].scores.push(scorePage(got, page.expected));
    });
  }
  return runs;
}

export const task: EvalTask = {
  name: 'extract',
  description:
    'article extraction vs gold text (token/shingle P/R/F1) or segments (seg P/R/F1/acc), title, date, pages/s',
  flags: {
    peer: 'also run a peer extractor in the same process: readability',
    limit: 'only the first N pages',
  },
  async run({ data, flags, log }: EvalOptions): Promise<EvalResult> {
    const index = data.endsWith('.jsonl') ? data : join(data, 'index.jsonl');
    const started = Date.now();
    let pages = loadPages(index);
    if (typeof flags.limit === 'string') pages = pages.slice(0, Number(flags.limit));
    log(`extract: ${pages.length} pages from ${index}`);
    const peerNames = typeof flags.peer === 'string' ? flags.peer.split(',') : [];
    const peers = peerNames.map((name) => {
      const peer = PEERS[name];
      if (!peer) throw new Error(`unknown peer "${name}" (peers: ${Object.keys(PEERS).join(', ')})`);
      return peer;
    });
    const [mine, ...theirs] = runExtractors(pages, [ours, ...peers]);
    const result: EvalResult = {
      task: 'extract',
      data,
      items: pages.length,
      seconds: 0,
      metrics: summarizeScores(mine.scores, mine.seconds),
    };
    peerNames.forEach((name, k) => {
      result.peers ??= {};
      result.peers[name] = summarizeScores(theirs[k].scores, theirs[k].seconds);
    });
    result.seconds = (Date.now() - started) / 1000;
    return result;
  },
};
