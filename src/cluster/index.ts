/**
 * Story clustering, batch entry point: articles → stories (largest first), each with its near-duplicate
 * reports. Articles are fed to the incremental StoryClusterer in a fixed order (publication date, then
 * id; undated articles last), so the same set of articles always gives the same stories.
 */
import type { Article, Story } from '../model.js';
import { type ClustererOptions, StoryClusterer } from './stream.js';

export { findNearDuplicates, groupNearDuplicates } from './near-duplicates.js';
export { type AddResult, type ClustererOptions, DEFAULTS, StoryClusterer } from './stream.js';

/** The order `clusterArticles` feeds articles in: by publication date (undated last), then id. */
export function compareStreamOrder(
  a: Pick<Article, 'id' | 'published'>,
  b: Pick<Article, 'id' | 'published'>,
): number {
  return (
    (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff') ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function streamOrder(articles: Article[]): Article[] {
  return [...articles].sort(compareStreamOrder);
}

export function clusterArticles(articles: Article[], options: ClustererOptions = {}): Story[] {
  const clusterer = new StoryClusterer(options);
  clusterer.addAll(streamOrder(articles));
  const byId = new Map(articles.map((a) => [a.id, a]));
  return withHeadlines(clusterer.stories(), (id) => byId.get(id));
}

/** Stories whose articles have no title get the first words of their first article as a headline. */
export function withHeadlines(stories: Story[], article: (id: string) => Article | undefined): Story[] {
  return stories.map((s) =>
    s.headline ? s : { ...s, headline: fallbackHeadline(article(s.articleIds[0])) },
  );
}

/** When no article of a story has a title: the first words of its first article. */
function fallbackHeadline(article: Article | undefined): string {
  if (!article) return '';
  const words = article.text.slice(0, 400).split(/\s+/).filter(Boolean);
  return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : words.join(' ');
}
