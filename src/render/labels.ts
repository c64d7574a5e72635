import { basename } from 'node:path';
import type {
  Brief,
  Corroboration,
  DisagreementValue,
  EntitySummary,
  OutletCoverage,
  Quote,
  SourceEntry,
} from '../model.js';

/** How a source is named to a reader: its publisher, else its file name (or URL host). */
export function sourceName(s: SourceEntry): string {
  if (s.publisher) return s.publisher;
  if (s.url) {
    try {
      return new URL(s.url).hostname.replace(/^www\./, '');
    } catch {
      // not a URL; fall through to the file name
    }
  }
  return basename(s.source.replace(/:\d+$/, ''));
}

/** The citation marks of a summary sentence: "[1][3]". */
export function citationMarks(refs: number[]): string {
  return refs.map((r) => `[${r}]`).join('');
}

/** Source numbers of some articles of a brief, in order. */
export function refsOf(brief: Brief, articleIds: string[]): number[] {
  const ref = new Map(brief.sources.map((s) => [s.articleId, s.ref]));
  return articleIds
    .map((id) => ref.get(id))
    .filter((r): r is number => r !== undefined)
    .sort((a, b) => a - b);
}

/** "3 reports: AFP, Reuters, The Telegraph" (or "1 report: AFP"). */
export function corroborationLabel(c: Corroboration): string {
  return `${c.reports} report${c.reports === 1 ? '' : 's'}: ${c.outlets.join(', ')}`;
}

/** One side of a disagreement: "about two weeks" (AFP, attributed to the army) [5]. */
export function disagreementSide(brief: Brief, v: DisagreementValue): { text: string; refs: number[] } {
  const refs = refsOf(brief, v.articleIds);
  const bySource = new Map(brief.sources.map((s) => [s.ref, sourceName(s)]));
  const who = [...new Set(refs.map((r) => bySource.get(r)!))].join(', ');
  const said = v.attributedTo?.length ? `, citing ${v.attributedTo.join('; ')}` : '';
  return { text: `"${v.value}" (${who}${said})`, refs };
}

/** "12 claims, 2 only here". */
export function coverageLabel(c: OutletCoverage): string {
  const only = c.exclusive.length ? `, ${c.exclusive.length} only here` : '';
  return `${c.claims} claim${c.claims === 1 ? '' : 's'}${only}`;
}

const KIND_NAMES = { PERSON: 'person', ORG: 'organization', PLACE: 'place' } as const;

/** "organization; also JFS, Fath alSham · 8 mentions in 4 sources". */
export function entityLabel(e: EntitySummary): string {
  const also = e.aliases.length ? `; also ${e.aliases.join(', ')}` : '';
  const role = e.roles?.length ? `; ${e.roles.join(', ')}` : '';
  const sources = e.articleIds.length;
  return `${KIND_NAMES[e.kind]}${role}${also} · ${e.mentions} mention${e.mentions === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}`;
}

/** A quote's speaker and what they said: direct words in quotation marks, reported speech without. */
export function quoteParts(q: Quote): { speaker: string; said: string } {
  const said = q.kind === 'direct' ? `“${q.text.replace(/[,.]$/, '')}”` : q.text;
  return { speaker: q.speaker?.name ?? 'unattributed', said };
}

/** "5 sources", or "the latest 100 of 1,824 sources" when the brief read only part of a big story. */
export function sourcesLabel(brief: Brief): string {
  const n = brief.sources.length;
  if (brief.storyArticles && brief.storyArticles > n)
    return `the latest ${n} of ${brief.storyArticles.toLocaleString('en-US')} sources`;
  return `${n} source${n === 1 ? '' : 's'}`;
}
