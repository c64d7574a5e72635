/**
 * Openings of a summary sentence that lean on something told before it, beyond a pronoun or a demonstrative
 * (text/stand-alone.ts) and a definite description (`definiteSubject`): one of a series ("Other items have …",
 * "In another corner of the lot …", "Number two is …"), a time counted from an event not told ("One week later,
 * …", "Later, in a hospital, they …"), an alternative opened on "this" ("Either this was …"), and a subject
 * that owns a thing through a pronoun ("Confirmation of its existence …"). Each of these is fine right after the
 * sentence it follows in its article (`anchored` keeps it there) and nowhere else. Pure functions of the text.
 */

import { stem } from '../language/tokens.js';

/** "Other items …", "Another …", "In another corner of …", "At the other end …". */
const ONE_OF_A_SERIES =
  /^(?:(?:Other|Another)\s+(?!than\b)\p{Ll}|(?:In|At|On|From|Across)\s+(?:another|the other)\s+\p{Ll})/u;
/** "Number two is …", "No. 3 was …": an entry of a ranking whose list was told before. */
const RANKED_ENTRY = /^(?:Number|No\.)\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\b/i;
/** "Later, …", "One week later, …", "Two days after that, …", "Soon after, …": a time counted from an event. */
const COUNTED_TIME =
  /^(?:(?:(?:Much|Soon|Shortly)\s+)?(?:later|afterwards?|after that),|(?:A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|A few|\d+)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:later|after(?:wards?)?|earlier|before)\b|Soon after\b)/i;
/** "Either this was …", "Either way, …". */
const EITHER = /^Either\s+(?:this|that|way)\b/i;
/** "Confirmation of its existence …", "Members of their family …": the subject owns through a pronoun. */
const OWNED_BY_PRONOUN = /^\p{Lu}\p{Ll}+\s+(?:of|for|to|in|on|with|from|about)\s+(?:its|their|his|her)\s/u;
/** "Later, in a hospital, they were …": a pronoun subject after two opening phrases. */
const PRONOUN_AFTER_PHRASES = /^[^,"“”]{2,60},\s+[^,"“”]{2,60},\s+(?:he|she|they|it)\s+\p{Ll}/u;

/** "It's the company's latest attempt …": "it" named as a thing told before. */
const IT_IS_THE = /^It(?:['’]s|\s+is|\s+was)\s+(?:the|its|their|his|her)\s/;
/** "… described it as another example of …", "… called them a disgrace": a pronoun as what is judged. */
const JUDGES_PRONOUN =
  /\b(?:described|called|termed|labell?ed|dubbed|branded)\s+(?:it|them)\s+(?:as\s+)?(?:an?|the|another)\s/;

/** The text with quotations cut out (a speaker's "this" is the speaker's). */
const outsideQuotation = (text: string) => text.replace(/["“][^"”]*["”]/g, '""');

/** Whether a sentence's opening leans on an earlier sentence by one of the forms above. */
export function leansByOpening(text: string): boolean {
  return (
    ONE_OF_A_SERIES.test(text) ||
    RANKED_ENTRY.test(text) ||
    COUNTED_TIME.test(text) ||
    EITHER.test(text) ||
    OWNED_BY_PRONOUN.test(text) ||
    PRONOUN_AFTER_PHRASES.test(text) ||
    IT_IS_THE.test(text) ||
    JUDGES_PRONOUN.test(outsideQuotation(text))
  );
}

/**
 * Heads of a definite description that stand for a person ("the woman", "the 25-year-old", "the victims"): an
 * earlier summary sentence must name a person for them, a capitalised word elsewhere is not enough.
 */
export const PERSON_HEAD =
  /^(?:man|woman|men|women|boy|girl|boys|girls|child|children|kid|kids|suspect|victim|teen|teenag|couple|owner|mother|father|parent|daredevil|fighter|driver|pilot|patient|\d+-year-old)$/;

/** A demonstrative and a noun after the opening words ("Director NAME wants this movie to be …"). */
const DEMONSTRATIVE_INSIDE =
  /^\S.{3,}?\s(?:this|these|those)\s+(?!(?:day|days|week|weeks|weekend|month|months|year|years|morning|afternoon|evening|night|time|times|season|spring|summer|fall|autumn|winter|decade|century|moment|hour|country|nation|way|kind|sort|type|point|is|was|will|would|has|had|and|or)\b)(\p{Ll}[\p{L}-]*)\b/u;

const REPORTED_SUBJECT =
  /^[^,"“”]{0,60}\b(?:said|says)\s+(?:that\s+)?the\s+(\p{Ll}[\p{L}-]*)\s+(?:had|has|was|is|were|are|would|will|did|could)\b/u;

/**
 * A definite description as subject that `definiteSubject` leaves for an apposition, when the apposition is no
 * name ("The woman, dressed as an employee of …, walked into …", "The man, 45, …"), or as the speaker after a
 * quotation ("“…,” the CNN host said"): the description's stemmed head, or undefined.
 */
export function describedElsewhere(text: string): string | undefined {
  const m =
    DEMONSTRATIVE_INSIDE.exec(outsideQuotation(text)) ??
    /^The\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(\p{Ll}[\p{L}-]*),\s+(?:\d{1,3},|\p{Ll})/u.exec(text) ??
    /[,”"]\s+the\s+(?:[\p{L}'’.-]+\s+){0,3}?(\p{Ll}[\p{L}-]*)\s+(?:said|says|added|told|explained|wrote)\b/u.exec(
      text,
    ) ??
    REPORTED_SUBJECT.exec(text);
  return m && !TIMES.test(m[1]) ? stem(m[1].toLowerCase()) : undefined;
}

/** Heads that are times, not things told before ("The next day, …"). */
const TIMES =
  /^(?:day|days|week|weeks|month|months|year|years|morning|afternoon|evening|night|weekend|time|decade|century|hour|hours|minutes|moment|past|future)$/i;

/**
 * A quotation whose speaker is one of `pronouns` ("he|she"): "“…,” he said", "…, she added", "said he". The
 * summary's antecedent check reads he and she; the order also reads they.
 */
export const pronounSpeaker = (pronouns: string) =>
  new RegExp(
    `[,”"]\\s+(?:${pronouns})\\s+(?:said|says|added|told|explained|wrote|asked)\\b|\\bsaid\\s+(?:he|she)\\b`,
  );
