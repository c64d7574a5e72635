/**
 * Whether a sentence can stand alone in a summary, out of the article that gave it (issue 19 item 3): a reader
 * who sees it among sentences of other articles must be able to tell who speaks and whom it is about. Pure.
 *
 * A sentence cannot stand alone when it
 * - opens by pointing back: a pronoun or connective ("He told …", "They've asked …", "But the talks …", "That
 *   will come …", "Many had to …", "One of the suspects …", "Buoyed by the deal, he …"), an
 *   answer ("No, that was …"), or an aside in brackets;
 * - speaks in the first or second person outside quotation marks ("I knew …", "You need …"): an opinion piece,
 *   a letter, a quotation whose marks the page lost, or a call to the reader;
 * - is part of a quotation without its speaker: unbalanced quotation marks (the quotation runs on from or into
 *   another sentence), or a quotation with no reporting verb outside it;
 * - is a person's second reference ("Ms. Pao …", `secondReference`) or opens with a definite description
 *   ("The incident was …", `definiteSubject`) and no earlier summary sentence gives the name or the thing (the
 *   summarizer checks the antecedent).
 */
import { REPORTING_VERBS } from '../language/lexicon.js';
import { isStopword, stem } from '../language/tokens.js';

/** An opening pronoun or connective: out of its context a reader cannot tell who or what it means. */
const POINTS_BACK =
  /^(?:(?:he|she|they)['’](?:s|re|ve|d|ll)\b|["“'‘]?(?:no|yes|yeah|well|oh),\s|["“'‘(]?(?:he|she|they|it|his|her|their|its|him|them|these|those|such|but|and|or|so|yet|also|however|meanwhile|still|instead|then|there|here)\b(?![-'’])|(?:this|that)\s+(?:is|was|will|would|has|had|could|can|may|might|should|means|meant|came|comes|includes|included)\b|(?:many|some|others|both|most|several|few|all)\s+(?:had|have|were|are|was|is|will|would|said|say|could|did)\b|(?:one|two|three|some|many|most|all|both|none|each|neither|either) of (?:the|them|those|these|their)\b|\(|[^,"“”]{3,80},\s+(?:he|she|they|it|his|her|their|its)\s)/i;

/**
 * A demonstrative and a noun or verb as the opening ("That finding is …", "This updating of …", "That led to
 * …"): the thing was named in a sentence before. Not a time ("This year", "That night", "These days"); not in
 * a quotation, whose speaker's "this" a reader takes as the speaker's ("“This is our land,” Lee said").
 */
const DEMONSTRATIVE =
  /^(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?!(?:the|a|an|some|any|there|it|he|she|they|we|such|no|many|most|all|day|days|week|weeks|weekend|month|months|year|years|morning|afternoon|evening|night|time|times|season|spring|summer|fall|autumn|winter|past|coming|decade|century|moment|hour|week['’]s|year['’]s)\b)\p{Ll}/u;

/**
 * An opening phrase that points back with a demonstrative ("For that reason, …", "To get around that issue,
 * …", "Under those circumstances, …"); not a time ("Earlier this month, …") nor "this country".
 */
const DEMONSTRATIVE_PHRASE =
  /^(?:In|At|For|During|Under|With|After|Despite|Given|If|When|On|Of|Over|To|By|Because|Since|Before|From|Without|Unlike|Along|According|Beyond|Through|Against|Like|Amid|Among|Until|\p{Lu}\p{Ll}+(?:ing|ed))\s+(?:\S+\s+){0,2}(?:that|this|these|those)\s+(?!(?:day|days|week|weeks|weekend|month|months|year|years|morning|afternoon|evening|night|time|times|season|spring|summer|fall|autumn|winter|decade|century|moment|hour|country|nation)\b)\p{Ll}[\p{L}-]*,/u;

/** A pointer to the page, not news: "Read part of the interview below", "Watch the video above". */
const POINTS_AT_PAGE =
  /^(?:read|watch|see|listen to|look at|take a look at|check out)\b[^.]{0,80}\b(?:below|above)[.:]?$/i;

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

