/**
 * The inputs of the non-article dev set (data/gold/non-articles.jsonl, protocol beside it), read from the shared
 * data the way a brief reads them: Multi-News, Timeline17 and DUC texts as JSON Lines records, the samples as
 * scraped text, the extraction sets' and trafilatura's pages as HTML. Each input carries its gold label and its
 * split: a third of the inputs, chosen by a hash of their id, is the held-out test part (see the protocol).
 * Shared by `eval non-articles` and the trainer (scripts/train/non-article.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../ingest/decode.js';
import type { RawKind } from '../model.js';
import { readJsonl } from './data.js';
import { loadPages } from './extract.js';
import { sharedDocs } from './shared-docs.js';

export interface NonArticleGold {
  set: 'multinews' | 't17' | 'extraction' | 'samples' | 'trafilatura' | 'duc';
  doc?: string;
  topic?: string;
  index?: number;
  name?: string;
  file?: string;
  id?: string;
  label: 'article' | 'non-article' | 'unsure';
  reason?: string;
  round?: number;
  /** Round 4: the candidate generators that picked the input (scripts/gold/non-article-candidates.ts). */
  by?: string[];
  /** `all`: every input of the set is an article (scored as "real articles dropped", not in P/R). */
  scope?: 'all';
}

export interface NonArticleInput {
  /** `SET ID`, as the listings print it. */
  key: string;
  set: string;
  round: number;
  split: 'dev' | 'test';
  kind: RawKind;
  content: string;
  /** `unsure` only when asked for (`{ unsure: true }`): the trainer keeps such pages, never learns from them. */
  label: 'article' | 'non-article' | 'unsure';
  reason?: string;
  /** From a set whose every input is an article by its curation (extraction sets, DUC). */
  wholeSet: boolean;
}

/** Test when the first byte of SHA-1 of `split SET ID` is below 86: a third of the inputs, fixed by their id. */
export function splitOf(set: string, id: string): 'dev' | 'test' {
  return createHash('sha1').update(`split ${set} ${id}`).digest()[0] < 86 ? 'test' : 'dev';
}

/** Every labelled input (unsure ones left out unless `options.unsure`), in gold file order. */
export function nonArticleInputs(
  data: string,
  shared: string,
  options: { unsure?: boolean } = {},
): NonArticleInput[] {
  const gold = readJsonl<NonArticleGold>(data);
  const docs = sharedDocs(shared);
  const multinews = new Map<string, string>();
  if (gold.some((g) => g.set === 'multinews')) {
    const path = docs.clusterFile('multinews');
    if (!existsSync(path)) throw new Error(`${path}: not found (the Multi-News dev set)`);
    for (const c of readJsonl<{ docs: { id: string; text: string }[] }>(path))
      for (const d of c.docs) multinews.set(d.id, d.text);
  }
  let trafilatura: Map<string, string> | undefined;
  const out: NonArticleInput[] = [];
  for (const g of gold) {
    const round = g.round ?? 1;
    if (g.set === 'extraction') {
      const index = join(shared, 'extraction', g.name ?? '', 'index.jsonl');
      if (!existsSync(index)) throw new Error(`${index}: not found`);
      for (const p of loadPages(index)) {
        const set = `extraction/${g.name}`;
        out.push({
          key: `${set} ${p.id}`,
          set,
          round,
          split: splitOf(set, p.id),
          kind: 'html',
          content: p.html,
          label: 'article',
          wholeSet: true,
        });
      }
      continue;
    }
    if (g.set === 'duc') {
      const path = docs.clusterFile('duc2006');
      if (!existsSync(path)) throw new Error(`${path}: not found (DUC 2006)`);
      for (const c of readJsonl<{ docs: { id: string; text: string }[] }>(path))
        for (const d of c.docs)
          out.push({
            key: `duc ${d.id}`,
            set: 'duc',
            round,
            split: splitOf('duc', d.id),
            kind: 'record',
            content: d.text,
            label: 'article',
            wholeSet: true,
          });
      continue;
    }
    if (g.label === 'unsure' && !options.unsure) continue;
    let kind: RawKind = 'record';
    let text: string | undefined;
    let id: string;
    if (g.set === 'multinews') {
      id = g.doc ?? '';
      text = multinews.get(id);
    } else if (g.set === 't17') {
      id = `${g.topic} ${g.index}`;
      text = docs.topic(g.topic ?? '')?.[g.index ?? -1]?.text;
    } else if (g.set === 'trafilatura') {
      id = g.id ?? '';
      kind = 'html';
      trafilatura ??= new Map(
        loadPages(join(shared, 'extraction', 'trafilatura-dev', 'index.jsonl')).map((p) => [p.id, p.html]),
      );
      text = trafilatura.get(id);
    } else {
      id = g.file ?? '';
      kind = 'text';
      const path = join(shared, 'samples', id);
      if (existsSync(path)) {
        const decoded = decodeBytes(readFileSync(path), 'text');
        text = 'error' in decoded ? undefined : decoded.text;
      }
    }
    if (text === undefined) throw new Error(`${data}: ${g.set} ${id}: input not found under ${shared}`);
    out.push({
      key: `${g.set} ${id}`,
      set: g.set,
      round,
      split: splitOf(g.set, id),
      kind,
      content: text,
      label: g.label,
      reason: g.reason,
      wholeSet: false,
    });
  }
  return out;
}
