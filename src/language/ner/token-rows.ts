/**
 * The tagger's fast path from tokens to emission scores. It reads exactly the features of featuresOfViews
 * (features.ts), but without building their strings: the model's features are indexed by template (the text
 * before the first "=") and value, so `w-1=LOWER` is the lower-cased word itself looked up in the map of
 * `w-1`, and a word pair is two lookups of the two words. A string keeps its hash once computed, so each word
 * is hashed once for all its features, and new strings are only built for values that are not already a
 * word or a shape (prefixes, suffixes, word&case). The features of one token are looked up once per distinct
 * token and kept as row offsets; building and hashing the feature strings of every token and every pair
 * of neighbours was most of the tagging time.
 */
import { TAG_COUNT } from './decode.js';
import { caseOf, END, longShape, type NerLexicon, START, shapeOf } from './features.js';
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
    for (const [feature, row] of rows) {
      const eq = feature.indexOf('=');
      if (eq < 0) {
        this.plain.set(feature, row);
        continue;
      }
      const template = feature.slice(0, eq);
      const value = feature.slice(eq + 1);
      const pairs = this.pairs.get(template);
      if (pairs) {
        for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
          const left = value.slice(0, bar);
          let rights = pairs.get(left);
          if (!rights) pairs.set(left, (rights = new Map()));
          rights.set(value.slice(bar + 1), row);
        }
      }
      let values = this.templates.get(template);
      if (!values) this.templates.set(template, (values = new Map()));
      values.set(value, row);
    }
  }

  /** The values of one template (a pair template's whole LEFT|RIGHT values included). */
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
    return this.templates.get(feature.slice(0, eq))?.get(feature.slice(eq + 1));
  }
}

/** What the scorer keeps of one distinct token: what the features read, and its feature rows. */
interface TokenRows {
  lower: string;
  case: string;
  shape: string;
  own: number[];
  first: number[];
  rest: number[];
  headline: number[];
  asPrev2: number[];
  asPrev: number[];
  asNext: number[];
  asNext2: number[];
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

const PREFIXES = ['p1', 'p2', 'p3', 'p4'];
const SUFFIXES = ['s1', 's2', 's3', 's4'];

/** The value maps of the templates the token features read (tokenView in features.ts). */
interface Templates {
  [name: string]: ReadonlyMap<string, number>;
}

export class RowScorer {
  private readonly index: FeatureIndex;
  private readonly cache = new Map<string, TokenRows>();
  /** Rows of whole feature strings given from outside (the document features, few and reused). */
  private readonly whole = new Map<string, number>();
  private readonly t: Templates;
  private readonly ww: Record<
    'prev' | 'next' | 'wordShape' | 'shapeWord',
    ReadonlyMap<string, ReadonlyMap<string, number>>
  >;
  private readonly bias: number[];
  private readonly lcHeadline: number[];
  /** The ends of a sentence, as neighbours see them. */
  private readonly start: Pick<TokenRows, 'lower' | 'shape'> = START;
  private readonly end: Pick<TokenRows, 'lower' | 'shape'> = END;
  /** Shape trigram rows by the three shapes (few distinct shapes, so no string is built per token). */
  private readonly trigrams = new Map<string, Map<string, Map<string, number>>>();
  private readonly edges: Record<'prev2' | 'prev' | 'next' | 'next2', number[]>;
  private readonly gazetteer = new Map<string, GazetteerRows>();

