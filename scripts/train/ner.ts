/**
 * Trains the named-entity tagger (src/language/ner/) into models/ner.json: an averaged perceptron over the
 * observation features of features.ts and first-order tag transitions, decoded with Viterbi, on CoNLL-2003
 * train. Deterministic: the sentence order of each epoch comes from a seeded generator.
 *   npm run train:ner [-- --data FILE] [--dev FILE] [--epochs N] [--cutoff N] [--cv K] [--out DIR]
 * --cv K also trains K models on K-1 folds of the training data and reports the mean F1 on the held-out fold
 * (settings were chosen on these figures, the dev split only reported).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from '../../src/eval/data.js';
import { scoreEntities } from '../../src/eval/ner.js';
import { bioSpans, NER_TAGS } from '../../src/language/ner/bio.js';
import { TAG_COUNT as T, viterbi } from '../../src/language/ner/decode.js';
import { HISTORY_TYPES, splitDocuments, tagInDocument } from '../../src/language/ner/document.js';
import { caseOf, NER_FEATURES, type NerLexicon, sentenceFeatures } from '../../src/language/ner/features.js';
import { type GazetteerLists, indexGazetteer } from '../../src/language/ner/gazetteer.js';
import { emissions, encodeNerTables } from '../../src/language/ner/tagger.js';
import { rng } from '../../src/text/random.js';
import { trainerArgs, writeModel } from './model-file.js';
import { buildGazetteer, gazetteerSources } from './ner-gazetteer.js';

interface Sentence {
  tokens: string[];
  tags: string[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NER_DATA = resolve(ROOT, '../shared/data/ner/');
const { arg, out } = trainerArgs();
const data = resolve(arg('--data') ?? `${NER_DATA}/conll2003-train.jsonl`);
const devFile = resolve(arg('--dev') ?? `${NER_DATA}/conll2003-dev.jsonl`);
const settings = {
  epochs: Number(arg('--epochs') ?? 3),
  cutoff: Number(arg('--cutoff') ?? 1),
  seed: Number(arg('--seed') ?? 1),
  /** Rows whose largest weight is below this are dropped from the file. */
  prune: Number(arg('--prune') ?? 0.02),
  scale: 1000,
  lowerMin: 2,
  /** Parts of the training data the seen-TYPE name lists are built across (0: no such lists). */
  seenFolds: Number(arg('--seen-folds') ?? 5),
  seenO: !process.argv.includes('--no-seen-o'),
  /** Document features (document.ts); --no-document trains without them (for comparison). */
  document: !process.argv.includes('--no-document'),
  /** Also train on every document sentence by sentence, without the document features. */
  alone: !process.argv.includes('--no-alone'),
};
const folds = Number(arg('--cv') ?? 0);
/** Run only the first N folds (quick checks while tuning). */
const foldsRun = Number(arg('--cv-run') ?? folds);

/** Words seen lower-case (outside all-caps lines) at least lowerMin times. */
function lowerLexicon(sentences: readonly Sentence[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const t of s.tokens) if (caseOf(t) === 'lower') counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= settings.lowerMin)
    .map(([w]) => w)
    .sort();
}

interface Trained {
  features: string[];
  /** Averaged weights, features.length × T. */
  weights: Float64Array;
  transitions: Float64Array;
  lexicon: NerLexicon;
  lower: string[];
  /** The gazetteer lists with the names seen in training. */
  lists: GazetteerLists;
}

/** The names tagged in the documents, lower-cased, as the lists seen-TYPE (the type given them). */
function seenLists(documents: readonly Sentence[][]): Record<string, string[]> {
  if (!settings.seenFolds) return {};
  const lists: Record<string, Set<string>> = {};
  for (const doc of documents)
    for (const s of doc) {
      for (const span of bioSpans(s.tags)) {
        const name = s.tokens.slice(span.start, span.end).join(' ').toLowerCase();
        (lists[`seen-${span.type}`] ??= new Set()).add(name);
      }
      if (settings.seenO)
        s.tokens.forEach((t, i) => {
          if (i && s.tags[i] === 'O' && caseOf(t) === 'init')
            (lists['seen-O'] ??= new Set()).add(t.toLowerCase());
        });
    }
  return Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, [...v].sort()]));
}

