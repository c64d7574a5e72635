/**
 * Trains the non-article combiner (src/extract/non-article.ts) and writes models/non-article.json: a logistic
 * regression over the page features of src/extract/non-article-features.ts, fitted on the dev part of
 * data/gold/non-articles.jsonl (the held-out test third is never read here) — its labelled inputs, and the
 * dev part of the sets that are all articles (the extraction sets' pages, DUC 2006) as articles. Each input is
 * extracted the way a brief extracts it, with the rules alone deciding (useNonArticleModel(null)).
 * L2 strength and threshold by 5-fold cross-validation over the dev inputs (folds by a hash of the id): the
 * decision is "the rules drop it, or the model's probability reaches the threshold"; the setting kept has the
 * best out-of-fold recall among those with out-of-fold precision ≥ 0.99 that drop no article of the all-article
 * sets the rules keep, nor any page labelled unsure (precision first: when unsure, keep the page; unsure pages
 * are never fitted on) (ties: the higher threshold). Deterministic (Newton's method, fixed
 * order).
 *   npm run train:non-article [-- --data FILE --shared DIR --out DIR --models DIR --list]
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nonArticleInputs } from '../../src/eval/non-article-inputs.js';
import { extractArticle } from '../../src/extract/index.js';
import {
  modelApplies,
  type NonArticleWeights,
  nonArticleProbability,
  ruleDecision,
  useNonArticleModel,
} from '../../src/extract/non-article.js';
import {
  NON_ARTICLE_FEATURES,
  nonArticleFeatures,
  pageShape,
} from '../../src/extract/non-article-features.js';
import { contentHash } from '../../src/ingest/hash.js';
import { rawDocument } from '../../src/ingest/record.js';
import { fitStandardized, outOfFold } from '../../src/models/newton.js';
import { trainerArgs, writeModel } from './model-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { arg, argv, out } = trainerArgs();
const data = resolve(arg('--data') ?? resolve(ROOT, 'data/gold/non-articles.jsonl'));
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
const L2_GRID = [0.3, 1, 3, 10];
const THRESHOLDS = Array.from({ length: 40 }, (_, i) => Number((0.6 + i * 0.01).toFixed(2)));
const MIN_PRECISION = 0.99;
const FOLDS = 5;
const t0 = Date.now();

interface Row {
  key: string;
  features: number[];
  label: number;
  /** The rules drop it already, or keep it whatever the model says (a wire brief). */
  rule: boolean;
  /** The model may judge it (modelApplies). */
  applies: boolean;
  wholeSet: boolean;
  /** Labelled unsure: not fitted on, and a setting that drops it is refused. */
  unsure: boolean;
  fold: number;
}

useNonArticleModel(null);
const rows: Row[] = [];
let floor = 0;
for (const x of nonArticleInputs(data, shared, { unsure: true })) {
  if (x.split !== 'dev') continue;
  const raw = rawDocument({
    origin: { path: x.key },
    kind: x.kind,
    content: x.content,
    hash: contentHash(x.content),
  });
  const article = extractArticle(raw, { keepAll: true }).article;
  // Under the extractor's word floor (or refused): dropped before any detector, nothing to learn from.
  if (!article) {
    floor++;
    continue;
  }
  const shape = pageShape(article.paragraphs);
  const decision = ruleDecision(article.paragraphs, shape, { wholeText: x.kind !== 'html' });
  const wholeText = x.kind !== 'html';
  rows.push({
    key: x.key,
    features: nonArticleFeatures(shape, !wholeText),
    label: x.label === 'non-article' ? 1 : 0,
    rule: decision !== undefined && decision !== 'article',
    applies: decision !== 'article' && modelApplies(shape, { wholeText }),
    wholeSet: x.wholeSet,
    unsure: x.label === 'unsure',
    fold: createHash('sha1').update(`fold ${x.key}`).digest()[0] % FOLDS,
  });
}
useNonArticleModel();
const labelled = rows.filter((r) => !r.wholeSet && !r.unsure);
const fitted = rows.filter((r) => !r.unsure);
console.error(
  `non-article: ${rows.length} dev inputs (${labelled.filter((r) => r.label).length} non-articles, ` +
    `${labelled.filter((r) => !r.label).length} articles, ${rows.filter((r) => r.unsure).length} unsure, ` +
    `${fitted.length - labelled.length} of all-article sets; ` +
    `${floor} under the word floor)`,
);

