/**
 * Versions and copies of one page among a story's reports. The clusterer joins near-duplicates by shingle
 * containment over whole texts (≥ 0.5, `cluster/near-duplicates.ts`); an updated version of a page (a hearing
 * added, a paragraph rewritten, sentences run together by a scraper) or an agency's follow-up that re-uses its
 * own wording can share far fewer of its word sequences and still be one report of the facts they share.
 *
 * Two articles are one report here when the smaller (in sentences) re-uses the other's text sentence by
 * sentence: its lead is copied (one of its first two sentences) and at least COPIED_SHARE of its sentences
 * are. A sentence is copied when at least half of its word trigrams (outside quotation marks: independent
 * reports quote the same words) occur in one sentence of the other article, or in it and the next (a scraper
 * may run two sentences together or split one); phrases gathered from all over the other page (names, "the
 * fire service said") are no copy. An independent report that borrows a paragraph of agency text shares
 * neither its lead nor a third of its sentences; an outlet's follow-up that re-uses its own background
 * paragraphs but writes a new lead is not joined either.
 */
import type { Sentence } from '../model.js';
import { DisjointSets } from '../text/disjoint-sets.js';

/** Share of the smaller article's sentences that must be copied in the other. */
export const COPIED_SHARE = 0.3;
/** Share of a sentence's word trigrams found in the other article for the sentence to be copied. */
const SENTENCE_COPIED = 0.5;
/** A sentence needs this many trigrams outside quotes to count (about six words). */
const MIN_GRAMS = 4;
/** Sentences of an article compared (the first ones: the lead and body of a news page). */
const MAX_SENTENCES = 40;
/** Sentences that can be the lead. */
const LEAD_SENTENCES = 2;

const WORD = /[\p{L}\p{N}]+/gu;
/** A quotation inside one sentence (straight or curly marks). */
const QUOTED = /"[^"]*"|“[^”]*”/g;

function trigrams(text: string): string[] {
  const w = text.toLowerCase().match(WORD) ?? [];
  const out: string[] = [];
  for (let i = 0; i + 3 <= w.length; i++) out.push(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

interface Page {
  /** Trigrams of each comparable sentence (outside quotes), in order. */
  sentences: string[][];
  /** Trigrams of each sentence with the next one (quotes included): where a copied sentence is looked for. */
  windows: Set<string>[];
  /** Every trigram of the article's sentences. */
  all: Set<string>;
}

function pageOf(sentences: Sentence[]): Page {
  const out: string[][] = [];
  const all = new Set<string>();
  const own = sentences.map((s) => trigrams(s.text));
  for (const g of own.flat()) all.add(g);
  for (const s of sentences) {
    if (s.caption || out.length >= MAX_SENTENCES) continue;
    const g = trigrams(s.text.replace(QUOTED, ' '));
    if (g.length >= MIN_GRAMS) out.push(g);
  }
  const windows = own.map((g, i) => new Set([...g, ...(own[i + 1] ?? [])]));
  return { sentences: out, windows, all };
}

/** At least SENTENCE_COPIED of a sentence's trigrams are in one sentence of the other page (with the next). */
function copied(grams: string[], other: Page): boolean {
  const need = SENTENCE_COPIED * grams.length;
  let inAll = 0;
  for (const g of grams) if (other.all.has(g)) inAll++;
  if (inAll < need) return false;
  for (const w of other.windows) {
    let n = 0;
    for (const g of grams) if (w.has(g)) n++;
    if (n >= need) return true;
  }
  return false;
}

/** `a` (the smaller) is a version or copy of `b`: its lead and COPIED_SHARE of its sentences are in `b`. */
function isCopyOf(a: Page, b: Page): boolean {
  if (!a.sentences.slice(0, LEAD_SENTENCES).some((g) => copied(g, b))) return false;
  let n = 0;
  for (const g of a.sentences) if (copied(g, b)) n++;
  return n >= 2 && n >= COPIED_SHARE * a.sentences.length;
}

/**
 * Article id → report id, with the reports of `reportOf` joined where one article is a version or copy of
 * another (transitively; the joined report takes the id of the earliest in `articleIds` order). Articles
 * absent from `reportOf` are their own report. Candidates are found through the trigrams of each article's
 * lead, so a large story compares only the pairs that share a lead sentence's wording.
 */
export function joinCopies(
  articleIds: string[],
  sentences: Sentence[],
  reportOf: Map<string, string>,
): Map<string, string> {
  const byArticle = new Map<string, Sentence[]>();
  for (const s of sentences) {
    const list = byArticle.get(s.articleId);
    if (list) list.push(s);
    else byArticle.set(s.articleId, [s]);
  }
  const ids = articleIds.filter((id) => byArticle.has(id));
  const pages = ids.map((id) => pageOf(byArticle.get(id)!));
  const postings = new Map<string, number[]>();
  pages.forEach((p, i) => {
    for (const g of p.all) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });
  const sets = new DisjointSets(ids.length);
  const find = (i: number): number => sets.find(i);
  const report = (i: number) => reportOf.get(ids[i]) ?? ids[i];
  pages.forEach((a, i) => {
    // Articles holding at least half of a lead sentence's trigrams.
    const candidates = new Set<number>();
    for (const lead of a.sentences.slice(0, LEAD_SENTENCES)) {
      const hits = new Map<number, number>();
      for (const g of new Set(lead))
        for (const j of postings.get(g) ?? []) hits.set(j, (hits.get(j) ?? 0) + 1);
      for (const [j, n] of hits) if (j !== i && n >= SENTENCE_COPIED * lead.length) candidates.add(j);
    }
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const b = pages[j];
      // The smaller page is judged against the larger (ties: both ways are tried, from each side).
      if (a.sentences.length > b.sentences.length || report(i) === report(j)) continue;
      if (find(i) !== find(j) && isCopyOf(a, b)) sets.union(i, j);
    }
  });
  // Reports joined through their articles: every article of a report follows its root.
  const rootOfReport = new Map<string, number>();
  ids.forEach((_, i) => {
    const r = report(i);
    const root = find(i);
    const prev = rootOfReport.get(r);
    if (prev === undefined) rootOfReport.set(r, root);
    else sets.union(prev, root);
  });
  const joined = new Map<string, string>();
  ids.forEach((_, i) => {
    joined.set(report(i), report(find(i)));
  });
  const out = new Map<string, string>();
  for (const [id, r] of reportOf) out.set(id, joined.get(r) ?? r);
  ids.forEach((id, i) => {
    out.set(id, report(find(i)));
  });
  return out;
}
