/**
 * Cross-source analysis of one story: claims and their corroboration, disagreements (figures, who said
 * the same words, page dates), per-outlet coverage, and the story's timeline. Pure: the story's articles and sentences in, plain data out.
 */

import type {
  Article,
  Claim,
  Corroboration,
  Disagreement,
  EntitySummary,
  OutletCoverage,
  Quote,
  Sentence,
  Story,
  TimelineEntry,
} from '../model.js';
import { dayOf } from '../text/days.js';
import { type ClaimOptions, corroborationOf, findClaims } from './claims.js';
import { joinCopies } from './copies.js';
import { coverageOf } from './coverage.js';
import { findDisagreements } from './disagreements.js';
import { pageDateConflicts, storyDate } from './page-dates.js';
import { allStoryQuotes, storyEntities, storyQuotes } from './people.js';
import { speakerConflicts } from './speakers.js';
import { storyTimeline } from './story-timeline.js';

export interface StoryAnalysis {
  claims: Claim[];
  disagreements: Disagreement[];
  coverage: OutletCoverage[];
  timeline: TimelineEntry[];
  quotes: Quote[];
  entities: EntitySummary[];
  /** Corroboration of one sentence of the story, given the articles that were found to state it. */
  corroborate(sentence: { articleId: string; index: number }, supporting: string[]): Corroboration;
}

/** Claims shown in a brief: those backed by two or more reports, at most this many. */
export const MAX_CLAIMS = 10;

export function analyseStory(
  story: Story,
  articles: Article[],
  sentences: Sentence[],
  outletOf: (articleId: string) => string,
): StoryAnalysis {
  const clustered = new Map<string, string>();
  for (const r of story.reports) for (const id of r.articleIds) clustered.set(id, r.id);
  // Versions and copies of one page that the clusterer's near-duplicate test leaves apart are one report too.
  const reportOf = joinCopies(
    articles.map((a) => a.id),
    sentences,
    clustered,
  );
  const options: ClaimOptions = { reportOf, outletOf };
  const claims = findClaims(sentences, options);
  // Relative dates resolve against the page's own date, unless it has none or it is at odds with the story.
  const pageDates = pageDateConflicts(articles);
  const offDates = new Set(pageDates.flatMap((d) => d.values[0].articleIds));
  const date = storyDate(articles);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const timeline = storyTimeline(articles, sentences, (a) =>
    a.published && !offDates.has(a.id) ? a.published.slice(0, 10) : date,
  );
  const { entities, perArticle, merged } = storyEntities(articles);
  const allQuotes = allStoryQuotes(articles, perArticle, merged);
  return {
    timeline,
    quotes: storyQuotes(allQuotes, articles),
    entities,
    claims: claims.filter((c) => c.corroboration.reports >= 2).slice(0, MAX_CLAIMS),
    disagreements: [
      // Figures are compared between pages published about the same time (a page's date at odds with the
      // story's is no evidence of when it was written).
      ...findDisagreements(sentences, reportOf, (id) => {
        const published = byId.get(id)?.published;
        return published && !offDates.has(id) ? dayOf(published) : undefined;
      }),
      ...speakerConflicts(allQuotes, sentences, reportOf),
      ...pageDates,
    ],
    coverage: coverageOf(
      articles.map((a) => a.id),
      claims,
      outletOf,
    ),
    corroborate(sentence, supporting) {
      // The independent reports among the articles found to state the sentence's fact (its citations): the
      // members of a claim that shares some of its words need not state all of it ("sentenced to community
      // service" is no report of "a 180-day deferred sentence, 40 hours of community service and a fine").
      return corroborationOf([sentence.articleId, ...supporting], options);
    },
  };
}
