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

/**
 * models/ner.json as stored. The large tables are kept in few JSON strings with separators JSON need not
 * escape, since parsing an object of 65,000 keys and arrays of 170,000 strings was most of the tagger's
 * start-up: the features, the weights and each gazetteer list are one string each (encodeNerTables writes
 * them). The file is ASCII (other characters escaped), which Node reads and parses fastest.
 */
export interface NerFile extends ModelFile {
  /** Weights are stored as integers: the real weight times `scale`. */
  scale: number;
  /** Tag-to-tag weights, row prev (NER_TAGS order, then the sentence start), column tag. */
  transitions: number[];
  /** The features that have weights, in code-point order, separated by spaces (no feature holds one). */
  features: string;
  /** Their weights, a row per feature in the order of `features`, rows separated by commas: one integer per tag (NER_TAGS order), separated by spaces. */
  weights: string;
  /** Words seen lower-case in training. */
  lower: string[];
  /** Lists of names (as GazetteerLists), each sorted, its names separated by "|". */
  gazetteer: Record<string, string>;
}

/** The separators of NerFile's strings. */
const FEATURE_SEP = ' ';
const ROW_SEP = ',';
const NAME_SEP = '|';

/** The model as the code reads it (nerModel): the tables of NerFile decoded. */
export interface NerModel extends ModelFile {
  scale: number;
  transitions: number[];
  /** The features that have weights. */
  features: string[];
  /** Feature i's weight for tag t at i * TAG_COUNT + t, the stored integers. */
  weights: Float64Array;
  lower: string[];
  gazetteer: GazetteerLists;
}

const RETRAIN = 'npm run train:ner';

const nerFile = (): NerFile =>
  loadModel<NerFile>({
    name: 'ner',
    features: NER_FEATURES,
    declaredIn: 'NER_FEATURES in src/language/ner/features.ts',
    retrain: RETRAIN,
  });

/** The values joined by `sep`; none may hold it or be empty (the pieces are the entries). */
function joined(values: readonly string[], sep: string, what: string): string {
  for (const v of values)
    if (!v || v.includes(sep))
      throw new Error(`${what}: ${JSON.stringify(v)} cannot be stored between "${sep}"`);
  return values.join(sep);
}

/** The tables of NerFile from the trainer's: features with their rows of integer weights, the name lists. */
export function encodeNerTables(
  features: readonly string[],
  weights: readonly (readonly number[])[],
  gazetteer: GazetteerLists,
): Pick<NerFile, 'features' | 'weights' | 'gazetteer'> {
  if (weights.length !== features.length) throw new Error('one row of weights per feature');
  for (const row of weights)
    if (row.length !== TAG_COUNT || !row.every(Number.isSafeInteger))
      throw new Error(`a row of weights is ${TAG_COUNT} integers, not ${JSON.stringify(row)}`);
  const lists: Record<string, string> = {};
  for (const [name, names] of Object.entries(gazetteer)) {
    for (let i = 1; i < names.length; i++)
      if (names[i - 1] >= names[i]) throw new Error(`gazetteer list ${name} is not sorted and distinct`);
    lists[name] = joined(names, NAME_SEP, `gazetteer list ${name}`);
  }
  return {
    features: joined(features, FEATURE_SEP, 'feature'),
    weights: weights.map((row) => row.join(' ')).join(ROW_SEP),
    gazetteer: lists,
  };
}

const ROW_END = ROW_SEP.charCodeAt(0);

/** The weights string of NerFile as a table of `rows` × TAG_COUNT numbers; throws on anything else. */
function decodeWeights(text: string, rows: number): Float64Array {
  const table = new Float64Array(rows * TAG_COUNT);
  if (!text && !rows) return table;
  const bad = (why: string) => new Error(`models/ner.json: weights ${why}: retrain with ${RETRAIN}`);
  let k = 0;
  let value = 0;
  let digits = 0;
  let negative = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : ROW_END;
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits++;
    } else if (c === 45 && !digits && !negative) negative = true;
    else if (c === 32 || c === ROW_END) {
      if (!digits || k >= table.length) throw bad(`malformed near offset ${i}`);
      table[k++] = negative ? -value : value;
      // a row ends after TAG_COUNT numbers, exactly at a comma (or the end)
      if ((c === ROW_END) !== (k % TAG_COUNT === 0))
        throw bad(`row ${Math.floor(k / TAG_COUNT)} is not ${TAG_COUNT} numbers`);
      value = 0;
      digits = 0;
      negative = false;
    } else throw bad(`hold ${JSON.stringify(text[i])} at offset ${i}`);
  }
  if (k !== table.length) throw bad(`hold ${k / TAG_COUNT} rows for ${rows} features`);
  return table;
}

/** The tables of a model file as the tagger reads them; throws when they are not what encodeNerTables writes. */
export function decodeNerFile(file: NerFile): NerModel {
  if (typeof file.features !== 'string' || typeof file.weights !== 'string')
    throw new Error(`models/ner.json has the tables of an older tagger: retrain with ${RETRAIN}`);
  const features = file.features ? file.features.split(FEATURE_SEP) : [];
  const gazetteer: Record<string, string[]> = {};
  for (const [name, text] of Object.entries(file.gazetteer))
    gazetteer[name] = text ? text.split(NAME_SEP) : [];
  return {
    header: file.header,
    scale: file.scale,
    transitions: file.transitions,
    features,
    weights: decodeWeights(file.weights, features.length),
    lower: file.lower,
    gazetteer,
  };
}

const decoded = derived(nerFile, decodeNerFile);

/** The model, read and decoded on first use. */
export const nerModel = (): NerModel => decoded();

interface Tagger {
  scorer: RowScorer;
  transitions: Float64Array;
}

/** Each feature with the offset of its row in the weight table. */
function* featureRows(features: readonly string[]): Generator<[string, number]> {
  for (let i = 0; i < features.length; i++) yield [features[i], i * TAG_COUNT];
}

const tagger = derived(nerModel, (model): Tagger => {
  // the weights stay the stored integers (all at the same scale, so the best path is the same): sums of
  // integers are exact in any order, so the cached path scores exactly as the trainer's string path does
  const lexicon: NerLexicon = { lower: new Set(model.lower), gazetteer: indexGazetteer(model.gazetteer) };
  return {
    scorer: new RowScorer(lexicon, featureRows(model.features), model.weights),
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
  return tagNames(viterbi(tokens.length, emit, transitions));
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
  ).map(tagNames);
}

/** The tags of tag indices (NER_TAGS order). */
function tagNames(tags: ArrayLike<number>): string[] {
  const out: string[] = new Array(tags.length);
  for (let i = 0; i < tags.length; i++) out[i] = NER_TAGS[tags[i]];
  return out;
}

/** The entities of one sentence, as token spans with their type. */
export function tagEntities(tokens: readonly string[]): EntitySpan[] {
  return bioSpans(tagTokens(tokens));
}