function train(documents: readonly Sentence[][], gazetteer: GazetteerLists): Trained {
  const sentences = documents.flat();
  const lower = lowerLexicon(sentences);
  const lowerSet = new Set(lower);
  const lists = { ...gazetteer, ...seenLists(documents) };
  const lexicon: NerLexicon = { lower: lowerSet, gazetteer: indexGazetteer(lists) };
  // the training sentences see the names of the training data only as another part of it saw them: each
  // of `seenFolds` contiguous parts gets the lists of the names in the others (no name vouches for itself)
  const inner = Math.max(1, settings.seenFolds);
  const foldOf = (k: number) => Math.min(inner - 1, Math.floor((k * inner) / documents.length));
  const foldLexicons = Array.from(
    { length: inner },
    (_, j): NerLexicon => ({
      lower: lowerSet,
      gazetteer: indexGazetteer({
        ...gazetteer,
        ...seenLists(documents.filter((_, k) => foldOf(k) !== j)),
      }),
    }),
  );
  const counts = new Map<string, number>();
  const count = (fs: readonly string[][]) => {
    for (const row of fs) for (const f of row) counts.set(f, (counts.get(f) ?? 0) + 1);
  };
  // the document features as the gold tags would make them (the set of strings the training can meet)
  documents.forEach((doc, d) => {
    tagInDocument(
      doc.map((s) => s.tokens),
      (tokens, extra, k) => {
        count(sentenceFeatures(tokens, foldLexicons[foldOf(d)], extra));
        return Int32Array.from(doc[k].tags, (t) => NER_TAGS.indexOf(t));
      },
      settings.document,
    );
  });
  if (settings.document)
    for (const type of HISTORY_TYPES)
      for (const f of [
        `h=${type}`,
        `hm=${type}`,
        ...['init', 'caps', 'mixed', 'hl', '0', 'r'].map((cs) => `hm=${type}&${cs}`),
      ])
        counts.set(f, Math.max(counts.get(f) ?? 0, settings.cutoff));
  const features = [...counts].filter(([, n]) => n >= settings.cutoff).map(([f]) => f);
  const ids = new Map(features.map((f, i) => [f, i]));
  const toIds = (fs: readonly string[][]) =>
    fs.map((row) => Int32Array.from(row.map((f) => ids.get(f) ?? -1).filter((id) => id >= 0)));
  const instances = documents.map((doc, d) =>
    doc.map((s) => ({
      ids: toIds(sentenceFeatures(s.tokens, foldLexicons[foldOf(d)])),
      gold: Int32Array.from(s.tags, (t) => NER_TAGS.indexOf(t)),
    })),
  );
  const w = new Float64Array(features.length * T);
  const u = new Float64Array(features.length * T);
  const tr = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let c = 1;
  // each document twice when the document features are on: once in context, once sentence by sentence (as
  // tagTokens sees it), so the local features keep their strength for callers without the document
  const passes = settings.document && settings.alone ? 2 : 1;
  const order = Array.from({ length: instances.length * passes }, (_, i) => i);
  const rand = rng(settings.seed);
  const step = (tokenIds: Int32Array[], extraIds: Int32Array[], gold: Int32Array): Int32Array => {
    const n = gold.length;
    const emit = new Float64Array(n * T);
    for (let i = 0; i < n; i++) {
      for (const id of tokenIds[i]) for (let t = 0; t < T; t++) emit[i * T + t] += w[id * T + t];
      for (const id of extraIds[i]) for (let t = 0; t < T; t++) emit[i * T + t] += w[id * T + t];
    }
    const pred = viterbi(n, emit, tr);
    for (let i = 0; i < n; i++) {
      const g = gold[i];
      const p = pred[i];
      if (g !== p)
        for (const list of [tokenIds[i], extraIds[i]])
          for (const id of list) {
            w[id * T + g] += 1;
            u[id * T + g] += c;
            w[id * T + p] -= 1;
            u[id * T + p] -= c;
          }
      const gp = i ? gold[i - 1] : T;
      const pp = i ? pred[i - 1] : T;
      if (gp !== pp || g !== p) {
        tr[gp * T + g] += 1;
        tu[gp * T + g] += c;
        tr[pp * T + p] -= 1;
        tu[pp * T + p] -= c;
      }
    }
    c++;
    return pred;
  };
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const o of order) {
      const k = o % instances.length;
      tagInDocument(
        documents[k].map((s) => s.tokens),
        (_tokens, extra, s) => step(instances[k][s].ids, toIds(extra), instances[k][s].gold),
        settings.document && o < instances.length,
      );
    }
  }
  const weights = w.map((x, i) => x - u[i] / c);
  const transitions = tr.map((x, i) => x - tu[i] / c);
  return { features, weights, transitions, lexicon, lower, lists };
}

