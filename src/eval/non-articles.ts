/**
 * `newsfuse eval non-articles --data data/gold/non-articles.jsonl [--shared DIR] [--list]`: non-article
 * detection against the hand-labelled dev set (protocol in data/gold/non-articles.md). Each labelled input is
 * extracted the way a brief extracts it (Multi-News and Timeline17 texts as JSON Lines records, the samples as
 * scraped text, the extraction sets' pages as HTML); dropped means "not an article". Reports precision and
 * recall of "not an article" over the labelled inputs (unsure ones left out), recall per gold reason, how often
 * the reason named is the gold one, and how many pages of the extraction sets (all articles) are dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../extract/index.js';
import { decodeBytes } from '../ingest/decode.js';
import { contentHash } from '../ingest/hash.js';
import { rawDocument } from '../ingest/record.js';
import type { RawKind } from '../model.js';
import type { EvalOptions, EvalResult, EvalTask, Metrics } from './contract.js';
import { readJsonl } from './data.js';
import { loadPages } from './extract.js';
import { sharedDir, sharedDocs } from './shared-docs.js';

export interface NonArticleGold {
  set: 'multinews' | 't17' | 'extraction' | 'samples';
  doc?: string;
  topic?: string;
  index?: number;
  name?: string;
  file?: string;
  label: 'article' | 'non-article' | 'unsure';
  reason?: string;
}

/** The reason an input is dropped for (the text in the warning's parentheses), or undefined when kept. */
export function dropReason(kind: RawKind, content: string, path: string): string | undefined {
  const raw = rawDocument({ origin: { path }, kind, content, hash: contentHash(content) });
  const r = extractArticle(raw);
  if (r.article) return undefined;
  return /\(([^)]+)\)/.exec(r.diagnostics[0]?.message ?? '')?.[1] ?? 'dropped';
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

export const task: EvalTask = {
  name: 'non-articles',
  description: 'non-article detection vs a hand-labelled dev set (precision/recall of "not an article")',
  flags: {
    shared: 'folder of the shared data the inputs come from (default ../shared/data beside the repo)',
    list: 'print every wrong decision to stderr',
  },
  async run({ data, flags, log }: EvalOptions): Promise<EvalResult> {
    const started = Date.now();
    const shared = sharedDir(flags.shared, data);
    const gold = readJsonl<NonArticleGold>(data);
    const docs = sharedDocs(shared);
    const multinews = new Map<string, string>();
    const mnPath = docs.clusterFile('multinews');
    if (gold.some((g) => g.set === 'multinews')) {
      if (!existsSync(mnPath)) throw new Error(`${mnPath}: not found (the Multi-News dev set)`);
      for (const c of readJsonl<{ docs: { id: string; text: string }[] }>(mnPath))
        for (const d of c.docs) multinews.set(d.id, d.text);
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    let reasonRight = 0;
    let items = 0;
    const byReason = new Map<string, { n: number; found: number }>();
    const bySet = new Map<string, { tp: number; fp: number; fn: number }>();
    const details: Record<string, Metrics> = {};
    const metrics: Metrics = {};
    for (const g of gold) {
      if (g.set === 'extraction') {
        const index = join(shared, 'extraction', g.name ?? '', 'index.jsonl');
        if (!existsSync(index)) throw new Error(`${index}: not found`);
        const pages = loadPages(index);
        let dropped = 0;
        for (const p of pages) {
          const why = dropReason('html', p.html, p.file);
          if (!why) continue;
          dropped++;
          if (flags.list) log(`article dropped: extraction/${g.name} ${p.id} (${why})`);
        }
        items += pages.length;
        details[`extraction/${g.name}`] = { pages: pages.length, articles_dropped: dropped };
        metrics.articles_dropped = ((metrics.articles_dropped as number) ?? 0) + dropped;
        continue;
      }
      if (g.label === 'unsure') continue;
      let kind: RawKind = 'record';
      let text: string | undefined;
      let id: string;
      if (g.set === 'multinews') {
        id = `multinews ${g.doc}`;
        text = multinews.get(g.doc ?? '');
      } else if (g.set === 't17') {
        id = `t17 ${g.topic} ${g.index}`;
        text = docs.topic(g.topic ?? '')?.[g.index ?? -1]?.text;
      } else {
        id = `samples ${g.file}`;
        kind = 'text';
        const path = join(shared, 'samples', g.file ?? '');
        if (existsSync(path)) {
          const decoded = decodeBytes(readFileSync(path), 'text');
          text = 'error' in decoded ? undefined : decoded.text;
        }
      }
      if (text === undefined) throw new Error(`${data}: ${id}: input not found under ${shared}`);
      items++;
      const why = dropReason(kind, text, id);
      const isNon = g.label === 'non-article';
      const s = bySet.get(g.set) ?? { tp: 0, fp: 0, fn: 0 };
      bySet.set(g.set, s);
      if (isNon) {
        const r = byReason.get(g.reason ?? '?') ?? { n: 0, found: 0 };
        byReason.set(g.reason ?? '?', r);
        r.n++;
        if (why) {
          tp++;
          s.tp++;
          r.found++;
          if (why === g.reason) reasonRight++;
          else if (flags.list) log(`reason: ${id}: gold ${g.reason}, said ${why}`);
        } else {
          fn++;
          s.fn++;
          if (flags.list) log(`missed: ${id} (${g.reason})`);
        }
      } else if (why) {
        fp++;
        s.fp++;
        if (flags.list) log(`article dropped: ${id} (${why})`);
      } else tn++;
    }
    const p = ratio(tp, tp + fp);
    const r = ratio(tp, tp + fn);
    Object.assign(metrics, {
      precision: p,
      recall: r,
      f1: p + r ? (2 * p * r) / (p + r) : 0,
      non_articles: tp + fn,
      articles: fp + tn,
      false_drops: fp,
      reason_acc: ratio(reasonRight, tp),
    });
    metrics.articles_dropped ??= 0;
    for (const [set, s] of bySet)
      details[set] = {
        precision: ratio(s.tp, s.tp + s.fp),
        recall: ratio(s.tp, s.tp + s.fn),
        false_drops: s.fp,
      };
    for (const [reason, x] of byReason)
      details[`reason: ${reason}`] = { n: x.n, recall: ratio(x.found, x.n) };
    for (const [name, m] of Object.entries(details))
      log(
        `  ${name}: ${Object.entries(m)
          .map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : v}`)
          .join(', ')}`,
      );
    return {
      task: 'non-articles',
      data,
      items,
      seconds: (Date.now() - started) / 1000,
      metrics,
      details,
    };
  },
};
