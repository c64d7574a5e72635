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
 * Sentences fit for a summary: complete, not too short or long, not a question, an exclamation, a fragment or
 * a photo caption.
 */
export function isCandidate(s: Sentence): boolean {
  const n = wordCount(s.text);
  if (n < 6 || n > 60) return false;
  if (/[?!]["”]?$/.test(s.text)) return false;
  if (!/^["“'‘(]?[\p{Lu}\p{N}]/u.test(s.text)) return false;
  if (s.caption || META_SENTENCE.test(s.text)) return false;
  return /[.!?]["”’)]?$/.test(s.text);
}

/** The sentence without its dateline, as a reader wants it quoted. */
export const withoutDateline = (s: Pick<Sentence, 'text' | 'dateline'>): string =>
  s.dateline ? s.text.slice(s.dateline) : s.text;
