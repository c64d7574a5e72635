/**
 * Document-level context for the NER tagger (Ratinov & Roth 2009): what the rest of an article says about a
 * word. Two kinds of features, both for tokens with a capital letter:
 *   - capitalisation in the document: is the word also written lower-case somewhere in the article, or
 *     capitalized in the middle of a sentence of running text? (An ALL-CAPS headline word that the body
 *     writes "Leicestershire" is a name; one it writes "beat" is not.)
 *   - prediction history: the entity types the tagger gave the same word in the sentences it tagged before
 *     in this article. Running-text sentences are tagged first, in order, and ALL-CAPS headlines last, so a
 *     headline sees what the body made of its words.
 * A document of one sentence gets no document features (the tagger then reads the sentence alone).
 */
import { NER_TAGS } from './bio.js';
import { caseOf } from './features.js';

/** The types a history counts, in this order: O, then the entity types. */
export const HISTORY_TYPES = ['O', 'PER', 'ORG', 'LOC', 'MISC'] as const;
/** The HISTORY_TYPES index of each tag index (NER_TAGS order). */
export const TAG_TYPE = Int32Array.from(NER_TAGS, (t) =>
  t === 'O' ? 0 : HISTORY_TYPES.indexOf(t.slice(2) as 'O'),
);

const hasLetterCase = (cs: string) => cs === 'init' || cs === 'caps' || cs === 'mixed';

/** A sentence with no lower-case, capitalized or mixed-case token (an ALL-CAPS headline). */
function allCaps(tokens: readonly string[]): boolean {
  for (const t of tokens) {
    const cs = caseOf(t);
    if (cs === 'lower' || cs === 'init' || cs === 'mixed') return false;
  }
  return true;
}

export interface DocumentContext {
  /** Lower-cased words written lower-case somewhere in the document. */
  lower: Set<string>;
  /** Lower-cased words written capitalized (not all caps) after the first token of a running-text sentence. */
  mid: Set<string>;
  /** Sentence indices in the order to tag them: running text first, ALL-CAPS headlines last. */
  order: number[];
  /** Whether the document features are used at all (more than one sentence). */
  active: boolean;
}

export function documentContext(sentences: readonly (readonly string[])[]): DocumentContext {
  const lower = new Set<string>();
  const mid = new Set<string>();
  const body: number[] = [];
  const heads: number[] = [];
  sentences.forEach((tokens, s) => {
    const caps = allCaps(tokens);
    (caps ? heads : body).push(s);
    tokens.forEach((t, i) => {
      const cs = caseOf(t);
      if (cs === 'lower') lower.add(t);
      else if (!caps && i > 0 && (cs === 'init' || cs === 'mixed')) mid.add(t.toLowerCase());
    });
  });
  return { lower, mid, order: [...body, ...heads], active: sentences.length > 1 };
}

/** Counts per lower-cased word and HISTORY_TYPES of the types the tagger gave it so far in the document. */
export type History = Map<string, Int32Array>;

/** Adds a tagged sentence (tag indices, NER_TAGS order) to the history. */
export function recordHistory(history: History, tokens: readonly string[], tags: ArrayLike<number>): void {
  for (let i = 0; i < tokens.length; i++) {
    if (!hasLetterCase(caseOf(tokens[i]))) continue;
    const w = tokens[i].toLowerCase();
    let counts = history.get(w);
    if (!counts) history.set(w, (counts = new Int32Array(HISTORY_TYPES.length)));
    counts[TAG_TYPE[tags[i]]]++;
  }
}

/**
 * The document features of each token of one sentence: dc=FLAGS&CASE[&hl] (FLAGS: l if the document writes
 * the word lower-case, i if it capitalizes it mid-sentence, - for neither), and from the history hm=TYPE
 * (the type given most often, first in HISTORY_TYPES on a tie), hm=TYPE&CASE, hm=TYPE&hl|0|r (in a headline, first
 * in its sentence, or further on), h=TYPE for every type given.
 */
