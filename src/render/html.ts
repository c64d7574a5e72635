/** Briefs as one self-contained HTML page. Every piece of article text is escaped; no external assets. */

import { sourceName } from '../brief/source-name.js';
import type { Brief } from '../model.js';
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

function renderBrief(brief: Brief, n: number): string {
  const items = brief.summary
    .map((s, i) => {
      const cites = s.citations
        .map((c) => `<a href="#b${n}-src${c.ref}" class="cite">${citationMarks([c.ref])}</a>`)
        .join('');
      const backed = s.corroboration
        ? ` <span class="backed">${escapeHtml(corroborationLabel(s.corroboration))}</span>`
        : '';
      const mark = brief.update?.newSummary.includes(i) ? '<strong class="new">new</strong> ' : '';
      return `<li>${mark}${escapeHtml(s.text)} ${cites}${backed}</li>`;
    })
    .join('\n');
  const link = (ref: number) => `<a href="#b${n}-src${ref}" class="cite">${citationMarks([ref])}</a>`;
  const disagreements = (brief.disagreements ?? [])
    .map((d) => {
      const sides = d.values.map((v) => {
        const side = disagreementSide(brief, v);
        return `${escapeHtml(side.text)} ${side.refs.map(link).join('')}`;
      });
      return `<li><strong>${escapeHtml(d.about)}</strong>: ${sides.join(' <em>vs</em> ')}</li>`;
    })
    .join('\n');
  const timeline = (brief.timeline ?? [])
    .map(
      (e) =>
        `<li><time>${escapeHtml(e.date)}</time> ${escapeHtml(e.text)} ${refsOf(brief, e.articleIds).map(link).join('')}</li>`,
    )
    .join('\n');
  const quotes = (brief.quotes ?? [])
    .map((q) => {
      const { speaker, said } = quoteParts(q);
      const refs = refsOf(brief, q.articleId ? [q.articleId] : []);
      return `<li><strong>${escapeHtml(speaker)}</strong>: ${escapeHtml(said)} ${refs.map(link).join('')}</li>`;
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
      return `<li id="b${n}-src${s.ref}"><strong>${escapeHtml(sourceName(s))}</strong>: ${escapeHtml(s.title)}${date}${carried}</li>`;
    })
    .join('\n');
  return `<article>
<h2>${escapeHtml(brief.headline)}</h2>
<p class="meta">${escapeHtml(sourcesLabel(brief))} · ${brief.words} words</p>
${brief.update ? updateHtml(brief, n) : ''}
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

function updateHtml(brief: Brief, n: number): string {
  const u = brief.update!;
  const claim = new Map((brief.claims ?? []).map((c) => [c.id, c]));
  const items = [
    u.newStory ? '<li>A new story: every source is new.</li>' : '',
    u.newSources.length
      ? `<li>New sources: ${u.newSources.map((r) => `<a href="#b${n}-src${r}" class="cite">[${r}]</a>`).join('')}</li>`
      : '',
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
${briefs.map((b, i) => renderBrief(b, i + 1)).join('\n')}
</body>
</html>
`;
}
