/**
 * Event features of an article: what tells one event from another of the same kind.
 *  - content terms (Porter stems, stopwords removed), weighted by TF-IDF at scoring time;
 *  - names: capitalized words that do not open a sentence ("Lohan", "Fulton"), prefixed `e:`;
 *  - numbers and years ("485", "2005"), prefixed `n:` (also kept as plain content terms);
 *  - the latest year mentioned, and word hashes for near-duplicate shingles.
 * Pure functions (plus a bounded memo); the output is a bag of feature → weight before IDF.
 */
import { isStopword, stem, TOKEN_PATTERNS } from '../language/tokens.js';
import type { Article } from '../model.js';

/** Extra weight of a name or number feature relative to a plain content term (before IDF). */
export const NAME_BOOST = 1.5;

/** A feature bag: feature → sublinear term frequency (1 + ln tf), names and numbers weighted. */
export type FeatureBag = Map<string, number>;

/**
 * Characters of an article its features and shingles are taken from (about 500 words): the lead and
 * first paragraphs of news carry the event, and the cap bounds the work on very long pages.
 */
export const FEATURE_CHARS = 3500;

/** What one pass over an article's text yields. */
export interface Analysis {
  bag: FeatureBag;
  /** FNV hashes of the lower-cased word tokens, in order, for shingling. */
  wordHashes: Int32Array;
  /** The latest year (1900–2099) the text mentions: a lower bound of when it was written. */
  latestYear?: number;
}

/** The 'compound' token notion, copied: this module runs its own exec loop over it. */
const TOKEN = new RegExp(TOKEN_PATTERNS.compound);
const UPPER = /\p{Lu}/u;
const DIGIT = /\d/;
const INNER = /['’.\-,]/;

/** FNV-1a over a string, 32 bits (signed). */
export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** True when the token at `at` opens a sentence: only spaces/quotes since a line start or . ! ? */
function opensSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ' ' || c === '"' || c === '“' || c === '‘' || c === "'" || c === '(' || c === '\t') continue;
    return c === '\n' || c === '.' || c === '!' || c === '?';
  }
  return true;
}

/** Lower-cased word → its content term, or '' for a stopword or a 1-letter word (memo, bounded). */
const termMemo = new Map<string, string>();

function contentTerm(word: string): string {
  let t = termMemo.get(word);
  if (t === undefined) {
    if ((word.length < 2 && !DIGIT.test(word)) || isStopword(word)) t = '';
    else t = DIGIT.test(word[0]) ? word : stem(word);
    if (termMemo.size > 200_000) termMemo.clear();
    termMemo.set(word, t);
  }
  return t;
}

function addContent(counts: Map<string, number>, word: string): void {
  const t = contentTerm(word);
  if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
}

/**
 * One pass over the first FEATURE_CHARS of a text: content terms (stopwords out, Porter stems, numbers
 * kept), names (`e:` + stem of a capitalized word that does not open a sentence; ALL-CAPS words longer
 * than five letters are datelines or shouting, not names), numbers (`n:`), and word hashes for shingles.
 */
export function analyze(fullText: string, nameBoost = NAME_BOOST): Analysis {
  const text =
    fullText.length > FEATURE_CHARS ? fullText.slice(0, fullText.lastIndexOf(' ', FEATURE_CHARS)) : fullText;
  const counts = new Map<string, number>();
  const hashes: number[] = [];
  let latestYear: number | undefined;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const tok = m[0];
    const lower = tok.toLowerCase();
    hashes.push(fnv(lower));
    if (INNER.test(lower)) for (const part of lower.split(/['’.\-,]+/)) addContent(counts, part);
    else addContent(counts, lower);
    const first = tok[0];
    if (DIGIT.test(first)) {
      if (
        tok.length === 4 &&
        (tok[0] === '1' ? tok[1] === '9' : tok[0] === '2' && tok[1] === '0') &&
        DIGIT.test(tok[2]) &&
        DIGIT.test(tok[3])
      ) {
        const y = Number(tok);
        if (latestYear === undefined || y > latestYear) latestYear = y;
      }
      const n = `n:${lower.replace(/,(?=\d{3}\b)/g, '')}`;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    } else if (UPPER.test(first) && !opensSentence(text, m.index)) {
      const name = lower.replace(/['’]s$/, '').replace(/\./g, '');
      if (name.length < 2 || isStopword(name)) continue;
      if (name.length > 5 && tok === tok.toUpperCase()) continue;
      const e = `e:${stem(name)}`;
      counts.set(e, (counts.get(e) ?? 0) + 1);
    }
  }
  // Counts become weights in place: sublinear TF, names and numbers scaled by the boost.
  for (const [t, f] of counts) {
    const w = 1 + Math.log(f);
    if (t.charCodeAt(1) !== 58 /* ':' */) counts.set(t, w);
    else if (nameBoost > 0) counts.set(t, w * nameBoost);
    else counts.delete(t);
  }
  return { bag: counts, wordHashes: Int32Array.from(hashes), latestYear };
}

/** The feature bag of a text (see `analyze`). */
export function featureBag(text: string): FeatureBag {
  return analyze(text).bag;
}

/** The text an article is clustered on: its title (when it has one) and body. */
export function articleText(article: Article): string {
  return article.title && !article.text.startsWith(article.title)
    ? `${article.title}\n${article.text}`
    : article.text;
}
