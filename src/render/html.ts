/**
 * Briefs as HTML: `briefHtml` renders one brief, for `brief --format html` (`renderHtml`, one self-contained
 * page, no external assets) and for the server's story page alike. Every piece of article text is escaped.
 */

import { sourceName } from '../brief/source-name.js';
import type { Brief, Corroboration, Evidence, SourceEntry } from '../model.js';
import {
  citationMarks,
  corroborationLabel,
  coverageLabel,
  disagreementSide,
  entityLabel,
  quoteParts,
  refsOf,
  sourcesLabel,
} from './labels.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(s: string): string {
  return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]) : s;
}

/** Where in the brief a citation sits: a summary sentence, a disagreement, a timeline entry, a quote, an entity. */
export interface CiteSite {
  /** The element id of the citing item ("s2", "d1", "t4", "q3", "e5"), when the brief has anchors. */
  id?: string;
  /** How a back link names it: "summary sentence 3". */
  label: string;
}

/** Where a brief's links point and what its page adds: the one brief renderer serves every HTML page. */
export interface BriefHtmlOptions {
  /** Prefix of the element ids of this brief's sources ("b1-": a page of several briefs keeps them apart). */
  idPrefix?: string;
  /**
   * The link target of a citation of source `ref`, at the cited sentence when there is one; by default the
   * source's entry in the list. `site` says which item of the brief cites it.
   */
  cite?: (ref: number, at?: { articleId: string; sentenceIndex: number }, site?: CiteSite) => string;
  /** Markup added to the line under the headline (a link to the brief's JSON). */
  meta?: string;
  /** Markup shown under a source's entry (its text, on the server's story page); called after every `cite`. */
  sourceBody?: (source: SourceEntry) => string;
  /**
   * The whole Sources section instead of the list of every source (a page of them, on the server); called
   * after every `cite`.
   */
  sourcesSection?: () => string;
  /** Markup placed before the Sources section (the coverage chart). */
  beforeSources?: string;
  /** Ids on the sections and on every cited item, a contents bar, and links back from the sources. */
  anchors?: boolean;
  /** More citations than this after a statement are grouped: its first source, then "N more sources". */
  groupCitations?: number;
  /** Sections list this many items; the rest sit in a closed `<details>` (no script needed). */
  collapseAfter?: number;
}

/** Most links a citation group lists (the rest are counted). */
export const GROUP_LINKS = 30;

/** A citation's CSS class by how many reports back the statement: 1 report looks unlike 21. */
export function corroborationClass(reports: number): string {
  return reports <= 1 ? 'backed r1' : reports < 5 ? 'backed r2' : 'backed r5';
}

/**
 * How many reports back a statement, styled by that number. On a page with anchors a long outlet list is cut
 * to its first three, the whole list in the title.
 */
function backedHtml(c: Corroboration, short: boolean): string {
  const cls = corroborationClass(c.reports);
  if (!short || c.outlets.length <= 4)
    return `<span class="${cls}">${escapeHtml(corroborationLabel(c))}</span>`;
  const label = corroborationLabel({ ...c, outlets: c.outlets.slice(0, 3) });
  return `<span class="${cls}" title="${escapeHtml(c.outlets.join(', '))}">${escapeHtml(label)} and ${c.outlets.length - 3} more outlets</span>`;
}

/** A summary sentence is disputed when a side of a disagreement rests on a sentence it cites or states. */
export function disputedSentences(brief: Brief): Map<number, number[]> {
  const at = (e: { articleId: string; sentenceIndex: number }) => `${e.articleId}\0${e.sentenceIndex}`;
  const where = new Map<string, number[]>();
  (brief.disagreements ?? []).forEach((d, k) => {
    for (const v of d.values)
      for (const e of v.evidence) {
        const list = where.get(at(e)) ?? [];
        if (!list.includes(k)) list.push(k);
        where.set(at(e), list);
      }
  });
  const out = new Map<number, number[]>();
  brief.summary.forEach((s, i) => {
    const hits = new Set<number>();
    for (const loc of [s.from, ...s.citations]) for (const k of where.get(at(loc)) ?? []) hits.add(k);
    if (hits.size)
      out.set(
        i,
        [...hits].sort((a, b) => a - b),
      );
  });
  return out;
}

