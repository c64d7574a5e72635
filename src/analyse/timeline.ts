/**
 * Timelines: which dates matter in a set of articles, and what happened on each.
 *
 * Dates are ranked by how often the articles *mention* them (a date many reports look back to is an
 * event; a date on which many articles merely appeared is not always one), plus a smaller weight for
 * publication. For each chosen date the candidate sentences are those that mention it, and the opening
 * sentences of articles published the day after (news reports yesterday's events first); the sentences
 * closest to the candidates' centroid, without repeating each other, describe the day.
 * Pure: sentences and a date resolver in, entries out; linear in the sentences plus the chosen dates' work.
 */

import { contentTerms } from '../language/tokens.js';
import type { Sentence } from '../model.js';
import { isCandidate } from '../text/candidates.js';
import { cosine, documentFrequencies, type SparseVector, tfidfVector } from '../text/vectors.js';

/** A date a sentence refers to, resolved against its article's publication date. */
export interface DateMention {
  /** YYYY-MM-DD for a day; YYYY-MM for a month (coarser mentions are ignored). */
  value: string;
  start: number;
  end: number;
}

/** Resolves the dates a text mentions, relative to a reference date (YYYY-MM-DD). */
export type DateResolver = (text: string, refDate: string) => DateMention[];

export interface TimelineArticle {
  id: string;
  /** Publication date, YYYY-MM-DD. */
  published: string;
  sentences: Sentence[];
}

export interface TimelineOptions {
  /** Number of dates in the timeline. */
  dates: number;
  /** Sentences per date. */
  perDate: number;
  resolve: DateResolver;
  /** Only dates within this range (inclusive, YYYY-MM-DD), when given. */
  range?: [string, string];
  /** Weight of one publication against one mention when ranking dates. */
  publicationWeight?: number;
  /** Opening sentences of an article that count as reporting the day before. */
  leadSentences?: number;
}

export interface TimelineDay {
  date: string;
  sentences: { articleId: string; sentenceIndex: number; text: string }[];
  /** Mentions and publications that made this date count. */
  score: number;
}

/** Sentences picked per date must differ from each other at least this much. */
const MAX_SIMILARITY = 0.3;

const DAY_MS = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Build a timeline of `dates` days with `perDate` sentences each. Output in date order. */
export function buildTimeline(articles: TimelineArticle[], options: TimelineOptions): TimelineDay[] {
  const pubWeight = options.publicationWeight ?? 0.5;
  const lead = options.leadSentences ?? 3;
  const inRange = (d: string) => !options.range || (d >= options.range[0] && d <= options.range[1]);
  const score = new Map<string, number>();
  const candidates = new Map<string, Sentence[]>();
  const add = (date: string, s: Sentence) => {
    const list = candidates.get(date);
    if (list) list.push(s);
    else candidates.set(date, [s]);
  };
  for (const a of articles) {
    if (inRange(a.published)) score.set(a.published, (score.get(a.published) ?? 0) + pubWeight);
    const dayBefore = addDays(a.published, -1);
    for (const s of a.sentences) {
      const mentioned = new Set<string>();
      for (const m of options.resolve(s.text, a.published)) {
        if (m.value.length !== 10 || !inRange(m.value)) continue;
        mentioned.add(m.value);
      }
      for (const d of mentioned) {
        score.set(d, (score.get(d) ?? 0) + 1);
        add(d, s);
      }
      if (s.index < lead && !mentioned.size && inRange(dayBefore)) add(dayBefore, s);
      if (s.index < lead && !mentioned.size && inRange(a.published)) add(a.published, s);
    }
  }
  const chosen = [...score]
    .filter(([d]) => candidates.has(d))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.dates);
  return chosen
    .map(([date, s]) => ({ date, score: s, sentences: describeDay(candidates.get(date)!, options.perDate) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The sentences nearest the centroid of a day's candidates, skipping near-repeats. */
function describeDay(sentences: Sentence[], k: number): TimelineDay['sentences'] {
  const terms = sentences.map((s) => contentTerms(s.text));
  const df = documentFrequencies(terms);
  const vectors = terms.map((t) => tfidfVector(t, df, terms.length));
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const order = sentences
    .map((s, i) => ({ s, v: vectors[i], sim: cosine(vectors[i], centroid) }))
    .filter((x) => x.v.size >= 3 && isCandidate(x.s))
    .sort((a, b) => b.sim - a.sim || a.s.articleId.localeCompare(b.s.articleId) || a.s.index - b.s.index);
  const picked: { s: Sentence; v: SparseVector }[] = [];
  for (const x of order) {
    if (picked.length >= k) break;
    if (picked.some((p) => cosine(p.v, x.v) > MAX_SIMILARITY)) continue;
    picked.push(x);
  }
  return picked.map(({ s }) => ({ articleId: s.articleId, sentenceIndex: s.index, text: s.text }));
}
