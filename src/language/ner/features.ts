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
  'g=LIST:B|I g=LIST:B|I&CASE; g-1 g+1 =LIST:B|I (gazetteer of the model, case-blind match; LIST: capital city country demonym firstname language region, and seen-PER seen-ORG seen-LOC seen-MISC: the names of the training data, cross-fold)',
  'w-1sh=LOWER-1|SHAPE shw+1=SHAPE|LOWER+1 lsh=LONGSHAPE (uncollapsed, 8 chars) s3-1 s3+1 (suffix of neighbours)',
  'lc-1 lc+1 =CASE of the neighbour if in the lower-case lexicon, else no',
  'len=1|2|3|4+ of a capitalized token with a period (initials, abbreviations)',
  'document (document.ts): dc=l|i|li|-&CASE[&hl]; h=TYPE hm=TYPE hm=TYPE&CASE hm=TYPE&hl|0|r from the prediction history; body first, headlines last',
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

const LOWER = 0;
const UPPER = 1;
const DIGIT = 2;
const OTHER = 3;

/** charClass as a number: LOWER (x), UPPER (X), DIGIT (d) or OTHER. */
function classCode(token: string, i: number): number {
  const c = token.charCodeAt(i);
  if (c >= 97 && c <= 122) return LOWER;
  if (c >= 65 && c <= 90) return UPPER;
  if (c >= 48 && c <= 57) return DIGIT;
  if (c < 128) return OTHER;
  const ch = token[i];
  return ch !== ch.toLowerCase() ? UPPER : ch !== ch.toUpperCase() ? LOWER : OTHER;
}

