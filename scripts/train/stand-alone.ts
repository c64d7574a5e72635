/**
 * Trains the "stands alone" model (src/text/stand-alone-model.ts) and writes models/stand-alone.json: a
 * logistic regression that tells a summary sentence not usable on its own, from the labelled summary
 * sentences of the brief dev set (data/gold/briefs.jsonl, protocol data/gold/briefs.md). The gold stores ids,
 * offsets and hashes only: each sentence's text is read back from its article in ../shared/data (the span at
 * its offset whose hash is the labelled one) and its index is its place among the article's sentences.
 *
 * Only the `tune` half of the stories is trained on (`halfOf` in src/eval/brief.ts), so that the brief eval's
 * `held` half stays unseen. The L2 strength is chosen by 5-fold cross-validation by story (folds by a hash
 * of the story id: no story is in two folds), by held-out log-loss; the threshold is the lowest of a grid whose
 * cross-validated precision (share of vetoed sentences labelled not usable) reaches PRECISION. The header
 * records the cross-validated figures and those of the fitted model on the held half's labels. Deterministic.
 *   npm run train:stand-alone [-- --data FILE --shared DIR --out DIR]
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { halfOf } from '../../src/eval/brief.js';
import { briefStoryLoader, sentenceHash } from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { isCaption } from '../../src/extract/captions.js';
import { splitSentences } from '../../src/language/sentences.js';
import { wordCount } from '../../src/language/tokens.js';
import { notStandAlone } from '../../src/text/stand-alone.js';
import {
  fitStandAlone,
  notUsableProbability,
  STAND_ALONE_FEATURES,
  standAloneRow,
} from '../../src/text/stand-alone-model.js';
import { trainerArgs, writeModel } from './model-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { arg, out } = trainerArgs();
const data = resolve(arg('--data') ?? resolve(ROOT, 'data/gold/briefs.jsonl'));
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
const L2_GRID = [1, 3, 10, 30, 100];
const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
/** The precision a veto must reach in cross-validation: most of what it refuses must be unusable. */
const PRECISION = 0.5;
const FOLDS = 5;

interface Gold {
  story: string;
  hash: string;
  from: string;
  offset: number;
  label: string;
}
interface Item {
  story: string;
  row: number[];
  label: number;
}

