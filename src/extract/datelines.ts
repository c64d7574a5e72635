/**
 * Datelines at the head of a news sentence: "CALDERWICK, March 5 (NWS) - ", "ALEPPO, Syria (Reuters) — ",
 * "WASHINGTON — ", "(AP) — ", and page time stamps run into the first sentence ("24 June 2010 Last updated
 * at 14:59 GMT "). They locate the report, not the event; a summary sentence reads better without them. A colon is not taken as a separator ("NATO: ..." headlines name a source). Pure function.
 */

const PLACE = String.raw`[A-Z][A-Z'.\-]+(?:(?: |\\?/)[A-Z][A-Z'.\-]+){0,3}`;
const QUALIFIER = String.raw`(?:, (?:[A-Z][\p{L}'.\-]+(?: [A-Z][\p{L}'.\-]+){0,2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))`;
const AGENCY = String.raw`\([^()\n]{1,40}\)`;
const DASH = String.raw`\s*(?:--?|—|–)\s+`;

/** A capitalized place (with up to two qualifiers: region, date), an optional agency, then a dash. */
const WITH_PLACE = new RegExp(`^${PLACE}${QUALIFIER}{0,2}\\s*(?:${AGENCY})?${DASH}`, 'u');
/** An agency alone: "(Reuters) - ". */
const AGENCY_ONLY = new RegExp(`^${AGENCY}${DASH}`, 'u');

/** A page's time stamp run into its first sentence: "24 June 2010 Last updated at 14:59 GMT Help ". */
const UPDATED =
  /^(?:\d{1,2} [A-Z][a-z]+ \d{4}\s+)?(?:last )?updated(?: at| on)?:? \d{1,2}[:.]\d{2}(?:\s*(?:GMT|BST|UTC|ET|EST|EDT|CET))?(?:\s+Help)?\s+/i;

/** A web page's place and time line before the dateline: "VENICE, Louisiana | Wed Jun 2, 2010 7:56 pm EDT ". */
const PLACE_TIME =
  /^[^|\n]{2,60}\|\s*(?:[A-Z][a-z]{2}\s+)?[A-Z][a-z]{2}\s+\d{1,2},\s+\d{4}\s+\d{1,2}:\d{2}\s*[ap]m\s+[A-Z]{2,4}\s+/;

/** The sentence without a leading dateline; unchanged when it has none or would be left nearly empty. */
export function stripDateline(sentence: string): string {
  const stamp = PLACE_TIME.exec(sentence);
  if (stamp) {
    const rest = stripDateline(sentence.slice(stamp[0].length));
    return rest.split(/\s+/).length >= 4 ? rest : sentence;
  }
  const m = UPDATED.exec(sentence) ?? WITH_PLACE.exec(sentence) ?? AGENCY_ONLY.exec(sentence);
  if (!m) return sentence;
  // The place must be a real all-caps word (not "A" or "I"), and a sentence must remain.
  const head = m[0];
  if (!/\(|[A-Z]{3}|updated/i.test(head)) return sentence;
  const rest = sentence.slice(head.length);
  return rest.split(/\s+/).length >= 4 && /^[\p{Lu}"“‘'\d]/u.test(rest) ? rest : sentence;
}
