/**
 * Gazetteer matching for the tagger: which tokens of a sentence begin or continue a listed name (a country,
 * a city, a demonym...). The lists are stored in the NER model (built at training time from data packages by
 * scripts/train/ner-gazetteer.ts); here they are only looked up. Matching ignores case, so ALL-CAPS headlines
 * match too, but a match must start on a token that is not lower-case, since many place names are also words.
 */

/** Lists of names, each a phrase of lower-cased tokens joined by spaces, by list name. */
export type GazetteerLists = Record<string, readonly string[]>;

/** First token → the phrases (as token arrays) that start with it, longest first, with their list. */
export type GazetteerIndex = Map<string, Array<{ tokens: string[]; list: string }>>;

export function indexGazetteer(lists: GazetteerLists): GazetteerIndex {
  const index: GazetteerIndex = new Map();
  for (const list of Object.keys(lists).sort())
    for (const phrase of lists[list]) {
      const tokens = phrase.split(' ');
      let entries = index.get(tokens[0]);
      if (!entries) index.set(tokens[0], (entries = []));
      entries.push({ tokens, list });
    }
  for (const entries of index.values()) entries.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

const startsLower = (token: string) => {
  const c = token.charCodeAt(0);
  return c >= 97 && c <= 122;
};

/**
 * For each token, the matches it is part of as "LIST:B" (first token of the name) or "LIST:I"; for each list
 * only the longest match from a start is taken.
 */
export function gazetteerMatches(
  lower: readonly string[],
  tokens: readonly string[],
  index: GazetteerIndex,
): string[][] {
  const out: string[][] = tokens.map(() => []);
  for (let i = 0; i < tokens.length; i++) {
    if (startsLower(tokens[i])) continue;
    const entries = index.get(lower[i]);
    if (!entries) continue;
    const done = new Set<string>();
    for (const { tokens: phrase, list } of entries) {
      if (done.has(list) || i + phrase.length > tokens.length) continue;
      let k = 1;
      while (k < phrase.length && phrase[k] === lower[i + k]) k++;
      if (k < phrase.length) continue;
      done.add(list);
      out[i].push(`${list}:B`);
      for (let j = 1; j < phrase.length; j++) out[i + j].push(`${list}:I`);
    }
  }
  return out;
}
