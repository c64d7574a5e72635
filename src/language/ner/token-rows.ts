/**
 * The tagger's fast path from tokens to emission scores. It reads exactly the features of featuresOfViews
 * (features.ts), but the features that depend on one token only (its own, and what its neighbours see of it)
 * are looked up once per distinct token and kept as table offsets: building and hashing the feature strings
 * for every occurrence was most of the tagging time. Only the pair and gazetteer features, which depend on
 * the neighbours, are still looked up as strings per sentence.
 */
import { TAG_COUNT } from './decode.js';
import {
  bigramFeatures,
  END,
  isHeadline,
  type NerLexicon,
  SENTENCE_EDGES,
  START,
  shapeTrigram,
  type TokenView,
  tokenView,
} from './features.js';
import { gazetteerMatches } from './gazetteer.js';

/** A token's view with each feature list as the offsets of its rows in the weight table (unknown ones left out). */
interface TokenRows {
  view: TokenView;
  own: number[];
  first: number[];
  rest: number[];
  headline: number[];
  asPrev2: number[];
  asPrev: number[];
  asNext: number[];
  asNext2: number[];
  /** The rows of the pair features of this token and the next one, by that next token. */
  pairs: Map<TokenRows, { left: number[]; right: number[] }>;
}

/** The rows of g=LABEL, g=LABEL&CASE by case, g-1=LABEL and g+1=LABEL. */
interface GazetteerRows {
  own: number[];
  byCase: Map<string, number[]>;
  prev: number[];
  next: number[];
}

/** Distinct tokens kept before the cache starts over (bounds memory on an endless stream of new words). */
const CACHE_LIMIT = 200_000;

export class RowScorer {
  private readonly cache = new Map<string, TokenRows>();
  private pairCount = 0;
  private readonly start: TokenRows;
  private readonly end: TokenRows;
  /** Shape trigram rows by the three shapes (few distinct shapes, so no string is built per token). */
  private readonly trigrams = new Map<string, Map<string, Map<string, number>>>();
  private readonly edges: Record<keyof typeof SENTENCE_EDGES, number[]>;
  private readonly gazetteer = new Map<string, GazetteerRows>();

  constructor(
    private readonly lexicon: NerLexicon,
    /** Feature → offset of its row in `table`. */
    private readonly rows: ReadonlyMap<string, number>,
    private readonly table: Float64Array,
  ) {
    this.edges = {
      prev2: this.lookup(SENTENCE_EDGES.prev2),
      prev: this.lookup(SENTENCE_EDGES.prev),
      next: this.lookup(SENTENCE_EDGES.next),
      next2: this.lookup(SENTENCE_EDGES.next2),
    };
    const edge = (word: typeof START): TokenRows => ({
      view: { ...tokenView('', lexicon), ...word },
      own: [],
      first: [],
      rest: [],
      headline: [],
      asPrev2: [],
      asPrev: [],
      asNext: [],
      asNext2: [],
      pairs: new Map(),
    });
    this.start = edge(START);
    this.end = edge(END);
  }

  /** The pair rows of adjacent tokens a b, cached on a. */
  private pair(a: TokenRows, b: TokenRows): { left: number[]; right: number[] } {
    let p = a.pairs.get(b);
    if (p) return p;
    const f = bigramFeatures(a.view, b.view);
    p = { left: this.lookup(f.left), right: this.lookup(f.right) };
    if (++this.pairCount > CACHE_LIMIT * 4) this.clear();
    a.pairs.set(b, p);
    return p;
  }

