/**
 * Briefs as HTML: `briefHtml` renders one brief, for `brief --format html` (`renderHtml`, one self-contained
 * page, no external assets) and for the server's story page alike. Every piece of article text is escaped.
 */

import { sourceName } from '../brief/source-name.js';
import type { Brief, Evidence, SourceEntry } from '../model.js';
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

/** Where a brief's links point and what its page adds: the one brief renderer serves every HTML page. */
export interface BriefHtmlOptions {
  /** Prefix of the element ids of this brief's sources ("b1-": a page of several briefs keeps them apart). */
  idPrefix?: string;
  /**
   * The link target of a citation of source `ref`, at the cited sentence when there is one; by default the
   * source's entry in the list.
   */
  cite?: (ref: number, at?: { articleId: string; sentenceIndex: number }) => string;
  /** Markup added to the line under the headline (a link to the brief's JSON). */
  meta?: string;
  /** Markup shown under a source's entry (its text, on the server's story page); called after every `cite`. */
  sourceBody?: (source: SourceEntry) => string;
}

/** One brief as an HTML `<article>`: summary, timeline, disagreements, quotes, entities and sources. */
export function briefHtml(brief: Brief, options: BriefHtmlOptions = {}): string {
  const prefix = options.idPrefix ?? '';
  const href = options.cite ?? ((ref: number) => `#${prefix}src${ref}`);
  const link = (ref: number, at?: { articleId: string; sentenceIndex: number }) =>
    `<a href="${href(ref, at)}" class="cite">${citationMarks([ref])}</a>`;
  const items = brief.summary
    .map((s, i) => {
      const cites = s.citations.map((c) => link(c.ref, c)).join('');
      const backed = s.corroboration
        ? ` <span class="backed">${escapeHtml(corroborationLabel(s.corroboration))}</span>`
        : '';
      const mark = brief.update?.newSummary.includes(i) ? '<strong class="new">new</strong> ' : '';
      return `<li>${mark}${escapeHtml(s.text)} ${cites}${backed}</li>`;
    })
    .join('\n');
  // A source's link goes to the sentence of it that backs the statement, when the brief knows one.
  const articleOf = new Map(brief.sources.map((s) => [s.ref, s.articleId]));
  const evidenceLinks = (refs: number[], evidence: Evidence[]) =>
    refs
      .map((r) =>
        link(
          r,
          evidence.find((e) => e.articleId === articleOf.get(r)),
        ),
      )
      .join('');
  const disagreements = (brief.disagreements ?? [])
    .map((d) => {
      const sides = d.values.map((v) => {
        const side = disagreementSide(brief, v);
        return `${escapeHtml(side.text)} ${evidenceLinks(side.refs, v.evidence)}`;
      });
      return `<li><strong>${escapeHtml(d.about)}</strong>: ${sides.join(' <em>vs</em> ')}</li>`;
    })
    .join('\n');
  const timeline = (brief.timeline ?? [])
    .map(
      (e) =>
        `<li><time>${escapeHtml(e.date)}</time> ${escapeHtml(e.text)} ${evidenceLinks(refsOf(brief, e.articleIds), e.evidence)}</li>`,
    )
    .join('\n');
  const quotes = (brief.quotes ?? [])
    .map((q) => {
      const { speaker, said } = quoteParts(q);
      const refs = refsOf(brief, q.articleId ? [q.articleId] : []);
      return `<li><strong>${escapeHtml(speaker)}</strong>: ${escapeHtml(said)} ${refs.map((r) => link(r)).join('')}</li>`;
    })
    .join('\n');
  const entities = (brief.entities ?? [])
    .map(
      (e) =>
        `<li><strong>${escapeHtml(e.name)}</strong> <span class="backed">${escapeHtml(entityLabel(e))}</span></li>`,
    )
    .join('\n');
  const coverage = new Map((brief.coverage ?? []).flatMap((c) => c.articleIds.map((id) => [id, c])));
  const sources = brief.sources
    .map((s) => {
      const date = s.published ? ` <time>${escapeHtml(s.published.slice(0, 10))}</time>` : '';
      const cov = coverage.get(s.articleId);
      const carried = cov ? ` <span class="backed">${escapeHtml(coverageLabel(cov))}</span>` : '';
      const body = options.sourceBody ? `\n${options.sourceBody(s)}` : '';
      return `<li id="${prefix}src${s.ref}"><strong>${escapeHtml(sourceName(s))}</strong>: ${escapeHtml(s.title)}${date}${carried}${body}</li>`;
    })
    .join('\n');
  return `<article>
<h2>${escapeHtml(brief.headline)}</h2>
<p class="meta">${escapeHtml(sourcesLabel(brief))} · ${brief.words} words${options.meta ?? ''}</p>
${brief.update ? updateHtml(brief, link) : ''}
<h3>Summary</h3>
<ul class="summary">
${items}
</ul>
${timeline ? `<h3>Timeline</h3>\n<ul class="timeline">\n${timeline}\n</ul>` : ''}
${disagreements ? `<h3>Disagreements</h3>\n<ul class="disagreements">\n${disagreements}\n</ul>` : ''}
${quotes ? `<h3>Quotes</h3>\n<ul class="quotes">\n${quotes}\n</ul>` : ''}
${entities ? `<h3>Entities</h3>\n<ul class="entities">\n${entities}\n</ul>` : ''}
<h3>Sources</h3>
<ol class="sources">
${sources}
</ol>
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
.backed{color:#666;font-size:.85rem;font-style:italic}.cite{font-size:.8rem;text-decoration:none;color:#0645ad}.sources li:target{background:#fff3b0}
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
