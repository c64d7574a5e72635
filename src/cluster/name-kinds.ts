/**
 * The kind of a one-word name feature (`e:` + stem, see features.ts): person, organization or place, from
 * the entity tagger's own lists (models/ner.json: countries, capitals, regions and first names, and the
 * names its training text tags as PER, ORG and LOC). Running the tagger itself on every arriving article
 * costs about 12 ms per article, far above the clusterer's budget; a word lookup costs nothing and types
 * the names that tell two same-kind events apart (where, who, which organization).
 * A word on several lists takes the first of: place (not a first name), person, organization.
 */

import { nerModel } from '../language/ner/tagger.js';
import { stem } from '../language/tokens.js';
import { derived } from '../models/load.js';

/** 0: other, 1: person, 2: organization, 3: place. */
export type NameKind = 0 | 1 | 2 | 3;
export const PERSON = 1;
export const ORG = 2;
export const PLACE = 3;

/** The single words of a list's entries ("abu dhabi" → "abu", "dhabi"). */
function words(list: readonly string[] | undefined, lastOnly = false): Set<string> {
  const out = new Set<string>();
  for (const entry of list ?? []) {
    const parts = entry.split(/[\s\-.,']+/).filter((w) => w.length > 1 && /^\p{L}+$/u.test(w));
    if (lastOnly) {
      if (parts.length) out.add(parts[parts.length - 1]);
    } else for (const p of parts) out.add(p);
  }
  return out;
}

const kinds = derived(nerModel, (model) => {
  const g = model.gazetteer;
  const first = words(g.firstname);
  const place = new Set<string>();
  for (const list of [g.country, g.capital, g['seen-LOC']])
    for (const w of words(list)) if (!first.has(w)) place.add(stem(w));
  const person = new Set<string>([...first, ...words(g['seen-PER'], true)].map((w) => stem(w)));
  const org = new Set<string>([...words(g['seen-ORG'])].map((w) => stem(w)));
  const byStem = new Map<string, NameKind>();
  for (const s of org) byStem.set(s, ORG);
  for (const s of person) byStem.set(s, PERSON);
  for (const s of place) byStem.set(s, PLACE);
  return byStem;
});

/** The kind of a name feature's stem (without the `e:` prefix). */
export function nameKind(nameStem: string): NameKind {
  return kinds().get(nameStem) ?? 0;
}
