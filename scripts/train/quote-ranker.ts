/**
 * Trains the two models of the quote ranker (src/language/quote-ranker.ts) on the PolNeAR train split and
 * writes their weights to models/quote-ranker.json. A candidate (quoteCandidates in quotes.ts)
 * is positive when its content matches a gold attribution's by the scorer's rule (overlap ≥ half the longer
 * span).
 * - The ranker (is this frame an attribution?): logistic regression by SGD over the frames that are no cut
 *   of another, each labelled by its own content.
 * - The boundary model (which of a frame's contents: its own or a shorter cut?): a conditional logit, softmax
 *   over a frame's contents, trained on the frames where some but not all of them match (the likelihood of
 *   the matching ones).
 * Fixed seeds and epochs (deterministic). The threshold is chosen by 2-fold cross-validation inside train
 * (train both models on one half, content F1 of the kept contents on the other, for each threshold; the best
 * mean over both folds); the shipped models are trained on all of train. Only feature names and numbers are
 * written, no text of the articles.
 * `--target sourced` learns and scores for the issue's subset instead (content F1 on attributions that name a
 * source, as `content_sourced_f1` in src/eval/quotes.ts): a candidate that matches only attributions without
 * a source is left out of training and of precision, like the scorer does. The cross-validation scores (and
 * the threshold it picks) are for that subset by default, the issue's target; `--eval all` scores all.
 * `--no-cuts` leaves the shorter cuts out (the boundary model then never changes a content).
 * The candidates are made with the cue lexicons (models/quote-cues.json, models/quote-noun-cues.json, or
 * those in `--models DIR`): train those first (`npm run train` does, in that order).
 *   npm run train:quote-ranker [-- --target all|sourced --eval sourced|all --no-cuts --dry]
 *     [-- --data FILE --out DIR --models DIR]   (scripts/train/model-file.ts: the options)
 */

import { usableSpeaker } from '../../src/analyse/quote-selection.js';
import { readJsonl } from '../../src/eval/data.js';
import { type AttributionDoc, matches } from '../../src/eval/quotes.js';
import { QUOTE_RANKER_FEATURES } from '../../src/language/quote-models.js';
import { bestNonCrossing } from '../../src/language/quote-ranker.js';
import { quoteCandidates } from '../../src/language/quotes.js';
import { countWords } from '../../src/language/tokens.js';
import { rng } from '../../src/text/random.js';
import { inputModelHash, trainerArgs, writeModel } from './model-file.js';

const { argv: args, arg, data, out } = trainerArgs();
const sourcedOnly = arg('--target') === 'sourced';
const sourcedEval = sourcedOnly || arg('--eval') !== 'all';
const noCuts = args.includes('--no-cuts');
const opt = (name: string, def: number) => Number(arg(name) ?? def);
const EPOCHS = opt('--epochs', 20);
const RATE = opt('--rate', 0.01);
const BOUNDS_RATE = opt('--bounds-rate', 0.05);
const L2 = opt('--l2', 1e-5);
/** Words as features ("L:...") are learned when seen this often in the training part. */
const MIN_COUNT = opt('--min-count', 10);

interface Item {
  span: [number, number];
  group: number;
  features: string[];
  label: number;
  /** Matches only gold attributions without a source: neutral when the target is the sourced subset. */
  neutral: boolean;
  kept: boolean;
  /** Indices of its shorter cuts (for a frame), and the frame it was cut from (for a cut). */
  cuts: number[];
  parent?: number;
  /** The frame's speaker span, and whether a brief could show the quote (showable in quote-selection.ts). */
  speaker?: [number, number];
  showable: boolean;
}
interface DocItems {
  items: Item[];
  gold: [number, number][];
  /** Per gold attribution: does it name a source? */
  sourced: boolean[];
  /** Per gold attribution: its source span, if any. */
  sources: ([number, number] | undefined)[];
}

