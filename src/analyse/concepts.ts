/**
 * Concepts: the content words of a sentence reduced to comparable keys across outlets. A concept is a
 * Porter stem, mapped to a shared class for the few families that news writers swap freely ("talks",
 * "negotiations", "meeting"; "rebels", "opposition", "factions") and for demonyms ("Russian" → "russia").
 */
import { DEMONYMS } from '../language/lexicon.js';
import { isStopword, stem, words } from '../language/tokens.js';

/** Word families treated as one concept; the first stem names the class. */
const SYNONYMS: string[][] = [
  ['talk', 'negoti', 'meet', 'discuss'],
  ['fighter', 'milit', 'gunmen', 'gunman', 'combat'],
  ['rebel', 'opposit', 'faction', 'insurg'],
  ['soldier', 'troop', 'servicemen'],
  ['peopl', 'person', 'civilian', 'resid', 'individu'],
  ['repres', 'deleg', 'envoi'],
  ['kill', 'dead', 'death', 'die'],
  ['injur', 'hurt', 'wound'],
  ['fire', 'blaze', 'flame'],
  ['say', 'said', 'told', 'tell', 'state'],
];

/**
 * Demonyms as concepts: the demonym's stem → the country's stem ("chinese" → "china"), from the lexicon. Two
 * pairs keep the keys they had before the lexicon, which do not meet the country's own concept: "turkish" →
 * "turkey" (but "Turkey" stems to "turkei") and "israeli" (which stems to "isra", so the pair never applies).
 * Mending them changes which figures and claims are compared, so that waits for a change of behaviour.
 */
const DEMONYM_CONCEPTS = new Map(
  Object.entries(DEMONYMS).map(([demonym, country]): [string, string] =>
    demonym === 'turkish' || demonym === 'israeli' ? [demonym, country] : [stem(demonym), stem(country)],
  ),
);

const CLASS_OF = new Map<string, string>();
for (const group of SYNONYMS) for (const s of group) CLASS_OF.set(s, group[0]);
for (const [d, c] of DEMONYM_CONCEPTS) CLASS_OF.set(d, c);

/** The concept of one word: its stem, or the class the stem belongs to. */
export function conceptOf(word: string): string {
  const s = stem(word.toLowerCase());
  return CLASS_OF.get(s) ?? s;
}

/** Words that carry no claim of their own in news prose (reporting verbs and fillers). */
const WEAK = new Set([
  'said',
  'say',
  'report',
  'also',
  'accord',
  'would',
  'could',
  'may',
  'might',
  'on',
  'new',
]);

/** The distinct concepts of a text, in order of first appearance; stopwords, numbers and weak words dropped. */
export function concepts(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const w of words(text)) {
    if (w.length < 2 || /^\d/.test(w) || isStopword(w)) continue;
    const c = conceptOf(w);
    if (WEAK.has(c) || c === 'say' || seen.has(c)) continue;
    seen.add(c);
    out.push(c);
  }
  return out;
}
