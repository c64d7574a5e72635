/**
 * Whether a sentence can stand alone in a summary, out of the article that gave it (issue 19 item 3): a reader
 * who sees it among sentences of other articles must be able to tell who speaks and whom it is about. Pure.
 *
 * A sentence cannot stand alone when it
 * - opens by pointing back: a pronoun or connective ("He told …", "But the talks …", "That will come …",
 *   "Many had to …", "One of the suspects …", "Buoyed by the deal, he …"), or an aside in brackets;
 * - speaks in the first or second person outside quotation marks ("I knew …", "You need …"): an opinion piece,
 *   a letter, a quotation whose marks the page lost, or a call to the reader;
 * - is part of a quotation without its speaker: unbalanced quotation marks (the quotation runs on from or into
 *   another sentence), or a quotation with no reporting verb outside it;
 * - is a person's second reference ("Ms. Pao …", `secondReference`) and no earlier summary sentence gives the
 *   name (the summarizer checks the antecedent).
 */
import { REPORTING_VERBS } from '../language/lexicon.js';
import { stem } from '../language/tokens.js';

/** An opening pronoun or connective: out of its context a reader cannot tell who or what it means. */
const POINTS_BACK =
  /^(?:["“'‘(]?(?:he|she|they|it|his|her|their|its|him|them|these|those|such|but|and|or|so|yet|also|however|meanwhile|still|instead|then|there|here)\b(?![-'’])|(?:this|that)\s+(?:is|was|will|would|has|had|could|can|may|might|should|means|meant|came|comes|includes|included)\b|(?:many|some|others|both|most|several|few|all)\s+(?:had|have|were|are|was|is|will|would|said|say|could|did)\b|(?:one|two|three|some|many|most|all|both|none|each|neither|either) of (?:the|them|those|these|their)\b|\(|[^,"“”]{3,80},\s+(?:he|she|they|it|his|her|their|its)\s)/i;

/** Typewriter doubled marks (``…'' and ‘‘…’’) as the curly quotation marks they stand for. */
const curlyQuotes = (text: string): string => text.replace(/``|‘‘/g, '“').replace(/''|’’/g, '”');

/** The text outside quotation marks (straight or curly), quotations replaced by a space. */
export function outsideQuotes(text: string): string {
  return curlyQuotes(text).replace(/“[^”]*”?|"[^"]*"?|‘[^’]*’(?![\p{L}])/gu, ' ');
}

/** Quotation marks left open or closed without an opening: the quotation runs across sentences. */
function unbalancedQuotes(raw: string): boolean {
  const text = curlyQuotes(raw);
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length;
  return open !== close || straight % 2 === 1;
}

/** A quotation of five words or more (shorter ones are scare quotes or titles: "body slamming"). */
const HAS_QUOTATION = /[“"](?:[^”"\s]+\s+){4,}[^”"]*[”"]/;
const REPORTING = new RegExp(`\\b(?:${REPORTING_VERBS.join('|')})\\b|\\baccording to\\b`, 'i');
/** "I" as a pronoun: before a lower-case word ("I knew"), or with its contraction ("I'm"). */
const PRONOUN_I = /\bI(?:['’](?:m|ve|d|ll))?(?= [a-z'’])/;
/** First person plural and second person, any case; "US" in capitals is the country, not the pronoun. */
const PERSON_WORDS = /\b(?:we|we['’]re|we['’]ve|our|ours|us|me|my|you|your|yours|you['’]re)\b/gi;
const speaksToOrAsPerson = (text: string): boolean =>
  PRONOUN_I.test(text) || [...text.matchAll(PERSON_WORDS)].some((m) => m[0] !== 'US');

/**
 * A second reference by title and surname ("Ms. Pao never responded"): news names a person in full first, so
 * the name must already have been given. Returns the surname, stemmed as terms are.
 */
export function secondReference(text: string): string | undefined {
  const m = /^["“]?(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(\p{Lu}[\p{L}'’-]+)(?=\s+\p{Ll}|['’]s\b)/u.exec(text);
  return m ? stem(m[1].replace(/['’]s$/, '').toLowerCase()) : undefined;
}

/** Why a sentence cannot stand alone in a summary, or undefined when it can (its subject aside). */
export function notStandAlone(text: string): 'points-back' | 'person' | 'quotation' | undefined {
  if (POINTS_BACK.test(text)) return 'points-back';
  if (unbalancedQuotes(text)) return 'quotation';
  const outside = outsideQuotes(text);
  if (HAS_QUOTATION.test(text) && !REPORTING.test(outside)) return 'quotation';
  if (speaksToOrAsPerson(outside)) return 'person';
  return undefined;
}
