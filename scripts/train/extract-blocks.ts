/**
 * Trains the extractor's block classifier (src/extract/blocks.ts) and writes models/extract-blocks.json: an
 * L2 logistic regression over the features of each candidate block (the blocks inside the container the rules
 * chose, and those up to WINDOW blocks outside it), fitted on the four extraction dev sets
 * (../shared/data/extraction/SET: trafilatura-dev, l3s-gn1, dragnet, readability), each set weighing the same.
 * Labels from each set's gold: a block of four or more words is article text when most of its word 4-grams are
 * in the gold text, a shorter one when its words are; on trafilatura-dev's segment gold, a block holding (or
 * held in) a `with` snippet is article, one holding a `without` snippet is not, the rest are left out.
 * The thresholds (drop a block inside under `drop`, add a block outside at or over `add`) are picked on a grid
 * by the end-to-end score (segment F, shingle F1) averaged over the sets, keeping only settings that lose no
 * more than MAX_LOSS on any of them against the rules alone.
 * Leave-one-set-out: for each set, the model is trained and its thresholds picked on the other three and scored
 * on it; the table (printed as markdown) is in BENCHMARKS.md. The shipped model is trained on all four.
 * The end-to-end text is the extractor's as `extractArticle` makes it, less the non-article judgement (whose
 * model is trained on this extractor's output: no cycle). The containers are those the container ranker
 * (models/extract-containers.json, trained first, read from --models) picks.
 *   npx tsx scripts/train/extract-blocks.ts [--shared DIR] [--out DIR]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPages, type PageScore, scorePage, segmentMetrics, shingles } from '../../src/eval/extract.js';
import { BLOCK_FEATURES, type BlockModel, blockFeatures, useBlockModel } from '../../src/extract/blocks.js';
import { type BodyChoice, modelKeep, readHtmlPage, rulesKeep } from '../../src/extract/html.js';
import { MIN_BODY_WORDS } from '../../src/extract/index.js';
import { unglueSentences } from '../../src/extract/text-cleanup.js';
import { wordCount } from '../../src/extract/text-length.js';
import { words } from '../../src/language/tokens.js';
import { formatModel } from '../../src/models/format.js';
import { featureHash, MODEL_FORMAT } from '../../src/models/load.js';
import { newtonLogistic, standardization } from '../../src/models/newton.js';
import { inputModelHash, trainerArgs } from './model-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { arg, out } = trainerArgs();
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
const SETS = ['trafilatura-dev', 'l3s-gn1', 'dragnet', 'readability'];
/** Candidates outside the container: at most this many blocks away. */
const WINDOW = Number(arg('--window') ?? 6);
/** Blocks shorter than this are never added (captions, bylines and datelines: the sets' golds disagree on them). */
const ADD_WORDS = Number(arg('--add-words') ?? 12);
const L2 = Number(arg('--l2') ?? 1);
/** A setting is refused when it loses more than this on any set it is chosen on. */
const MAX_LOSS = 0.005;
const DROPS = [0, 0.05, 0.1, 0.15, 0.2, 0.3];
const ADDS = [2, 0.95, 0.9, 0.85, 0.8, 0.7];

useBlockModel(null);

