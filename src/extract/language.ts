/**
 * Language identification of article text: franc-min's method and trigram data (shipped in the package), with
 * the same answer as `franc(text, { minLength: 40 })` for every input, computed with less work per page:
 *   - the top script is counted with a table for code units below U+0800 (one regex scan per script otherwise);
 *   - the distance to every language of the script is summed in one pass over the text's distinct trigrams:
 *     each trigram is looked up once in a map of the languages that rank it, instead of once per language.
 * franc's distance per language is Σ over distinct trigrams t (count c) of |c − rank(t) − 1|, or 300 when the
 * language does not rank t; that is 300·T plus, over the languages ranking t, (|c − rank − 1| − 300). All
 * integers, so the sums are exact and the order (the first language of least distance) is franc's.
 */
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

const ISO3_TO_1: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  por: 'pt',
  ita: 'it',
  nld: 'nl',
  rus: 'ru',
  arb: 'ar',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  tur: 'tr',
  pol: 'pl',
  ukr: 'uk',
  swe: 'sv',
  ell: 'el',
  hin: 'hi',
  ind: 'id',
  vie: 'vi',
  pes: 'fa',
  heb: 'he',
  ron: 'ro',
  ces: 'cs',
  hun: 'hu',
  dan: 'da',
  fin: 'fi',
  nob: 'no',
  tha: 'th',
  ben: 'bn',
};

/** franc-min's constants: the sample it reads, the shortest text it judges, the cost of an unranked trigram. */
const MAX_LENGTH = 2048;
const MIN_LENGTH = 40;
const MAX_DIFFERENCE = 300;

const SCRIPTS = Object.keys(expressions);
const SCRIPT_RES = SCRIPTS.map((s) => expressions[s]);

/** Code units below this are counted by table; a text with one at or above it is counted by the regexes. */
const TABLE_LIMIT = 0x800;
let scriptTable: Int8Array | undefined;

/** The script index of each code unit below TABLE_LIMIT (−1: none), read off franc-min's expressions. */
function tableOfScripts(): Int8Array {
  const table = new Int8Array(TABLE_LIMIT).fill(-1);
  let all = '';
  for (let u = 0; u < TABLE_LIMIT; u++) all += String.fromCharCode(u);
  SCRIPT_RES.forEach((re, k) => {
    for (const m of all.matchAll(new RegExp(re.source, 'g'))) {
      // No script's class overlaps another's below the limit; one that did would need the regexes.
      if (m[0].length !== 1 || table[m.index] !== -1) throw new Error('franc-min scripts overlap');
      table[m.index] = k;
    }
  });
  return table;
}

/** How many code units of each script the text holds, as franc's `value.match(expression).length`. */
function scriptCounts(value: string): number[] {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  scriptTable ??= tableOfScripts();
  for (let i = 0; i < value.length; i++) {
    const u = value.charCodeAt(i);
    if (u >= TABLE_LIMIT) return SCRIPT_RES.map((re) => value.match(re)?.length ?? 0);
    const k = scriptTable[u];
    if (k >= 0) counts[k]++;
  }
  return counts;
}

/** franc's getTopScript: the script with the highest share of the text (the first on ties), and the share. */
function topScript(value: string): [string | undefined, number] {
  const counts = scriptCounts(value);
  let top = -1;
  let script: string | undefined;
  counts.forEach((count, k) => {
    const share = count / value.length || 0;
    if (share > top) {
      top = share;
      script = SCRIPTS[k];
    }
  });
  return [script, top];
}

/** One script's languages and, for every trigram any of them ranks, the (language, rank) pairs. */
interface ScriptModel {
  languages: string[];
  /** The number of each trigram any language ranks. */
  ids: Map<string, number>;
  /** The same numbers by trigram code (see `trigramCode`); empty when the alphabet is too large for codes. */
  codeIds: Map<number, number>;
  /** The codes sorted, their ids, and where the codes of each two-letter prefix (code >> 8) start. */
  sortedCodes: Int32Array;
  sortedIds: Int32Array;
  prefixStart: Int32Array;
  /** Trigram id's (language, rank) pairs: `pairs[2·offset[id]]` on, `count[id]` of them. */
  pairs: Int32Array;
  offset: Int32Array;
  count: Int32Array;
  /** The index (from 1) of each code unit the script's trigrams use. */
  alphabet: Map<number, number>;
}

