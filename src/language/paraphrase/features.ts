/**
 * The features of the "same fact" model: what one sentence is made of (computed once per sentence and
 * cached by the caller), and the numbers that compare two of them. Pure functions; the only tables are the
 * term weights passed in (IDF learned from the training sentences) and WordNet's synsets (wordnet.ts).
 * A change to what a feature means must change PARAPHRASE_FEATURES (the model's feature-set hash).
 */
import { MONTHS_LOWER, NEGATION_WORDS, readNumberWords, WEEKDAYS_LOWER } from '../lexicon.js';
import { isStopword, stem, tokens } from '../tokens.js';
import { shareSynset, synsets } from './wordnet.js';

/** The feature set, hashed into the model's header (src/models/load.ts). One line per group. */
export const PARAPHRASE_FEATURES: readonly string[] = [
  'paraphrase 5',
  'tokens: tokens() of src/language/tokens.ts, lower-cased, Porter stems; numbers without commas, number words (readNumberWords of the lexicon, not a lone a/an) as digits',
  'overlap: IDF-weighted content-stem overlap, min and max of both directions, harmonic mean; tf-idf cosine',
  'synonyms: the same with WordNet synonyms (shared synset, first 3 senses, morphy lemmas) aligned, min and harmonic mean',
  'unmatched: log1p of the IDF mass left unaligned in each sentence, min and max',
  'ngrams: stem n-gram (n=1..4, all tokens) harmonic-mean precision, their geometric mean (BLEU-like)',
  'lcs: longest common stem subsequence over the shorter and the longer length',
  'chars: Dice of character 3-grams and 4-grams of the lower-cased text',
  'numbers: both have numbers; Jaccard of the number sets; numbers of one missing in the other; all agree; a number swapped (each side has one the other lacks), alone and times lcs_long',
  'names: capitalised non-initial tokens: Jaccard; names of one missing in the other (min, max)',
  'polarity: negation parity differs; modal sets differ; month/weekday sets differ when both have one; negation times lcs_long',
  'length: |la-lb|/max, min/max, log of the summed lengths',
  'unaligned: log1p of the count of content stems left unaligned (min, max), none left in one; the largest weight left unaligned (min, max)',
  'spans: common stem prefix and suffix over the longer length; longest common stem run over the longer and the shorter length',
  'content-ngrams: content-stem n-grams (n=1..3, stopwords skipped), precision of each side, min and max',
  'order: Kendall tau of the positions of the exactly shared content stems',
  'model: standardised features (mean, sd from training), logistic regression, bias last',
];

/** Term weights: IDF of a stem (the model's table, or a fold's while cross-validating). */
export type Weigh = (stemmed: string) => number;

export interface SentenceFeatures {
  /** Hashes of the stems of all tokens (numbers normalised), in order. */
  stems: Uint32Array;
  /** Hashes of the stem n-grams, n = 1..4: sorted, distinct. */
  grams: Uint32Array[];
  /** Hashes of the content-stem n-grams (stopwords skipped), n = 1..3: sorted, distinct. */
  contentGrams: Uint32Array[];
  /** Distinct content stems, their weights and synsets. */
  content: string[];
  weights: number[];
  syn: (readonly number[] | undefined)[];
  /** Sum and Euclidean norm of the weights. */
  mass: number;
  norm: number;
  /** Hashes of the character 3-grams and 4-grams: sorted, distinct. */
  chars3: Uint32Array;
  chars4: Uint32Array;
  names: Set<string>;
  numbers: Set<string>;
  negations: number;
  /** Bit masks of the modal verbs and of the month and weekday names present. */
  modals: number;
  dates: number;
}

const MODALS = ['may', 'might', 'could', 'would', 'should', 'can', 'must', 'will'];
/**
 * Month and weekday names a sentence's date is read from (an index into this list): the lexicon's, less the
 * month "may", which is far more often the modal; weekdays from Monday, as the model was trained.
 */
const DATE_WORDS: readonly string[] = [
  ...MONTHS_LOWER.filter((m) => m !== 'may'),
  ...WEEKDAYS_LOWER.slice(1),
  WEEKDAYS_LOWER[0],
];

