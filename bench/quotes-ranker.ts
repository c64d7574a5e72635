/**
 * Trains the ranker of quote candidates (src/language/quote-ranker.ts) on the PolNeAR train split and writes
 * its weights to src/language/quote-ranker-weights.ts. A candidate (quoteCandidates in quotes.ts) is positive
 * when its content matches a gold attribution's by the scorer's rule (overlap ≥ half the longer span).
 * Logistic regression by SGD over binary features, fixed seed and epochs (deterministic). The threshold is
 * chosen by 2-fold cross-validation inside train (train on one half, content F1 of the kept candidates on
 * the other, for each threshold; the best mean over both folds); the shipped model is trained on all of train.
 * Only feature names and numbers are written, no text of the articles.
 * `--target sourced` learns and scores for the issue's subset instead (content F1 on attributions that name a
 * source, as `content_sourced_f1` in src/eval/quotes.ts): a candidate that matches only attributions without
 * a source is left out of training and of precision, like the scorer does.
 *   npx tsx bench/quotes-ranker.ts [--data ../shared/data/quotes/polnear-train.jsonl.gz] [--target all|sourced] [--dry]
 */
import { writeFileSync } from 'node:fs';
import { readJsonl } from '../src/eval/data.js';
import { type AttributionDoc, matches } from '../src/eval/quotes.js';
import { bestNonCrossing } from '../src/language/quote-ranker.js';
import { quoteCandidates } from '../src/language/quotes.js';
import { rng } from './rng.js';

const args = process.argv.slice(2);
const data = args.includes('--data')
  ? args[args.indexOf('--data') + 1]
  : new URL('../../shared/data/quotes/polnear-train.jsonl.gz', import.meta.url).pathname;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
const sourcedOnly = args.includes('--target') && args[args.indexOf('--target') + 1] === 'sourced';
const out = new URL('../src/language/quote-ranker-weights.ts', import.meta.url).pathname;
const opt = (name: string, def: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);
const EPOCHS = opt('--epochs', 20);
const RATE = opt('--rate', 0.01);
const L2 = opt('--l2', 1e-5);
const DECAY = opt('--decay', 1);

interface Item {
  span: [number, number];
  group: number;
  features: string[];
  label: number;
  /** Matches only gold attributions without a source: neutral when the target is the sourced subset. */
  neutral: boolean;
  kept: boolean;
}
interface DocItems {
  items: Item[];
  gold: [number, number][];
  /** Per gold attribution: does it name a source? */
  sourced: boolean[];
}

const docs: DocItems[] = readJsonl<AttributionDoc>(data).map((doc) => {
  const gold = doc.attributions.map((a): [number, number] => [a.content.start, a.content.end]);
  const sourced = doc.attributions.map((a) => !!a.source);
  const items = quoteCandidates({ id: doc.id, text: doc.text })
    .map(({ quote, group, features }): Item => {
      const span: [number, number] = [quote.start, quote.end];
      const hit = gold.map((g) => matches({ start: span[0], end: span[1] }, { start: g[0], end: g[1] }));
      const hitSourced = hit.some((h, i) => h && sourced[i]);
      const label = (sourcedOnly ? hitSourced : hit.some(Boolean)) ? 1 : 0;
      const neutral = sourcedOnly && !hitSourced && hit.some(Boolean);
      return { span, group, features, label, neutral, kept: features.includes('kept') };
    })
    .filter((it) => {
      // Ablations of the candidate set: only the frames the rules keep, or the rules' frames (no wide ones).
      if (only === 'kept') return it.kept;
      if (only === 'nowide') return it.features.includes('rules');
      return true;
    });
  return { items, gold, sourced };
});

/** Words as features ("L:...") are learned when seen this often in the training part. */
const MIN_COUNT = opt('--min-count', 10);