/** The case class of a token. */
export function caseOf(token: string): string {
  let upper = 0;
  let lowerCount = 0;
  let digit = 0;
  let restUpper = 0;
  for (let i = 0; i < token.length; i++) {
    const c = classCode(token, i);
    if (c === DIGIT) digit++;
    else if (c === UPPER) {
      upper++;
      if (i) restUpper++;
    } else if (c === LOWER) lowerCount++;
  }
  if (!upper && !lowerCount) return digit ? 'digit' : 'other';
  if (!upper) return 'lower';
  if (!lowerCount) return 'caps';
  return classCode(token, 0) === UPPER && !restUpper ? 'init' : 'mixed';
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

/** What the features read of one token: the same for every occurrence of the token (so the tagger caches it). */
export interface TokenView {
  lower: string;
  case: string;
  shape: string;
  /** The lower-cased token is in the lexicon of words seen lower-case. */
  known: boolean;
  /** ownFeatures, which depend on this token alone. */
  own: string[];
  /** sh=SHAPE&first, sh=SHAPE&rest. */
  first: string;
  rest: string;
  /** The features of a headline token: sh=SHAPE&hl, and lc&hl if known. */
  headline: string[];
  /** What a neighbour sees of this token, at offset -2, -1, +1, +2 from it. */
  asPrev2: string[];
  asPrev: string[];
  asNext: string[];
  asNext2: string[];
}

export function tokenView(token: string, lexicon: NerLexicon): TokenView {
  const w = token.toLowerCase();
  const cs = caseOf(token);
  const sh = shapeOf(token);
  const known = lexicon.lower.has(w);
  const own = ['b', `w=${w}`, `wc=${w}&${cs}`, `sh=${sh}`, `lsh=${longShape(token)}`];
  const len = w.length;
  for (let k = 1; k <= 4 && k < len; k++) own.push(`p${k}=${w.slice(0, k)}`, `s${k}=${w.slice(len - k)}`);
  if (known) own.push(`lc=${cs}`);
  if (cs !== 'lower' && w.includes('.')) own.push(`len=${Math.min(len, 4)}`);
  const lc = known ? cs : 'no';
  const s3 = w.slice(-3);
  return {
    lower: w,
    case: cs,
    shape: sh,
    known,
    own,
    first: `sh=${sh}&first`,
    rest: `sh=${sh}&rest`,
    headline: known ? [`sh=${sh}&hl`, 'lc&hl'] : [`sh=${sh}&hl`],
    asPrev2: [`w-2=${w}`],
    asPrev: [`w-1=${w}`, `sh-1=${sh}`, `s3-1=${s3}`, `lc-1=${lc}`],
    asNext: [`w+1=${w}`, `sh+1=${sh}`, `s3+1=${s3}`, `lc+1=${lc}`],
    asNext2: [`w+2=${w}`],
  };
}

/** What a token sees past the ends of its sentence. */
export const SENTENCE_EDGES = {
  prev2: ['w-2=<s>'],
  prev: ['w-1=<s>', 'sh-1=<s>'],
  next: ['w+1=</s>', 'sh+1=</s>'],
  next2: ['w+2=</s>'],
};

/** A sentence with no lower-case, capitalized or mixed-case token reads as an ALL-CAPS headline. */
export const isHeadline = (views: readonly TokenView[]): boolean =>
  !views.some((v) => v.case === 'lower' || v.case === 'init' || v.case === 'mixed');

/** The sentence edges as the pair features see them. */
export const START = { lower: '<s>', shape: '<s>' };
export const END = { lower: '</s>', shape: '</s>' };

type Word = Pick<TokenView, 'lower' | 'shape'>;

/** The features of two adjacent tokens a b: word pair and word with shape, for b (right) and for a (left). */
export function bigramFeatures(a: Word, b: Word): { left: string[]; right: string[] } {
  return {
    left: [`ww+1=${a.lower}|${b.lower}`, `shw+1=${a.shape}|${b.lower}`],
    right: [`ww-1=${a.lower}|${b.lower}`, `w-1sh=${a.lower}|${b.shape}`],
  };
}

export const shapeTrigram = (prev: string, shape: string, next: string): string =>
  `shc=${prev}|${shape}|${next}`;

/** The features that join token i with a neighbour: word pairs, word with shape, the shape trigram. */
export function pairFeatures(views: readonly Word[], i: number): string[] {
  const n = views.length;
  const prev = i > 0 ? views[i - 1] : START;
  const next = i + 1 < n ? views[i + 1] : END;
  return [
    ...bigramFeatures(prev, views[i]).right,
    ...bigramFeatures(views[i], next).left,
    shapeTrigram(prev.shape, views[i].shape, next.shape),
  ];
}

/** The gazetteer features of token i, from the sentence's matches. */
export function gazetteerFeatures(gaz: readonly string[][], cs: string, i: number): string[] {
  const f: string[] = [];
  for (const g of gaz[i]) f.push(`g=${g}`, `g=${g}&${cs}`);
  if (i > 0) for (const g of gaz[i - 1]) f.push(`g-1=${g}`);
  if (i + 1 < gaz.length) for (const g of gaz[i + 1]) f.push(`g+1=${g}`);
  return f;
}

/**
 * Each token's observation features as strings (the trainer's view; the tagger looks up the same features
 * through per-token caches, token-rows.ts).
 */
export function sentenceFeatures(
  tokens: readonly string[],
  lexicon: NerLexicon,
  extra?: readonly (readonly string[])[],
): string[][] {
  const views = tokens.map((t) => tokenView(t, lexicon));
  return featuresOfViews(tokens, views, lexicon, extra);
}

export function featuresOfViews(
  tokens: readonly string[],
  views: readonly TokenView[],
  lexicon: NerLexicon,
  /** More features per token (the document features, document.ts). */
  extra?: readonly (readonly string[])[],
): string[][] {
  const n = views.length;
  const headline = isHeadline(views);
  const gaz = gazetteerMatches(
    views.map((v) => v.lower),
    tokens,
    lexicon.gazetteer,
  );
  return views.map((v, i) => [
    ...v.own,
    i === 0 ? v.first : v.rest,
    ...(headline ? v.headline : []),
    ...(i > 1 ? views[i - 2].asPrev2 : SENTENCE_EDGES.prev2),
    ...(i > 0 ? views[i - 1].asPrev : SENTENCE_EDGES.prev),
    ...(i + 1 < n ? views[i + 1].asNext : SENTENCE_EDGES.next),
    ...(i + 2 < n ? views[i + 2].asNext2 : SENTENCE_EDGES.next2),
    ...pairFeatures(views, i),
    ...gazetteerFeatures(gaz, v.case, i),
    ...(extra ? extra[i] : []),
  ]);
}
