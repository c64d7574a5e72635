/**
 * "Do these two news sentences state the same fact?": the probability of the model in
 * models/paraphrase.json (scripts/train/paraphrase.ts; a logistic regression over the pair features of
 * features.ts, trained on the MSRP training pairs). The model is read on first use.
 * For many comparisons, compute `sentenceFeatures` once per sentence and call `sameFactScore` per pair.
 */
import { derived, loadModel, type ModelFile } from '../../models/load.js';
import {
  analyseSentence,
  factConflicts,
  PAIR_FEATURES,
  PARAPHRASE_FEATURES,
  pairFeatures,
  type SentenceFeatures,
} from './features.js';
import { type DocFrequencies, idfWeigh, type Logistic, predict } from './fit.js';

export type { FactConflict, SentenceFeatures } from './features.js';
export { factConflicts } from './features.js';

export interface ParaphraseModel extends ModelFile {
  /** Document frequencies of the training sentences' content stems (the IDF). */
  idf: DocFrequencies;
  /** The pair features' names, in order (PAIR_FEATURES). */
  columns: string[];
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
  /** Probability from which a pair is called the same fact. */
  threshold: number;
}

export const paraphraseModel = (): ParaphraseModel =>
  loadModel<ParaphraseModel>({
    name: 'paraphrase',
    features: PARAPHRASE_FEATURES,
    declaredIn: 'PARAPHRASE_FEATURES in src/language/paraphrase/features.ts',
    retrain: 'npm run train:paraphrase',
  });

const tables = derived(paraphraseModel, (model) => {
  const names = PAIR_FEATURES.map(([, name]) => name);
  if (model.columns.join(' ') !== names.join(' '))
    throw new Error(
      'models/paraphrase.json has other feature columns than the code: npm run train:paraphrase',
    );
  const logistic: Logistic = { mean: model.mean, sd: model.sd, weights: model.weights, bias: model.bias };
  return { weigh: idfWeigh(model.idf), logistic, threshold: model.threshold };
});

/** What the model needs of one sentence; compute once per sentence when comparing it often. */
export function sentenceFeatures(text: string): SentenceFeatures {
  return analyseSentence(text, tables().weigh);
}

/** P(same fact) of two sentences' features (symmetric). */
export function sameFactScore(a: SentenceFeatures, b: SentenceFeatures): number {
  return predict(tables().logistic, pairFeatures(a, b));
}

/**
 * P(same fact) for a caller that needs the facts to agree exactly (a citation): the model's probability,
 * divided by four for each hard conflict (factConflicts: a swapped number, a negation in one only, another
 * month or weekday), so a conflict takes a pair below the threshold unless the model is very sure.
 * Costs about one point of accuracy on MSRP, whose annotators are lenient about such differences.
 */
export function strictSameFactScore(a: SentenceFeatures, b: SentenceFeatures): number {
  return sameFactScore(a, b) * 0.25 ** factConflicts(a, b).length;
}

/** P(same fact) of two sentences (symmetric). */
export function sameFact(a: string, b: string): number {
  return sameFactScore(sentenceFeatures(a), sentenceFeatures(b));
}

/** The probability from which the model calls a pair the same fact. */
export function sameFactThreshold(): number {
  return tables().threshold;
}
