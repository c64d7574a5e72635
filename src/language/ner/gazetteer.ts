/**
 * Gazetteer matching for the tagger: which tokens of a sentence begin or continue a listed name (a country,
 * a city, a demonym...). The lists are stored in the NER model (built at training time from data packages by
 * scripts/train/ner-gazetteer.ts); here they are only looked up. Matching ignores case, so ALL-CAPS headlines
 * match too, but a match must start on a token that is not lower-case, since many place names are also words.
 */

/** Lists of names, each a phrase of lower-cased tokens joined by spaces, by list name. */
export type GazetteerLists = Record<string, readonly string[]>;

/** A listed phrase (as tokens) and its list. */
export interface GazetteerEntry {
  tokens: string[];
  list: string;
}

/** First token → the phrases that start with it, longest first (lists in name order, then list order), with their list. */
export interface GazetteerIndex {
  get(first: string): readonly GazetteerEntry[] | undefined;
}

/** First tokens whose entries are kept before the cache starts over (bounds memory on an endless stream). */
const CACHE_LIMIT = 100_000;

const isSorted = (list: readonly string[]): boolean => {
  for (let i = 1; i < list.length; i++) if (list[i - 1] > list[i]) return false;
  return true;
};

/** The first position in a sorted list whose phrase is not below `key` (code-unit order, as sort() orders). */
function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index of the lists, built on demand: nothing is split or grouped up front (a model's lists hold some
 * 170,000 names, and a text looks up a few hundred first tokens). The phrases that start with a token are
 * found by binary search in each sorted list (the phrase equal to the token, then the run of phrases that
 * begin with the token and a space), and kept per token. The entries come in the order a full index would
 * give them: lists by name, each list in its order, then longest first (a stable sort).
 */
export function indexGazetteer(lists: GazetteerLists): GazetteerIndex {
  const names = Object.keys(lists).sort();
  // the model's lists are stored sorted; other callers' lists are sorted here (a copy)
  const sorted = names.map((name) => (isSorted(lists[name]) ? lists[name] : [...lists[name]].sort()));
  const cache = new Map<string, GazetteerEntry[] | null>();
  const find = (first: string): GazetteerEntry[] | null => {
    // a phrase's tokens are split at spaces, so no first token holds one
    if (first.includes(' ')) return null;
    const entries: GazetteerEntry[] = [];
    const prefix = `${first} `;
    for (let k = 0; k < names.length; k++) {
      const list = sorted[k];
      const at = lowerBound(list, first);
      let i = at;
      for (; i < list.length && list[i] === first; i++) entries.push({ tokens: [first], list: names[k] });
      // the phrases starting with `first ` follow, unless some start with `first` and a character below " "
      if (i < list.length && list[i] < prefix) i = lowerBound(list, prefix);
      for (; i < list.length && list[i].startsWith(prefix); i++)
        entries.push({ tokens: list[i].split(' '), list: names[k] });
    }
    if (!entries.length) return null;
    entries.sort((a, b) => b.tokens.length - a.tokens.length);
    return entries;
  };
  return {
    get(first: string) {
      let entries = cache.get(first);
      if (entries === undefined) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(first, (entries = find(first)));
      }
      return entries ?? undefined;
    },
  };
}

const startsLower = (token: string) => {
  const c = token.charCodeAt(0);
  return c >= 97 && c <= 122;
};

const NO_MATCHES: string[] = [];

function addLabel(out: string[][], i: number, label: string): void {
  if (out[i] === NO_MATCHES) out[i] = [label];
  else out[i].push(label);
}

/** "LIST:B" and "LIST:I" of each list, built once (the scorer looks them up, and a string keeps its hash). */
const LABELS = new Map<string, readonly [string, string]>();

function labels(list: string): readonly [string, string] {
  let l = LABELS.get(list);
  if (!l) LABELS.set(list, (l = [`${list}:B`, `${list}:I`]));
  return l;
}

/**
 * For each token, the matches it is part of as "LIST:B" (first token of the name) or "LIST:I"; for each list
 * only the longest match from a start is taken.
 */
export function gazetteerMatches(
  lower: readonly string[],
  tokens: readonly string[],
  index: GazetteerIndex,
): string[][] {
  // most tokens match nothing: they share one empty list
  const out: string[][] = new Array(tokens.length).fill(NO_MATCHES);
  for (let i = 0; i < tokens.length; i++) {
    if (startsLower(tokens[i])) continue;
    const entries = index.get(lower[i]);
    if (!entries) continue;
    const done: string[] = [];
    for (const { tokens: phrase, list } of entries) {
      if (i + phrase.length > tokens.length || done.includes(list)) continue;
      let k = 1;
      while (k < phrase.length && phrase[k] === lower[i + k]) k++;
      if (k < phrase.length) continue;
      done.push(list);
      const [begin, inside] = labels(list);
      addLabel(out, i, begin);
      for (let j = 1; j < phrase.length; j++) addLabel(out, i + j, inside);
    }
  }
  return out;
}
