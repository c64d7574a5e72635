/**
 * The tagger's fast path from tokens to emission scores. It reads exactly the features of featuresOfViews
 * (features.ts), but without building their strings: the model's features are indexed by template (the text
 * before the first "=") and value, so `w-1=LOWER` is the lower-cased word itself looked up in the map of
 * `w-1`, and a word pair is two lookups of the two words. A string keeps its hash once computed, so each word
 * is hashed once for all its features, and new strings are only built for values that are not already a word
 * or a shape (prefixes, suffixes, word&case). The features that depend on one token only (its own, and what
 * its neighbours see of it) are summed once per distinct token, by part; building and hashing the feature
 * strings of every token and pair of neighbours, and adding their rows one by one, was most of the tagging time.
 */
import { TAG_COUNT } from './decode.js';
import { caseOf, END, longShape, type NerLexicon, SENTENCE_EDGES, START, shapeOf } from './features.js';
import { gazetteerMatches } from './gazetteer.js';

/** Templates whose value is LEFT|RIGHT, indexed by both parts (bigramFeatures in features.ts). */
const PAIR_TEMPLATES = ['ww-1', 'ww+1', 'w-1sh', 'shw+1'];

/**
 * The row offsets of the model's features, by template and value. Exact for any feature string: a feature is
 * split at its first "=" (no template holds one), and a pair value at each of its "|" (a word may hold one),
 * so a lookup by parts finds a row exactly when the joined string is a feature.
 */
export class FeatureIndex {
  /** Features without "=", whole. */
  private readonly plain = new Map<string, number>();
  private readonly templates = new Map<string, Map<string, number>>();
  private readonly pairs = new Map<string, Map<string, Map<string, number>>>();
  private static readonly NONE = new Map<string, never>();

  constructor(rows: Iterable<readonly [string, number]>) {
    for (const template of PAIR_TEMPLATES) this.pairs.set(template, new Map());
    // the model's features come sorted, so a template's run shares one map (no slice and get per feature)
    let template: string | undefined;
    let values: Map<string, number> | undefined;
    let pairs: Map<string, Map<string, number>> | undefined;
    for (const [feature, row] of rows) {
      const eq = feature.indexOf('=');
      if (eq < 0) {
        this.plain.set(feature, row);
        continue;
      }
      if (template === undefined || eq !== template.length || !feature.startsWith(template)) {
        template = feature.slice(0, eq);
        pairs = this.pairs.get(template);
        values = this.templates.get(template);
        if (!values && !pairs) this.templates.set(template, (values = new Map()));
      }
      const value = feature.slice(eq + 1);
      if (pairs) {
        for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
          const left = value.slice(0, bar);
          let rights = pairs.get(left);
          if (!rights) pairs.set(left, (rights = new Map()));
          rights.set(value.slice(bar + 1), row);
        }
      } else values?.set(value, row);
    }
  }

  /** The values of one template (not a pair template's: see pairTemplate). */
  template(name: string): ReadonlyMap<string, number> {
    return this.templates.get(name) ?? FeatureIndex.NONE;
  }

  /** The rows of a pair template by left part, then right part. */
  pairTemplate(name: string): ReadonlyMap<string, ReadonlyMap<string, number>> {
    return this.pairs.get(name) ?? FeatureIndex.NONE;
  }

  /** The row of a feature string, or undefined. */
  get(feature: string): number | undefined {
    const eq = feature.indexOf('=');
    if (eq < 0) return this.plain.get(feature);
    const template = feature.slice(0, eq);
    const pairs = this.pairs.get(template);
    if (!pairs) return this.templates.get(template)?.get(feature.slice(eq + 1));
    const bar = feature.indexOf('|', eq);
    return bar < 0 ? undefined : pairs.get(feature.slice(eq + 1, bar))?.get(feature.slice(bar + 1));
  }
}

/** What the scorer keeps of one distinct token: what the features read, and its feature rows. */
/**
 * The parts of a token's scores the scorer keeps, each TAG_COUNT sums of feature weights: its own features
 * with those of the first position or of the rest, its headline features, and what a neighbour two before,
 * one before, one after and two after it sees of it (tokenView in features.ts).
 */
const OWN_FIRST = 0;
const OWN_REST = 1;
const HEADLINE = 2;
const AS_PREV2 = 3;
const AS_PREV = 4;
const AS_NEXT = 5;
const AS_NEXT2 = 6;
const PARTS = 7;

