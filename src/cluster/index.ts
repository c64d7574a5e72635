/**
 * Story clustering (batch): articles → stories, each with its near-duplicate reports.
 * Single pass over articles in a stable order; each joins the closest story centroid above a threshold.
 */
import type { Article, Report, Story } from '../model.js';
import { groupNearDuplicates } from './near-duplicates.js';
import {
  contentTerms,
  cosine,
  documentFrequencies,
  normalize,
  type SparseVector,
  tfidfVector,
} from './vectors.js';

/** Minimum cosine between an article and a story centroid to join it. */
export const JOIN_THRESHOLD = 0.12;

interface Group {
  ids: string[];
  sum: SparseVector;
}

export function clusterArticles(articles: Article[]): Story[] {
  const ordered = [...articles].sort(
    (a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id),
  );
  const terms = ordered.map((a) => contentTerms(`${a.title}\n${a.text}`));
  const df = documentFrequencies(terms);
  const groups: Group[] = [];
  ordered.forEach((article, i) => {
    const v = tfidfVector(terms[i], df, ordered.length);
    let best: Group | undefined;
    let bestSim = JOIN_THRESHOLD;
    for (const g of groups) {
      const sim = cosine(v, normalize(new Map(g.sum)));
      if (sim >= bestSim) {
        best = g;
        bestSim = sim;
      }
    }
    if (!best) {
      best = { ids: [], sum: new Map() };
      groups.push(best);
    }
    best.ids.push(article.id);
    for (const [k, x] of v) best.sum.set(k, (best.sum.get(k) ?? 0) + x);
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stories = groups.map((g) => makeStory(g.ids.map((id) => byId.get(id)!)));
  return stories.sort((a, b) => b.articleIds.length - a.articleIds.length || a.id.localeCompare(b.id));
}

/** Build a Story from its articles: stable id, near-duplicate reports, the headline of its most typical article. */
export function makeStory(members: Article[]): Story {
  const sorted = [...members].sort((a, b) => a.id.localeCompare(b.id));
  const reports: Report[] = groupNearDuplicates(sorted).map((ids) => ({
    id: `r-${ids[0]}`,
    articleIds: ids,
  }));
  return {
    id: `s-${sorted[0].id}`,
    articleIds: sorted.map((a) => a.id),
    reports,
    headline: pickHeadline(sorted),
  };
}

function pickHeadline(members: Article[]): string {
  if (members.length === 1) return members[0].title;
  const terms = members.map((a) => contentTerms(a.text));
  const df = documentFrequencies(terms);
  const centroid: SparseVector = new Map();
  const vectors = terms.map((t) => tfidfVector(t, df, members.length));
  for (const v of vectors) for (const [k, x] of v) centroid.set(k, (centroid.get(k) ?? 0) + x);
  normalize(centroid);
  let best = members[0];
  let bestScore = -1;
  members.forEach((a) => {
    const score = cosine(tfidfVector(contentTerms(a.title), df, members.length), centroid);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  });
  return best.title;
}