/** One brief as an HTML `<article>`: summary, timeline, disagreements, quotes, entities and sources. */
export function briefHtml(brief: Brief, options: BriefHtmlOptions = {}): string {
  const prefix = options.idPrefix ?? '';
  const href = options.cite ?? ((ref: number) => `#${prefix}src${ref}`);
  const anchors = options.anchors ?? false;
  const group = options.groupCitations ?? Number.POSITIVE_INFINITY;
  const nameOf = new Map(brief.sources.map((s) => [s.ref, sourceName(s)]));
  const link = (ref: number, at?: { articleId: string; sentenceIndex: number }, site?: CiteSite) =>
    `<a href="${href(ref, at, site)}" class="cite">${citationMarks([ref])}</a>`;
  // A statement's citations; past `group` of them, the first and then "N more sources" naming the outlets.
  const cites = (
    list: { ref: number; at?: { articleId: string; sentenceIndex: number } }[],
    site?: CiteSite,
  ) => {
    if (list.length <= group) return list.map((c) => link(c.ref, c.at, site)).join('');
    const first = link(list[0].ref, list[0].at, site);
    const outlets = [...new Set(list.slice(1).map((c) => nameOf.get(c.ref) || `source ${c.ref}`))];
    const n = list.length - 1;
    const label = `${n} more source${n === 1 ? '' : 's'}: ${outlets.join(', ')}`;
    // Inside a group the links go without their class (styled as `.cg a`): a hundred of them add up.
    // and at most GROUP_LINKS of them are listed: past that, a reader wants the count, not the links.
    const listed = list.slice(1, 1 + GROUP_LINKS);
    const unlisted = n - listed.length;
    const rest = `${listed.map((c) => `<a href="${href(c.ref, c.at, site)}">${citationMarks([c.ref])}</a>`).join('')}${
      unlisted > 0 ? ` <span class="backed">and ${unlisted} more</span>` : ''
    }`;
    return `${first}<details class="cg"><summary aria-label="${escapeHtml(label)}">+${n} sources<span class="tip" aria-hidden="true">${escapeHtml(outlets.join(', '))}</span></summary>${rest}</details>`;
  };
  const collapse = (items: string[], noun: string) => {
    const n = options.collapseAfter ?? Number.POSITIVE_INFINITY;
    if (items.length <= n) return items.join('\n');
    const rest = items.length - n;
    return `${items.slice(0, n).join('\n')}\n<li class="more"><details><summary>${rest} more ${noun}</summary><ul>\n${items.slice(n).join('\n')}\n</ul></details></li>`;
  };
  const id = (x: string) => (anchors ? ` id="${prefix}${x}"` : '');
  const disputed = anchors ? disputedSentences(brief) : new Map<number, number[]>();
  const items = brief.summary.map((s, i) => {
    const site = { id: anchors ? `${prefix}s${i + 1}` : undefined, label: `summary sentence ${i + 1}` };
    const c = cites(
      s.citations.map((x) => ({ ref: x.ref, at: x })),
      site,
    );
    const backed = s.corroboration ? ` ${backedHtml(s.corroboration, anchors)}` : '';
    const mark = brief.update?.newSummary.includes(i) ? '<strong class="new">new</strong> ' : '';
    // One mark, at the first disagreement; its title names them all.
    const touching = disputed.get(i) ?? [];
    const dispute = touching.length
      ? ` <a class="disputed" href="#${prefix}d${touching[0] + 1}" title="${escapeHtml(
          `Disputed: ${touching.map((k) => brief.disagreements![k].about).join('; ')}`,
        )}">disputed${touching.length > 1 ? ` ×${touching.length}` : ''}</a>`
      : '';
    return `<li${id(`s${i + 1}`)}${dispute ? ' class="has-dispute"' : ''}>${mark}${escapeHtml(s.text)} ${c}${backed}${dispute}</li>`;
  });
  // A source's link goes to the sentence of it that backs the statement, when the brief knows one.
  const articleOf = new Map(brief.sources.map((s) => [s.ref, s.articleId]));
  const evidenceLinks = (refs: number[], evidence: Evidence[], site: CiteSite) =>
    cites(
      refs.map((r) => ({ ref: r, at: evidence.find((e) => e.articleId === articleOf.get(r)) })),
      site,
    );
  const disagreements = (brief.disagreements ?? []).map((d, k) => {
    const site = { id: anchors ? `${prefix}d${k + 1}` : undefined, label: `disagreement ${k + 1}` };
    const sides = d.values.map((v) => {
      const side = disagreementSide(brief, v);
      return `${escapeHtml(side.text)} ${evidenceLinks(side.refs, v.evidence, site)}`;
    });
    return `<li${id(`d${k + 1}`)}><strong>${escapeHtml(d.about)}</strong>: ${sides.join(' <em>vs</em> ')}</li>`;
  });
  const timeline = (brief.timeline ?? []).map((e, k) => {
    const site = { id: anchors ? `${prefix}t${k + 1}` : undefined, label: `timeline entry ${k + 1}` };
    return `<li${id(`t${k + 1}`)}><time>${escapeHtml(e.date)}</time> ${escapeHtml(e.text)} ${evidenceLinks(refsOf(brief, e.articleIds), e.evidence, site)}</li>`;
  });
  const quotes = (brief.quotes ?? []).map((q, k) => {
    const site = { id: anchors ? `${prefix}q${k + 1}` : undefined, label: `quote ${k + 1}` };
    const { speaker, said } = quoteParts(q);
    const refs = refsOf(brief, q.articleId ? [q.articleId] : []);
    return `<li${id(`q${k + 1}`)}><strong>${escapeHtml(speaker)}</strong>: ${escapeHtml(said)} ${cites(
      refs.map((r) => ({ ref: r })),
      site,
    )}</li>`;
  });
  const entities = (brief.entities ?? []).map((e, k) => {
    const site = { id: anchors ? `${prefix}e${k + 1}` : undefined, label: `entity ${k + 1}` };
    // Entities carry citations on the server's page (the sources that mention them), not in a CLI page.
    const c = anchors
      ? ` ${cites(
          refsOf(brief, e.articleIds).map((r) => ({ ref: r })),
          site,
        )}`
      : '';
    return `<li${id(`e${k + 1}`)}><strong>${escapeHtml(e.name)}</strong> <span class="backed">${escapeHtml(entityLabel(e))}</span>${c}</li>`;
  });
  const coverage = new Map((brief.coverage ?? []).flatMap((c) => c.articleIds.map((id) => [id, c])));
  const sections: [string, string, string, string[], string][] = [
    ['timeline', 'Timeline', 'timeline', timeline, 'entries'],
    ['disagreements', 'Disagreements', 'disagreements', disagreements, 'disagreements'],
    ['quotes', 'Quotes', 'quotes', quotes, 'quotes'],
    ['entities', 'Entities', 'entities', entities, 'entities'],
  ];
  const sectionHtml = sections
    .filter(([, , , list]) => list.length)
    .map(
      ([key, title, cls, list, noun]) =>
        `<h3${id(`sec-${key}`)}>${title}</h3>\n<ul class="${cls}">\n${collapse(list, noun)}\n</ul>`,
    )
    .join('\n');
  // Rendered last, once every citation above has been through `cite`.
  const sourcesHtml = () => {
    if (options.sourcesSection) return options.sourcesSection();
    // The claim count of an outlet is said once, under its first source, not under every one.
    const told = new Set<string>();
    const list = brief.sources
      .map((s) => {
        const date = s.published ? ` <time>${escapeHtml(s.published.slice(0, 10))}</time>` : '';
        const cov = coverage.get(s.articleId);
        const carried =
          cov && !told.has(cov.outlet)
            ? ` <span class="backed">${escapeHtml(coverageLabel(cov))}</span>`
            : '';
        if (cov) told.add(cov.outlet);
        const body = options.sourceBody ? `\n${options.sourceBody(s)}` : '';
        return `<li id="${prefix}src${s.ref}"><strong>${escapeHtml(sourceName(s))}</strong>: ${escapeHtml(s.title)}${date}${carried}${body}</li>`;
      })
      .join('\n');
    return `<h3${id('sec-sources')}>Sources</h3>\n<ol class="sources">\n${list}\n</ol>`;
  };
  const contents = anchors
    ? `<nav class="toc" aria-label="Contents"><ul>${[
        ['summary', 'Summary', brief.summary.length],
        ...sections.map(([key, title, , list]) => [key, title, list.length] as [string, string, number]),
        ...(options.beforeSources ? [['coverage', 'Coverage', -1] as [string, string, number]] : []),
        ['sources', 'Sources', brief.sources.length],
      ]
        .filter(([, , n]) => n !== 0)
        .map(
          ([key, title, n]) =>
            `<li><a href="#${prefix}sec-${key}">${title}</a>${(n as number) > 0 ? ` <span class="n">${n}</span>` : ''}</li>`,
        )
        .join('')}</ul></nav>`
    : '';
  const summaryHtml = `<h3${id('sec-summary')}>Summary</h3>\n<ul class="summary">\n${items.join('\n')}\n</ul>`;
  const rest = `${sectionHtml}\n${options.beforeSources ?? ''}`;
  return `<article>
<h2>${escapeHtml(brief.headline)}</h2>
<p class="meta">${escapeHtml(sourcesLabel(brief))} · ${brief.words} words${options.meta ?? ''}</p>
${contents}
${brief.update ? updateHtml(brief, link) : ''}
${summaryHtml}
${rest}
${sourcesHtml()}
</article>`;
}

