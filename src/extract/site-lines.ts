/**
 * A site's recurring sentences, for the non-article decision (src/extract/non-article.ts): when a run holds several
 * pages of one site, a sentence found word for word on other pages of the site (a standing blurb, the comment box's
 * badges, a "covers the action from all the angles" promotion) belongs to the site, not to the page. A page whose
 * text is mostly such sentences, and whose own prose is short once they are set aside, is a site's index or service
 * page more often than a report. Unlike src/extract/site-template.ts, which removes recurring paragraphs from kept
 * articles, this counts sentences (a record's text is often one paragraph) and only measures.
 *
 * Pure and linear: one pass over each page's sentences to count, one lookup per sentence to measure.
 */
import { splitSentences } from '../language/sentences.js';

/** A site needs this many pages before its recurring sentences say anything. */
export const MIN_SITE_PAGES = 5;
/** A sentence recurs on the site when this many of its pages hold it (this page and two others). */
export const MIN_RECURRING_PAGES = 3;
/** Sentences of fewer words are not counted (a byline, "Advertisement", a date: every page has them). */
const MIN_KEY_WORDS = 4;

/** The sentences a site's pages hold, each with the number of pages that hold it. */
export interface SiteLines {
  pages: number;
  counts: ReadonlyMap<string, number>;
}

/** A sentence's key: lower-cased letters, digits, punctuation and spacing folded to one space. */
export function sentenceKey(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[\d\s\p{P}\p{S}]+/gu, ' ')
    .trim();
}

const keyWords = (key: string) => {
  let n = key ? 1 : 0;
  for (let i = 0; i < key.length && n < MIN_KEY_WORDS; i++) if (key.charCodeAt(i) === 32) n++;
  return n;
};

/** Whether a sentence is long enough to be counted. */
export const countable = (key: string) => keyWords(key) >= MIN_KEY_WORDS;

/** Count the sentences of a site's pages (each page's paragraphs), once per page. */
export function siteLines(pages: readonly (readonly string[])[]): SiteLines {
  const counts = new Map<string, number>();
  for (const paragraphs of pages) {
    const seen = new Set<string>();
    for (const p of paragraphs)
      for (const { text } of splitSentences(p)) {
        const key = sentenceKey(text);
        if (countable(key)) seen.add(key);
      }
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { pages: pages.length, counts };
}

/** Whether the site is large enough to judge by. */
export const siteApplies = (site: SiteLines | undefined): site is SiteLines =>
  site !== undefined && site.pages >= MIN_SITE_PAGES;

/** Whether a sentence recurs on the site's other pages. */
export function recurs(site: SiteLines, sentence: string): boolean {
  const key = sentenceKey(sentence);
  return countable(key) && (site.counts.get(key) ?? 0) >= MIN_RECURRING_PAGES;
}