  constructor(
    private readonly lexicon: NerLexicon,
    /** Feature → offset of its row in `table`. */
    rows: Iterable<readonly [string, number]>,
    private readonly table: Float64Array,
  ) {
    const index = new FeatureIndex(rows);
    this.index = index;
    const names = ['w', 'wc', 'sh', 'lsh', ...PREFIXES, ...SUFFIXES, 'lc', 'len', 'w-2', 'w-1', 'w+1', 'w+2'];
    this.t = {};
    for (const name of [...names, 'sh-1', 'sh+1', 's3-1', 's3+1', 'lc-1', 'lc+1', 'shc'])
      this.t[name] = index.template(name);
    this.ww = {
      prev: index.pairTemplate('ww-1'),
      next: index.pairTemplate('ww+1'),
      wordShape: index.pairTemplate('w-1sh'),
      shapeWord: index.pairTemplate('shw+1'),
    };
    this.bias = this.lookup(['b']);
    this.lcHeadline = this.lookup(['lc&hl']);
    // SENTENCE_EDGES in features.ts
    this.edges = {
      prev2: this.lookup(['w-2=<s>']),
      prev: this.lookup(['w-1=<s>', 'sh-1=<s>']),
      next: this.lookup(['w+1=</s>', 'sh+1=</s>']),
      next2: this.lookup(['w+2=</s>']),
    };
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

  /** The rows of (template, value) pairs, given flat: template, value, template, value... */
  private rowsOf(...pairs: string[]): number[] {
    const out: number[] = [];
    for (let k = 0; k < pairs.length; k += 2) {
      const row = this.t[pairs[k]].get(pairs[k + 1]);
      if (row !== undefined) out.push(row);
    }
    return out;
  }

  /** The token features of tokenView (features.ts), as rows. */
  private tokenRows(token: string): TokenRows {
    let r = this.cache.get(token);
    if (r) return r;
    const w = token.toLowerCase();
    const cs = caseOf(token);
    const sh = shapeOf(token);
    const known = this.lexicon.lower.has(w);
    const own = [...this.bias, ...this.rowsOf('w', w, 'wc', `${w}&${cs}`, 'sh', sh, 'lsh', longShape(token))];
    const len = w.length;
    for (let k = 1; k <= 4 && k < len; k++)
      own.push(...this.rowsOf(PREFIXES[k - 1], w.slice(0, k), SUFFIXES[k - 1], w.slice(len - k)));
    if (known) own.push(...this.rowsOf('lc', cs));
    if (cs !== 'lower' && w.includes('.')) own.push(...this.rowsOf('len', String(Math.min(len, 4))));
    const lc = known ? cs : 'no';
    const s3 = w.slice(-3);
    r = {
      lower: w,
      case: cs,
      shape: sh,
      own,
      first: this.rowsOf('sh', `${sh}&first`),
      rest: this.rowsOf('sh', `${sh}&rest`),
      headline: [...this.rowsOf('sh', `${sh}&hl`), ...(known ? this.lcHeadline : [])],
      asPrev2: this.rowsOf('w-2', w),
      asPrev: this.rowsOf('w-1', w, 'sh-1', sh, 's3-1', s3, 'lc-1', lc),
      asNext: this.rowsOf('w+1', w, 'sh+1', sh, 's3+1', s3, 'lc+1', lc),
      asNext2: this.rowsOf('w+2', w),
    };
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
    const ww = this.ww;
    for (let i = 0, base = 0; i < n; i++, base += T) {
      const r = toks[i];
      addRows(emit, base, table, r.own);
      addRows(emit, base, table, i === 0 ? r.first : r.rest);
      if (headline) addRows(emit, base, table, r.headline);
      addRows(emit, base, table, i > 1 ? toks[i - 2].asPrev2 : edges.prev2);
      addRows(emit, base, table, i > 0 ? toks[i - 1].asPrev : edges.prev);
      addRows(emit, base, table, i + 1 < n ? toks[i + 1].asNext : edges.next);
      addRows(emit, base, table, i + 2 < n ? toks[i + 2].asNext2 : edges.next2);
      // the pair features (bigramFeatures in features.ts): of prev r, then of r next
      const prev = i > 0 ? toks[i - 1] : this.start;
      const next = i + 1 < n ? toks[i + 1] : this.end;
      addRow(emit, base, table, ww.prev.get(prev.lower)?.get(r.lower));
      addRow(emit, base, table, ww.wordShape.get(prev.lower)?.get(r.shape));
      addRow(emit, base, table, ww.next.get(r.lower)?.get(next.lower));
      addRow(emit, base, table, ww.shapeWord.get(r.shape)?.get(next.lower));
      const tri = this.trigram(prev.shape, r.shape, next.shape);
      if (tri >= 0) addRow(emit, base, table, tri);
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
      if (fs)
        for (let k = 0; k < fs.length; k++) {
          const row = this.wholeRow(fs[k]);
          if (row >= 0) addRow(emit, base, table, row);
        }
    }
    return emit;
  }
}

function addRow(emit: Float64Array, base: number, table: Float64Array, row: number | undefined): void {
  if (row !== undefined) for (let t = 0; t < TAG_COUNT; t++) emit[base + t] += table[row + t];
}

function addRows(emit: Float64Array, base: number, table: Float64Array, offsets: readonly number[]): void {
  for (let k = 0; k < offsets.length; k++) {
    const row = offsets[k];
    for (let t = 0; t < TAG_COUNT; t++) emit[base + t] += table[row + t];
  }
}
