/**
 * The learned "stands alone" check (issue 19 item 3): the probability that a summary sentence is not usable on
 * its own (data/gold/briefs.md: dangling reference, caption, quotation without its speaker, fragment,
 * furniture …), from a logistic regression over the sentence's form and its place in the article. The rules
 * of stand-alone.ts refuse what a word list can judge; this weighs what it cannot ("The incident was …", a
 * short caption in the present tense, a sentence late in its article opening on a bare common noun).
 * Weights and the veto threshold are models/stand-alone.json, written by scripts/train/stand-alone.ts from
 * the brief dev set's labels. Pure functions, plus the fit the trainer uses.
 */
import { derived, loadModel, type ModelFile } from '../models/load.js';
import { newtonLogistic } from '../models/newton.js';
import { notStandAlone, outsideQuotes } from './stand-alone.js';

/** The features, in row order (bump the version when their meaning changes). */
export const STAND_ALONE_FEATURES: readonly string[] = [
  'version 1',
  'points-back: the rules of stand-alone.ts refuse it (a pronoun or connective first, first person, a quotation without its speaker)',
  'the-common: opens on "The" and a lower-case word',
  'the-shell: that word or one of the next two is a noun that names what an earlier sentence told (incident, decision, list …)',
  'the-proper: opens on "The" and a capitalised word',
  'indefinite: opens on "A" or "An"',
  'demonstrative: opens on this/that/these/those',
  'preposition: opens on a preposition or a subordinating word',
  'name-first: opens on a capitalised word that is not a function word',
  'name-near: a capitalised word among the second to fourth words',
  'number-first: opens on a number',
  'quote-first: opens on a quotation mark',
  'quotation: holds a quotation mark',
  'reporting: a reporting verb outside the quotation marks',
  'pronoun-early: he/she/they/it/his/her/their/its among the first six words',
  'progressive: "is"/"are" and an -ing word among the first eight words',
  'past: a past-tense form (-ed, was, were, had, said)',
  'digit: holds a digit',
  'bracket: holds a bracket',
  'capitals-run: four capitalised words in a row',
  'short: under 12 words',
  'long: over 35 words',
  'lead: the first sentence of its article',
  'early: the second to fourth sentence of its article',
];

/** Nouns that name something an earlier sentence told: "the incident", "the decision", "the list". */
const SHELL_NOUNS = new Set(
  (
    'incident attack attacks decision deal case law move issue problem situation matter event proposal plan ' +
    'announcement report claims allegations allegation comments remarks statement letter list findings change ' +
    'ruling verdict crash accident shooting bill measure idea effort project controversy scandal episode men man ' +
    'woman women group leader building house litany extent parties suspect suspects victim victims couple boy ' +
    'girl child children pair order agreement accord announcement video footage photo picture book film movie ' +
    'sketch show game device program programme policy investigation probe trial hearing charges lawsuit suit ' +
    'fight battle war killing killings deaths death blast explosion fire storm outbreak virus disease strike ' +
    'protest protests vote election result results survey poll research paper letter meeting talks summit'
  ).split(' '),
);
const PREPOSITIONS = new Set(
  (
    'in on at after before by for with from as during since to of under over when while if although though ' +
    'despite because until once among amid against without within according like unlike'
  ).split(' '),
);
const FUNCTION_CAPS = new Set(
  'the a an this that these those in on at after before by for with from as during since when while if but and or so yet it he she they we i you there here'.split(
    ' ',
  ),
);