/** What the scorer keeps of one distinct token: what the features read, and its scores by part. */
interface TokenRows {
  lower: string;
  case: string;
  shape: string;
  /** sums[part * TAG_COUNT + tag]. The weights are integers, so sums are exact in any order. */
  sums: Float64Array;
}

/** The rows of g=LABEL, g=LABEL&CASE by case, g-1=LABEL and g+1=LABEL. */
interface GazetteerRows {
  own: number[];
  byCase: Map<string, number[]>;
  prev: number[];
  next: number[];
}

/** Distinct tokens (and whole extra features) kept before the cache starts over (bounds memory on an endless stream). */
const CACHE_LIMIT = 200_000;

/** The value maps of the templates of tokenView (features.ts). */
interface Templates {
  w: ReadonlyMap<string, number>;
  wc: ReadonlyMap<string, number>;
  sh: ReadonlyMap<string, number>;
  lsh: ReadonlyMap<string, number>;
  /** p1..p4, s1..s4. */
  prefix: ReadonlyMap<string, number>[];
  suffix: ReadonlyMap<string, number>[];
  lc: ReadonlyMap<string, number>;
  len: ReadonlyMap<string, number>;
  wPrev2: ReadonlyMap<string, number>;
  wPrev: ReadonlyMap<string, number>;
  shPrev: ReadonlyMap<string, number>;
  s3Prev: ReadonlyMap<string, number>;
  lcPrev: ReadonlyMap<string, number>;
  wNext: ReadonlyMap<string, number>;
  shNext: ReadonlyMap<string, number>;
  s3Next: ReadonlyMap<string, number>;
  lcNext: ReadonlyMap<string, number>;
  wNext2: ReadonlyMap<string, number>;
  shc: ReadonlyMap<string, number>;
}

type PairMap = ReadonlyMap<string, ReadonlyMap<string, number>>;

export class RowScorer {
  private readonly index: FeatureIndex;
  private readonly cache = new Map<string, TokenRows>();
  /** Rows of whole feature strings given from outside (the document features, few and reused). */
  private readonly whole = new Map<string, number>();
  private readonly t: Templates;
  /** The pair templates of bigramFeatures (features.ts): ww-1, w-1sh, ww+1, shw+1. */
  private readonly wwPrev: PairMap;
  private readonly wordShape: PairMap;
  private readonly wwNext: PairMap;
  private readonly shapeWord: PairMap;
  private readonly bias: number;
  private readonly lcHeadline: number;
  /** The sentence's ends as neighbours see them (SENTENCE_EDGES), at AS_PREV2..AS_NEXT2 in TokenRows.sums. */
  private readonly edges: Float64Array;
  /** Shape trigram rows by the three shapes (few distinct shapes, so no string is built per token). */
  private readonly trigrams = new Map<string, Map<string, Map<string, number>>>();
  private readonly gazetteer = new Map<string, GazetteerRows>();

  constructor(
    private readonly lexicon: NerLexicon,
    /** Feature → offset of its row in `table`. */
    rows: Iterable<readonly [string, number]>,
    private readonly table: Float64Array,
  ) {
    const index = new FeatureIndex(rows);
    this.index = index;
    const t = (name: string) => index.template(name);
    this.t = {
      w: t('w'),
      wc: t('wc'),
      sh: t('sh'),
      lsh: t('lsh'),
      prefix: [1, 2, 3, 4].map((k) => t(`p${k}`)),
      suffix: [1, 2, 3, 4].map((k) => t(`s${k}`)),
      lc: t('lc'),
      len: t('len'),
      wPrev2: t('w-2'),
      wPrev: t('w-1'),
      shPrev: t('sh-1'),
      s3Prev: t('s3-1'),
      lcPrev: t('lc-1'),
      wNext: t('w+1'),
      shNext: t('sh+1'),
      s3Next: t('s3+1'),
      lcNext: t('lc+1'),
      wNext2: t('w+2'),
      shc: t('shc'),
    };
    this.wwPrev = index.pairTemplate('ww-1');
    this.wordShape = index.pairTemplate('w-1sh');
    this.wwNext = index.pairTemplate('ww+1');
    this.shapeWord = index.pairTemplate('shw+1');
    this.bias = index.get('b') ?? -1;
    this.lcHeadline = index.get('lc&hl') ?? -1;
    const T = TAG_COUNT;
    this.edges = new Float64Array(PARTS * T);
    const edge = (part: number, features: readonly string[]) => {
      for (const f of features) addRow(this.edges, part * T, table, index.get(f) ?? -1);
    };
    edge(AS_PREV2, SENTENCE_EDGES.prev2);
    edge(AS_PREV, SENTENCE_EDGES.prev);
    edge(AS_NEXT, SENTENCE_EDGES.next);
    edge(AS_NEXT2, SENTENCE_EDGES.next2);
  }

