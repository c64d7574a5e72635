/**
 * The web UI, rendered on the server as plain HTML: a story list with search, and a story page whose
 * citations link to the cited paragraph of the source, shown on the same page and highlighted when
 * targeted (CSS :target; no script at all). Every piece of article text is escaped.
 */

import { sourceName } from '../brief/source-name.js';
import type { Article, Brief } from '../model.js';
import { escapeHtml } from '../render/html.js';
import {
  corroborationLabel,
  disagreementSide,
  entityLabel,
  quoteParts,
  refsOf,
  sourcesLabel,
} from '../render/labels.js';
import type { StoryRow } from '../store/repository.js';

const STYLE = `body{font:16px/1.55 Georgia,serif;max-width:50rem;margin:1.5rem auto;padding:0 1rem;color:#222}
h1,h2,h3,nav,form,.meta{font-family:system-ui,sans-serif}h1 a{color:inherit;text-decoration:none}
.meta,.backed{color:#666;font-size:.88rem}.cite{font-size:.8rem;text-decoration:none;color:#0645ad}
ul.stories{list-style:none;padding:0}ul.stories li{padding:.6rem 0;border-bottom:1px solid #eee}
.source p:target,.source:target{background:#fff3b0;outline:2px solid #e0b400}
.source{border-top:1px solid #ddd;margin-top:1rem}input[type=search]{width:60%;padding:.3rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1><a href="/">newsfuse</a></h1>
${body}
</body>
</html>
`;
}

export function storyListPage(stories: StoryRow[], q: string): string {
  const items = stories
    .map(
      (s) => `<li><a href="/stories/${encodeURIComponent(s.id)}">${escapeHtml(s.headline)}</a>
<div class="meta">${s.articles} source${s.articles === 1 ? '' : 's'} · updated ${escapeHtml(s.updated_at.slice(0, 16).replace('T', ' '))}${s.last_published ? ` · latest ${escapeHtml(s.last_published.slice(0, 10))}` : ''}</div></li>`,
    )
    .join('\n');
  const form = `<form action="/" method="get" role="search"><input type="search" name="q" value="${escapeHtml(q)}" placeholder="Search stories" aria-label="Search stories"> <button type="submit">Search</button></form>`;
  const empty = q
    ? `<p>No story matches “${escapeHtml(q)}”.</p>`
    : '<p>No stories yet: run <code>newsfuse ingest</code>.</p>';
  return page(
    'newsfuse — stories',
    `${form}\n${stories.length ? `<ul class="stories">\n${items}\n</ul>` : empty}`,
  );
}

/** Up to this many sources, a story page shows every source's text; beyond, only the cited ones'. */
const FULL_TEXT_SOURCES = 20;

/** The paragraph a cited sentence sits in: anchors are `src{ref}-p{paragraph}`. */
function anchor(ref: number, paragraph: number): string {
  return `src${ref}-p${paragraph}`;
}

export function storyPage(
  brief: Brief,
  articles: Map<string, Article>,
  paragraphOf: (articleId: string, sentence: number) => number,
): string {
  const refOf = new Map(brief.sources.map((s) => [s.articleId, s.ref]));
  // Sources whose paragraphs the page links to; a big story shows the text of those only.
  const linked = new Set<number>();
  const cite = (articleId: string, sentence: number) => {
    const ref = refOf.get(articleId);
    if (ref === undefined) return '';
    linked.add(ref);
    return `<a class="cite" href="#${anchor(ref, paragraphOf(articleId, sentence))}">[${ref}]</a>`;
  };
  const summary = brief.summary
    .map((s) => {
      const cites = s.citations.map((c) => cite(c.articleId, c.sentenceIndex)).join('');
      const backed = s.corroboration
        ? ` <span class="backed">${escapeHtml(corroborationLabel(s.corroboration))}</span>`
        : '';
      return `<li>${escapeHtml(s.text)} ${cites}${backed}</li>`;
    })
    .join('\n');
  const evidenceLinks = (ev: { articleId: string; sentenceIndex: number }[]) =>
    [...new Map(ev.map((e) => [e.articleId, e])).values()]
      .map((e) => cite(e.articleId, e.sentenceIndex))
      .join('');
  const timeline = (brief.timeline ?? [])
    .map(
      (e) => `<li><time>${escapeHtml(e.date)}</time> ${escapeHtml(e.text)} ${evidenceLinks(e.evidence)}</li>`,
    )
    .join('\n');
  const disagreements = (brief.disagreements ?? [])
    .map((d) => {
      const sides = d.values.map((v) => {
        const side = disagreementSide(brief, v);
        const links = v.evidence.length
          ? evidenceLinks(v.evidence)
          : refsOf(brief, v.articleIds)
              .map((r) => {
                linked.add(r);
                return `<a class="cite" href="#src${r}">[${r}]</a>`;
              })
              .join('');
        return `${escapeHtml(side.text)} ${links}`;
      });
      return `<li><strong>${escapeHtml(d.about)}</strong>: ${sides.join(' <em>vs</em> ')}</li>`;
    })
    .join('\n');
  const quotes = (brief.quotes ?? [])
    .map((q) => {
      const { speaker, said } = quoteParts(q);
      return `<li><strong>${escapeHtml(speaker)}</strong>: ${escapeHtml(said)}</li>`;
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
      const a = articles.get(s.articleId);
      const cov = coverage.get(s.articleId);
      const paragraphs =
        brief.sources.length <= FULL_TEXT_SOURCES || linked.has(s.ref)
          ? (a?.paragraphs ?? []).map((p, i) => `<p id="${anchor(s.ref, i)}">${escapeHtml(p)}</p>`).join('\n')
          : `<p class="backed"><a href="/api/articles/${encodeURIComponent(s.articleId)}">full text</a>${
              s.url && /^https?:\/\//i.test(s.url)
                ? ` · <a href="${escapeHtml(s.url)}" rel="noopener noreferrer">original</a>`
                : ''
            }</p>`;
      return `<section class="source" id="src${s.ref}">
<h4>[${s.ref}] ${escapeHtml(sourceName(s))}: ${escapeHtml(s.title)}${s.published ? ` <time>${escapeHtml(s.published.slice(0, 10))}</time>` : ''}</h4>
${cov ? `<p class="backed">${cov.claims} claims carried${(cov.exclusiveCount ?? cov.exclusive.length) ? `, ${cov.exclusiveCount ?? cov.exclusive.length} only here` : ''}</p>` : ''}
${paragraphs}
</section>`;
    })
    .join('\n');
  const section = (title: string, list: string, cls: string) =>
    list ? `<h3>${title}</h3>\n<ul class="${cls}">\n${list}\n</ul>` : '';
  return page(
    brief.headline,
    `<article>
<h2>${escapeHtml(brief.headline)}</h2>
<p class="meta">${escapeHtml(sourcesLabel(brief))} · ${brief.words} words · <a href="/api/stories/${encodeURIComponent(brief.storyId)}">JSON</a></p>
${section('Summary', summary, 'summary')}
${section('Timeline', timeline, 'timeline')}
${section('Disagreements', disagreements, 'disagreements')}
${section('Quotes', quotes, 'quotes')}
${section('Entities', entities, 'entities')}
<h3>Sources</h3>
${sources}
</article>`,
  );
}

export function notFoundPage(what: string): string {
  return page('Not found', `<p>${escapeHtml(what)} not found. <a href="/">All stories</a></p>`);
}