export function documentFeatures(
  tokens: readonly string[],
  doc: DocumentContext,
  history: History,
): string[][] {
  if (!doc.active) return tokens.map(() => []);
  const headline = allCaps(tokens);
  return tokens.map((t, i) => {
    const c = CASES.indexOf(caseOf(t));
    if (c < 0) return [];
    const w = t.toLowerCase();
    const flags = (doc.lower.has(w) ? 1 : 0) + (doc.mid.has(w) ? 2 : 0);
    const f = [NAMES.dc[flags][c][headline ? 1 : 0]];
    const counts = history.get(w);
    if (counts) {
      let best = 0;
      for (let k = 0; k < counts.length; k++) {
        if (counts[k] > counts[best]) best = k;
        if (counts[k]) f.push(NAMES.h[k]);
      }
      f.push(NAMES.hm[best], NAMES.hmCase[best][c], NAMES.hmWhere[best][headline ? 0 : i === 0 ? 1 : 2]);
    }
    return f;
  });
}

/** The cases that get document features. */
const CASES = ['init', 'caps', 'mixed'];

/**
 * The feature names, built once: the tagger looks each up in a map, and the same string object each time
 * keeps its hash (a string built anew is hashed again).
 */
const NAMES = {
  dc: ['-', 'l', 'i', 'li'].map((flags) => CASES.map((cs) => [`dc=${flags}&${cs}`, `dc=${flags}&${cs}&hl`])),
  h: HISTORY_TYPES.map((type) => `h=${type}`),
  hm: HISTORY_TYPES.map((type) => `hm=${type}`),
  hmCase: HISTORY_TYPES.map((type) => CASES.map((cs) => `hm=${type}&${cs}`)),
  hmWhere: HISTORY_TYPES.map((type) => ['hl', '0', 'r'].map((where) => `hm=${type}&${where}`)),
};

const DATE = /^\d{4}-\d\d-\d\d$/;

/**
 * Where documents start in a stream of sentences with no document marks (CoNLL-2003 as converted here lost
 * its -DOCSTART- lines): each Reuters story opens with a headline and a dateline ("LONDON 1996-08-30"), so a
 * short sentence ending in an ISO date starts a document at the sentence before it. Returns the start index
 * of each document (0 first).
 */
export function documentStarts(sentences: readonly (readonly string[])[]): number[] {
  const starts = [0];
  for (let s = 2; s < sentences.length; s++) {
    const t = sentences[s];
    if (t.length <= 8 && DATE.test(t[t.length - 1] ?? '') && s - 1 > starts[starts.length - 1])
      starts.push(s - 1);
  }
  return starts;
}

/** The sentences split into documents at documentStarts. */
export function splitDocuments<T>(items: readonly T[], tokens: (item: T) => readonly string[]): T[][] {
  const starts = documentStarts(items.map(tokens));
  return starts.map((start, k) => items.slice(start, starts[k + 1] ?? items.length));
}

/**
 * Tags the sentences of one document in context order: `decode` gets a sentence's tokens and its document
 * features and returns its tag indices (NER_TAGS order), which go into the history the later sentences see.
 * Returns the tags in the sentences' own order. The tagger, the trainer and its evaluation all run this loop.
 */
export function tagInDocument(
  sentences: readonly (readonly string[])[],
  decode: (tokens: readonly string[], docFeatures: string[][], index: number) => ArrayLike<number>,
  useDocument = true,
): ArrayLike<number>[] {
  const doc = documentContext(sentences);
  if (!useDocument) doc.active = false;
  const history: History = new Map();
  const out: ArrayLike<number>[] = sentences.map(() => []);
  for (const s of doc.order) {
    const tokens = sentences[s];
    if (!tokens.length) continue;
    const tags = decode(tokens, documentFeatures(tokens, doc, history), s);
    if (doc.active) recordHistory(history, tokens, tags);
    out[s] = tags;
  }
  return out;
}
