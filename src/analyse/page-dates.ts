/**
 * Page dates at odds with the story: a page dated a year after every other report of the same event (a
 * re-published or mis-dated page) is flagged, so that no reader takes its date for the event's.
 * The story's date is the (lower) median of its pages' dates: robust to one wrong page, and with only two
 * dated pages it trusts the earlier one (pages republished later are far more common than pages dated early).
 * Only a story whose pages mostly fall close together has "other dates" to be at odds with: in a running
 * story (a trial over two years) pages far from the median are the story, not errors, and none is flagged.
 */
import type { Article, Disagreement } from '../model.js';

/** A page dated more than this many days from the story's date is flagged. */
export const PAGE_DATE_SLACK_DAYS = 60;
/** Pages may be flagged only when at most this share of the dated pages (or one page) lies outside. */
const MAX_OUTLIER_SHARE = 0.25;

const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** The story's date from its pages' dates, or undefined when no page is dated. */
export function storyDate(articles: Article[]): string | undefined {
  const dates = articles
    .map((a) => a.published?.slice(0, 10))
    .filter((d): d is string => !!d && Number.isFinite(dayOf(d)))
    .sort();
  return dates.length ? dates[Math.floor((dates.length - 1) / 2)] : undefined;
}

/** One disagreement per page whose date is far from the story's date. */
export function pageDateConflicts(articles: Article[]): Disagreement[] {
  const date = storyDate(articles);
  if (!date) return [];
  const centre = dayOf(date);
  const dated = [...articles].filter((a) => a.published).sort((a, b) => a.id.localeCompare(b.id));
  const near = dated.filter((a) => Math.abs(dayOf(a.published!) - centre) <= PAGE_DATE_SLACK_DAYS);
  const far = dated.length - near.length;
  if (far > Math.max(1, MAX_OUTLIER_SHARE * dated.length)) return [];
  const out: Disagreement[] = [];
  for (const a of dated) {
    const gap = Math.round(dayOf(a.published!) - centre);
    if (Math.abs(gap) <= PAGE_DATE_SLACK_DAYS) continue;
    out.push({
      kind: 'page-date',
      about: `page date ${Math.abs(gap)} days ${gap > 0 ? 'after' : 'before'} the story's other dates`,
      values: [
        { value: a.published!.slice(0, 10), articleIds: [a.id], evidence: [] },
        { value: date, articleIds: near.map((n) => n.id), evidence: [] },
      ],
    });
  }
  return out;
}
