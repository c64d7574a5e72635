/**
 * Who a sentence attributes its statement to, from the common reporting frames of news prose:
 * "..., according to the fire service", "..., officials said", "X said on Thursday that ...", "X told AFP".
 * A light pattern reader for disagreements; returns the speaker phrase as written, or undefined.
 */

const ACCORDING = /\baccording to ((?:the |an? )?[^,.;:"“”()]{2,60}?)(?=[,.;:"“”()]|$)/i;
const TRAILING =
  /,\s*((?:the |an? )?[^,;:"“”()]{2,60}?)\s+(?:said|says|told|reported|reports|added|stated|confirmed|claimed)\b[^,;]{0,30}[.!?]?["”]?$/i;
const TRAILING_INVERTED = /,\s*(?:said|says|told)\s+((?:the |an? )?[^,;:"“”()]{2,60}?)[.!?]?["”]?$/i;
const LEADING =
  /^((?:the |an? )?(?:[A-Z][\p{L}’'-]*\s?){1,4}|(?:the |an? )?[\p{Ll} -]{3,40}(?:official|officials|spokesman|spokeswoman|minister|source|sources|police|service|agency|authority|ministry))\s+(?:said|says|told|reported|announced|confirmed|claimed)\b/u;

/** The speaker a sentence cites, if it names one. */
export function attributionOf(sentence: string): string | undefined {
  const s = sentence.trim();
  const m = ACCORDING.exec(s) ?? TRAILING.exec(s) ?? TRAILING_INVERTED.exec(s) ?? LEADING.exec(s);
  if (!m) return undefined;
  const who = m[1].trim().replace(/^(the|an?)\s+/i, (x) => x.toLowerCase());
  if (/^(it|this|that|which|who|he|she|they|we|i)$/i.test(who)) return undefined;
  return who;
}
