/**
 * Which sentences are fit to show a reader (in a summary, a timeline) and the words to show: shared by
 * summarize and analyse. Captions and datelines are read from the marks the sentence was made with. Pure.
 */
import { wordCount } from '../language/tokens.js';
import type { Sentence } from '../model.js';

/** Sentences about the page rather than the news ("This report is from ...", "Click here ..."). */
const META_SENTENCE =
  /^(this (report|article|story|page)\b|click|tap|sign up|subscribe|follow us|read (more|the full))/i;

/**
 * Page furniture a reader never needs in a summary or a timeline: contact details (an e-mail address, a web
 * address, a telephone number, a handle), credit lines ("… contributed to this report", "… can be reached
 * at …"), tip and alert prompts.
 */
const FURNITURE =
  /[\w.+-]+@[\w-]+\.[\w.]+|\bhttps?:\/\/|\bwww\.|\b[\w-]+\.(?:com|org|net|gov)\/|\(\d{3}\)\s*\d{3}-\d{4}|\b\d{3}-\d{3}-\d{4}\b|(?:^|\s)@\w{2,}|\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|\bcan be reached (?:at|by)\b|\bbreaking news (?:alerts|emails)\b|\bsecure tip\b|\bnews, video,? and analysis\b/i;

/**
 * A head the dateline reader did not take: a broadcaster's tag or a bracketed note at the start ("(CNN) …",
 * "Sycamore, Illinois (CNN) The …",
 * "(Update 1:15 a.m. …) …", "(By NAME -- Agency) …"), or a place in capitals and a double dash after other
 * words ("… via AP NEW YORK -- Oil …", "SYCAMORE, Ill. --A …").
 */
const GLUED_HEAD =
  /^\((?:CNN|By\s|Update\b)|^(?:\p{Lu}\p{Ll}[\p{L}.'’-]*,?\s+){1,4}\(CNN\)\s+\p{Lu}|\b[A-Z]{3,}(?:[ ,.]+[A-Z][A-Za-z.]*){0,3}\s*--\s?\p{Lu}/u;

/**
 * Sentences fit for a summary: complete, not too short or long, not a question, an exclamation, a fragment, a
 * text cut off with an ellipsis or a photo caption.
 */
export function isCandidate(s: Sentence): boolean {
  const n = wordCount(s.text);
  if (n < 6 || n > 60) return false;
  if (/[?!]["”]?$/.test(s.text)) return false;
  if (!/^["“'‘(]?[\p{Lu}\p{N}]/u.test(s.text)) return false;
  if (s.caption || META_SENTENCE.test(s.text) || FURNITURE.test(s.text)) return false;
  if (!s.dateline && GLUED_HEAD.test(s.text.slice(0, 160))) return false;
  // Cut off by an ellipsis glued to its last word ("… the Sinn Fein leader Gerry..."): a teaser or a truncated
  // caption. A spaced one (". ...", "this ...") is a pause in a quotation, split there.
  if (/\p{L}(?:\.\.\.|…)["”’)]?$/u.test(s.text)) return false;
  return /[.!?]["”’)]?$/.test(s.text);
}

/** The sentence without its dateline, as a reader wants it quoted. */
export const withoutDateline = (s: Pick<Sentence, 'text' | 'dateline'>): string =>
  s.dateline ? s.text.slice(s.dateline) : s.text;
