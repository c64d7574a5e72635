/**
 * Language identification of article text: franc-min's method and trigram data (shipped in the package), with
 * the same answer as `franc(text, { minLength: 40 })` for every input, computed with less work per page:
 *   - the top script is counted with a table of the code units (one regex scan per script for astral text);
 *   - the distance to every language of the script is summed in one pass over the text's distinct trigrams:
 *     each trigram is looked up once in a table of the languages that rank it, instead of once per language.
 * franc's distance per language is Σ over distinct trigrams t (count c) of |c − rank(t) − 1|, or 300 when the
 * language does not rank t; that is 300·T plus, over the languages ranking t, (|c − rank − 1| − 300). All
 * integers, so the sums are exact and the order (the first language of least distance) is franc's.
 */
import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';
import { isSpaceCode } from './text-length.js';

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

/** Surrogates (astral characters, which some scripts' expressions match as pairs) are counted by the regexes. */
const SURROGATES = { from: 0xd800, to: 0xdfff };
/** The table's marks: a code unit that more than one script's expression matches (or a surrogate), one not read yet. */
const OVERLAP = -2;
const UNREAD = -3;
/** The script index of each code unit (−1: none), read off franc-min's expressions a block of 256 at a time. */
let scriptTable: Int8Array | undefined;
const SCRIPT_GLOBAL_RES = SCRIPT_RES.map((re) => new RegExp(re.source, 'g'));

/** The table with the block of code unit u read: each of its 256 code units tried on every script's expression. */
function readScriptBlock(table: Int8Array, u: number): void {
  const from = u & ~0xff;
  if (from >= SURROGATES.from && from <= SURROGATES.to) {
    table.fill(OVERLAP, from, from + 0x100);
    return;
  }
  table.fill(-1, from, from + 0x100);
  const units: number[] = [];
  for (let v = from; v < from + 0x100; v++) units.push(v);
  const block = String.fromCharCode(...units);
  SCRIPT_GLOBAL_RES.forEach((re, k) => {
    for (const m of block.matchAll(re)) {
      if (m[0].length !== 1) throw new Error('a franc-min script matches more than one code unit');
      const v = m[0].charCodeAt(0);
      // A code unit of two scripts (CJK marks of Han and of kana) is counted by the regexes.
      table[v] = table[v] === -1 ? k : OVERLAP;
    }
  });
}