/** Letters a trigram code has room for: the script's alphabet and a page's other code units, from 1. */
const CODE_BASE = 256;
const trigramCode = (a: number, b: number, c: number) => (a * CODE_BASE + b) * CODE_BASE + c;

/** Two-letter prefixes of the script's codes: their letters are below CODE_BASE / 2 (see scriptModel). */
const PREFIXES = (CODE_BASE / 2) * CODE_BASE;

/** The id of a trigram code among the script's, −1 when no language ranks it (a page's own letters included). */
function codeId({ sortedCodes, sortedIds, prefixStart }: ScriptModel, code: number): number {
  const p = code >> 8;
  if (p >= PREFIXES) return -1;
  for (let j = prefixStart[p]; j < prefixStart[p + 1]; j++) if (sortedCodes[j] === code) return sortedIds[j];
  return -1;
}

const scriptModels = new Map<string, ScriptModel>();

function scriptModel(script: string): ScriptModel {
  let model = scriptModels.get(script);
  if (model) return model;
  const languages = Object.keys(data[script]);
  const ids = new Map<string, number>();
  const lastLanguage: number[] = [];
  const entries: number[] = []; // (id, language, rank) triples
  languages.forEach((language, k) => {
    const trigrams = data[script][language].split('|');
    for (let w = 0; w < trigrams.length; w++) {
      let id = ids.get(trigrams[w]);
      if (id === undefined) {
        ids.set(trigrams[w], (id = lastLanguage.length));
        lastLanguage.push(-1);
      }
      // franc keeps the lowest rank of a trigram listed twice (it assigns from the last rank down).
      if (lastLanguage[id] === k) continue;
      lastLanguage[id] = k;
      entries.push(id, k, w);
    }
  });
  const count = new Int32Array(ids.size);
  for (let e = 0; e < entries.length; e += 3) count[entries[e]]++;
  const offset = new Int32Array(ids.size);
  for (let id = 1; id < ids.size; id++) offset[id] = offset[id - 1] + count[id - 1];
  const pairs = new Int32Array(entries.length / 1.5);
  const filled = new Int32Array(ids.size);
  for (let e = 0; e < entries.length; e += 3) {
    const id = entries[e];
    const at = 2 * (offset[id] + filled[id]++);
    pairs[at] = entries[e + 1];
    pairs[at + 1] = entries[e + 2];
  }
  const alphabet = new Map<number, number>();
  const codeIds = new Map<number, number>();
  for (const t of ids.keys())
    for (let i = 0; i < t.length; i++)
      if (!alphabet.has(t.charCodeAt(i))) alphabet.set(t.charCodeAt(i), alphabet.size + 1);
  if (alphabet.size < CODE_BASE / 2)
    for (const [t, id] of ids)
      if (t.length === 3) {
        const letter = (i: number) => alphabet.get(t.charCodeAt(i)) ?? 0;
        codeIds.set(trigramCode(letter(0), letter(1), letter(2)), id);
      }
  const sorted = [...codeIds].sort((x, y) => x[0] - y[0]);
  const sortedCodes = Int32Array.from(sorted, ([code]) => code);
  const sortedIds = Int32Array.from(sorted, ([, id]) => id);
  const prefixStart = new Int32Array(PREFIXES + 1);
  for (const code of sortedCodes) prefixStart[(code >> 8) + 1]++;
  for (let p = 0; p < PREFIXES; p++) prefixStart[p + 1] += prefixStart[p];
  model = { languages, ids, codeIds, sortedCodes, sortedIds, prefixStart, pairs, offset, count, alphabet };
  scriptModels.set(script, model);
  return model;
}