// Sets are compared as sorted arrays of 32-bit hashes (a merge instead of string lookups: the pair
// features must be cheap, they run for every pair of sentences a brief compares). With a few hundred
// members per sentence, a collision is a one-in-ten-million event.

/** FNV-1a hash of a string. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Hash of a sequence of hashes. */
function hashRun(values: ArrayLike<number>, from: number, n: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + n; i++) h = Math.imul(h ^ values[i], 0x01000193) ^ (h >>> 15);
  return h >>> 0;
}

function sortedDistinct(values: number[]): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
  return sorted.slice(0, n);
}

function charGrams(text: string, n: number): Uint32Array {
  const codes = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  const out: number[] = [];
  for (let i = 0; i + n <= codes.length; i++) out.push(hashRun(codes, i, n));
  return sortedDistinct(out);
}

/** What one sentence is made of, with the term weights `weigh`. */
export function analyseSentence(text: string, weigh: Weigh): SentenceFeatures {
  return reweigh(analyseText(text), weigh);
}

/** The same sentence with other term weights (a fold's IDF): the text is not analysed again. */
export function reweigh(base: SentenceFeatures, weigh: Weigh): SentenceFeatures {
  const weights = base.content.map(weigh);
  return {
    ...base,
    weights,
    mass: weights.reduce((a, b) => a + b, 0),
    norm: Math.sqrt(weights.reduce((a, b) => a + b * b, 0)),
  };
}

/** Number words read as digits from token i ("twenty-one", "two hundred"; not a lone "a"): value, next index. */
function numberAt(lower: readonly string[], i: number): { value: string; next: number } | undefined {
  if (!/^[a-z]/.test(lower[i]) || lower[i] === 'and') return undefined;
  const read = readNumberWords((k) => lower[k], i);
  if (!read || (read.next === i + 1 && (lower[i] === 'a' || lower[i] === 'an'))) return undefined;
  // "a hundred": the article is part of the number.
  return { value: String(read.value), next: read.next };
}

