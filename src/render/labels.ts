import { sourceName } from '../brief/source-name.js';
import type {
  Brief,
  Corroboration,
  DisagreementValue,
  EntitySummary,
  OutletCoverage,
  Quote,
} from '../model.js';

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
  const n = c.exclusiveCount ?? c.exclusive.length;
  const only = n ? `, ${n} only here` : '';
  return `${c.claims} claim${c.claims === 1 ? '' : 's'}${only}`;
}

const KIND_NAMES = { PERSON: 'person', ORG: 'organization', PLACE: 'place', EVENT: 'event' } as const;

/** "organization; also JFS, Fath alSham · 8 mentions in 4 sources". */
export function entityLabel(e: EntitySummary): string {
  const also = e.aliases.length ? `; also ${e.aliases.join(', ')}` : '';
  const role = e.roles?.length ? `; ${e.roles.join(', ')}` : '';
  const sources = e.articleIds.length;
  return `${KIND_NAMES[e.kind]}${role}${also} · ${e.mentions} mention${e.mentions === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}`;
}

/** A quote's speaker and what they said: direct words in quotation marks, reported speech without. */
export function quoteParts(q: Quote): { speaker: string; said: string } {
  const words = spokenWords(q.text);
  const said = q.kind === 'direct' ? `“${words.replace(/[,.]$/, '')}”` : words;
  return { speaker: q.speaker?.name ?? 'unattributed', said };
}

/**
 * The words of a quote as a reader wants them: without the complementizer of a mixed quote ('that “...')
 * and without quotation marks left at its edges (the brief adds its own).
 */
export function spokenWords(text: string): string {
  const count = (s: string, mark: string) => s.split(mark).length - 1;
  // Every closing curly mark closes an earlier opening one, and straight marks pair up.
  const balanced = (s: string) => {
    let depth = 0;
    for (const c of s)
      if (c === '“') depth++;
      else if (c === '”' && --depth < 0) return false;
    return depth === 0 && count(s, '"') % 2 === 0;
  };
  let t = text.trim().replace(/^that\s+(?=["“‘])/i, '');
  for (let changed = true; changed && t; ) {
    changed = false;
    const inner = t.slice(1, -1);
    if (((t[0] === '“' && t.endsWith('”')) || (t[0] === '"' && t.endsWith('"'))) && balanced(inner)) {
      t = inner.trim(); // the whole text in one pair of marks
      changed = true;
    } else if (t[0] === '”' || (t[0] === '“' && count(t, '“') > count(t, '”'))) {
      t = t.slice(1).trim(); // a mark at the start that pairs with nothing
      changed = true;
    } else if (t.endsWith('“') || (t.endsWith('”') && count(t, '”') > count(t, '“'))) {
      t = t.slice(0, -1).trim(); // a mark at the end that pairs with nothing
      changed = true;
    } else if ((t[0] === '"' || t.endsWith('"')) && count(t, '"') % 2 === 1) {
      t = (t[0] === '"' ? t.slice(1) : t.slice(0, -1)).trim();
      changed = true;
    }
  }
  return t;
}

/** "5 sources", or "the latest 100 of 1,824 sources" when the brief read only part of a big story. */
export function sourcesLabel(brief: Brief): string {
  const n = brief.sources.length;
  if (brief.storyArticles && brief.storyArticles > n)
    return `the latest ${n} of ${brief.storyArticles.toLocaleString('en-US')} sources`;
  return `${n} source${n === 1 ? '' : 's'}`;
}
