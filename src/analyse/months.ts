/** The months a sentence names, to tell two statements of one fact from statements of two ("in April" / "in May"). */
import { MONTHS_FULL } from '../language/lexicon.js';

const OTHERS = MONTHS_FULL.filter((m) => m !== 'May').join('|');
/**
 * "May" is a month only before a day or year, after a preposition of time or after another month ("April and
 * May"): not "may", not "Theresa May".
 */
const MONTH_RE = new RegExp(
  `\\b(?:(${OTHERS})\\b|(?<=\\b(?:in|on|of|since|until|by|early|late|mid|last|next)[- ])May\\b|(?<=\\b(?:${OTHERS}),? (?:and|or|to|through) )May\\b|May(?= \\d))`,
  'g',
);

/** The months a sentence names. */
export function monthsOf(text: string): Set<string> {
  return new Set([...text.matchAll(MONTH_RE)].map((m) => m[0]));
}

/** Both sentences name months, and none the same ("wrote in April" vs "wrote in May 2012"). */
export function conflictingMonths(a: string, b: string): boolean {
  const ma = monthsOf(a);
  if (!ma.size) return false;
  const mb = monthsOf(b);
  if (!mb.size) return false;
  for (const m of ma) if (mb.has(m)) return false;
  return true;
}