/**
 * Whether a quotation is still open after `text`, given whether one was open before it. A curly opening mark
 * opens and a closing one closes; a straight mark opens when it starts a word (at the start or after a space
 * or bracket, before a letter or digit) and closes when it ends one (after a letter, digit or punctuation);
 * a straight mark between spaces says nothing. A sentence that starts inside a quotation opened by an earlier
 * sentence of its paragraph ("… said: “It’s not hers. | It’s a treasured heirloom.”") is part of that
 * quotation, its speaker in a sentence before.
 */
export function quotationOpenAfter(text: string, open: boolean): boolean {
  let now = open;
  const t = curlyQuotes(text);
  for (let k = 0; k < t.length; k++) {
    const ch = t[k];
    if (ch === '“') now = true;
    else if (ch === '”') now = false;
    else if (ch === '"') {
      const before = k === 0 ? ' ' : t[k - 1];
      const after = t[k + 1] ?? ' ';
      if (/[\s([{—–-]/.test(before) && /[\p{L}\p{N}'‘]/u.test(after)) now = true;
      else if (!/\s/.test(before)) now = false;
    }
  }
  return now;
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
  if (
    POINTS_BACK.test(text) ||
    DEMONSTRATIVE.test(text) ||
    DEMONSTRATIVE_PHRASE.test(text) ||
    POINTS_AT_PAGE.test(text)
  )
    return 'points-back';
  if (unbalancedQuotes(text)) return 'quotation';
  const outside = outsideQuotes(text);
  if (HAS_QUOTATION.test(text) && !REPORTING.test(outside)) return 'quotation';
  if (speaksToOrAsPerson(outside)) return 'person';
  return undefined;
}

/** Words inside a definite description that do not end it ("the new law", "the first two"). */
const NP_MODIFIERS = new Set([
  'new',
  'first',
  'last',
  'next',
  'same',
  'other',
  'former',
  'latter',
  'two',
  'three',
]);
/** Heads that are times, not things told before ("The next day, …", "The week before …"). */
const TIME_HEADS = new Set(
  'day days week weeks month months year years morning afternoon evening night weekend time decade century hour hours minutes moment'.split(
    ' ',
  ),
);
/** Words after a description that define it in place: "The team from the University …", "The man who …". */
export const DEFINED_BY = new Set([
  'of',
  'from',
  'who',
  'whom',
  'whose',
  'that',
  'which',
  'behind',
  'known',
  'called',
  'named',
]);

/**
 * A definite description as the subject ("The incident was caught …", "The new law will …"): the stemmed words
 * it is made of, any of which an earlier summary sentence must give for a reader to know what it means; or
 * undefined when the sentence does not open so or defines it in place (a name in it, "The Nunes memo"; an
 * apposition, "The film, Zepped, …"; "The team from …"; a time, "The next day").
 */
export function definiteSubject(text: string): string[] | undefined {
  const words = text.split(/\s+/);
  if (words[0] !== 'The') return undefined;
  const nouns: string[] = [];
  for (let k = 1; k < Math.min(words.length, 6); k++) {
    const word = words[k];
    const bare = word.replace(/[^\p{L}\p{N}]+$/u, '');
    const lower = bare.toLowerCase();
    if (!/^[\p{Ll}\p{N}]/u.test(bare)) {
      if (k === 1 || !nouns.length) return undefined;
      break;
    }
    if (NP_MODIFIERS.has(lower)) continue;
    if (isStopword(lower)) {
      if (DEFINED_BY.has(lower) || !nouns.length) return undefined;
      break;
    }
    nouns.push(lower);
    if (bare !== word) {
      // An apposition or an aside: "The film, Zepped, is …".
      if (/^[,(]/.test(word.slice(bare.length))) return undefined;
      break;
    }
    if (DEFINED_BY.has((words[k + 1] ?? '').toLowerCase())) return undefined;
  }
  if (!nouns.length || nouns.some((n) => TIME_HEADS.has(n))) return undefined;
  return nouns.map((n) => stem(n.replace(/['’]s$/, '')));
}
