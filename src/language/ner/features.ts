/**
 * The observation features of the NER tagger: what it sees of a token and its neighbours, as strings the
 * model weighs per tag. The tag-to-tag transitions are the tagger's own (tagger.ts). NER_FEATURES describes
 * the feature set; its hash is in the model header, so change a template here and the model must be retrained
 * (`npm run train:ner`).
 */
import { type GazetteerIndex, gazetteerMatches } from './gazetteer.js';

export const NER_FEATURES: readonly string[] = [
  'ner 1',
  'tags: O B-PER I-PER B-ORG I-ORG B-LOC I-LOC B-MISC I-MISC; first-order transitions, Viterbi',
  'b; w=LOWER; wc=LOWER&CASE; sh=SHAPE; sh=SHAPE&pos (first|rest) ; sh=SHAPE&hl (headline: no lower-case token)',
  'CASE: lower init caps mixed digit other; SHAPE: X x d kept, runs collapsed, at most 6 chars',
  'p1..p4 s1..s4: prefixes and suffixes of LOWER (shorter than the word)',
  'w-2 w-1 w+1 w+2 =LOWER; sh-1 sh+1 =SHAPE; ww-1 ww+1 word pairs; shc=SHAPE-1|SHAPE|SHAPE+1',
  'lc=CASE if LOWER is in the lexicon of words seen lower-case in training, and lc&hl',
  'g=LIST:B|I g=LIST:B|I&CASE; g-1 g+1 =LIST:B|I (gazetteer of the model, case-blind match; LIST: capital city country demonym firstname language region)',
  'w-1sh=LOWER-1|SHAPE shw+1=SHAPE|LOWER+1 lsh=LONGSHAPE (uncollapsed, 8 chars) s3-1 s3+1 (suffix of neighbours)',
  'lc-1 lc+1 =CASE of the neighbour if in the lower-case lexicon, else no',
  'len=1|2|3|4+ of a capitalized token with a period (initials, abbreviations)',
];

/** What the features read from the model besides their weights. */
export interface NerLexicon {
  /** Words seen lower-case in the training text. */
  lower: ReadonlySet<string>;
  gazetteer: GazetteerIndex;
}

/** x, X, d or the character itself: ASCII by code, other letters by their case mapping. */
function charClass(token: string, i: number): string {
  const c = token.charCodeAt(i);
  if (c >= 97 && c <= 122) return 'x';
  if (c >= 65 && c <= 90) return 'X';
  if (c >= 48 && c <= 57) return 'd';
  const ch = token[i];
  if (c < 128) return ch;
  return ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
}

/** The case class of a token. */
export function caseOf(token: string): string {
  let upper = 0;
  let lowerCount = 0;
  let digit = 0;
  let restUpper = 0;
  for (let i = 0; i < token.length; i++) {
    const c = charClass(token, i);
    if (c === 'd') digit++;
    else if (c === 'X') {
      upper++;
      if (i) restUpper++;
    } else if (c === 'x') lowerCount++;
  }
  if (!upper && !lowerCount) return digit ? 'digit' : 'other';
  if (!upper) return 'lower';
  if (!lowerCount) return 'caps';
  return charClass(token, 0) === 'X' && !restUpper ? 'init' : 'mixed';
}

/** The short word shape: X for upper, x for lower, d for digit, other characters kept; runs collapsed. */
export function shapeOf(token: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < token.length && out.length < 6; i++) {
    const c = charClass(token, i);
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** The shape without collapsing runs, the first 8 characters. */
export function longShape(token: string): string {
  let out = '';
  for (let i = 0; i < token.length && i < 8; i++) out += charClass(token, i);
  return out;
}

/** Each token's observation features, in the order NER_FEATURES lists them. */
export function sentenceFeatures(tokens: readonly string[], lexicon: NerLexicon): string[][] {
  const n = tokens.length;
  const lower = tokens.map((t) => t.toLowerCase());
  const cases = tokens.map(caseOf);
  const shapes = tokens.map(shapeOf);
  const headline = !cases.some((c) => c === 'lower' || c === 'init' || c === 'mixed') ? 'hl' : '';
  const gaz = gazetteerMatches(lower, tokens, lexicon.gazetteer);
  const word = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]);
  const shape = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : shapes[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = lower[i];
    const cs = cases[i];
    const sh = shapes[i];
    const f = [
      'b',
      `w=${w}`,
      `wc=${w}&${cs}`,
      `sh=${sh}`,
      `sh=${sh}&${i === 0 ? 'first' : 'rest'}`,
      `w-2=${word(i - 2)}`,
      `w-1=${word(i - 1)}`,
      `w+1=${word(i + 1)}`,
      `w+2=${word(i + 2)}`,
      `sh-1=${shape(i - 1)}`,
      `sh+1=${shape(i + 1)}`,
      `ww-1=${word(i - 1)}|${w}`,
      `ww+1=${w}|${word(i + 1)}`,
      `shc=${shape(i - 1)}|${sh}|${shape(i + 1)}`,
    ];
    if (headline) f.push(`sh=${sh}&hl`);
    f.push(`w-1sh=${word(i - 1)}|${sh}`, `shw+1=${sh}|${word(i + 1)}`, `lsh=${longShape(tokens[i])}`);
    if (i > 0)
      f.push(
        `s3-1=${lower[i - 1].slice(-3)}`,
        `lc-1=${lexicon.lower.has(lower[i - 1]) ? cases[i - 1] : 'no'}`,
      );
    if (i + 1 < n)
      f.push(
        `s3+1=${lower[i + 1].slice(-3)}`,
        `lc+1=${lexicon.lower.has(lower[i + 1]) ? cases[i + 1] : 'no'}`,
      );
    const len = w.length;
    for (let k = 1; k <= 4 && k < len; k++) f.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(len - k)}`);
    if (lexicon.lower.has(w)) {
      f.push(`lc=${cs}`);
      if (headline) f.push('lc&hl');
    }
    for (const g of gaz[i]) f.push(`g=${g}`, `g=${g}&${cs}`);
    if (i > 0) for (const g of gaz[i - 1]) f.push(`g-1=${g}`);
    if (i + 1 < n) for (const g of gaz[i + 1]) f.push(`g+1=${g}`);
    if (cs !== 'lower' && w.includes('.')) f.push(`len=${Math.min(len, 4)}`);
    out.push(f);
  }
  return out;
}