function train(part: DocItems[]): Map<string, number> {
  const w = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const d of part)
    for (const it of d.items) for (const f of it.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const known = (f: string) => !f.startsWith('L:') || (counts.get(f) ?? 0) >= MIN_COUNT;
  const examples = part
    .flatMap((d) => d.items)
    .filter((it) => !it.neutral)
    .map((it) => ({ ...it, features: it.features.filter(known) }));
  const avg = new Map<string, number>();
  const random = rng(12345);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = RATE / (1 + DECAY * epoch);
    for (const i of order) {
      const ex = examples[i];
      let z = 0;
      for (const f of ex.features) z += w.get(f) ?? 0;
      const g = ex.label - 1 / (1 + Math.exp(-z));
      for (const f of ex.features) {
        const v = w.get(f) ?? 0;
        w.set(f, v + rate * (g - L2 * v));
      }
    }
    // The weights averaged over the ends of the epochs (less noise than the last ones).
    for (const [f, v] of w) avg.set(f, (avg.get(f) ?? 0) + v / EPOCHS);
  }
  return avg;
}

const score = (w: Map<string, number>, features: string[]) =>
  features.reduce((s, f) => s + (w.get(f) ?? 0), 0);

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
    const gold = sourcedOnly ? all.filter((_, i) => d.sourced[i]) : all;
    const counted = sourcedOnly
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

const ranked = (w: Map<string, number>, t: number) => (d: DocItems) =>
  bestNonCrossing(
    d.items.map((it) => ({ span: it.span, group: it.group, score: score(w, it.features) })),
    t,
  ).map((it) => it.span);
const rules = (d: DocItems) => d.items.filter((it) => it.kept).map((it) => it.span);

const fmt = (x: { p: number; r: number; f: number }) =>
  `F1 ${x.f.toFixed(4)} P ${x.p.toFixed(4)} R ${x.r.toFixed(4)}`;
const nCand = docs.reduce((n, d) => n + d.items.length, 0);
const nPos = docs.reduce((n, d) => n + d.items.filter((i) => i.label).length, 0);
const nGold = docs.reduce((n, d) => n + d.gold.length, 0);
const coverable = prf(docs, (d) => d.items.filter((i) => i.label).map((i) => i.span));
console.log(
  `${docs.length} articles, ${nGold} gold, ${nCand} candidates (${nPos} positive); oracle recall ${coverable.r.toFixed(4)}`,
);

const thresholds = Array.from({ length: 61 }, (_, i) => -3 + i * 0.1);
const folds = [0, 1].map((k) => ({
  train: docs.filter((_, i) => i % 2 !== k),
  test: docs.filter((_, i) => i % 2 === k),
}));
const sums = thresholds.map(() => 0);
const perFold = folds.map(({ train: part, test }, k) => {
  const w = train(part);
  const base = prf(test, rules);
  const byT = thresholds.map((t, ti) => {
    const r = prf(test, ranked(w, t));
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
console.log(
  `2-fold CV mean content F1: rules ${((perFold[0].base.f + perFold[1].base.f) / 2).toFixed(4)}, ranker ${sums[best].toFixed(4)} at threshold ${threshold}`,
);

if (!args.includes('--dry')) {
  const w = train(docs);
  const entries = [...w]
    .filter(([, v]) => Math.abs(v) >= 1e-3)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([f, v]) => `  ${JSON.stringify(f)}: ${Number(v.toFixed(4))},`);
  const top = [...w].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 25);
  console.log(`top weights: ${top.map(([f, v]) => `${f} ${v.toFixed(2)}`).join(', ')}`);
  writeFileSync(
    out,
    `/**
 * Weights of the quote ranker (quote-ranker.ts), learned on the PolNeAR train split by bench/quotes-ranker.ts
 * (generated: do not edit). Feature name → weight (log-odds); the threshold chosen by 2-fold cross-validation
 * inside train (mean content F1: rules ${((perFold[0].base.f + perFold[1].base.f) / 2).toFixed(4)}, ranker ${sums[best].toFixed(4)}).
 */
export const RANKER_THRESHOLD = ${threshold};

export const RANKER_WEIGHTS: Readonly<Record<string, number>> = {
${entries.join('\n')}
};
`,
  );
  console.log(`${entries.length} weights written to ${out}`);
}