function fit(train: Row[], l2: number): Omit<NonArticleWeights, 'threshold'> {
  return fitStandardized(
    train.map((r) => r.features),
    train.map((r) => r.label),
    l2,
  );
}

/** The combined decision's figures over rows with their out-of-fold probabilities. */
function score(prob: number[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let extraDrops = 0;
  rows.forEach((r, i) => {
    const drop = r.rule || (r.applies && prob[i] >= threshold);
    if (r.wholeSet || r.unsure) {
      if (drop && !r.rule) extraDrops++;
    } else if (r.label) drop ? tp++ : fn++;
    else if (drop) fp++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, precision, recall, extraDrops };
}

let best = { l2: L2_GRID[0], threshold: 1, recall: -1, precision: 0, extraDrops: 0, prob: [] as number[] };
for (const l2 of L2_GRID) {
  const prob = outOfFold(
    rows,
    fitted,
    FOLDS,
    (train) => fit(train, l2),
    (model, r) => nonArticleProbability({ ...model, threshold: 1 }, r.features),
  );
  for (const threshold of THRESHOLDS) {
    const s = score(prob, threshold);
    if (s.precision < MIN_PRECISION || s.extraDrops > 0) continue;
    if (s.recall > best.recall || (s.recall === best.recall && threshold > best.threshold))
      best = { l2, threshold, recall: s.recall, precision: s.precision, extraDrops: s.extraDrops, prob };
  }
}
const rulesOnly = score(new Array<number>(rows.length).fill(0), 2);
const cv = score(best.prob, best.threshold);
console.log(
  `non-article: 5-fold CV on dev: rules P ${rulesOnly.precision.toFixed(4)} R ${rulesOnly.recall.toFixed(4)}; ` +
    `rules + model P ${cv.precision.toFixed(4)} R ${cv.recall.toFixed(4)} (${cv.tp} found, ${cv.fp} false drops, ` +
    `${cv.fn} missed; L2 ${best.l2}, threshold ${best.threshold})`,
);
if (argv.includes('--ranks')) {
  // The highest out-of-fold probabilities among pages the rules keep: where the threshold has to sit.
  const ranked = rows
    .map((r, i) => ({ r, p: best.prob[i] }))
    .filter(({ r }) => !r.rule && r.applies)
    .sort((a, b) => b.p - a.p)
    .slice(0, 40);
  for (const { r, p } of ranked)
    console.error(
      `  ${p.toFixed(3)} ${r.wholeSet ? 'all-article set' : r.unsure ? 'unsure' : r.label ? 'NON-ARTICLE' : 'article'} ${r.key}`,
    );
}
if (argv.includes('--list'))
  rows.forEach((r, i) => {
    const drop = r.rule || (r.applies && best.prob[i] >= best.threshold);
    if (r.wholeSet || r.unsure ? drop && !r.rule : drop !== (r.label === 1))
      console.error(`  ${r.label ? 'missed' : 'dropped'}: ${r.key} p ${best.prob[i].toFixed(3)}`);
  });

const model = fit(fitted, best.l2);
const round = (x: number) => Number(x.toPrecision(10));
const path = writeModel(
  out,
  data,
  {
    name: 'non-article',
    about:
      'Not an article or an article, for a page the non-article rules keep: logistic regression over prose, ' +
      'furniture-by-kind, teaser, dated-line, short-line, address, commerce and capitalization features, fitted ' +
      'on the dev part of the non-article gold set; threshold by 5-fold cross-validation for precision.',
    trainer: 'scripts/train/non-article.ts',
    features: NON_ARTICLE_FEATURES,
    settings: { l2: best.l2, threshold: best.threshold, folds: FOLDS, min_precision: MIN_PRECISION },
    results: {
      dev_inputs: fitted.length,
      dev_unsure: rows.length - fitted.length,
      dev_non_articles: labelled.filter((r) => r.label).length,
      cv_precision: round(cv.precision),
      cv_recall: round(cv.recall),
      rules_precision: round(rulesOnly.precision),
      rules_recall: round(rulesOnly.recall),
    },
  },
  {
    columns: NON_ARTICLE_FEATURES.slice(1).map((f) => f.slice(0, f.indexOf(':'))),
    mean: model.mean.map(round),
    sd: model.sd.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    threshold: best.threshold,
  },
);
console.log(`non-article: wrote ${path} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
