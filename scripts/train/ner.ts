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
import { NER_TAGS } from '../../src/language/ner/bio.js';
import { TAG_COUNT as T, viterbi } from '../../src/language/ner/decode.js';
import { caseOf, NER_FEATURES, type NerLexicon, sentenceFeatures } from '../../src/language/ner/features.js';
import { type GazetteerLists, indexGazetteer } from '../../src/language/ner/gazetteer.js';
import { emissions } from '../../src/language/ner/tagger.js';
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
  epochs: Number(arg('--epochs') ?? 5),
  cutoff: Number(arg('--cutoff') ?? 1),
  seed: Number(arg('--seed') ?? 1),
  /** Rows whose largest weight is below this are dropped from the file. */
  prune: Number(arg('--prune') ?? 0.02),
  scale: 1000,
  lowerMin: 2,
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
}

function train(sentences: readonly Sentence[], gazetteer: GazetteerLists): Trained {
  const lower = lowerLexicon(sentences);
  const lexicon: NerLexicon = { lower: new Set(lower), gazetteer: indexGazetteer(gazetteer) };
  const counts = new Map<string, number>();
  for (const s of sentences)
    for (const fs of sentenceFeatures(s.tokens, lexicon))
      for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const features = [...counts].filter(([, n]) => n >= settings.cutoff).map(([f]) => f);
  const ids = new Map(features.map((f, i) => [f, i]));
  const instances = sentences.map((s) => {
    const fs = sentenceFeatures(s.tokens, lexicon);
    return {
      ids: fs.map((row) => Int32Array.from(row.map((f) => ids.get(f) ?? -1).filter((id) => id >= 0))),
      gold: Int32Array.from(s.tags, (t) => NER_TAGS.indexOf(t)),
    };
  });
  const w = new Float64Array(features.length * T);
  const u = new Float64Array(features.length * T);
  const tr = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let c = 1;
  const order = instances.map((_, i) => i);
  const rand = rng(settings.seed);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { ids: tokenIds, gold } = instances[k];
      const n = gold.length;
      const emit = new Float64Array(n * T);
      for (let i = 0; i < n; i++)
        for (const id of tokenIds[i]) for (let t = 0; t < T; t++) emit[i * T + t] += w[id * T + t];
      const pred = viterbi(n, emit, tr);
      for (let i = 0; i < n; i++) {
        const g = gold[i];
        const p = pred[i];
        if (g !== p)
          for (const id of tokenIds[i]) {
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
    }
  }
  const weights = w.map((x, i) => x - u[i] / c);
  const transitions = tr.map((x, i) => x - tu[i] / c);
  return { features, weights, transitions, lexicon, lower };
}

/** The weights as the file stores them: integers at `scale`, rows with only tiny weights left out. */
function stored(model: Trained): { weights: Record<string, number[]>; transitions: number[] } {
  const q = (x: number) => Math.round(x * settings.scale) || 0;
  const weights: Record<string, number[]> = {};
  model.features.forEach((f, i) => {
    const row = Array.from(model.weights.subarray(i * T, i * T + T));
    if (Math.max(...row.map(Math.abs)) < settings.prune) return;
    weights[f] = row.map(q);
  });
  return { weights, transitions: Array.from(model.transitions, q) };
}

function evaluate(
  tables: { weights: Record<string, number[]>; transitions: number[] },
  lexicon: NerLexicon,
  sentences: readonly Sentence[],
): Record<string, number> {
  const features = Object.keys(tables.weights);
  const rows = new Map(features.map((f, i) => [f, i * T]));
  // the stored integers, as the tagger adds them up (tagger.ts)
  const table = Float64Array.from(features.flatMap((f) => tables.weights[f]));
  const trans = Float64Array.from(tables.transitions);
  const predicted = sentences.map((s) => {
    const emit = emissions(sentenceFeatures(s.tokens, lexicon), rows, table);
    return Array.from(viterbi(s.tokens.length, emit, trans), (t) => NER_TAGS[t]);
  });
  return scoreEntities(
    sentences.map((s) => s.tags),
    predicted,
  ) as Record<string, number>;
}

const t0 = Date.now();
const sentences = readJsonl<Sentence>(data);
const gazetteer = buildGazetteer();
const results: Record<string, number> = {};
const round = (x: number) => Math.round(x * 10000) / 10000;
if (folds > 1) {
  const f1s: number[] = [];
  for (let k = 0; k < foldsRun; k++) {
    // contiguous folds: neighbouring sentences come from the same story, so a shuffled split would leak names
    const lo = Math.floor((k * sentences.length) / folds);
    const hi = Math.floor(((k + 1) * sentences.length) / folds);
    const model = train([...sentences.slice(0, lo), ...sentences.slice(hi)], gazetteer);
    const m = evaluate(stored(model), model.lexicon, sentences.slice(lo, hi));
    f1s.push(m.f1);
    console.log(`fold ${k + 1}/${folds}: F1 ${m.f1.toFixed(4)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  results.cv_folds = folds;
  results.cv_f1 = round(f1s.reduce((a, b) => a + b, 0) / f1s.length);
}
const model = train(sentences, gazetteer);
const tables = stored(model);
if (existsSync(devFile)) {
  const m = evaluate(tables, model.lexicon, readJsonl<Sentence>(devFile));
  for (const key of ['f1', 'p', 'r', 'f1_PER', 'f1_ORG', 'f1_LOC', 'f1_MISC'])
    results[`dev_${key}`] = round(m[key]);
}
results.sentences = sentences.length;
results.features = Object.keys(tables.weights).length;
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
    weights: tables.weights,
    lower: model.lower,
    gazetteer,
  },
);
console.log(`${path}: ${JSON.stringify(results)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