/** How many code units of each script the text holds, as franc's `value.match(expression).length`. */
function scriptCounts(value: string): number[] {
  const counts = new Array<number>(SCRIPTS.length).fill(0);
  const table = (scriptTable ??= new Int8Array(0x10000).fill(UNREAD));
  for (let i = 0; i < value.length; i++) {
    const u = value.charCodeAt(i);
    if (table[u] === UNREAD) readScriptBlock(table, u);
    const k = table[u];
    if (k === OVERLAP) return SCRIPT_RES.map((re) => value.match(re)?.length ?? 0);
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
  /** The same numbers by trigram code (see `trigramCode`), an open-addressing table (see `codeId`); empty when
   * the alphabet is too large for codes. */
  codeKeys: Int32Array;
  codeIds: Int32Array;
  /** Trigram id's (language, rank) pairs: `pairs[2·offset[id]]` on, `count[id]` of them. */
  pairs: Int32Array;
  offset: Int32Array;
  count: Int32Array;
  /** The index (from 1) of each code unit the script's trigrams use. */
  alphabet: Map<number, number>;
  /** The same indices by code unit (0: not in the alphabet); only when codes are used (`codeIds` not empty). */
  letters: Uint8Array;
}

/** Letters a trigram code has room for: the script's alphabet and a page's other code units, from 1. */
const CODE_BASE = 256;
const trigramCode = (a: number, b: number, c: number) => (a * CODE_BASE + b) * CODE_BASE + c;

/** Where a code starts looking in an open-addressing table of `2^bits` slots (Fibonacci hashing). */
const slotOf = (code: number, bits: number) => Math.imul(code, 0x9e3779b1) >>> (32 - bits);

/** A table's size in bits: at least twice as many slots as keys (so a look-up probes a slot or two). */
const tableBits = (keys: number) => Math.max(4, Math.ceil(Math.log2(2 * keys + 1)));

/** The id of a trigram code among the script's, −1 when no language ranks it (a page's own letters included). */
function codeId({ codeKeys, codeIds }: ScriptModel, code: number): number {
  const bits = 31 - Math.clz32(codeKeys.length);
  const mask = codeKeys.length - 1;
  for (let j = slotOf(code, bits); ; j = (j + 1) & mask) {
    const k = codeKeys[j];
    if (k === code) return codeIds[j];
    if (k < 0) return -1;
  }
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
  for (const t of ids.keys())
    for (let i = 0; i < t.length; i++)
      if (!alphabet.has(t.charCodeAt(i))) alphabet.set(t.charCodeAt(i), alphabet.size + 1);
  const codes = new Map<number, number>();
  if (alphabet.size < CODE_BASE / 2)
    for (const [t, id] of ids)
      if (t.length === 3) {
        const letter = (i: number) => alphabet.get(t.charCodeAt(i)) ?? 0;
        codes.set(trigramCode(letter(0), letter(1), letter(2)), id);
      }
  const bits = codes.size ? tableBits(codes.size) : 0;
  const codeKeys = new Int32Array(codes.size ? 1 << bits : 0).fill(-1);
  const codeIds = new Int32Array(codeKeys.length);
  for (const [code, id] of codes) {
    let j = slotOf(code, bits);
    while (codeKeys[j] >= 0) j = (j + 1) & (codeKeys.length - 1);
    codeKeys[j] = code;
    codeIds[j] = id;
  }
  const letters = new Uint8Array(codes.size ? 0x10000 : 0);
  if (codes.size) for (const [u, k] of alphabet) letters[u] = k;
  model = { languages, ids, codeKeys, codeIds, pairs, offset, count, alphabet, letters };
  scriptModels.set(script, model);
  return model;
}

/** A text as trigram-utils cleans it before cutting it into trigrams: `clean` below, in one pass. */
const cleanText = (value: string) => ` ${squashSeparators(value).toLowerCase()} `;

/**
 * `value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim()`: every run of whitespace and of ASCII
 * punctuation and digits (U+0021–U+0040) becomes one space, and none is left at either end.
 */
function squashSeparators(value: string): string {
  let out = '';
  let from = 0; // start of the text not yet copied
  let i = 0;
  while (i < value.length) {
    const u = value.charCodeAt(i);
    if (!(u >= 0x21 && u <= 0x40) && !isSpaceCode(u)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (; j < value.length; j++) {
      const v = value.charCodeAt(j);
      if (!(v >= 0x21 && v <= 0x40) && !isSpaceCode(v)) break;
    }
    if (i === 0) from = j;
    else if (j === value.length) return out + value.slice(from, i);
    else if (j - i > 1 || u !== 32) {
      out += `${value.slice(from, i)} `;
      from = j;
    }
    i = j;
  }
  return from === 0 ? value : out + value.slice(from);
}

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

/** A page's code units outside the script's alphabet, numbered on from it as first met (0: not yet); reset after use. */
const otherLetters = new Uint16Array(0x10000);

/** A page's trigram codes and their counts (an open-addressing table, reused; cleared after use). */
const PAGE_BITS = tableBits(MAX_LENGTH + 2);
const pageKeys = new Int32Array(1 << PAGE_BITS).fill(-1);
const pageCounts = new Int32Array(1 << PAGE_BITS);

/**
 * The same distances with each trigram a number (its three code units' letter indices), counted in a table,
 * no string made. A page's code units outside the script's alphabet get their own indices; undefined when
 * there are more than a code has room for (then the strings are used).
 */
function codeDistances(model: ScriptModel, clean: string): number[] | undefined {
  const { languages, codeKeys, alphabet, letters } = model;
  if (!codeKeys.length || clean.length < 3) return undefined;
  const met: number[] = []; // the page's code units numbered in otherLetters
  const codes = new Int32Array(clean.length - 2);
  let a = 0;
  let b = 0;
  for (let i = 0; i < clean.length; i++) {
    const u = clean.charCodeAt(i);
    let c = letters[u] || otherLetters[u];
    if (!c) {
      met.push(u);
      otherLetters[u] = c = alphabet.size + met.length;
    }
    if (i >= 2) codes[i - 2] = trigramCode(a, b, c);
    a = b;
    b = c;
  }
  for (const u of met) otherLetters[u] = 0;
  if (alphabet.size + met.length >= CODE_BASE) return undefined;
  // Count the codes by value; `used` lists the slots taken, in the order first met.
  const mask = pageKeys.length - 1;
  const used = new Int32Array(codes.length);
  let distinct = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    let j = slotOf(code, PAGE_BITS);
    while (pageKeys[j] !== code && pageKeys[j] >= 0) j = (j + 1) & mask;
    if (pageKeys[j] < 0) {
      pageKeys[j] = code;
      used[distinct++] = j;
    }
    pageCounts[j]++;
  }
  const distance = new Array<number>(languages.length).fill(0);
  for (let k = 0; k < distinct; k++) {
    const j = used[k];
    const id = codeId(model, pageKeys[j]);
    if (id >= 0) addPairs(distance, model, id, pageCounts[j]);
    pageKeys[j] = -1;
    pageCounts[j] = 0;
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