interface PageData {
  set: number;
  /** The half of its set (by SHA-256 of its id), for the two-fold check within a set. */
  half: number;
  expected: Parameters<typeof scorePage>[1];
  body?: BodyChoice;
  x: number[][];
  labels: number[];
  weights: number[];
  cache: Map<string, PageScore>;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** 1 article, 0 boilerplate, -1 unknown. */
function labeller(expected: PageData['expected']): (text: string) => number {
  if (expected.text !== undefined) {
    const gold = words(expected.text);
    const joined = ` ${gold.join(' ')} `;
    const grams = new Set(shingles(gold));
    return (text) => {
      const w = words(text);
      if (!w.length) return -1;
      if (w.length < 4) return joined.includes(` ${w.join(' ')} `) ? 1 : 0;
      const s = shingles(w);
      return s.filter((g) => grams.has(g)).length * 2 >= s.length ? 1 : 0;
    };
  }
  const withs = (expected.with ?? []).map(squash).filter(Boolean);
  const withouts = (expected.without ?? []).map(squash).filter(Boolean);
  const touches = (t: string, s: string) => t.includes(s) || (t.length >= 20 && s.includes(t));
  return (text) => {
    const t = squash(text);
    const yes = withs.some((s) => touches(t, s));
    const no = withouts.some((s) => touches(t, s));
    return yes === no ? -1 : yes ? 1 : 0;
  };
}

const t0 = Date.now();
const pages: PageData[] = [];
SETS.forEach((name, set) => {
  for (const page of loadPages(resolve(shared, 'extraction', name, 'index.jsonl'))) {
    const read = readHtmlPage(page.html, WINDOW);
    const data: PageData = {
      set,
      half: createHash('sha256').update(page.id).digest()[0] < 128 ? 0 : 1,
      expected: page.expected,
      x: [],
      labels: [],
      weights: [],
      cache: new Map(),
    };
    if (!('refused' in read)) {
      const label = labeller(page.expected);
      data.body = read.body;
      read.body.candidates.forEach((c, k) => {
        if (read.body.markers[k]) return;
        const y = label(c.text);
        if (y < 0) return;
        data.x.push(blockFeatures(c));
        data.labels.push(y);
        data.weights.push(1 + Math.log1p(c.words));
      });
    }
    pages.push(data);
  }
});
console.error(`read ${pages.length} pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

/** The text `eval extract` would score for these kept candidates (less the non-article judgement). */
function score(page: PageData, keep: readonly boolean[]): PageScore {
  const key = keep.map((k) => (k ? 1 : 0)).join('');
  let s = page.cache.get(key);
  if (!s) {
    const paragraphs = page.body ? page.body.finish(keep).map(unglueSentences) : [];
    let text = paragraphs.join('\n\n');
    if (wordCount(text) < MIN_BODY_WORDS) text = '';
    s = scorePage({ text }, page.expected);
    page.cache.set(key, s);
  }
  return s;
}

function setScore(scores: PageScore[]): number {
  const segs = scores.flatMap((s) => (s.segments ? [s.segments] : []));
  if (segs.length) return segmentMetrics(segs).seg_f1 as number;
  return scores.reduce((n, s) => n + (s.shingle?.f ?? 0), 0) / scores.length;
}

/** Scores per set with the model `pick` gives each page (null: the rules; false: the page is left out). */
function evaluateBy(pick: (page: PageData) => BlockModel | null | false): number[] {
  const per: PageScore[][] = SETS.map(() => []);
  for (const page of pages) {
    const model = pick(page);
    if (model === false) continue;
    const keep = page.body ? (model ? modelKeep(page.body, model) : rulesKeep(page.body)) : [];
    per[page.set].push(score(page, keep));
  }
  return per.map((s) => (s.length ? setScore(s) : Number.NaN));
}

/** Scores per set (NaN for sets not asked for) with this model (null: the rules). */
const evaluate = (model: BlockModel | null, sets: number[]) =>
  evaluateBy((p) => (sets.includes(p.set) ? model : false));

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Fit on the pages of `sets`, each set weighing the same in all. */
function fit(
  sets: number[],
  skip: (p: PageData) => boolean = () => false,
): Omit<BlockModel, 'drop' | 'add' | 'window' | 'addWords' | 'header'> {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const set of sets) {
    const mine = pages.filter((p) => p.set === set && !skip(p));
    const total = mine.reduce((n, p) => n + p.weights.reduce((a, b) => a + b, 0), 0);
    for (const p of mine) {
      rows.push(...p.x);
      labels.push(...p.labels);
      for (const w of p.weights) weights.push((w / total) * 10_000);
    }
  }
  const k = BLOCK_FEATURES.length - 1;
  const { mean, sd: scale } = standardization(rows, k);
  const std = rows.map((r) => [...r.map((v, j) => (v - mean[j]) / scale[j]), 1]);
  const w = newtonLogistic(std, labels, L2, {
    sampleWeights: weights,
    maxIterations: 25,
    tolerance: 1e-7,
  });
  return { mean: mean.map(round), scale: scale.map(round), weights: w.map(round) };
}

const fits = new Map<string, ReturnType<typeof fit>>();
/** `fit`, once per set of sets. */
function fitOnce(sets: number[], without?: { set: number; half: number }): ReturnType<typeof fit> {
  const key = `${sets.join(',')}/${without ? `${without.set}.${without.half}` : ''}`;
  let f = fits.get(key);
  if (!f)
    fits.set(key, (f = fit(sets, (p) => !!without && p.set === without.set && p.half === without.half)));
  return f;
}

/**
 * Two-fold scores within each set: each half of a set scored by the model fitted on the other sets and the
 * set's other half.
 */
function halfScores(drop: number, add: number): number[] {
  const models = SETS.map((_, set) =>
    [0, 1].map(
      (half) =>
        ({
          ...fitOnce([0, 1, 2, 3], { set, half }),
          drop,
          add,
          window: WINDOW,
          addWords: ADD_WORDS,
        }) as BlockModel,
    ),
  );
  return evaluateBy((p) => models[p.set][p.half]);
}

/** Leave-one-set-out scores: each set scored by the model fitted on the other three. */
function losoScores(drop: number, add: number): number[] {
  const models = SETS.map(
    (_, set) =>
      ({
        ...fitOnce([0, 1, 2, 3].filter((t) => t !== set)),
        drop,
        add,
        window: WINDOW,
        addWords: ADD_WORDS,
      }) as BlockModel,
  );
  return evaluateBy((p) => models[p.set]);
}

/**
 * The thresholds chosen by cross-validation over `sets`: each setting scores each of them with the model fitted
 * on the others (never on itself), and the best mean wins among the settings that lose at most MAX_LOSS on
 * every one of them against the rules alone.
 */
function thresholds(sets: number[], base: number[]): { drop: number; add: number; scores: number[] } {
  let best = { drop: 0, add: 2, scores: base, mean: mean(sets.map((s) => base[s])) };
  for (const drop of DROPS)
    for (const add of ADDS) {
      if (drop === 0 && add > 1) continue;
      const scores = base.map(() => Number.NaN);
      for (const s of sets) {
        const fitted = fitOnce(sets.filter((t) => t !== s));
        const model = { ...fitted, drop, add, window: WINDOW, addWords: ADD_WORDS } as BlockModel;
        scores[s] = evaluate(model, [s])[s];
      }
      if (sets.some((s) => scores[s] < base[s] - MAX_LOSS)) continue;
      const m = mean(sets.map((s) => scores[s]));
      if (m > best.mean + 1e-9) best = { drop, add, scores, mean: m };
    }
  return best;
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

const all = [0, 1, 2, 3];
const base = evaluate(null, all);
console.error(`rules alone: ${base.map((x) => x.toFixed(4)).join('  ')}`);
const loso: number[] = [];
const rows: string[] = [];
for (const held of all) {
  const train = all.filter((s) => s !== held);
  const fitted = fitOnce(train);
  const t = thresholds(train, base);
  const model = { ...fitted, drop: t.drop, add: t.add, window: WINDOW, addWords: ADD_WORDS } as BlockModel;
  const h = evaluate(model, [held])[held];
  if (process.argv.includes('--explore'))
    for (const drop of DROPS)
      console.error(
        `  ${SETS[held]} drop ${drop}: ${ADDS.map((add) => evaluate({ ...fitted, drop, add, window: WINDOW, addWords: ADD_WORDS } as BlockModel, [held])[held].toFixed(4)).join(' ')}`,
      );
  loso.push(h);
  rows.push(
    `| ${SETS[held]} | drop < ${t.drop}, add ≥ ${t.add > 1 ? 'off' : t.add} | ${train.map((s) => t.scores[s].toFixed(4)).join(' / ')} | ${base[held].toFixed(4)} | **${h.toFixed(4)}** | ${(h - base[held] >= 0 ? '+' : '') + (h - base[held]).toFixed(4)} |`,
  );
  console.error(rows[rows.length - 1]);
}
const fitted = fitOnce(all);
const SELECT = arg('--select') ?? 'loso';
/**
 * `--select halves`: the thresholds with the best mean two-fold score within the sets, among the settings
 * that lose at most MAX_LOSS on every set both leave-one-set-out and two-fold.
 */
function halvesChoice(): { drop: number; add: number; scores: number[] } {
  let best = { drop: 0, add: 2, scores: base, mean: mean(base) };
  for (const drop of DROPS)
    for (const add of ADDS) {
      if (drop === 0 && add > 1) continue;
      const h = halfScores(drop, add);
      const l = losoScores(drop, add);
      const m = mean(h);
      console.error(
        `  drop ${drop} add ${add}: halves ${h.map((x) => x.toFixed(4)).join(' ')} | loso ${l.map((x) => x.toFixed(4)).join(' ')}`,
      );
      if (all.some((s) => h[s] < base[s] - MAX_LOSS || l[s] < base[s] - MAX_LOSS)) continue;
      if (m > best.mean + 1e-9) best = { drop, add, scores: l, mean: m };
    }
  return best;
}
const t = SELECT === 'halves' ? halvesChoice() : thresholds(all, base);
const plain = evaluate(
  { ...fitted, drop: t.drop, add: t.add, window: WINDOW, addWords: ADD_WORDS } as BlockModel,
  all,
);
console.log(
  '| held out | thresholds chosen on the other three (each scored by a model of the other two) | their scores | rules alone | held-out score | change |',
);
console.log('|---|---|---|---:|---:|---:|');
for (const r of rows) console.log(r);
console.log(
  `\nshipped: drop < ${t.drop}, add ≥ ${t.add > 1 ? 'off' : t.add}, chosen leave-one-set-out (${t.scores.map((x) => x.toFixed(4)).join(' / ')}); trained on all four, plain: ${plain.map((x) => x.toFixed(4)).join(' / ')} (rules ${base.map((x) => x.toFixed(4)).join(' / ')})`,
);

const indexes = SETS.map((s) => readFileSync(resolve(shared, 'extraction', s, 'index.jsonl')));
const model = {
  header: {
    format: MODEL_FORMAT,
    name: 'extract-blocks',
    about:
      'Article text or boilerplate, per text block near the article container the extraction rules chose: logistic regression over length, link, punctuation, tag, class/id-name, position, neighbour and JSON-LD features, fitted on the four extraction dev sets (each weighing the same); thresholds chosen on the same sets by end-to-end score, no set losing over 0.005.',
    trainer: 'scripts/train/extract-blocks.ts',
    data: {
      file: SETS.map((s) => `extraction/${s}/index.jsonl`).join(' '),
      sha256: createHash('sha256').update(Buffer.concat(indexes)).digest('hex'),
    },
    features: featureHash(BLOCK_FEATURES),
    settings: { window: WINDOW, add_words: ADD_WORDS, l2: L2, max_loss: MAX_LOSS },
    inputs: { 'extract-containers': inputModelHash('extract-containers') },
    results: Object.fromEntries([
      ...SETS.map((s, i) => [`rules_${s}`, round(base[i])]),
      ...SETS.map((s, i) => [`loso_${s}`, round(loso[i])]),
      ...SETS.map((s, i) => [`chosen_loso_${s}`, round(t.scores[i])]),
      ...SETS.map((s, i) => [`plain_${s}`, round(plain[i])]),
    ]),
  },
  mean: fitted.mean,
  scale: fitted.scale,
  weights: fitted.weights,
  drop: t.drop,
  add: t.add,
  window: WINDOW,
  addWords: ADD_WORDS,
};
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'extract-blocks.json'), formatModel(model));
console.error(`wrote ${resolve(out, 'extract-blocks.json')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
