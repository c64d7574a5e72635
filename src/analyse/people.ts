/**
 * The story's people, organizations and places (every spelling merged across its articles), and who said
 * what: quotes chosen for the brief, direct ones first, one or two per speaker, speakers linked to the
 * story's entities.
 */
import { entities as articleEntities, mergeEntities } from '../language/entities.js';
import { quotes as articleQuotes } from '../language/quotes.js';
import type { Article, Entity, EntitySummary, Quote } from '../model.js';

/** Entities listed in a brief, at most. */
export const MAX_ENTITIES = 15;
/** Quotes listed in a brief, at most, and per speaker. */
export const MAX_QUOTES = 10;
const PER_SPEAKER = 2;
/** A relative pronoun left as the speaker ("traders, who said ...") names nobody a reader can use. */
const RELATIVE = /^(who|which|that|whom|whose)$/i;

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

/** Every quote of the story's articles, speakers linked to the story's merged entities where they match. */
export function allStoryQuotes(
  articles: Article[],
  perArticle: Map<string, Entity[]>,
  merged: Entity[],
): Quote[] {
  const byName = new Map<string, Entity>();
  for (const e of merged)
    for (const n of [e.name, ...e.aliases]) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), e);
  return articles.flatMap((a) =>
    articleQuotes(a, perArticle.get(a.id)).map((q): Quote => {
      const entity = q.speaker && byName.get(q.speaker.name.toLowerCase());
      return entity && q.speaker
        ? { ...q, speaker: { ...q.speaker, name: entity.name, entityId: entity.id } }
        : q;
    }),
  );
}

/** The quotes a brief lists, chosen from `allStoryQuotes`. */
export function storyQuotes(all: Quote[]): Quote[] {
  // Direct words of a named speaker first, then reported speech; the source order breaks ties.
  const rank = (q: Quote) => (q.kind === 'direct' ? 0 : 2) + (q.speaker ? 0 : 1);
  const order = all.map((q, i) => ({ q, i })).sort((a, b) => rank(a.q) - rank(b.q) || a.i - b.i);
  const perSpeaker = new Map<string, number>();
  const out: Quote[] = [];
  for (const { q } of order) {
    if (out.length >= MAX_QUOTES) break;
    if (!q.speaker || q.text.split(/\s+/).length < 5 || RELATIVE.test(q.speaker.name)) continue;
    const key = q.speaker.entityId ?? q.speaker.name.toLowerCase();
    const n = perSpeaker.get(key) ?? 0;
    if (n >= PER_SPEAKER) continue;
    if (out.some((o) => o.text === q.text)) continue;
    perSpeaker.set(key, n + 1);
    out.push(q);
  }
  return out;
}
