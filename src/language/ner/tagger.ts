/**
 * The named-entity tagger: PER, ORG, LOC and MISC over tokens, as BIO tags, with the averaged-perceptron
 * model models/ner.json (scripts/train/ner.ts). Pure functions; the model is read on first use.
 */
import { derived, loadModel, type ModelFile } from '../../models/load.js';
import { bioSpans, type EntitySpan, NER_TAGS } from './bio.js';
import { TAG_COUNT, viterbi } from './decode.js';
import { NER_FEATURES, type NerLexicon, sentenceFeatures } from './features.js';
import { type GazetteerLists, indexGazetteer } from './gazetteer.js';

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
  lexicon: NerLexicon;
  weights: Map<string, Float64Array>;
  transitions: Float64Array;
}

const tagger = derived(nerModel, (model): Tagger => {
  const weights = new Map<string, Float64Array>();
  for (const [feature, row] of Object.entries(model.weights))
    weights.set(
      feature,
      Float64Array.from(row, (w) => w / model.scale),
    );
  return {
    lexicon: { lower: new Set(model.lower), gazetteer: indexGazetteer(model.gazetteer) },
    weights,
    transitions: Float64Array.from(model.transitions, (w) => w / model.scale),
  };
});

/** Scores per token and tag from the observation features and a weight lookup. */
export function emissions(
  features: readonly string[][],
  weight: (feature: string) => ArrayLike<number> | undefined,
): Float64Array {
  const emit = new Float64Array(features.length * TAG_COUNT);
  features.forEach((fs, i) => {
    const base = i * TAG_COUNT;
    for (const f of fs) {
      const row = weight(f);
      if (row) for (let t = 0; t < TAG_COUNT; t++) emit[base + t] += row[t];
    }
  });
  return emit;
}

/** The BIO tag of each token of one sentence (tokens as CoNLL splits them: punctuation apart). */
export function tagTokens(tokens: readonly string[]): string[] {
  if (!tokens.length) return [];
  const { lexicon, weights, transitions } = tagger();
  const emit = emissions(sentenceFeatures(tokens, lexicon), (f) => weights.get(f));
  return Array.from(viterbi(tokens.length, emit, transitions), (t) => NER_TAGS[t]);
}

/** The entities of one sentence, as token spans with their type. */
export function tagEntities(tokens: readonly string[]): EntitySpan[] {
  return bioSpans(tagTokens(tokens));
}