interface Stored {
  /** The features kept, in code-point order. */
  features: string[];
  /** Their rows of integer weights. */
  weights: number[][];
  transitions: number[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The weights as the file stores them: integers at `scale`, rows with only tiny weights left out. */
function stored(model: Trained): Stored {
  const q = (x: number) => Math.round(x * settings.scale) || 0;
  const kept = new Map<string, number[]>();
  model.features.forEach((f, i) => {
    const row = Array.from(model.weights.subarray(i * T, i * T + T));
    if (Math.max(...row.map(Math.abs)) < settings.prune) return;
    kept.set(f, row.map(q));
  });
  const features = [...kept.keys()].sort(byCodePoint);
  return {
    features,
    weights: features.map((f) => kept.get(f)!),
    transitions: Array.from(model.transitions, q),
  };
}

function evaluate(
  tables: Stored,
  lexicon: NerLexicon,
  documents: readonly Sentence[][],
  useDocument = settings.document,
): Record<string, number> {
  const rows = new Map(tables.features.map((f, i) => [f, i * T]));
  // the stored integers, as the tagger adds them up (tagger.ts)
  const table = Float64Array.from(tables.weights.flat());
  const trans = Float64Array.from(tables.transitions);
  const predicted = documents.flatMap((doc) =>
    tagInDocument(
      doc.map((s) => s.tokens),
      (tokens, extra) =>
        viterbi(tokens.length, emissions(sentenceFeatures(tokens, lexicon, extra), rows, table), trans),
      useDocument,
    ).map((tags) => Array.from(tags, (t) => NER_TAGS[t])),
  );
  return scoreEntities(
    documents.flat().map((s) => s.tags),
    predicted,
  ) as Record<string, number>;
}

const t0 = Date.now();
const sentences = readJsonl<Sentence>(data);
const documents = splitDocuments(sentences, (s) => s.tokens);
const gazetteer = buildGazetteer();
const results: Record<string, number> = {};
const round = (x: number) => Math.round(x * 10000) / 10000;
if (folds > 1) {
  const f1s: Record<string, number[]> = {};
  for (let k = 0; k < foldsRun; k++) {
    // contiguous folds: neighbouring sentences come from the same story, so a shuffled split would leak names
    const lo = Math.floor((k * documents.length) / folds);
    const hi = Math.floor(((k + 1) * documents.length) / folds);
    const model = train([...documents.slice(0, lo), ...documents.slice(hi)], gazetteer);
    const m = evaluate(stored(model), model.lexicon, documents.slice(lo, hi));
    for (const key of ['f1', 'f1_PER', 'f1_ORG', 'f1_LOC', 'f1_MISC']) (f1s[key] ??= []).push(m[key]);
    console.log(`fold ${k + 1}/${folds}: F1 ${m.f1.toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  results.cv_folds = folds;
  for (const [key, values] of Object.entries(f1s))
    results[`cv_${key}`] = round(values.reduce((a, b) => a + b, 0) / values.length);
}
const model = train(documents, gazetteer);
const tables = stored(model);
if (existsSync(devFile)) {
  const dev = splitDocuments(readJsonl<Sentence>(devFile), (s) => s.tokens);
  const m = evaluate(tables, model.lexicon, dev);
  for (const key of ['f1', 'p', 'r', 'f1_PER', 'f1_ORG', 'f1_LOC', 'f1_MISC'])
    results[`dev_${key}`] = round(m[key]);
  // sentence by sentence, as tagTokens tags them
  if (settings.document) results.dev_sentences_f1 = round(evaluate(tables, model.lexicon, dev, false).f1);
}
results.sentences = sentences.length;
results.documents = documents.length;
results.features = tables.features.length;
const path = writeModel(
  out,
  data,
  {
    name: 'ner',
    about:
      'Named-entity tagger (PER ORG LOC MISC, BIO tags): averaged perceptron weights per feature and tag, ' +
      'tag transitions, the lexicon of lower-case words and the gazetteer lists it reads.',
    trainer: 'scripts/train/ner.ts',
    features: NER_FEATURES,
    settings: {
      ...settings,
      ...Object.fromEntries(Object.entries(gazetteerSources()).map(([k, v]) => [`gazetteer ${k}`, v])),
    },
    results,
  },
  {
    scale: settings.scale,
    transitions: tables.transitions,
    lower: model.lower,
    ...encodeNerTables(tables.features, tables.weights, model.lists),
  },
  // read at the start of every brief: ASCII parses fastest (tagger.ts)
  { ascii: true },
);
console.log(`${path}: ${JSON.stringify(results)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
