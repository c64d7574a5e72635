/**
 * The named-entity tagger: PER, ORG, LOC and MISC over tokens, as BIO tags, with the averaged-perceptron
 * model models/ner.json (scripts/train/ner.ts). Pure functions; the model is read on first use.
 */
import { derived, loadModel, type ModelFile } from '../../models/load.js';
import { bioSpans, type EntitySpan, NER_TAGS } from './bio.js';
import { TAG_COUNT, viterbi } from './decode.js';
import { tagInDocument } from './document.js';
import { NER_FEATURES, type NerLexicon } from './features.js';
import { type GazetteerLists, indexGazetteer } from './gazetteer.js';
import { RowScorer } from './token-rows.js';

export interface NerModel extends ModelFile {
  /** Weights are stored as integers: the real weight times `scale`. */
  scale: number;
  /** Tag-to-tag weights, row prev (NER_TAGS order, then the sentence start), column tag. */
  transitions: number[];
  /** Feature → its weight per tag (NER_TAGS order). */
  weights: Record<string, number[]>;
  /** Words seen lower-case in training. */
  lower: string[];
  gazetteer: GazetteerLists;
}

export const nerModel = (): NerModel =>
  loadModel<NerModel>({
    name: 'ner',
    features: NER_FEATURES,
    declaredIn: 'NER_FEATURES in src/language/ner/features.ts',
    retrain: 'npm run train:ner',
  });

interface Tagger {
  scorer: RowScorer;
  transitions: Float64Array;
}

const tagger = derived(nerModel, (model): Tagger => {
  // the weights stay the stored integers (all at the same scale, so the best path is the same): sums of
  // integers are exact in any order, so the cached path scores exactly as the trainer's string path does
  const features = Object.keys(model.weights);
  const rows = new Map<string, number>();
  const table = new Float64Array(features.length * TAG_COUNT);
  features.forEach((feature, i) => {
    rows.set(feature, i * TAG_COUNT);
    model.weights[feature].forEach((w, t) => {
      table[i * TAG_COUNT + t] = w;
    });
  });
  const lexicon: NerLexicon = { lower: new Set(model.lower), gazetteer: indexGazetteer(model.gazetteer) };
  return {
    scorer: new RowScorer(lexicon, rows, table),
    transitions: Float64Array.from(model.transitions),
  };
});

/**
 * Scores per token and tag from feature strings: the sum of the rows (offsets into `table`) of each token's
 * features. The trainer's path; the tagger gets the same sums from RowScorer.
 */
export function emissions(
  features: readonly string[][],
  rows: ReadonlyMap<string, number>,
  table: Float64Array,
): Float64Array {
  const T = TAG_COUNT;
  const emit = new Float64Array(features.length * T);
  for (let i = 0; i < features.length; i++) {
    const fs = features[i];
    const base = i * T;
    for (let k = 0; k < fs.length; k++) {
      const row = rows.get(fs[k]);
      if (row === undefined) continue;
      for (let t = 0; t < T; t++) emit[base + t] += table[row + t];
    }
  }
  return emit;
}

/** The BIO tag of each token of one sentence (tokens as CoNLL splits them: punctuation apart). */
export function tagTokens(tokens: readonly string[]): string[] {
  if (!tokens.length) return [];
  const { scorer, transitions } = tagger();
  const emit = scorer.emissions(tokens);
  return Array.from(viterbi(tokens.length, emit, transitions), (t) => NER_TAGS[t]);
}

/**
 * The BIO tags of each sentence of one document (an article's sentences in order, each tokenized as for
 * tagTokens). Better than tagTokens per sentence: a word's capitalisation elsewhere in the article and the
 * types given to it in other sentences are features (document.ts), which helps most in ALL-CAPS headlines.
 */
export function tagDocument(sentences: readonly (readonly string[])[]): string[][] {
  const { scorer, transitions } = tagger();
  return tagInDocument(sentences, (tokens, extra) =>
    viterbi(tokens.length, scorer.emissions(tokens, extra), transitions),
  ).map((tags) => Array.from(tags, (t) => NER_TAGS[t]));
}

/** The entities of one sentence, as token spans with their type. */
export function tagEntities(tokens: readonly string[]): EntitySpan[] {
  return bioSpans(tagTokens(tokens));
}
