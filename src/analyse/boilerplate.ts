/**
 * Template sentences inside a story: page furniture that scraped text carries into every article of a site
 * ("We welcome comments on our articles …", "Views expressed in the comments do not represent …", a
 * reader's comment shown on every page). Independent reports rarely write the same sentence word for word,
 * so a short sentence found verbatim in many reports is the site's, not the news:
 *  - in at least MIN_REPORTS reports and COMMON_SHARE of the story's reports, or
 *  - in at least MIN_REPORTS reports and TAIL_SHARE of them, mostly in the last quarter of its articles
 *    (comment sections and footers), or in as many reports when it is very short (a reader's exclamation
 *    shown on every page; "X declined to comment" is no loss to a summary either).
 * Copies of one wire story are one report, so their shared sentences never count. Pure and linear.
 */
import type { Sentence } from '../model.js';

const MIN_REPORTS = 3;
const COMMON_SHARE = 0.4;
const TAIL_SHARE = 0.1;
/** Share of a sentence's occurrences that must sit in the last quarter of their articles, for the tail rule. */
const IN_TAIL = 0.75;
/** Longer sentences are reporting, even when repeated (a background paragraph a wire re-uses). */
const MAX_WORDS = 30;
/** Sentences this short need no tail position for the TAIL_SHARE rule. */
const SHORT_WORDS = 8;

const keyOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();

/** The sentences of a story that are template text, by the rules above. */
export function templateSentences(
  sentences: Sentence[],
  reportOf: (articleId: string) => string,
): Set<Sentence> {
  const lastIndex = new Map<string, number>();
  for (const s of sentences) lastIndex.set(s.articleId, Math.max(lastIndex.get(s.articleId) ?? 0, s.index));
  const reports = new Set([...lastIndex.keys()].map(reportOf));
  const byKey = new Map<string, { reports: Set<string>; tail: number; all: Sentence[]; short: boolean }>();
  for (const s of sentences) {
    const words = s.text.split(/\s+/).length;
    if (words > MAX_WORDS) continue;
    const key = keyOf(s.text);
    if (!key) continue;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { reports: new Set(), tail: 0, all: [], short: words <= SHORT_WORDS }));
    e.reports.add(reportOf(s.articleId));
    e.all.push(s);
    const last = lastIndex.get(s.articleId) ?? 0;
    if (last > 0 && s.index / last >= 0.75) e.tail++;
  }
  const out = new Set<Sentence>();
  for (const e of byKey.values()) {
    const n = e.reports.size;
    if (n < MIN_REPORTS) continue;
    const common = n >= COMMON_SHARE * reports.size;
    const tail = n >= TAIL_SHARE * reports.size && (e.short || e.tail >= IN_TAIL * e.all.length);
    if (common || tail) for (const s of e.all) out.add(s);
  }
  return out;
}
