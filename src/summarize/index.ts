/**
 * Multi-document summarization: a cluster's sentences → a length-budgeted, non-redundant selection.
 * Default method: centroid relevance plus lead position, with redundancy control (MMR-style), ordered by
 * source date and position. Sentences are never cut.
 */
import {
  cosine,
  documentFrequencies,
  normalize,
  type SparseVector,
  tfidfVector,
} from '../cluster/vectors.js';
import { contentTerms, wordCount } from '../language/tokens.js';
import type { Sentence, SummaryInput, SummaryOptions } from '../model.js';

export interface SummarizeOptions extends SummaryOptions {
  method?: string;
}

export const METHODS = ['newsfuse'] as const;

/** Sentences fit for a summary: complete, not too short or long, not a question or a fragment. */
export function isCandidate(s: Sentence): boolean {
  const n = wordCount(s.text);
  if (n < 6 || n > 60) return false;
  if (/\?["”]?$/.test(s.text)) return false;
  if (!/^["“'‘(]?[\p{Lu}\p{N}]/u.test(s.text)) return false;
  if (META_SENTENCE.test(s.text)) return false;
  return /[.!?]["”’)]?$/.test(s.text);
}

/** Sentences about the page rather than the news ("This report is from ...", "Click here ..."). */
const META_SENTENCE =
  /^(this (report|article|story|page)\b|click|tap|sign up|subscribe|follow us|read (more|the full))/i;

/** Maximum similarity a new sentence may have to one already chosen. */
const REDUNDANCY = 0.3;

export function summarize(input: SummaryInput, options: SummarizeOptions): Sentence[] {
  const method = options.method ?? 'newsfuse';
  if (!(METHODS as readonly string[]).includes(method))
    throw new Error(`unknown summarization method "${method}"`);
  const sentences = input.sentences.filter(isCandidate);
  const pool = sentences.length ? sentences : input.sentences;
  if (!pool.length) return [];
  const terms = pool.map((s) => contentTerms(s.text));
  const df = documentFrequencies(terms);
  const vectors = terms.map((t) => tfidfVector(t, df, pool.length));
  const centroid: SparseVector = new Map();
  for (const v of vectors) for (const [k, x] of v) centroid.set(k, (centroid.get(k) ?? 0) + x);
  normalize(centroid);
  const query = options.query ? tfidfVector(contentTerms(options.query), df, pool.length) : undefined;
  const paragraphsOf = new Map<string, number>();
  for (const s of pool)
    paragraphsOf.set(s.articleId, Math.max(paragraphsOf.get(s.articleId) ?? 0, s.paragraph + 1));

  const scored = pool.map((s, i) => {
    const position = 1 / (1 + s.paragraph);
    const relevance = cosine(vectors[i], centroid) + (query ? cosine(vectors[i], query) : 0);
    return { s, i, score: relevance + 0.15 * position };
  });
  scored.sort(
    (a, b) => b.score - a.score || a.s.articleId.localeCompare(b.s.articleId) || a.s.index - b.s.index,
  );

  const chosen: typeof scored = [];
  let used = 0;
  for (const c of scored) {
    const n = wordCount(c.s.text);
    if (used + n > options.words) continue;
    if (chosen.some((o) => cosine(vectors[o.i], vectors[c.i]) >= REDUNDANCY)) continue;
    chosen.push(c);
    used += n;
    if (used >= options.words - 5) break;
  }
  const order = new Map(input.articles.map((a) => [a.id, a.published ?? '']));
  return chosen
    .map((c) => c.s)
    .sort(
      (a, b) =>
        (order.get(a.articleId) ?? '').localeCompare(order.get(b.articleId) ?? '') ||
        a.articleId.localeCompare(b.articleId) ||
        a.index - b.index,
    );
}
