/**
 * A story's timeline: the dated events its articles mention ("since the assault began in late September",
 * "the meeting that happened yesterday in Ankara"), each date resolved against the article's own date, or
 * against the story's date when the page has none or a page date at odds with the story. Mentions of the
 * same day that state the same thing are merged across sources and cite them all. Pure.
 */

import { articleTimexes, type Timex } from '../language/timex.js';
import type { Article, Sentence, TimelineEntry } from '../model.js';
import { withoutDateline } from '../text/candidates.js';
import { notStandAlone } from '../text/stand-alone.js';
import { concepts } from './concepts.js';

/** Entries shown, at most: the best-backed ones, then shown in date order. */
export const MAX_ENTRIES = 20;
/**
 * Sentences shorter than this (in words, dateline left out) are headings or fragments, longer ones lists run
 * together (a curriculum vitae's years), not entries.
 */
const MIN_WORDS = 6;
const MAX_WORDS = 80;
/** Two sentences about the same day are the same event when they share this share of concepts. */
const SAME_EVENT = 0.4;

interface Candidate {
  date: string;
  sentence: Sentence;
  concepts: Set<string>;
  /**
   * Whether the sentence can be read alone under its date. One that cannot ("He also added that …", a
   * quotation without its speaker: the summary's stand-alone rules) never gives an entry its text; it only
   * backs an entry of the same day that states the same thing.
   */
  alone: boolean;
}

/**
 * The brief's timeline: the `MAX_ENTRIES` best-backed events, in date order. `refDateOf` gives the date to
 * resolve an article's expressions against (YYYY-MM-DD), or undefined when there is none (its relative
 * expressions are then skipped).
 */
export function storyTimeline(
  articles: Article[],
  sentences: Sentence[],
  refDateOf: (article: Article) => string | undefined,
): TimelineEntry[] {
  return rankedTimeline(articles, sentences, refDateOf)
    .slice(0, MAX_ENTRIES)
    .sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
}

/**
 * Every dated event of the story, best first: backed by more articles, then told earlier in its article.
 * `storyTimeline` shows the head of this list; `eval timeline` cuts it to a reference timeline's size.
 */
export function rankedTimeline(
  articles: Article[],
  sentences: Sentence[],
  refDateOf: (article: Article) => string | undefined,
): TimelineEntry[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const candidates: Candidate[] = [];
  // Each article's sentences in order (captions left out), so that "six days later" counts from the date
  // of the sentence it continues (see articleTimexes).
  const own = new Map<string, Sentence[]>();
  for (const s of sentences) {
    if (s.caption || !byId.has(s.articleId)) continue;
    const list = own.get(s.articleId);
    if (list) list.push(s);
    else own.set(s.articleId, [s]);
  }
  const found = new Map<Sentence, Timex[]>();
  for (const [id, list] of own) {
    const all = articleTimexes(
      list.map((s) => s.text),
      refDateOf(byId.get(id)!),
    );
    for (let i = 0; i < list.length; i++) found.set(list[i], all[i]);
  }
  for (const s of sentences) {
    const article = byId.get(s.articleId);
    // Photo captions ("… in Mexico City April 24, 2009."), fragments and lists date a picture, a heading or
    // many things, not an event.
    const words = withoutDateline(s).split(/\s+/).length;
    if (!article || s.caption || words < MIN_WORDS || words > MAX_WORDS) continue;
    const ref = refDateOf(article);
    // The first date a sentence gives is the date of what it reports; later ones are background.
    const t = found.get(s)?.find((x) => x.type === 'DATE' && /^\d{4}-\d{2}(-\d{2})?$/.test(x.value));
    if (!t) continue;
    // Expressions that only make sense against a reference are dropped when there is none.
    if (!ref && !/\d{4}/.test(t.text)) continue;
    candidates.push({
      date: t.value,
      sentence: s,
      concepts: new Set(concepts(s.text)),
      alone: !notStandAlone(withoutDateline(s)),
    });
  }
  const groups: Candidate[][] = [];
  const byDate = new Map<string, Candidate[][]>();
  // Sentences that stand alone open entries first; the others can then only back one.
  for (const c of [...candidates.filter((x) => x.alone), ...candidates.filter((x) => !x.alone)]) {
    const sameDay = byDate.get(c.date) ?? [];
    const home = sameDay.find(
      (g) =>
        !g.some((x) => x.sentence.articleId === c.sentence.articleId) &&
        overlap(g[0].concepts, c.concepts) >= SAME_EVENT,
    );
    if (home) home.push(c);
    else if (c.alone) {
      const g = [c];
      groups.push(g);
      sameDay.push(g);
      byDate.set(c.date, sameDay);
    }
  }
  const entries = groups.map((g, i) => ({
    i,
    entry: {
      date: g[0].date,
      text: withoutDateline(g[0].sentence),
      articleIds: [...new Set(g.map((c) => c.sentence.articleId))].sort(),
      evidence: g.map((c) => ({
        articleId: c.sentence.articleId,
        sentenceIndex: c.sentence.index,
        text: c.sentence.text,
      })),
    } satisfies TimelineEntry,
  }));
  return entries
    .sort(
      (a, b) =>
        b.entry.articleIds.length - a.entry.articleIds.length ||
        a.entry.evidence[0].sentenceIndex - b.entry.evidence[0].sentenceIndex ||
        a.i - b.i,
    )
    .map((x) => x.entry);
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}