  private trigram(prev: string, shape: string, next: string): number {
    let m1 = this.trigrams.get(prev);
    if (!m1) this.trigrams.set(prev, (m1 = new Map()));
    let m2 = m1.get(shape);
    if (!m2) m1.set(shape, (m2 = new Map()));
    let row = m2.get(next);
    if (row === undefined) m2.set(next, (row = this.rows.get(shapeTrigram(prev, shape, next)) ?? -1));
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

  private clear(): void {
    this.cache.clear();
    for (const t of [this.start, this.end]) t.pairs.clear();
    this.pairCount = 0;
  }

  private lookup(features: readonly string[]): number[] {
    const out: number[] = [];
    for (const f of features) {
      const row = this.rows.get(f);
      if (row !== undefined) out.push(row);
    }
    return out;
  }

  private tokenRows(token: string): TokenRows {
    let r = this.cache.get(token);
    if (r) return r;
    const view = tokenView(token, this.lexicon);
    r = {
      view,
      own: this.lookup(view.own),
      first: this.lookup([view.first]),
      rest: this.lookup([view.rest]),
      headline: this.lookup(view.headline),
      asPrev2: this.lookup(view.asPrev2),
      asPrev: this.lookup(view.asPrev),
      asNext: this.lookup(view.asNext),
      asNext2: this.lookup(view.asNext2),
      pairs: new Map(),
    };
    if (this.cache.size >= CACHE_LIMIT) this.clear();
    this.cache.set(token, r);
    return r;
  }

  /** emit[i * T + tag]: the summed weights of token i's features for each tag. */
  emissions(tokens: readonly string[], extra?: readonly (readonly string[])[]): Float64Array {
    const T = TAG_COUNT;
    const n = tokens.length;
    const table = this.table;
    const emit = new Float64Array(n * T);
    const toks = tokens.map((t) => this.tokenRows(t));
    const views = toks.map((t) => t.view);
    const headline = isHeadline(views);
    const gaz = gazetteerMatches(
      views.map((v) => v.lower),
      tokens,
      this.lexicon.gazetteer,
    );
    const rows = this.rows;
    const edges = this.edges;
    for (let i = 0, base = 0; i < n; i++, base += T) {
      const r = toks[i];
      addRows(emit, base, table, r.own);
      addRows(emit, base, table, i === 0 ? r.first : r.rest);
      if (headline) addRows(emit, base, table, r.headline);
      addRows(emit, base, table, i > 1 ? toks[i - 2].asPrev2 : edges.prev2);
      addRows(emit, base, table, i > 0 ? toks[i - 1].asPrev : edges.prev);
      addRows(emit, base, table, i + 1 < n ? toks[i + 1].asNext : edges.next);
      addRows(emit, base, table, i + 2 < n ? toks[i + 2].asNext2 : edges.next2);
      const prev = i > 0 ? toks[i - 1] : this.start;
      const next = i + 1 < n ? toks[i + 1] : this.end;
      addRows(emit, base, table, this.pair(prev, r).right);
      addRows(emit, base, table, this.pair(r, next).left);
      const tri = this.trigram(prev.view.shape, r.view.shape, next.view.shape);
      if (tri >= 0) for (let t = 0; t < T; t++) emit[base + t] += table[tri + t];
      // the gazetteer features (gazetteerFeatures in features.ts), by cached rows of each match label
      for (const g of gaz[i]) {
        const gr = this.gazetteerRows(g);
        addRows(emit, base, table, gr.own);
        let byCase = gr.byCase.get(r.view.case);
        if (!byCase) gr.byCase.set(r.view.case, (byCase = this.lookup([`g=${g}&${r.view.case}`])));
        addRows(emit, base, table, byCase);
      }
      if (i > 0) for (const g of gaz[i - 1]) addRows(emit, base, table, this.gazetteerRows(g).prev);
      if (i + 1 < n) for (const g of gaz[i + 1]) addRows(emit, base, table, this.gazetteerRows(g).next);
      if (extra?.[i].length) addFeatures(emit, base, table, rows, extra[i]);
    }
    return emit;
  }
}

function addRows(emit: Float64Array, base: number, table: Float64Array, offsets: readonly number[]): void {
  for (let k = 0; k < offsets.length; k++) {
    const row = offsets[k];
    for (let t = 0; t < TAG_COUNT; t++) emit[base + t] += table[row + t];
  }
}

function addFeatures(
  emit: Float64Array,
  base: number,
  table: Float64Array,
  rows: ReadonlyMap<string, number>,
  features: readonly string[],
): void {
  for (let k = 0; k < features.length; k++) {
    const row = rows.get(features[k]);
    if (row !== undefined) for (let t = 0; t < TAG_COUNT; t++) emit[base + t] += table[row + t];
  }
}