const bare = (w: string) => w.replace(/^["“‘'(]+|[,.;:!?"”’')]+$/g, '');

/** The feature row of a sentence (as a summary quotes it, without its dateline) at `index` in its article. */
export function standAloneRow(text: string, index: number): number[] {
  const words = text.split(/\s+/).filter(Boolean);
  const w = words.map(bare);
  const first = w[0] ?? '';
  const lower = first.toLowerCase();
  const b = (x: boolean) => (x ? 1 : 0);
  const theCommon = first === 'The' && /^\p{Ll}/u.test(w[1] ?? '');
  const head = w.slice(1, 4).map((x) => x.toLowerCase());
  const outside = outsideQuotes(text);
  const lead8 = w.slice(0, 8).join(' ');
  return [
    b(!!notStandAlone(text)),
    b(theCommon),
    b(theCommon && head.some((x) => SHELL_NOUNS.has(x))),
    b(first === 'The' && /^\p{Lu}/u.test(w[1] ?? '')),
    b(first === 'A' || first === 'An'),
    b(/^(?:this|that|these|those)$/.test(lower)),
    b(PREPOSITIONS.has(lower)),
    b(/^\p{Lu}/u.test(first) && !FUNCTION_CAPS.has(lower)),
    b(w.slice(1, 4).some((x) => /^\p{Lu}/u.test(x))),
    b(/^\p{N}/u.test(first)),
    b(/^["“‘']/.test(text)),
    b(/["“”]/.test(text)),
    b(
      /\b(?:said|says|say|told|tells|added|according to|stated|announced|reported|wrote|writes)\b/i.test(
        outside,
      ),
    ),
    b(w.slice(0, 6).some((x) => /^(?:he|she|they|it|his|her|their|its)$/i.test(x))),
    b(/\b(?:is|are)\s+\p{L}+ing\b/u.test(lead8)),
    b(/\b\p{L}+ed\b|\b(?:was|were|had|said)\b/u.test(text)),
    b(/\p{N}/u.test(text)),
    b(/[()[\]]/.test(text)),
    b(/(?:\p{Lu}\p{L}*\s+){3}\p{Lu}/u.test(text)),
    b(words.length < 12),
    b(words.length > 35),
    b(index === 0),
    b(index >= 1 && index <= 3),
  ];
}

export interface StandAloneWeights {
  /** Standardization of each feature (row order of STAND_ALONE_FEATURES). */
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
  /** A summary does not take a sentence whose probability of not standing alone reaches this. */
  threshold: number;
}

export interface StandAloneModel extends ModelFile, StandAloneWeights {}

/** The shipped model (read on first use). */
export const standAloneModel = derived(
  () =>
    loadModel<StandAloneModel>({
      name: 'stand-alone',
      features: STAND_ALONE_FEATURES,
      declaredIn: 'src/text/stand-alone-model.ts',
      retrain: 'npm run train:stand-alone',
    }),
  (m): StandAloneWeights => ({
    mean: m.mean,
    sd: m.sd,
    weights: m.weights,
    bias: m.bias,
    threshold: m.threshold,
  }),
);

/** Probability that the sentence of `row` is not usable on its own. */
export function notUsableProbability(model: StandAloneWeights, row: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++)
    z += (model.weights[j] * (row[j] - model.mean[j])) / model.sd[j];
  return 1 / (1 + Math.exp(-z));
}

/** Whether the shipped model vetoes a sentence (its text as a summary quotes it, its index in the article). */
export const vetoed = (text: string, index: number): boolean => {
  const model = standAloneModel();
  return notUsableProbability(model, standAloneRow(text, index)) >= model.threshold;
};

/**
 * L2-regularized logistic regression by Newton's method (deterministic): features standardized, the bias
 * not regularized. Labels: 1 = not usable.
 */
export function fitStandAlone(rows: readonly number[][], labels: readonly number[], l2: number) {
  const d = rows[0].length;
  const n = rows.length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j] += r[j] / n;
  for (const r of rows) for (let j = 0; j < d; j++) sd[j] += (r[j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) > 1e-9 ? Math.sqrt(sd[j]) : 1;
  const x = rows.map((r) => [...r.map((v, j) => (v - mean[j]) / sd[j]), 1]);
  const w = newtonLogistic(x, labels, l2, { maxIterations: 60, tolerance: 1e-10 });
  return { mean, sd, weights: w.slice(0, d), bias: w[d] };
}
