/**
 * The story's people, organizations and places (every spelling merged across its articles); who said what
 * is chosen in quote-selection.ts (re-exported here).
 */
import { entities as articleEntities, mergeEntities } from '../language/entities.js';
import type { Article, Entity, EntitySummary } from '../model.js';

// The quotes a brief lists are chosen in quote-selection.ts.
export { allStoryQuotes, MAX_QUOTES, storyQuotes } from './quote-selection.js';

/** Entities listed in a brief, at most. */
export const MAX_ENTITIES = 15;

export function storyEntities(articles: Article[]): {
  entities: EntitySummary[];
  perArticle: Map<string, Entity[]>;
  /** Every merged entity of the story (the brief lists the first MAX_ENTITIES). */
  merged: Entity[];
} {
  const perArticle = new Map(articles.map((a) => [a.id, articleEntities(a)]));
  const merged = mergeEntities([...perArticle.values()]);
  const entities = merged.slice(0, MAX_ENTITIES).map(
    (e): EntitySummary => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      ...(e.roles ? { roles: e.roles } : {}),
      mentions: e.mentions.length,
      articleIds: [...new Set(e.mentions.map((m) => m.articleId ?? ''))].filter(Boolean).sort(),
    }),
  );
  return { entities, perArticle, merged };
}