/** The weight-free part of a sentence's features (weights left empty: see reweigh). */
export function analyseText(text: string): SentenceFeatures {
  const raw = tokens(text);
  const lowers = raw.map((t) => t.toLowerCase());
  const stemmed: string[] = [];
  const content: string[] = [];
  const contentRun: string[] = [];
  const syn: (readonly number[] | undefined)[] = [];
  const names = new Set<string>();
  const numbers = new Set<string>();
  let negations = 0;
  let modals = 0;
  let dates = 0;
  let wordsUntil = -1;
  let wordsValue = '';
  for (const [i, token] of raw.entries()) {
    let lower = lowers[i];
    if (/n['’]t$/.test(lower)) negations++;
    if (/['’]/.test(lower)) lower = lower.replace(/['’]s?$/, '').replace(/n['’]t$/, '');
    if (i >= wordsUntil) {
      const read = numberAt(lowers, i);
      if (read) [wordsUntil, wordsValue] = [read.next, read.value];
    }
    const numeric = /^\d[\d,.]*$/.test(lower)
      ? lower.replace(/,/g, '').replace(/\.$/, '')
      : i < wordsUntil
        ? wordsValue
        : undefined;
    const s = numeric ?? stem(lower);
    stemmed.push(s);
    if (numeric) numbers.add(numeric);
    if (NEGATION_WORDS.has(lower)) negations++;
    const m = MODALS.indexOf(lower);
    if (m >= 0) modals |= 1 << m;
    const d = DATE_WORDS.indexOf(lower);
    if (d >= 0) dates |= 1 << d;
    if (i > 0 && /^\p{Lu}/u.test(token) && !isStopword(lower)) names.add(s);
    if (numeric || (lower.length > 1 && !isStopword(lower))) {
      contentRun.push(s);
      if (!content.includes(s)) {
        content.push(s);
        syn.push(numeric ? undefined : synsets(lower));
      }
    }
  }
  const stems = Uint32Array.from(stemmed, hashString);
  const grams: Uint32Array[] = [];
  for (let n = 1; n <= 4; n++) {
    const runs: number[] = [];
    for (let i = 0; i + n <= stems.length; i++) runs.push(hashRun(stems, i, n));
    grams.push(sortedDistinct(runs));
  }
  const contentHashes = Uint32Array.from(contentRun, hashString);
  const contentGrams: Uint32Array[] = [];
  for (let n = 1; n <= 3; n++) {
    const runs: number[] = [];
    for (let i = 0; i + n <= contentHashes.length; i++) runs.push(hashRun(contentHashes, i, n));
    contentGrams.push(sortedDistinct(runs));
  }
  const flat = ` ${text.toLowerCase().replace(/\s+/g, ' ').trim()} `;
  return {
    stems,
    grams,
    contentGrams,
    content,
    weights: [],
    syn,
    mass: 0,
    norm: 0,
    chars3: charGrams(flat, 3),
    chars4: charGrams(flat, 4),
    names,
    numbers,
    negations,
    modals,
    dates,
  };
}

const harmonic = (x: number, y: number) => (x + y > 0 ? (2 * x * y) / (x + y) : 0);

function overlapCount<T>(a: Set<T>, b: Set<T>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (big.has(x)) n++;
  return n;
}

/** Members common to two sorted distinct arrays. */
function common(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

const dice = (a: Uint32Array, b: Uint32Array) =>
  a.length + b.length ? (2 * common(a, b)) / (a.length + b.length) : 0;

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  const both = overlapCount(a, b);
  const union = a.size + b.size - both;
  return union ? both / union : 1;
}

/** Longest common subsequence and longest common run (contiguous) of two sequences. */
function lcs(a: Uint32Array, b: Uint32Array): { sequence: number; run: number } {
  const row = new Array<number>(b.length + 1).fill(0);
  const runs = new Array<number>(b.length + 1).fill(0);
  let run = 0;
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    let diagRun = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      const upRun = runs[j];
      if (a[i - 1] === b[j - 1]) {
        row[j] = diag + 1;
        runs[j] = diagRun + 1;
        if (runs[j] > run) run = runs[j];
      } else {
        row[j] = Math.max(up, row[j - 1]);
        runs[j] = 0;
      }
      diag = up;
      diagRun = upRun;
    }
  }
  return { sequence: row[b.length], run };
}

/** Length of the common prefix of two sequences (from the end with `fromEnd`). */
function commonEnd(a: Uint32Array, b: Uint32Array, fromEnd: boolean): number {
  let n = 0;
  const m = Math.min(a.length, b.length);
  while (n < m && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
  return n;
}

/** Which content stems of `a` find the same stem, or a WordNet synonym, in `b`. */
interface Alignment {
  /** Weight of the content stems of `a` found in `b` exactly, and exactly or as a synonym; their dot product. */
  exact: number;
  syn: number;
  dot: number;
  /** How many content stems of `a` found nothing, and the largest weight among them. */
  left: number;
  leftTop: number;
  /** The index in b.content of each exactly shared content stem of `a`, in a's order. */
  positions: number[];
}

function aligned(a: SentenceFeatures, b: SentenceFeatures): Alignment {
  let exact = 0;
  let syn = 0;
  let dot = 0;
  let left = 0;
  let leftTop = 0;
  const positions: number[] = [];
  for (const [i, s] of a.content.entries()) {
    const k = b.content.indexOf(s);
    if (k >= 0) {
      exact += a.weights[i];
      syn += a.weights[i];
      dot += a.weights[i] * b.weights[k];
      positions.push(k);
      continue;
    }
    const mine = a.syn[i];
    let found = false;
    if (mine)
      for (const theirs of b.syn)
        if (theirs && shareSynset(mine, theirs)) {
          found = true;
          break;
        }
    if (found) syn += a.weights[i];
    else {
      left++;
      if (a.weights[i] > leftTop) leftTop = a.weights[i];
    }
  }
  return { exact, syn, dot, left, leftTop, positions };
}

/** Kendall's tau of a sequence against its sorted order (1 when in order, 0 when too short). */
function kendall(positions: readonly number[]): number {
  let concordant = 0;
  let discordant = 0;
  for (let i = 0; i < positions.length; i++)
    for (let j = i + 1; j < positions.length; j++)
      if (positions[j] > positions[i]) concordant++;
      else discordant++;
  return concordant + discordant ? (concordant - discordant) / (concordant + discordant) : 0;
}

/** Missing members of `a` in `b`. */
function missing<T>(a: Set<T>, b: Set<T>): number {
  let n = 0;
  for (const x of a) if (!b.has(x)) n++;
  return n;
}

/** Number of bits set. */
function bits(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

/** The names of the pair features, in the order pairFeatures gives them, each with its group. */
export const PAIR_FEATURES: readonly (readonly [string, string])[] = [
  ['overlap', 'idf_min'],
  ['overlap', 'idf_max'],
  ['overlap', 'idf_f'],
  ['overlap', 'cosine'],
  ['synonyms', 'syn_min'],
  ['synonyms', 'syn_f'],
  ['unmatched', 'left_min'],
  ['unmatched', 'left_max'],
  ['ngrams', 'gram1'],
  ['ngrams', 'gram2'],
  ['ngrams', 'gram3'],
  ['ngrams', 'gram4'],
  ['ngrams', 'bleu'],
  ['lcs', 'lcs_short'],
  ['lcs', 'lcs_long'],
  ['chars', 'char3'],
  ['chars', 'char4'],
  ['numbers', 'num_both'],
  ['numbers', 'num_jaccard'],
  ['numbers', 'num_missing'],
  ['numbers', 'num_agree'],
  ['numbers', 'num_swap'],
  ['numbers', 'num_swap_close'],
  ['names', 'name_jaccard'],
  ['names', 'name_missing_min'],
  ['names', 'name_missing_max'],
  ['polarity', 'negation'],
  ['polarity', 'modal'],
  ['polarity', 'date'],
  ['polarity', 'negation_close'],
  ['length', 'len_diff'],
  ['length', 'len_ratio'],
  ['length', 'len_log'],
  ['unaligned', 'unaligned_min'],
  ['unaligned', 'unaligned_max'],
  ['unaligned', 'unaligned_none'],
  ['unaligned', 'unaligned_top_min'],
  ['unaligned', 'unaligned_top_max'],
  ['spans', 'prefix'],
  ['spans', 'suffix'],
  ['spans', 'run_long'],
  ['spans', 'run_short'],
  ['content-ngrams', 'content1_min'],
  ['content-ngrams', 'content1_max'],
  ['content-ngrams', 'content2_min'],
  ['content-ngrams', 'content2_max'],
  ['content-ngrams', 'content3_min'],
  ['content-ngrams', 'content3_max'],
  ['order', 'order_tau'],
];

/** The numbers that compare two sentences (symmetric: the order of the pair does not matter). */
export function pairFeatures(a: SentenceFeatures, b: SentenceFeatures): number[] {
  const ab = aligned(a, b);
  const ba = aligned(b, a);
  const pa = a.mass ? ab.exact / a.mass : 0;
  const pb = b.mass ? ba.exact / b.mass : 0;
  const sa = a.mass ? ab.syn / a.mass : 0;
  const sb = b.mass ? ba.syn / b.mass : 0;
  const leftA = Math.log1p(a.mass - ab.syn);
  const leftB = Math.log1p(b.mass - ba.syn);
  const gram = a.grams.map((g, n) => {
    const both = common(g, b.grams[n]);
    return harmonic(g.length ? both / g.length : 0, b.grams[n].length ? both / b.grams[n].length : 0);
  });
  const bleu = Math.exp(gram.reduce((s, g) => s + Math.log(g + 0.01), 0) / 4);
  const { sequence: shared, run } = lcs(a.stems, b.stems);
  const la = a.stems.length;
  const lb = b.stems.length;
  const numBoth = a.numbers.size > 0 && b.numbers.size > 0;
  const numA = missing(a.numbers, b.numbers);
  const numB = missing(b.numbers, a.numbers);
  const numMissing = numA + numB;
  // A number replaced by another (each side has one the other lacks), and a negation added, weigh most
  // when the rest of the two sentences is nearly the same: hence their products with the LCS share.
  const swap = numA > 0 && numB > 0 ? 1 : 0;
  const negation = a.negations % 2 !== b.negations % 2 ? 1 : 0;
  const close = Math.max(la, lb) ? shared / Math.max(la, lb) : 0;
  const nameA = missing(a.names, b.names);
  const nameB = missing(b.names, a.names);
  const longer = Math.max(la, lb);
  const shorter = Math.min(la, lb);
  const contentPrecision = a.contentGrams.flatMap((g, n) => {
    const both = common(g, b.contentGrams[n]);
    const x = g.length ? both / g.length : 0;
    const y = b.contentGrams[n].length ? both / b.contentGrams[n].length : 0;
    return [Math.min(x, y), Math.max(x, y)];
  });
  return [
    Math.min(pa, pb),
    Math.max(pa, pb),
    harmonic(pa, pb),
    a.norm && b.norm ? ab.dot / (a.norm * b.norm) : 0,
    Math.min(sa, sb),
    harmonic(sa, sb),
    Math.min(leftA, leftB),
    Math.max(leftA, leftB),
    ...gram,
    bleu,
    Math.min(la, lb) ? shared / Math.min(la, lb) : 0,
    Math.max(la, lb) ? shared / Math.max(la, lb) : 0,
    dice(a.chars3, b.chars3),
    dice(a.chars4, b.chars4),
    numBoth ? 1 : 0,
    a.numbers.size || b.numbers.size ? jaccard(a.numbers, b.numbers) : 1,
    Math.log1p(numMissing),
    numBoth && numMissing === 0 ? 1 : 0,
    swap,
    swap * close,
    jaccard(a.names, b.names),
    Math.log1p(Math.min(nameA, nameB)),
    Math.log1p(Math.max(nameA, nameB)),
    negation,
    a.modals !== b.modals ? bits(a.modals ^ b.modals) : 0,
    a.dates && b.dates && a.dates !== b.dates ? 1 : 0,
    negation * close,
    Math.max(la, lb) ? Math.abs(la - lb) / Math.max(la, lb) : 0,
    Math.max(la, lb) ? Math.min(la, lb) / Math.max(la, lb) : 0,
    Math.log1p(la + lb),
    Math.log1p(Math.min(ab.left, ba.left)),
    Math.log1p(Math.max(ab.left, ba.left)),
    Math.min(ab.left, ba.left) === 0 ? 1 : 0,
    Math.min(ab.leftTop, ba.leftTop),
    Math.max(ab.leftTop, ba.leftTop),
    longer ? commonEnd(a.stems, b.stems, false) / longer : 0,
    longer ? commonEnd(a.stems, b.stems, true) / longer : 0,
    longer ? run / longer : 0,
    shorter ? run / shorter : 0,
    ...contentPrecision,
    kendall(ab.positions),
  ];
}

/** A disagreement that makes two sentences state different facts however much else they share. */
export type FactConflict = 'number' | 'negation' | 'date';

/**
 * The hard disagreements between two sentences: a number replaced by another (each has a number the other
 * lacks), a negation in one only, another month or weekday. MSRP's annotators often call such pairs
 * paraphrases (24 near-identical pairs with a swapped number: 22 "same"), so the learned model weighs them
 * little; a caller for whom numbers must agree (a citation) uses these instead.
 */
export function factConflicts(a: SentenceFeatures, b: SentenceFeatures): FactConflict[] {
  const out: FactConflict[] = [];
  if (missing(a.numbers, b.numbers) > 0 && missing(b.numbers, a.numbers) > 0) out.push('number');
  if (a.negations % 2 !== b.negations % 2) out.push('negation');
  if (a.dates && b.dates && a.dates !== b.dates) out.push('date');
  return out;
}
