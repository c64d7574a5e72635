/**
 * The story list's options as a URL carries them (`page`, `sort`, `from`, `to`, `outlet`, `min_sources`, `q`,
 * and the older `since`): parsed and checked once for the web UI, the JSON API and the feeds alike.
 */
import { STORY_SORTS, type StoryQuery, type StorySort } from '../store/repository.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query, or the first problem with it (answered 400). */
export function parseStoryQuery(params: Record<string, string | undefined>): StoryQuery | { error: string } {
  const q: StoryQuery = {};
  const text = (params.q ?? '').trim();
  if (text) q.q = text.slice(0, 500);
  if (params.sort) {
    if (!STORY_SORTS.includes(params.sort as StorySort))
      return { error: `sort must be one of ${STORY_SORTS.join(', ')}` };
    q.sort = params.sort as StorySort;
  }
  for (const key of ['from', 'to'] as const) {
    const v = params[key]?.trim();
    if (!v) continue;
    if (!DATE.test(v) || !Number.isFinite(Date.parse(v)))
      return { error: `${key} must be a date (YYYY-MM-DD)` };
    q[key] = v;
  }
  const since = params.since?.trim();
  if (since) {
    if (!/^\d{4}-\d{2}-\d{2}/.test(since)) return { error: 'since must be a date (YYYY-MM-DD)' };
    q.since = since;
  }
  const outlet = params.outlet?.trim();
  if (outlet) q.outlet = outlet.slice(0, 200);
  for (const [key, field, min] of [
    ['page', 'page', 1],
    ['min_sources', 'minSources', 0],
  ] as const) {
    const v = params[key]?.trim();
    if (!v) continue;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > 1_000_000)
      return { error: `${key} must be a whole number of at least ${min}` };
    q[field] = n;
  }
  return q;
}

/** The query back as URL parameters (defaults left out), with some replaced: for pager and sort links. */
export function storyQueryString(q: StoryQuery, change: Partial<StoryQuery> = {}): string {
  const all = { ...q, ...change };
  const p = new URLSearchParams();
  if (all.q) p.set('q', all.q);
  if (all.sort) p.set('sort', all.sort);
  if (all.from) p.set('from', all.from);
  if (all.to) p.set('to', all.to);
  if (all.outlet) p.set('outlet', all.outlet);
  if (all.minSources) p.set('min_sources', String(all.minSources));
  if (all.since) p.set('since', all.since);
  if (all.page && all.page > 1) p.set('page', String(all.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A stable cache key of a query. */
export function storyQueryKey(q: StoryQuery): string {
  return storyQueryString(q) || '-';
}