const docs: DocItems[] = readJsonl<AttributionDoc>(data).map((doc) => {
  const gold = doc.attributions.map((a): [number, number] => [a.content.start, a.content.end]);
  const sourced = doc.attributions.map((a) => !!a.source);
  const sources = doc.attributions.map((a): [number, number] | undefined =>
    a.source ? [a.source.start, a.source.end] : undefined,
  );
  const items = quoteCandidates({ id: doc.id, text: doc.text })
    .filter(({ parent }) => !noCuts || parent === undefined)
    .map(({ quote, group, features, parent, speaker }): Item => {
      const span: [number, number] = [quote.start, quote.end];
      const hit = gold.map((g) => matches({ start: span[0], end: span[1] }, { start: g[0], end: g[1] }));
      const hitSourced = hit.some((h, i) => h && sourced[i]);
      const label = (sourcedOnly ? hitSourced : hit.some(Boolean)) ? 1 : 0;
      const neutral = sourcedOnly && !hitSourced && hit.some(Boolean);
      // What a brief could show, but for the speaker's resolution (a "he" counts as named here).
      const showable = !!speaker && usableSpeaker(speaker.text) && countWords(quote.text) >= 5;
      return {
        span,
        group,
        features,
        label,
        neutral,
        kept: features.includes('kept'),
        cuts: [],
        parent,
        ...(speaker ? { speaker: [speaker.start, speaker.end] as [number, number] } : {}),
        showable,
      };
    });
  for (const [i, it] of items.entries()) if (it.parent !== undefined) items[it.parent].cuts.push(i);
  return { items, gold, sourced, sources };
});

const score = (w: ReadonlyMap<string, number>, features: string[]) =>
  features.reduce((s, f) => s + (w.get(f) ?? 0), 0);