const gold = readJsonl<Gold>(data);
const load = briefStoryLoader(shared);
const items: Item[] = [];
let missing = 0;
let ruled = 0;
/** What the summarizer's rules let through (isCandidate and notStandAlone, from the text alone). */
const passesRules = (text: string) => {
  const n = wordCount(text);
  return (
    n >= 6 &&
    n <= 60 &&
    /[.!?]["”’)]?$/.test(text) &&
    !/(?:\.\.\.|…)["”’)]?$/.test(text) &&
    !/[?!]["”]?$/.test(text) &&
    !isCaption(text) &&
    !notStandAlone(text)
  );
};
const seen = new Set<string>();
for (const story of [...new Set(gold.map((g) => g.story))]) {
  const docs = load(story);
  for (const g of gold.filter((x) => x.story === story)) {
    const key = `${g.story}#${g.hash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const doc = docs?.find((d) => d.id === g.from);
    let text: string | undefined;
    if (doc && g.offset >= 0)
      for (let end = g.offset + 1; end <= Math.min(doc.text.length, g.offset + 3000); end++)
        if (sentenceHash(doc.text.slice(g.offset, end)) === g.hash) {
          text = doc.text.slice(g.offset, end).replace(/\s+/g, ' ').trim();
          break;
        }
    if (!doc || text === undefined) {
      missing++;
      continue;
    }
    // Only what the rules let through: the model weighs what they cannot judge.
    if (!passesRules(text)) {
      ruled++;
      continue;
    }
    const index = splitSentences(doc.text).filter((s) => s.end <= g.offset).length;
    items.push({ story, row: standAloneRow(text, index), label: g.label === 'usable' ? 0 : 1 });
  }
}
const tune = items.filter((x) => halfOf(x.story) === 'tune');
const held = items.filter((x) => halfOf(x.story) === 'held');
const foldOf = (story: string) => createHash('sha256').update(`fold ${story}`).digest()[0] % FOLDS;
console.error(
  `stand-alone: ${items.length} labelled sentences (${missing} not found, ${ruled} refused by the rules), tune ${tune.length} (${tune.filter((x) => x.label).length} not usable), held ${held.length}`,
);

/** Cross-validated probabilities over the tune half, each from a model fitted without its story's fold. */
function crossValidated(l2: number): number[] {
  const p = new Array<number>(tune.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const train = tune.filter((x) => foldOf(x.story) !== k);
    const m = fitStandAlone(
      train.map((x) => x.row),
      train.map((x) => x.label),
      l2,
    );
    tune.forEach((x, i) => {
      if (foldOf(x.story) === k) p[i] = notUsableProbability({ ...m, threshold: 1 }, x.row);
    });
  }
  return p;
}

const logLoss = (p: number[], y: number[]) =>
  -p.reduce((s, q, i) => s + Math.log(Math.min(1 - 1e-12, Math.max(1e-12, y[i] ? q : 1 - q))), 0) / p.length;

function atThreshold(p: number[], y: number[], t: number) {
  let vetoed = 0;
  let right = 0;
  p.forEach((q, i) => {
    if (q >= t) {
      vetoed++;
      right += y[i];
    }
  });
  const bad = y.reduce((a, b) => a + b, 0);
  const usableLeft = (p.length - vetoed - (bad - right)) / Math.max(1, p.length - vetoed);
  return { vetoed, precision: vetoed ? right / vetoed : 0, recall: bad ? right / bad : 0, usableLeft };
}

const y = tune.map((x) => x.label);
let best = { l2: L2_GRID[0], loss: Number.POSITIVE_INFINITY, p: [] as number[] };
for (const l2 of L2_GRID) {
  const p = crossValidated(l2);
  const loss = logLoss(p, y);
  console.error(`stand-alone: l2 ${l2}: CV log-loss ${loss.toFixed(4)}`);
  if (loss < best.loss - 1e-9) best = { l2, loss, p };
}
let threshold = 1;
for (const t of THRESHOLDS) {
  const r = atThreshold(best.p, y, t);
  console.error(
    `stand-alone: threshold ${t}: CV vetoed ${r.vetoed}, precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}, usable among the rest ${r.usableLeft.toFixed(3)}`,
  );
  if (threshold === 1 && r.vetoed >= 5 && r.precision >= PRECISION) threshold = t;
}
const cv = atThreshold(best.p, y, threshold);
const model = fitStandAlone(
  tune.map((x) => x.row),
  y,
  best.l2,
);
const heldP = held.map((x) => notUsableProbability({ ...model, threshold }, x.row));
const h = atThreshold(
  heldP,
  held.map((x) => x.label),
  threshold,
);
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
console.error(
  `stand-alone: l2 ${best.l2}, threshold ${threshold}; held half: vetoed ${h.vetoed}, precision ${h.precision.toFixed(3)}, recall ${h.recall.toFixed(3)}`,
);
const path = writeModel(
  out,
  data,
  {
    name: 'stand-alone',
    about:
      'Not usable on its own, for a summary sentence: logistic regression over its form (opening word class, definite subject, quotation marks, tense, length) and its place in the article, fitted on the tune half of the brief dev set; L2 by 5-fold CV by story, the veto threshold the lowest with CV precision >= 0.6.',
    trainer: 'scripts/train/stand-alone.ts',
    features: STAND_ALONE_FEATURES,
    settings: { l2: best.l2, folds: FOLDS, precision_target: PRECISION },
    results: {
      tune_sentences: tune.length,
      tune_not_usable: y.reduce((a, b) => a + b, 0),
      cv_log_loss: r4(best.loss),
      cv_vetoed: cv.vetoed,
      cv_precision: r4(cv.precision),
      cv_recall: r4(cv.recall),
      cv_usable_rest: r4(cv.usableLeft),
      held_sentences: held.length,
      held_vetoed: h.vetoed,
      held_precision: r4(h.precision),
      held_recall: r4(h.recall),
      held_usable_rest: r4(h.usableLeft),
    },
  },
  { ...model, threshold },
);
console.error(`stand-alone: wrote ${path}`);
