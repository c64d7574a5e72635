/**
 * Update briefs: what is new in a story since a date, or since a previous brief. An article is new when it
 * was published after the date (or, against a previous brief, when that brief did not list it: article ids
 * are content hashes, so the same page keeps its id). New facts are claims that only new articles state;
 * newly corroborated facts are older claims that new reports now back; a disagreement is new when one of
 * its sides rests on new articles only.
 */
import type { Article, Brief, BriefUpdate } from '../model.js';

export type Since = { date: string } | { previous: Brief[]; label: string };

/** Whether an article counts as new. Undated articles are new only against a previous brief. */
export function isNew(article: Article, since: Since, known: Set<string>): boolean {
  if ('date' in since) return !!article.published && article.published.slice(0, 10) > since.date;
  return !known.has(article.id);
}

export function whatsNew(brief: Brief, articles: Map<string, Article>, since: Since): BriefUpdate {
  const known = new Set<string>(
    'previous' in since ? since.previous.flatMap((b) => b.sources.map((s) => s.articleId)) : [],
  );
  const fresh = new Set(
    brief.sources
      .filter((s) => {
        const a = articles.get(s.articleId);
        return a ? isNew(a, since, known) : false;
      })
      .map((s) => s.articleId),
  );
  const claims = brief.claims ?? [];
  const newClaims = claims.filter((c) => c.articleIds.every((id) => fresh.has(id))).map((c) => c.id);
  const corroborated = claims
    .filter((c) => c.articleIds.some((id) => fresh.has(id)) && c.articleIds.some((id) => !fresh.has(id)))
    .map((c) => c.id);
  const disagreements = (brief.disagreements ?? [])
    .map((d, i) => ({ d, i }))
    .filter(({ d }) =>
      d.values.some((v) => v.articleIds.length > 0 && v.articleIds.every((id) => fresh.has(id))),
    )
    .map(({ i }) => i);
  return {
    since: 'date' in since ? since.date : since.label,
    newSources: brief.sources.filter((s) => fresh.has(s.articleId)).map((s) => s.ref),
    newSummary: brief.summary
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => fresh.has(s.from.articleId))
      .map(({ i }) => i),
    newClaims,
    newlyCorroborated: corroborated,
    newDisagreements: disagreements,
    newStory: fresh.size === brief.sources.length,
  };
}
