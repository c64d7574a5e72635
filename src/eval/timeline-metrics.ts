/**
 * Timeline evaluation as in the literature (Martschat & Markert, EACL 2017; the `tilse` toolkit), our own
 * implementation: date-selection F1, and ROUGE-1/2 over timelines in three variants:
 *   - concat: all daily summaries concatenated, then ROUGE;
 *   - agreement: n-grams count only when they match on the same date;
 *   - align+ m:1: each date of one timeline is mapped to the date of the other that minimizes
 *     (date distance × content distance); matches are weighted by 1 / (1 + days apart). This is the "AR"
 *     the timeline-summarization papers report (Gholipour Ghalandari & Ifrim, ACL 2020).
 * ROUGE counts follow ROUGE-1.5.5 with stemming and stopword removal (tilse's settings): lower-cased
 * alphanumeric tokens, Porter stems, n-gram matches clipped by count, summed over reference timelines.
 */
import { isStopword, stem, words } from '../language/tokens.js';

/** A timeline: ISO date (YYYY-MM-DD) → sentences of that day. */
export type Timeline = Map<string, string[]>;

export interface PRF {
  p: number;
  r: number;
  f: number;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const prf = (hits: number, predTotal: number, refHits: number, refTotal: number): PRF => {
  const p = predTotal ? hits / predTotal : 0;
  const r = refTotal ? refHits / refTotal : 0;
  return { p, r, f: f1(p, r) };
};

/** Date selection: precision, recall and F1 of the predicted dates against the reference dates. */
export function dateF1(pred: Iterable<string>, ref: Iterable<string>): PRF {
  const p = new Set(pred);
  const r = new Set(ref);
  let hit = 0;
  for (const d of p) if (r.has(d)) hit++;
  return prf(hit, p.size, hit, r.size);
}

/** ROUGE tokens: lower-cased alphanumeric words, stopwords removed, stemmed. */
function rougeTokens(sentences: string[]): string[] {
  const out: string[] = [];
  for (const s of sentences) for (const w of words(s)) if (!isStopword(w)) out.push(stem(w));
  return out;
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

interface Counts {
  hits: number;
  pred: number;
  ref: number;
}

/** Clipped n-gram matches of one predicted text against several references (summed over references). */
function counts(pred: string[], refs: string[][], n: number): Counts {
  const p = ngrams(rougeTokens(pred), n);
  let predTotal = 0;
  for (const c of p.values()) predTotal += c;
  const out: Counts = { hits: 0, pred: 0, ref: 0 };
  for (const ref of refs) {
    const r = ngrams(rougeTokens(ref), n);
    for (const [g, c] of r) {
      out.ref += c;
      const mine = p.get(g);
      if (mine) out.hits += Math.min(mine, c);
    }
    out.pred += predTotal;
  }
  return out;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** All reference timelines' sentences of one date, one list per reference timeline. */
const refsOn = (refs: Timeline[], date: string) => refs.map((t) => t.get(date) ?? []);

/** ROUGE-N of the concatenated timelines. */
export function concatRouge(pred: Timeline, refs: Timeline[], n: number): PRF {
  const all = (t: Timeline) => [...t.keys()].sort().flatMap((d) => t.get(d) ?? []);
  const c = counts(all(pred), refs.map(all), n);
  return prf(c.hits, c.pred, c.hits, c.ref);
}

/** ROUGE-N counting only matches on the same date. */
export function agreementRouge(pred: Timeline, refs: Timeline[], n: number): PRF {
  const refDates = new Set(refs.flatMap((t) => [...t.keys()]));
  let hitsP = 0;
  let predTotal = 0;
  let hitsR = 0;
  let refTotal = 0;
  for (const date of new Set([...pred.keys(), ...refDates])) {
    const c = counts(pred.get(date) ?? [], refsOn(refs, date), n);
    if (pred.has(date)) {
      hitsP += c.hits;
      predTotal += c.pred;
    }
    if (refDates.has(date)) {
      hitsR += c.hits;
      refTotal += c.ref;
    }
  }
  return prf(hitsP, predTotal, hitsR, refTotal);
}

/** Approximate ROUGE-1 F1 on raw whitespace tokens, for the alignment costs (as tilse does). */
function roughOverlap(pred: string[], refs: string[][]): number {
  const bag = (sents: string[]) => {
    const m = new Map<string, number>();
    for (const s of sents) for (const t of s.split(/\s+/).filter(Boolean)) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const p = bag(pred);
  let pTotal = 0;
  for (const c of p.values()) pTotal += c;
  let match = 0;
  let rTotal = 0;
  for (const ref of refs) {
    const r = bag(ref);
    for (const [t, c] of r) {
      rTotal += c;
      match += Math.min(c, p.get(t) ?? 0);
    }
  }
  const precision = refs.length * pTotal ? match / (refs.length * pTotal) : 0;
  const recall = rTotal ? match / rTotal : 0;
  return f1(precision, recall);
}

/**
 * ROUGE-N after a many-to-one alignment of dates by date distance and content (tilse's "align+ m:1").
 * Precision maps every predicted date to its cheapest reference date; recall every reference date to its
 * cheapest predicted date; matched n-grams are weighted by 1 / (1 + days between the two dates).
 */
export function alignRouge(pred: Timeline, refs: Timeline[], n: number): PRF {
  const predDates = [...pred.keys()].sort();
  const refDates = [...new Set(refs.flatMap((t) => [...t.keys()]))].sort();
  const cost = (pd: string, rd: string) => {
    const dateFactor = 1 - 1 / (Math.abs(dayNumber(pd) - dayNumber(rd)) + 1);
    const contentFactor = 1 - roughOverlap(pred.get(pd) ?? [], refsOn(refs, rd));
    return dateFactor * contentFactor;
  };
  const cheapest = <T>(items: T[], f: (x: T) => number): T | undefined => {
    let best: T | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const x of items) {
      const c = f(x);
      if (c < bestCost) {
        best = x;
        bestCost = c;
      }
    }
    return best;
  };
  const weight = (a: string, b: string) => 1 / (Math.abs(dayNumber(a) - dayNumber(b)) + 1);
  let hitsP = 0;
  let predTotal = 0;
  for (const pd of predDates) {
    const rd = cheapest(refDates, (d) => cost(pd, d));
    const c = counts(pred.get(pd) ?? [], rd ? refsOn(refs, rd) : refs.map(() => []), n);
    hitsP += rd ? weight(pd, rd) * c.hits : 0;
    predTotal += rd
      ? c.pred
      : counts(
          pred.get(pd) ?? [],
          refs.map(() => []),
          n,
        ).pred;
  }
  let hitsR = 0;
  let refTotal = 0;
  for (const rd of refDates) {
    const pd = cheapest(predDates, (d) => cost(d, rd));
    const c = counts(pd ? (pred.get(pd) ?? []) : [], refsOn(refs, rd), n);
    hitsR += pd ? weight(pd, rd) * c.hits : 0;
    refTotal += c.ref;
  }
  return prf(hitsP, predTotal, hitsR, refTotal);
}
