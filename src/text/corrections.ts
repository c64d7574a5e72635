/**
 * A newspaper's correction notice printed over an article ("An earlier version of this story gave the wrong
 * date for …", "A Page One article on Tuesday misstated the name of …") and the correct fact that follows it
 * ("The vote was held on May 4, not May 5."): notes about the paper's earlier text, not news. Pure.
 */
import { isStopword } from '../language/tokens.js';

/** A notice: an article, story, headline, caption or graphic of the paper that got something wrong. */
const NOTICE =
  /^(?:An?|The)\s+(?:[\p{L}-]+\s+){0,4}(?:article|story|headline|caption|graphic|column|editorial|report|chart|map|version of (?:this|the) (?:article|story))\b[^.]{0,200}?\b(?:misstated|misidentified|misspelled|misquoted|misattributed|incorrectly (?:said|stated|reported|identified|described|gave|named)|gave (?:an? )?(?:incorrect|wrong)|had (?:an? )?(?:incorrect|wrong)|should have (?:said|stated|identified))\b/u;

/** A capitalised word of three letters or more: the names a notice and its correct fact share. */
const NAME_WORD = /\b\p{Lu}[\p{L}'’-]{2,}/gu;
const MAX_FACT_WORDS = 30;

/** Whether a sentence is a correction notice. */
export function correctionNotice(sentence: string): boolean {
  return NOTICE.test(sentence.trim());
}

/**
 * Whether a sentence right after a correction notice is the fact it corrects: a short sentence that sets the
 * right value against the wrong one ("… June 1, not June 2.") or names what the notice names ("Conrad is the
 * chairman of …" after "… said that Sen. Kent Conrad chairs …"; a capitalised stopword, "The", is no name).
 */
export function correctedFact(sentence: string, notice: string): boolean {
  const text = sentence.trim();
  if (text.split(/\s+/).length > MAX_FACT_WORDS) return false;
  if (/\bnot\b/.test(text)) return true;
  const names = new Set((notice.match(NAME_WORD) ?? []).filter((w) => !isStopword(w)));
  return (text.match(NAME_WORD) ?? []).some((w) => names.has(w));
}
