/**
 * `newsfuse eval quotes --data FILE.jsonl[.gz]`: quote and attribution extraction against PolNeAR-style gold
 * (`{id, text, attributions: [{source: Span|null, cue: Span, content: Span}]}`).
 * A predicted quote matches a gold attribution when their content spans overlap by at least half
 * (overlap / the longer span ≥ 0.5). content_f1 counts matches; source_f1 and cue_f1 count matches whose
 * speaker (resp. cue) span also overlaps the gold one, over the attributions that have a source.
 * content_sourced_f1 is content F1 on the attributions that name a source (the target subset):
 * recall over those, precision over the predictions except the ones that only match unsourced gold.
 * The brief's operating point (brief_*): the quotes a brief would show (showable in
 * src/analyse/quote-selection.ts, ranker score at or above the brief threshold of models/quote-ranker.json,
 * or `--threshold T`); brief_attribution_p is the share of them whose content matches a gold attribution
 * and whose speaker span overlaps that attribution's source, brief_attribution_r the share of the gold
 * attributions with a source so found. `--curve` adds the precision and recall by threshold (details).
 */
import { showable } from '../analyse/quote-selection.js';
import { briefThreshold } from '../language/quote-ranker.js';
import { scoredQuotes } from '../language/quotes.js';
import type { Quote } from '../model.js';
import type { EvalResult, EvalTask } from './contract.js';
import { readJsonl } from './data.js';

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}

/** One article of a PolNeAR-style attribution file. */
export interface AttributionDoc {
  id: string;
  text: string;
  attributions: { source: GoldSpan | null; cue: GoldSpan; content: GoldSpan }[];
}

type Range = { start: number; end: number };
/** Characters two spans share. */
export const overlap = (a: Range, b: Range) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** The matching rule of content spans: overlap of at least half the longer span. */
export const matches = (a: Range, b: Range) =>
  overlap(a, b) / Math.max(a.end - a.start, b.end - b.start, 1) >= 0.5;
/** The matching rule of source and cue spans: any overlap. */
export const touches = (a: Range, b: Range) => overlap(a, b) > 0;

const f1 = (tpPred: number, predicted: number, tpGold: number, gold: number) => {
  const p = predicted ? tpPred / predicted : 0;
  const r = gold ? tpGold / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export const task: EvalTask = {
  name: 'quotes',
  description: 'quotes and attributions: content, source and cue F1',
  flags: {
    limit: 'only the first N articles',
    threshold: "the brief's score threshold (default: brief_threshold of models/quote-ranker.json)",
    curve: 'also the brief attribution precision and recall by threshold (details)',
  },
  async run({ data, flags }): Promise<EvalResult> {
    let docs = readJsonl<AttributionDoc>(data);
    if (typeof flags.limit === 'string') docs = docs.slice(0, Number(flags.limit));
    const started = performance.now();
    const scored = docs.map((d) => scoredQuotes({ id: d.id, text: d.text }));
    const seconds = (performance.now() - started) / 1000;
    const predicted: Quote[][] = scored.map((qs) => qs.map((q) => q.quote));
    const threshold = typeof flags.threshold === 'string' ? Number(flags.threshold) : briefThreshold();
    if (!Number.isFinite(threshold)) throw new Error(`--threshold: not a number: ${flags.threshold}`);
    /** Attribution P and R of the quotes a brief shows at threshold t. */
    const briefPoint = (t: number) => {
      let shown = 0;
      let right = 0;
      let found = 0;
      let gold = 0;
      docs.forEach((doc, i) => {
        const sel = scored[i].filter(({ quote, score }) => score >= t && showable(quote));
        const ok = (q: Quote, g: AttributionDoc['attributions'][number]) =>
          !!g.source && !!q.speaker && matches(q, g.content) && touches(q.speaker, g.source);
        shown += sel.length;
        right += sel.filter(({ quote }) => doc.attributions.some((g) => ok(quote, g))).length;
        gold += doc.attributions.filter((g) => g.source).length;
        found += doc.attributions.filter((g) => sel.some(({ quote }) => ok(quote, g))).length;
      });
      return { p: shown ? right / shown : 0, r: gold ? found / gold : 0, shown };
    };
    const brief = briefPoint(threshold);
    const curve: Record<string, { p: number; r: number; shown: number }> = {};
    if (flags.curve)
      for (let k = 0; k <= 50; k += 2) {
        const t = k / 10;
        curve[`t=${t.toFixed(1)}`] = briefPoint(t);
      }
    let nPred = 0;
    let nGold = 0;
    let nGoldSourced = 0;
    let nPredSourced = 0;
    let contentP = 0;
    let contentR = 0;
    let sourceP = 0;
    let sourceR = 0;
    let cueP = 0;
    let cueR = 0;
    let sourcedPred = 0;
    let sourcedP = 0;
    let sourcedR = 0;
    docs.forEach((doc, i) => {
      const pred = predicted[i];
      const gold = doc.attributions;
      nPred += pred.length;
      nGold += gold.length;
      const sourced = gold.filter((g) => g.source);
      nGoldSourced += sourced.length;
      nPredSourced += pred.filter((q) => q.speaker).length;
      for (const q of pred) {
        const hit = gold.filter((g) => matches(q, g.content));
        if (hit.length) contentP++;
        if (hit.some((g) => g.source)) {
          sourcedP++;
          sourcedPred++;
        } else if (!hit.length) sourcedPred++;
        if (q.speaker && hit.some((g) => g.source && touches(q.speaker!, g.source))) sourceP++;
        if (q.cue && hit.some((g) => touches(q.cue!, g.cue))) cueP++;
      }
      for (const g of gold) {
        const hit = pred.filter((q) => matches(q, g.content));
        if (hit.length) contentR++;
        if (hit.length && g.source) sourcedR++;
        if (g.source && hit.some((q) => q.speaker && touches(q.speaker, g.source!))) sourceR++;
        if (hit.some((q) => q.cue && touches(q.cue, g.cue))) cueR++;
      }
    });
    const content = f1(contentP, nPred, contentR, nGold);
    const source = f1(sourceP, nPredSourced, sourceR, nGoldSourced);
    const cue = f1(cueP, nPred, cueR, nGold);
    const sourcedContent = f1(sourcedP, sourcedPred, sourcedR, nGoldSourced);
    return {
      task: 'quotes',
      data,
      items: docs.length,
      seconds,
      metrics: {
        content_f1: content.f,
        content_p: content.p,
        content_r: content.r,
        content_sourced_f1: sourcedContent.f,
        content_sourced_p: sourcedContent.p,
        content_sourced_r: sourcedContent.r,
        source_f1: source.f,
        source_p: source.p,
        source_r: source.r,
        cue_f1: cue.f,
        quotes_per_s: nPred / Math.max(seconds, 1e-9),
        gold: nGold,
        predicted: nPred,
        brief_threshold: threshold,
        brief_attribution_p: brief.p,
        brief_attribution_r: brief.r,
        brief_shown: brief.shown,
      },
      ...(flags.curve ? { details: curve } : {}),
    };
  },
};
