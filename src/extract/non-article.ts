/**
 * Non-article pages: what an extractor returns when the input was not a news article at all: an error page,
 * a login, cookie or JavaScript wall, a video player's messages, a web archive's crawl notice, a social-media
 * site's own notice, a section or link list, a shop or service page, or too little running prose to be a
 * report. Such an input must not become a story; `nonArticleReason` names why, from the extracted paragraphs
 * alone, so every input kind (HTML, scraped text, JSON Lines records, feed items) is judged the same way.
 *
 * Two layers, precision first. (1) Rules: a whole text (record, scraped page) needs two sentences of running
 * prose; furniture phrases name the reason, and drop a page whose prose is short and outweighed by them. (2) A
 * learned combiner (models/non-article.json, scripts/train/non-article.ts): a logistic regression over the
 * page features of src/extract/non-article-features.ts, fitted on the dev part of data/gold/non-articles.jsonl
 * with a threshold chosen by cross-validation for precision; it drops what the rules keep only above that
 * threshold, naming the reason whose features push its score up most. Pure, linear in the text.
 */
import { derived, loadModel, type ModelFile, modelSlot } from '../models/load.js';
import { type StandardizedLogistic, standardizedProbability } from '../models/newton.js';
import { datelineAgency } from './datelines.js';
import {
  FEATURE_REASONS,
  NON_ARTICLE_FEATURES,
  type NonArticleReason,
  nonArticleFeatures,
  type PageShape,
  pageShape,
} from './non-article-features.js';

export { furnitureKind, type NonArticleReason, type PageShape, pageShape } from './non-article-features.js';

/** An article has at least this many prose sentences... */
const MIN_PROSE_SENTENCES = 2;
/** ...and at least this many words in them. */
const MIN_PROSE_TOTAL = 20;
/** Below this much prose, a page whose furniture outweighs its prose is that furniture. */
const SHORT_PROSE = 80;

export interface NonArticleOptions {
  /**
   * The paragraphs are the whole input (a record's or a scraped page's text), not what an HTML extractor
   * kept of a page: only then does too little prose alone make a non-article. An HTML page whose extractor
   * kept a sentence may hold an article the extractor missed, or be a short post, so it needs furniture too.
   */
  wholeText?: boolean;
}

/** Standardization of each feature in NON_ARTICLE_FEATURES order (after the version line), weights and bias. */
export interface NonArticleWeights extends StandardizedLogistic {
  /** Drop a page the rules keep when its probability of being a non-article reaches this. */
  threshold: number;
}

export interface NonArticleModel extends ModelFile, NonArticleWeights {}

const shippedModel = derived(
  () =>
    loadModel<NonArticleModel>({
      name: 'non-article',
      features: NON_ARTICLE_FEATURES,
      declaredIn: 'src/extract/non-article-features.ts',
      retrain: 'npm run train:non-article',
    }),
  (m): NonArticleWeights => ({
    mean: m.mean,
    sd: m.sd,
    weights: m.weights,
    bias: m.bias,
    threshold: m.threshold,
  }),
);

const slot = modelSlot<NonArticleWeights>(shippedModel);

/**
 * Decide with these weights instead of the shipped model (the trainer's cross-validation, tests); `null`: the
 * rules alone (the trainer reading pages before any model exists); no argument: the shipped model again.
 */
export const useNonArticleModel = slot.use;

const currentModel = slot.current;

/** The rules' reason, or undefined when they keep the page. */
export function ruleReason(s: PageShape, options: NonArticleOptions = {}): NonArticleReason | undefined {
  if (s.proseSentences < MIN_PROSE_SENTENCES || s.proseWords < MIN_PROSE_TOTAL) {
    if (s.furniture) return s.furniture;
    if (options.wholeText) return 'too little prose';
    return undefined;
  }
  if (s.furniture && s.proseWords < SHORT_PROSE && s.furnitureWords >= s.proseWords) return s.furniture;
  return undefined;
}

/**
 * Whether the learned combiner may judge the page: a whole text always; an HTML extraction only when it kept
 * running prose (an extractor that kept a headline alone missed the article, which says nothing of the page).
 */
export function modelApplies(s: PageShape, options: NonArticleOptions = {}): boolean {
  return options.wholeText === true || s.proseSentences >= MIN_PROSE_SENTENCES;
}

/** The probability that a page with this feature row is not an article. */
export const nonArticleProbability: (model: NonArticleWeights, row: readonly number[]) => number =
  standardizedProbability;

/** The reason whose features raise the score most (each column's signed contribution, summed by reason). */
export function strongestReason(model: NonArticleWeights, row: readonly number[]): NonArticleReason {
  const sums = new Map<NonArticleReason, number>();
  for (let j = 0; j < model.weights.length; j++) {
    const reason = FEATURE_REASONS[j];
    sums.set(reason, (sums.get(reason) ?? 0) + (model.weights[j] * (row[j] - model.mean[j])) / model.sd[j]);
  }
  let best: NonArticleReason = 'too little prose';
  let top = Number.NEGATIVE_INFINITY;
  for (const [reason, sum] of sums)
    if (sum > top) {
      top = sum;
      best = reason;
    }
  return best;
}

/**
 * A wire brief: one sentence of prose under a news agency's dateline ("HAVANA (AP) -- Seven months after…"),
 * a news flash, not a stub. Only whole texts reach this (an HTML extraction is never dropped for little prose).
 */
function wireBrief(paragraphs: string[], s: PageShape): boolean {
  return (
    s.proseSentences >= 1 &&
    s.proseWords >= MIN_PROSE_TOTAL &&
    !s.furniture &&
    datelineAgency(paragraphs[0] ?? '') !== undefined
  );
}

/**
 * What the rules decide: a reason to drop, `article` (a wire brief: kept whatever the model says), or
 * undefined (the rules keep the page; the learned combiner may still drop it).
 */
export function ruleDecision(
  paragraphs: string[],
  shape: PageShape,
  options: NonArticleOptions = {},
): NonArticleReason | 'article' | undefined {
  const rule = ruleReason(shape, options);
  if (rule === 'too little prose' && wireBrief(paragraphs, shape)) return 'article';
  return rule;
}

/** Why the paragraphs are not an article, or undefined when they are one. */
export function nonArticleReason(
  paragraphs: string[],
  options: NonArticleOptions = {},
): NonArticleReason | undefined {
  const shape = pageShape(paragraphs);
  const rule = ruleDecision(paragraphs, shape, options);
  if (rule === 'article') return undefined;
  if (rule) return rule;
  const model = currentModel();
  if (!model || !modelApplies(shape, options)) return undefined;
  const row = nonArticleFeatures(shape, !options.wholeText);
  if (nonArticleProbability(model, row) < model.threshold) return undefined;
  return shape.furniture ?? strongestReason(model, row);
}