function updateHtml(brief: Brief, link: (ref: number) => string): string {
  const u = brief.update!;
  const claim = new Map((brief.claims ?? []).map((c) => [c.id, c]));
  const items = [
    u.newStory ? '<li>A new story: every source is new.</li>' : '',
    u.newSources.length ? `<li>New sources: ${u.newSources.map((r) => link(r)).join('')}</li>` : '',
    ...u.newClaims.map((id) => `<li>New fact: ${escapeHtml(claim.get(id)?.text ?? '')}</li>`),
    ...u.newDisagreements.map(
      (i) => `<li>New disagreement: ${escapeHtml(brief.disagreements?.[i]?.about ?? '')}</li>`,
    ),
  ].filter(Boolean);
  const body = items.length
    ? `<ul>${items.join('')}</ul>`
    : `<p>Nothing new since ${escapeHtml(u.since)}.</p>`;
  return `<h3>New since ${escapeHtml(u.since)}</h3>\n${body}`;
}

export function renderHtml(briefs: Brief[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newsfuse briefs</title>
<style>
body{font:16px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{font-family:system-ui,sans-serif;line-height:1.25}.meta{color:#666;font-size:.9rem}
.backed{color:#666;font-size:.85rem;font-style:italic}.r1{color:#8a6d00}.r5{font-style:normal;font-weight:600;color:#1a5e20}.cite,.cg a{font-size:.8rem;text-decoration:none;color:#0645ad}.sources li:target{background:#fff3b0}
article{border-bottom:1px solid #ddd;padding-bottom:1.5rem;margin-bottom:1.5rem}
</style>
</head>
<body>
<h1>newsfuse</h1>
${briefs.map((b, i) => briefHtml(b, { idPrefix: `b${i + 1}-` })).join('\n')}
</body>
</html>
`;
}