  private trigram(prev: string, shape: string, next: string): number {
    let m1 = this.trigrams.get(prev);
    if (!m1) this.trigrams.set(prev, (m1 = new Map()));
    let m2 = m1.get(shape);
    if (!m2) m1.set(shape, (m2 = new Map()));
    let row = m2.get(next);
    if (row === undefined) m2.set(next, (row = this.t.shc.get(`${prev}|${shape}|${next}`) ?? -1));
    return row;
  }

  /** The rows of the features of a gazetteer match label (LIST:B or LIST:I), few and kept for good. */
  private gazetteerRows(g: string): GazetteerRows {
    let r = this.gazetteer.get(g);
    if (!r) {
      r = {
        own: this.lookup([`g=${g}`]),
        byCase: new Map(),
        prev: this.lookup([`g-1=${g}`]),
        next: this.lookup([`g+1=${g}`]),
      };
      this.gazetteer.set(g, r);
    }
    return r;
  }

  private lookup(features: readonly string[]): number[] {
    const out: number[] = [];
    for (const f of features) {
      const row = this.index.get(f);
      if (row !== undefined) out.push(row);
    }
    return out;
  }

  /** The features of tokenView (features.ts), summed by part. */
  private tokenRows(token: string): TokenRows {
    let r = this.cache.get(token);
    if (r) return r;
    const T = TAG_COUNT;
    const t = this.t;
    const table = this.table;
    const w = token.toLowerCase();
    const cs = caseOf(token);
    const sh = shapeOf(token);
    const known = this.lexicon.lower.has(w);
    const sums = new Float64Array(PARTS * T);
    // own features, into OWN_FIRST, then copied to OWN_REST
    addRow(sums, OWN_FIRST * T, table, this.bias);
    addValue(sums, OWN_FIRST, table, t.w, w);
    addValue(sums, OWN_FIRST, table, t.wc, `${w}&${cs}`);
    addValue(sums, OWN_FIRST, table, t.sh, sh);
    addValue(sums, OWN_FIRST, table, t.lsh, longShape(token));
    const len = w.length;
    for (let k = 1; k <= 4 && k < len; k++) {
      addValue(sums, OWN_FIRST, table, t.prefix[k - 1], w.slice(0, k));
      addValue(sums, OWN_FIRST, table, t.suffix[k - 1], w.slice(len - k));
    }
    if (known) addValue(sums, OWN_FIRST, table, t.lc, cs);
    if (cs !== 'lower' && w.includes('.')) addValue(sums, OWN_FIRST, table, t.len, String(Math.min(len, 4)));
    sums.copyWithin(OWN_REST * T, OWN_FIRST * T, OWN_FIRST * T + T);
    addValue(sums, OWN_FIRST, table, t.sh, `${sh}&first`);
    addValue(sums, OWN_REST, table, t.sh, `${sh}&rest`);
    addValue(sums, HEADLINE, table, t.sh, `${sh}&hl`);
    if (known) addRow(sums, HEADLINE * T, table, this.lcHeadline);
    const lc = known ? cs : 'no';
    const s3 = w.slice(-3);
    addValue(sums, AS_PREV2, table, t.wPrev2, w);
    addValue(sums, AS_PREV, table, t.wPrev, w);
    addValue(sums, AS_PREV, table, t.shPrev, sh);
    addValue(sums, AS_PREV, table, t.s3Prev, s3);
    addValue(sums, AS_PREV, table, t.lcPrev, lc);
    addValue(sums, AS_NEXT, table, t.wNext, w);
    addValue(sums, AS_NEXT, table, t.shNext, sh);
    addValue(sums, AS_NEXT, table, t.s3Next, s3);
    addValue(sums, AS_NEXT, table, t.lcNext, lc);
    addValue(sums, AS_NEXT2, table, t.wNext2, w);
    r = { lower: w, case: cs, shape: sh, sums };
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(token, r);
    return r;
  }

