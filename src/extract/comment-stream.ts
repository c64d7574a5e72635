/**
 * Reader comments that the HTML extractor's container took in: a run of short dated header lines ("by
 * onebrickshy July 29, 2012 8:33 AM EDT", "Posted By: JRoo | January 07 2008 at 03:12 PM", "3. CmdrR -
 * October 26, 2012"), one per comment, after the article's text. An article rarely has three short lines that
 * each name a date or a clock time and do not end as a sentence (a dateline or a "Published:" line is one; a
 * timeline's entries end as sentences), a comment stream has one per comment. When the page's paragraphs hold
 * at least `minHeads` such lines, the article ends at the first of them that comes after `minShare` of its
 * words. The settings were chosen leave-one-set-out over the four extraction dev sets
 * (scripts/train/extract-comment-stream.ts; the table is in BENCHMARKS.md). Pure.
 */
import { wordCount } from './text-length.js';

export const COMMENT_STREAM = {
  /** Off: paragraphs are returned as they are (for the tuner). */
  on: true,
  /** Header lines are shorter than this many words. */
  maxWords: 15,
  /** At least this many header lines on the page. */
  minHeads: 3,
  /** The cut comes after at least this share of the text's words. */
  minShare: 0.2,
  /** Header lines that end as a sentence are not headers (timelines, dated statements). */
  notSentence: true,
};

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** A clock time, a day of a month with its year (either order), or an ISO date. */
const DATED = new RegExp(
  `\\b\\d{1,2}:\\d{2}\\b|\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b|\\b\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b`,
  'i',
);
/** A sentence's end: a stop, perhaps with a closing quote or bracket. */
const SENTENCE_END = /[.!?]["')”’]?$/;

/** Whether a paragraph reads as a comment's header line: short, dated, and not a sentence. */
export function isDatedHeader(p: string, words = wordCount(p)): boolean {
  return (
    words < COMMENT_STREAM.maxWords && DATED.test(p) && !(COMMENT_STREAM.notSentence && SENTENCE_END.test(p))
  );
}

/** The paragraphs up to the comment stream they end with, if they end with one (see the header). */
export function cutCommentStream(paragraphs: string[]): string[] {
  if (!COMMENT_STREAM.on || paragraphs.length < COMMENT_STREAM.minHeads) return paragraphs;
  const words = paragraphs.map(wordCount);
  const heads = paragraphs.map((p, i) => isDatedHeader(p, words[i]));
  if (heads.filter(Boolean).length < COMMENT_STREAM.minHeads) return paragraphs;
  const total = words.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    if (heads[i] && seen >= total * COMMENT_STREAM.minShare) return paragraphs.slice(0, i);
    seen += words[i];
  }
  return paragraphs;
}
