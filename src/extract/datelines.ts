/**
 * Datelines at the head of a news sentence: "CALDERWICK, March 5 (NWS) - ", "ALEPPO, Syria (Reuters) — ",
 * "WASHINGTON — ", "(AP) — ", and page time stamps run into the first sentence ("24 June 2010 Last updated
 * at 14:59 GMT "), with what wire pages put before them (a version note "(Repeats ...)", a time stamp, highlights
 * and a byline: "* Death is first outside Mexico * ... By Ann Lee, Health Editor WASHINGTON (Reuters) - ").
 * They locate the report, not the event; a summary sentence reads better without them. A colon is not taken as a separator ("NATO: ..." headlines name a source). Pure function.
 */

const PLACE = String.raw`[A-Z][A-Z'.\-]+(?:(?: |\\?/)[A-Z][A-Z'.\-]+){0,3}`;
const QUALIFIER = String.raw`(?:, (?:[A-Z][\p{L}'.\-]+(?: [A-Z][\p{L}'.\-]+){0,2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?))`;
const AGENCY = String.raw`\([^()\n]{1,40}\)`;
/**
 * A dash after the dateline; an em or en dash may touch the lead when a capital follows ("CAIRO—The"); a wire's
 * underscore standing for a dash ("LONDON _ Global …", the New York Times News Service's plain text).
 */
const DASH = String.raw`(?:\s*(?:--?|—|–)\s+|\s*[—–](?=["“]?\p{Lu})|\s+_\s+)`;

/** A capitalized place (with up to two qualifiers: region, date), an optional agency, then a dash. */
const WITH_PLACE = new RegExp(`^${PLACE}${QUALIFIER}{0,2}\\s*(?:${AGENCY})?${DASH}`, 'u');
/** An agency alone: "(Reuters) - ". */
const AGENCY_ONLY = new RegExp(`^${AGENCY}${DASH}`, 'u');

/** A page's time stamp run into its first sentence: "24 June 2010 Last updated at 14:59 GMT Help ". */
const UPDATED =
  /^(?:\d{1,2} [A-Z][a-z]+ \d{4}\s+)?(?:last )?updated(?: at| on)?:? \d{1,2}[:.]\d{2}(?:\s*(?:GMT|BST|UTC|ET|EST|EDT|CET))?(?:\s+Help)?\s+/i;

/** A page's time stamp: "Wed Jun 2, 2010 7:56 pm EDT ". */
const STAMP = String.raw`(?:[A-Z][a-z]{2}\s+)?[A-Z][a-z]{2}\s+\d{1,2},\s+\d{4}\s+\d{1,2}:\d{2}\s*[ap]m\s+[A-Z]{2,4}\s+`;

/** A web page's place and time line before the dateline: "VENICE, Louisiana | Wed Jun 2, 2010 7:56 pm EDT ". */
const PLACE_TIME = new RegExp(String.raw`^[^|\n]{2,60}\|\s*${STAMP}`);

/** A wire service's note on the version: "(Repeats to more subscribers)", "(Adds quotes, details) ". */
const WIRE_NOTE =
  /^\((?:repeats|adds|updates|corrects|recasts|changes|fixes|refiles|removes|inserts|rewrites|writes through|adding|updating|recasting)\b[^()\n]{0,120}\)\s*/i;

/** A time stamp alone before the dateline: "Mon Apr 27, 2009 9:17 pm BST ". */
const TIME_STAMP = new RegExp(`^${STAMP}`);

/** A dateline with its agency anywhere: "... WASHINGTON (Reuters) - " after a page's highlights and byline. */
const AGENCY_DATELINE = new RegExp(`${PLACE}${QUALIFIER}{0,2}\\s*${AGENCY}${DASH}`, 'u');

/**
 * What comes before a dateline on a wire page: highlights ("* Death is first outside Mexico *", the star
 * sometimes escaped as in Markdown: "\\*") or a byline.
 */
const PREAMBLE = /^(?:\\?[*•]\s|By\s+[A-Z])/;

/** The sentence without a leading dateline; unchanged when it has none or would be left nearly empty. */
export function stripDateline(sentence: string): string {
  const note = WIRE_NOTE.exec(sentence) ?? TIME_STAMP.exec(sentence);
  if (note) return afterLead(sentence, note[0].length);
  if (PREAMBLE.test(sentence)) {
    const at = AGENCY_DATELINE.exec(sentence.slice(0, 600));
    if (at) {
      const rest = sentence.slice(at.index + at[0].length);
      if (readsAsSentence(rest)) return rest;
    }
  }
  const stamp = PLACE_TIME.exec(sentence);
  if (stamp) return afterLead(sentence, stamp[0].length);
  const m = UPDATED.exec(sentence) ?? WITH_PLACE.exec(sentence) ?? AGENCY_ONLY.exec(sentence);
  if (!m) return sentence;
  // The place must be a real all-caps word (not "A" or "I"), and a sentence must remain.
  const head = m[0];
  if (!/\(|[A-Z]{3}|updated/i.test(head)) return sentence;
  const rest = sentence.slice(head.length);
  return readsAsSentence(rest) ? rest : sentence;
}

const enoughWords = (text: string) => text.split(/\s+/).length >= 4;
/** What is left after a dateline is a sentence: a few words, starting with a capital, a quote or a digit. */
const readsAsSentence = (text: string) => enoughWords(text) && /^[\p{Lu}"“‘'\d]/u.test(text);

/** The sentence after a lead (a version note, a time stamp) and whatever dateline follows it; unchanged when too little is left. */
function afterLead(sentence: string, length: number): string {
  const rest = stripDateline(sentence.slice(length));
  return enoughWords(rest) ? rest : sentence;
}

/** The agency a dateline names, at its end: "(Reuters) - ", "(AP) — ". */
const AGENCY_AT_END = /\(([A-Z][\p{L}&.'’ -]{1,30})\)\s*(?:--?|—|–)\s*$/u;

/**
 * The news agency named by a text's dateline ("ALEPPO, Syria (Reuters) — …" → "Reuters"), if its first
 * sentence has one: the outlet of a record that names no publisher.
 */
export function datelineAgency(text: string): string | undefined {
  const head = text.slice(0, 600);
  const rest = stripDateline(head);
  if (rest === head) return undefined;
  return AGENCY_AT_END.exec(head.slice(0, head.length - rest.length))?.[1].trim();
}