  /** The row of a whole feature string given from outside, remembered. */
  private wholeRow(feature: string): number {
    let row = this.whole.get(feature);
    if (row === undefined) {
      if (this.whole.size >= CACHE_LIMIT) this.whole.clear();
      this.whole.set(feature, (row = this.index.get(feature) ?? -1));
    }
    return row;
  }

  /** emit[i * T + tag]: the summed weights of token i's features for each tag. */
  emissions(tokens: readonly string[], extra?: readonly (readonly string[])[]): Float64Array {
    const T = TAG_COUNT;
    const n = tokens.length;
    const table = this.table;
    const emit = new Float64Array(n * T);
    const toks = tokens.map((t) => this.tokenRows(t));
    // isHeadline in features.ts
    const headline = !toks.some((v) => v.case === 'lower' || v.case === 'init' || v.case === 'mixed');
    const gaz = gazetteerMatches(
      toks.map((v) => v.lower),
      tokens,
      this.lexicon.gazetteer,
    );
    const edges = this.edges;
    for (let i = 0, base = 0; i < n; i++, base += T) {
      const r = toks[i];
      addPart(emit, base, r.sums, i === 0 ? OWN_FIRST : OWN_REST);
      if (headline) addPart(emit, base, r.sums, HEADLINE);
      addPart(emit, base, i > 1 ? toks[i - 2].sums : edges, AS_PREV2);
      addPart(emit, base, i > 0 ? toks[i - 1].sums : edges, AS_PREV);
      addPart(emit, base, i + 1 < n ? toks[i + 1].sums : edges, AS_NEXT);
      addPart(emit, base, i + 2 < n ? toks[i + 2].sums : edges, AS_NEXT2);
      // the pair features (bigramFeatures in features.ts): of prev and this token, of this token and next
      const prev = i > 0 ? toks[i - 1] : START;
      const next = i + 1 < n ? toks[i + 1] : END;
      addRow(emit, base, table, this.wwPrev.get(prev.lower)?.get(r.lower) ?? -1);
      addRow(emit, base, table, this.wordShape.get(prev.lower)?.get(r.shape) ?? -1);
      addRow(emit, base, table, this.wwNext.get(r.lower)?.get(next.lower) ?? -1);
      addRow(emit, base, table, this.shapeWord.get(r.shape)?.get(next.lower) ?? -1);
      addRow(emit, base, table, this.trigram(prev.shape, r.shape, next.shape));
      // the gazetteer features (gazetteerFeatures in features.ts), by cached rows of each match label
      for (const g of gaz[i]) {
        const gr = this.gazetteerRows(g);
        addRows(emit, base, table, gr.own);
        let byCase = gr.byCase.get(r.case);
        if (!byCase) gr.byCase.set(r.case, (byCase = this.lookup([`g=${g}&${r.case}`])));
        addRows(emit, base, table, byCase);
      }
      if (i > 0) for (const g of gaz[i - 1]) addRows(emit, base, table, this.gazetteerRows(g).prev);
      if (i + 1 < n) for (const g of gaz[i + 1]) addRows(emit, base, table, this.gazetteerRows(g).next);
      const fs = extra?.[i];
      if (fs) for (let k = 0; k < fs.length; k++) addRow(emit, base, table, this.wholeRow(fs[k]));
    }
    return emit;
  }
}

/** Adds the row at offset `row` of `table` (none when negative) to TAG_COUNT scores from `base`. */
function addRow(emit: Float64Array, base: number, table: Float64Array, row: number): void {
  if (row >= 0) for (let t = 0; t < TAG_COUNT; t++) emit[base + t] += table[row + t];
}

function addRows(emit: Float64Array, base: number, table: Float64Array, offsets: readonly number[]): void {
  for (let k = 0; k < offsets.length; k++) addRow(emit, base, table, offsets[k]);
}

/** Adds the row of a template's value, if the model has it, to one part of a token's sums. */
function addValue(
  sums: Float64Array,
  part: number,
  table: Float64Array,
  values: ReadonlyMap<string, number>,
  value: string,
): void {
  addRow(sums, part * TAG_COUNT, table, values.get(value) ?? -1);
}

/** Adds one part of a token's sums. */
function addPart(emit: Float64Array, base: number, sums: Float64Array, part: number): void {
  const from = part * TAG_COUNT;
  for (let t = 0; t < TAG_COUNT; t++) emit[base + t] += sums[from + t];
}