/** The features of a training part that are learned (word features only when frequent there). */
function knownIn(part: DocItems[]): (f: string) => boolean {
  const counts = new Map<string, number>();
  for (const d of part)
    for (const it of d.items) for (const f of it.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return (f) => !f.startsWith('L:') || (counts.get(f) ?? 0) >= MIN_COUNT;
}

/**
 * SGD over examples, each a list of choices (features, label): one choice is logistic regression, several a
 * softmax whose target is the matching choices. The weights averaged over the ends of the epochs.
 */
function sgd(examples: { features: string[]; label: number }[][], rate0: number, seed: number) {
  const w = new Map<string, number>();
  const avg = new Map<string, number>();
  const random = rng(seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = rate0 / (1 + epoch);
    for (const i of order) {
      const choices = examples[i];
      const z = choices.map((c) => score(w, c.features));
      let grads: number[];
      if (choices.length === 1) grads = [choices[0].label - 1 / (1 + Math.exp(-z[0]))];
      else {
        const top = Math.max(...z);
        const e = z.map((x) => Math.exp(x - top));
        const sum = e.reduce((a, b) => a + b, 0);
        const p = e.map((x) => x / sum);
        const pos = p.reduce((a, x, k) => a + (choices[k].label ? x : 0), 0);
        grads = p.map((x, k) => (choices[k].label ? x / pos : 0) - x);
      }
      for (const [k, c] of choices.entries())
        for (const f of c.features) {
          const v = w.get(f) ?? 0;
          w.set(f, v + rate * (grads[k] - L2 * v));
        }
    }
    for (const [f, v] of w) avg.set(f, (avg.get(f) ?? 0) + v / EPOCHS);
  }
  return avg;
}

function train(part: DocItems[]) {
  const known = knownIn(part);
  const pick = (it: Item) => ({ features: it.features.filter(known), label: it.label });
  const frames = part.flatMap((d) => d.items.filter((it) => it.parent === undefined && !it.neutral));
  const ranker = sgd(
    frames.map((it) => [pick(it)]),
    RATE,
    12345,
  );
  const choices = part.flatMap((d) =>
    d.items
      .filter((it) => it.parent === undefined && it.cuts.length)
      .map((it) => [it, ...it.cuts.map((k) => d.items[k])].filter((c) => !c.neutral).map(pick))
      .filter((cs) => cs.some((c) => c.label) && cs.some((c) => !c.label)),
  );
  const bounds = sgd(choices, BOUNDS_RATE, 777);
  return { ranker, bounds };
}

type Model = ReturnType<typeof train>;

/** Content P, R, F1 of predicted spans against gold, by the scorer's rule. */
function prf(part: DocItems[], pick: (d: DocItems) => [number, number][]) {
  let np = 0;
  let tp = 0;
  let ng = 0;
  let tr = 0;
  for (const d of part) {
    const pred = pick(d).map(([start, end]) => ({ start, end }));
    const all = d.gold.map(([start, end]) => ({ start, end }));
    // For the sourced subset: recall over gold with a source; predictions matching only gold without one
    // count neither way (as content_sourced_f1 in the scorer).
    const gold = sourcedEval ? all.filter((_, i) => d.sourced[i]) : all;
    const counted = sourcedEval
      ? pred.filter((p) => gold.some((g) => matches(p, g)) || !all.some((g) => matches(p, g)))
      : pred;
    np += counted.length;
    ng += gold.length;
    tp += counted.filter((p) => gold.some((g) => matches(p, g))).length;
    tr += gold.filter((g) => pred.some((p) => matches(p, g))).length;
  }
  const p = np ? tp / np : 0;
  const r = ng ? tr / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The spans kept (as quote-ranker.ts does it): each frame's preferred content, the best frames that cross none. */
const ranked = (m: Model, t: number) => (d: DocItems) => keptItems(m, t)(d).map((it) => it.span);
/** The items kept at threshold `t` (as `ranked`), each the chosen content of its frame, with its score. */
const keptItems = (m: Model, t: number) => (d: DocItems) =>
  bestNonCrossing(
    d.items.flatMap((it) => {
      if (it.parent !== undefined) return [];
      let best = it;
      let top = score(m.bounds, it.features);
      for (const k of it.cuts) {
        const s = score(m.bounds, d.items[k].features);
        if (s > top) [best, top] = [d.items[k], s];
      }
      return [{ span: best.span, group: it.group, score: score(m.ranker, it.features), item: best }];
    }),
    t,
  );

/**
 * The brief's operating point: for each brief threshold, the attribution precision and recall of the
 * quotes a brief could show (kept at `t`, showable, scored at or above the brief threshold): right when
 * the content matches a gold attribution's (the scorer's rule) and the speaker span overlaps its source.
 * Counts, to pool over folds: [shown, right, gold with a source, gold found].
 */
function briefCounts(part: DocItems[], m: Model, t: number, briefs: number[]): number[][] {
  const out = briefs.map(() => [0, 0, 0, 0]);
  for (const d of part) {
    const shown = keptItems(m, t)(d).filter((k) => k.item.showable);
    const right = (k: (typeof shown)[number], g: number) => {
      const src = d.sources[g];
      const sp = k.item.speaker;
      return (
        !!src &&
        !!sp &&
        sp[0] < src[1] &&
        src[0] < sp[1] &&
        matches({ start: k.span[0], end: k.span[1] }, { start: d.gold[g][0], end: d.gold[g][1] })
      );
    };
    for (const [bi, b] of briefs.entries()) {
      const sel = shown.filter((k) => k.score >= b);
      out[bi][0] += sel.length;
      out[bi][1] += sel.filter((k) => d.gold.some((_, g) => right(k, g))).length;
      out[bi][2] += d.sources.filter(Boolean).length;
      out[bi][3] += d.gold.filter((_, g) => sel.some((k) => right(k, g))).length;
    }
  }
  return out;
}

const rules = (d: DocItems) => d.items.filter((it) => it.kept).map((it) => it.span);

const fmt = (x: { p: number; r: number; f: number }) =>
  `F1 ${x.f.toFixed(4)} P ${x.p.toFixed(4)} R ${x.r.toFixed(4)}`;
const frames = docs.reduce((n, d) => n + d.items.filter((i) => i.parent === undefined).length, 0);
const nCand = docs.reduce((n, d) => n + d.items.length, 0);
const nPos = docs.reduce((n, d) => n + d.items.filter((i) => i.label).length, 0);
const nGold = docs.reduce((n, d) => n + d.gold.length, 0);
const coverable = prf(docs, (d) => d.items.filter((i) => i.label).map((i) => i.span));
console.log(
  `${docs.length} articles, ${nGold} gold, ${frames} frames and ${nCand - frames} cuts (${nPos} positive); oracle recall ${coverable.r.toFixed(4)}`,
);

const thresholds = Array.from({ length: 61 }, (_, i) => -3 + i * 0.1);
const folds = [0, 1].map((k) => ({
  train: docs.filter((_, i) => i % 2 !== k),
  test: docs.filter((_, i) => i % 2 === k),
}));
const sums = thresholds.map(() => 0);
const models: Model[] = [];
const perFold = folds.map(({ train: part, test }, k) => {
  const m = train(part);
  models.push(m);
  const base = prf(test, rules);
  const byT = thresholds.map((t, ti) => {
    const r = prf(test, ranked(m, t));
    sums[ti] += r.f / folds.length;
    return r;
  });
  console.log(`fold ${k}: rules ${fmt(base)}`);
  return { base, byT };
});
const best = sums.indexOf(Math.max(...sums));
const threshold = Number(thresholds[best].toFixed(2));
for (const [k, { base, byT }] of perFold.entries())
  console.log(`fold ${k}: ranker@${threshold} ${fmt(byT[best])} (rules F1 ${base.f.toFixed(4)})`);
const rulesMean = ((perFold[0].base.f + perFold[1].base.f) / 2).toFixed(4);
console.log(
  `2-fold CV mean content F1${sourcedEval ? ' (sourced)' : ''}: rules ${rulesMean}, ranker ${sums[best].toFixed(4)} at threshold ${threshold}`,
);

// The brief's threshold: the lowest at which the attribution precision of the quotes a brief could show is
// BRIEF_PRECISION or more with 95% confidence in each fold (the lower end of each fold's Wilson interval),
// and from which the pooled precision stays at or above BRIEF_PRECISION (at every higher threshold with 100
// quotes or more). Per fold, not pooled: a pooled bound passed at a point where dev fell short.
const wilsonLow = (p: number, n: number, z = 1.96) =>
  n
    ? (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n)
    : 0;
const BRIEF_PRECISION = opt('--brief-precision', 0.9);
const briefs = Array.from({ length: 61 }, (_, i) => Number((i * 0.1).toFixed(1)));
const pooled = briefs.map(() => [0, 0, 0, 0]);
const foldP = folds.map(({ test }, k) =>
  briefCounts(test, models[k], threshold, briefs).map((c, bi) => {
    for (let j = 0; j < 4; j++) pooled[bi][j] += c[j];
    return { p: c[0] ? c[1] / c[0] : 0, n: c[0] };
  }),
);
const curve = pooled.map(([n, right, gold, found], bi) => ({
  t: briefs[bi],
  n,
  p: n ? right / n : 0,
  r: gold ? found / gold : 0,
  /** The lower of the two folds' precisions. */
  worst: Math.min(...foldP.map((f) => f[bi].p)),
  /** The lower of the two folds' 95% Wilson lower bounds. */
  worstLow: Math.min(...foldP.map((f) => wilsonLow(f[bi].p, f[bi].n))),
}));
let briefAt = curve.length - 1;
for (let bi = curve.length - 1; bi >= 0; bi--) {
  if (curve[bi].n < 100) continue;
  if (curve[bi].p < BRIEF_PRECISION) break;
  if (curve[bi].worstLow >= BRIEF_PRECISION) briefAt = bi;
}
const briefPoint = curve[briefAt];
console.log(
  `brief curve (2-fold CV, attribution P/R of showable quotes): ${curve
    .filter((_, i) => i % 5 === 0)
    .map((c) => `${c.t}: P ${c.p.toFixed(3)} (worst fold ${c.worst.toFixed(3)}) R ${c.r.toFixed(3)} n ${c.n}`)
    .join('; ')}`,
);
console.log(
  `brief threshold ${briefPoint.t}: attribution P ${briefPoint.p.toFixed(4)} (worst fold ${briefPoint.worst.toFixed(4)}) R ${briefPoint.r.toFixed(4)} (${briefPoint.n} quotes); ${curve
    .slice(Math.max(0, briefAt - 3), briefAt + 3)
    .map((c) => `${c.t}: P ${c.p.toFixed(3)}/${c.worst.toFixed(3)} n ${c.n}`)
    .join(', ')}`,
);

if (!args.includes('--dry')) {
  const m = train(docs);
  // Weights rounded to 4 decimals; those under 0.001 left out (they weigh nothing).
  const table = (w: Map<string, number>) =>
    Object.fromEntries(
      [...w].filter(([, v]) => Math.abs(v) >= 1e-3).map(([f, v]) => [f, Number(v.toFixed(4))]),
    );
  const ranker = table(m.ranker);
  const boundary = table(m.bounds);
  const top = [...m.ranker].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 25);
  console.log(`top weights: ${top.map(([f, v]) => `${f} ${v.toFixed(2)}`).join(', ')}`);
  const path = writeModel(
    out,
    data,
    {
      name: 'quote-ranker',
      about:
        'Weights of the quote ranker (is this frame an attribution? logistic regression) and of its boundary ' +
        "model (which of a frame's contents? conditional logit), src/language/quote-ranker.ts: feature name -> " +
        'weight. threshold: the log-odds from which a frame is kept, chosen by 2-fold cross-validation inside ' +
        `train (results: mean content F1${sourcedEval ? ' on attributions that name a source' : ''} of the rules and the ranker). ` +
        'brief_threshold: the log-odds from which a brief shows a quote, the lowest at which the pooled 2-fold ' +
        'attribution precision (content and speaker span right) of the quotes a brief could show reaches ' +
        'brief_precision_target with 95% confidence in each fold (Wilson lower bound), and stays there ' +
        'above it (results: ' +
        'cv_brief_attribution_p, cv_brief_attribution_r).',
      trainer: 'scripts/train/quote-ranker.ts',
      features: QUOTE_RANKER_FEATURES,
      settings: {
        epochs: EPOCHS,
        rate: RATE,
        bounds_rate: BOUNDS_RATE,
        l2: L2,
        min_count: MIN_COUNT,
        target: sourcedOnly ? 'sourced' : 'all',
        eval: sourcedEval ? 'sourced' : 'all',
        cuts: !noCuts,
      },
      inputs: {
        'quote-cues': inputModelHash('quote-cues'),
        'quote-noun-cues': inputModelHash('quote-noun-cues'),
      },
      results: {
        cv_rules_f1: Number(rulesMean),
        cv_ranker_f1: Number(sums[best].toFixed(4)),
        brief_precision_target: BRIEF_PRECISION,
        cv_brief_attribution_p: Number(briefPoint.p.toFixed(4)),
        cv_brief_attribution_p_worst_fold: Number(briefPoint.worst.toFixed(4)),
        cv_brief_attribution_r: Number(briefPoint.r.toFixed(4)),
      },
    },
    { threshold, brief_threshold: briefPoint.t, ranker, boundary },
  );
  console.log(`${Object.keys(ranker).length} + ${Object.keys(boundary).length} weights written to ${path}`);
}