/** A text as trigram-utils cleans it before cutting it into trigrams. */
const cleanText = (value: string) =>
  ` ${value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()} `;

/** The distinct trigrams of a text and their counts, as trigram-utils cleans and cuts it. */
function trigramCounts(clean: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= clean.length; i++) {
    const t = clean.slice(i, i + 3);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

/** franc's distance of the text to each language of the script, by trigram strings. */
function stringDistances(model: ScriptModel, clean: string): number[] {
  const counts = trigramCounts(clean);
  const distance = new Array<number>(model.languages.length).fill(MAX_DIFFERENCE * counts.size);
  for (const [t, c] of counts) {
    const id = model.ids.get(t);
    if (id !== undefined) addPairs(distance, model, id, c);
  }
  return distance;
}

/** Add what one trigram, seen c times, takes off each ranking language's distance (300 each to start with). */
function addPairs(distance: number[], { pairs, offset, count }: ScriptModel, id: number, c: number): void {
  const end = 2 * (offset[id] + count[id]);
  for (let j = 2 * offset[id]; j < end; j += 2) {
    const d = c - pairs[j + 1] - 1;
    distance[pairs[j]] += (d < 0 ? -d : d) - MAX_DIFFERENCE;
  }
}

/**
 * The same distances with each trigram a number (its three code units' letter indices): the trigrams are
 * sorted and counted as runs, no string made. A page's code units outside the script's alphabet get their
 * own indices; undefined when there are more than a code has room for (then the strings are used).
 */
function codeDistances(model: ScriptModel, clean: string): number[] | undefined {
  const { languages, codeIds, alphabet } = model;
  if (!codeIds.size || clean.length < 3) return undefined;
  const others = new Map<number, number>();
  const letter = (u: number) => {
    let k = alphabet.get(u) ?? others.get(u);
    if (k === undefined) others.set(u, (k = alphabet.size + others.size + 1));
    return k;
  };
  const codes = new Int32Array(clean.length - 2);
  let a = letter(clean.charCodeAt(0));
  let b = letter(clean.charCodeAt(1));
  for (let i = 2; i < clean.length; i++) {
    const c = letter(clean.charCodeAt(i));
    codes[i - 2] = trigramCode(a, b, c);
    a = b;
    b = c;
  }
  if (alphabet.size + others.size >= CODE_BASE) return undefined;
  codes.sort();
  let distinct = 0;
  const distance = new Array<number>(languages.length).fill(0);
  for (let i = 0; i < codes.length; ) {
    let j = i + 1;
    while (j < codes.length && codes[j] === codes[i]) j++;
    distinct++;
    const id = codeId(model, codes[i]);
    if (id >= 0) addPairs(distance, model, id, j - i);
    i = j;
  }
  for (let k = 0; k < distance.length; k++) distance[k] += MAX_DIFFERENCE * distinct;
  return distance;
}

/** The language franc-min names first for a text (`franc(value, { minLength: 40 })`): an ISO 639-3 code or "und". */
export function francLanguage(text: string): string {
  if (!text || text.length < MIN_LENGTH) return 'und';
  const value = text.slice(0, MAX_LENGTH);
  const [script, share] = topScript(value);
  if (!script || !(script in data)) return !script || share === 0 ? 'und' : script;
  const model = scriptModel(script);
  const { languages } = model;
  const clean = cleanText(value);
  const distance = codeDistances(model, clean) ?? stringDistances(model, clean);
  let best = 0;
  for (let k = 1; k < languages.length; k++) if (distance[k] < distance[best]) best = k;
  return languages[best];
}

/** ISO 639-1 code of the text's language, "und" when too short or unknown. */
export function detectLanguage(text: string): string {
  const code = francLanguage(text.slice(0, 4000));
  if (code === 'und') return 'und';
  return ISO3_TO_1[code] ?? code;
}
