/**
 * The web UI, rendered on the server as plain HTML with no script: a story list (search, sort, filters,
 * paging), a story page (contents bar, summary with grouped citations and disputed sentences marked, sections
 * collapsed past their first items, coverage chart, sources twenty a page with the cited paragraphs and links
 * back to what cited them), and an article's full text. Every piece of article text is escaped.
 */

import { sourceName } from '../brief/source-name.js';
import type { Article, Brief, SourceEntry } from '../model.js';
import { CHART_STYLE, type ChartArticle, coverageChart } from '../render/coverage-chart.js';
import { briefHtml, type CiteSite, escapeHtml } from '../render/html.js';
import { coverageLabel } from '../render/labels.js';
import type { StoryListRow, StoryPage, StoryQuery } from '../store/repository.js';
import { storyQueryString } from './query.js';

const STYLE = `:root{color-scheme:light dark;--fg:#222;--bg:#fff;--muted:#666;--line:#ddd;--link:#0645ad;--hi:#fff3b0;--hi-line:#e0b400;--mark:#ffe27a;--chip:#eef2f8}
@media (prefers-color-scheme:dark){:root{--fg:#e4e4e4;--bg:#16181c;--muted:#a0a4ab;--line:#3a3d44;--link:#8ab4ff;--hi:#4a3f12;--hi-line:#c9a227;--mark:#6b5a10;--chip:#262a33}}
body{font:16px/1.55 Georgia,serif;max-width:50rem;margin:0 auto;padding:0 1rem 2rem;color:var(--fg);background:var(--bg)}
a{color:var(--link)}h1,h2,h3,nav,form,.meta,figure{font-family:system-ui,sans-serif}h1 a{color:inherit;text-decoration:none}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--bg);padding:.3rem;z-index:2}
header{padding:.8rem 0;border-bottom:1px solid var(--line);margin-bottom:1rem}header h1{margin:0;font-size:1.4rem}
.meta,.backed{color:var(--muted);font-size:.88rem}.cite,.cg a{font-size:.8rem;text-decoration:none}
.r1{color:#a05a00}.r5{font-style:normal;font-weight:600;color:#2e7d32}
mark{background:var(--mark);color:inherit}
ul.stories{list-style:none;padding:0}ul.stories li{padding:.6rem 0;border-bottom:1px solid var(--line)}
ul.stories .lead{margin:.2rem 0}.size{font:.8rem system-ui,sans-serif;padding:0 .4rem;border-radius:.6rem;background:var(--chip);white-space:nowrap}
.size.one{border:1px dashed var(--muted);background:none}.size.big{font-weight:700}
form.filters{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:end}form.filters label{display:flex;flex-direction:column;font-size:.8rem}
input,select,button{font:inherit;font-size:.9rem}input[type=search]{min-width:16rem}
.pager{display:flex;gap:1rem;font-family:system-ui,sans-serif;margin:1rem 0}
.toc{position:sticky;top:0;background:var(--bg);border-bottom:1px solid var(--line);z-index:1}.toc ul{list-style:none;margin:0;padding:.4rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.toc .n{color:var(--muted);font-size:.8rem}@media (max-width:40rem){.toc{position:static}}
details.cg{display:inline}details.cg summary{display:inline;cursor:pointer;font:.8rem system-ui,sans-serif;color:var(--link);position:relative}
details.cg summary::-webkit-details-marker{display:none}details.cg .tip{display:none;position:absolute;left:0;top:1.3rem;background:var(--bg);border:1px solid var(--line);padding:.2rem .4rem;width:max-content;max-width:20rem;white-space:normal;z-index:3;color:var(--fg)}
details.cg summary:hover .tip,details.cg summary:focus .tip{display:block}details.cg[open] .tip{display:none}
li.more{list-style:none}li.more summary{cursor:pointer;font:.9rem system-ui,sans-serif;color:var(--link)}
.disputed{font:.75rem system-ui,sans-serif;background:#b3261e;color:#fff;padding:0 .3rem;border-radius:.3rem;text-decoration:none;margin-left:.3rem}
.has-dispute{border-left:3px solid #b3261e;padding-left:.4rem}
:target{background:var(--hi);outline:2px solid var(--hi-line)}[id]{scroll-margin-top:3.5rem}
.sources>li{border-top:1px solid var(--line);margin-top:1rem}.sources p.back{font:.8rem system-ui,sans-serif;margin-top:-.6rem}.sources p.back.whole{margin:.2rem 0}
${CHART_STYLE}`;

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>${head}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><h1><a href="/">newsfuse</a></h1></header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`;
}

/** Words of a search as FTS5 matches them: case and accents folded. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** `text` escaped, with the words of `q` wrapped in `<mark>`. */
export function highlight(text: string, q: string | undefined): string {
  const words = new Set((q?.match(/[\p{L}\p{N}]+/gu) ?? []).map(fold));
  if (!words.size) return escapeHtml(text);
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) =>
      i % 2 === 1 && words.has(fold(part)) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part),
    )
    .join('');
}

/** Whether `text` holds a word of `q` (as `highlight` would mark it). */
export function showsMatch(text: string, q: string): boolean {
  return highlight(text, q) !== escapeHtml(text);
}

/** An FTS5 snippet (matches between \u0002 and \u0003) as escaped HTML with `<mark>`. */
export function snippetHtml(snippet: string): string {
  return escapeHtml(snippet)
    .replace(/\u0002/g, '<mark>')
    .replace(/\u0003/g, '</mark>');
}

/** "21 articles" with a style by size: a single report looks unlike a widely reported story. */
function sizeBadge(n: number): string {
  const cls = n <= 1 ? 'size one' : n >= 10 ? 'size big' : 'size';
  return `<span class="${cls}">${n.toLocaleString('en-US')} article${n === 1 ? '' : 's'}</span>`;
}

function dateRange(r: StoryListRow): string {
  if (!r.first_date) return 'undated';
  return r.first_date === r.last_date
    ? `<time>${r.first_date}</time>`
    : `<time>${r.first_date}</time> – <time>${r.last_date}</time>`;
}

const SORT_NAMES = { latest: 'latest', size: 'size', relevance: 'relevance', updated: 'last updated' };

export interface ListPageOptions {
  /** Outlets offered by the outlet filter. */
  outlets?: string[];
  /** The best-matching article passage of a row, when its headline and lead do not show the match. */
  snippet?: (storyId: string) => string | undefined;
}

/** The story list: search and filter form, a page of rows, and the pager. */
export function storyListPage(list: StoryPage, query: StoryQuery, options: ListPageOptions = {}): string {
  const q = query.q;
  const sort = query.sort ?? (q ? 'relevance' : 'latest');
  const rows = list.stories
    .map((s) => {
      const lead = s.lead ? `<p class="lead">${highlight(s.lead, q)}</p>` : '';
      const shown = `${s.headline} ${s.lead}`;
      const matchInText =
        q && highlight(shown, q) === escapeHtml(shown) ? options.snippet?.(s.id) : undefined;
      const passage = matchInText ? `<p class="lead backed">…${snippetHtml(matchInText)}…</p>` : '';
      const more = s.outlets.length > 4 ? ` +${s.outlets.length - 4} more` : '';
      const outlets = s.outlets.length
        ? `${s.outlets.slice(0, 4).map(escapeHtml).join(', ')}${more}`
        : 'no outlet named';
      return `<li><a href="/stories/${encodeURIComponent(s.id)}">${highlight(s.headline, q)}</a> ${sizeBadge(s.articles)}
${lead}${passage}<div class="meta">${outlets} · ${dateRange(s)}</div></li>`;
    })
    .join('\n');
  // The default is no value: relevance when searching, else latest (a preselected "latest" would stick to a search).
  const sortOptions = `<option value=""${query.sort ? '' : ' selected'}>best match or latest</option>${(
    ['latest', 'size', 'relevance', 'updated'] as const
  )
    .map((s) => `<option value="${s}"${s === query.sort ? ' selected' : ''}>${SORT_NAMES[s]}</option>`)
    .join('')}`;
  const outletList = options.outlets?.length
    ? `<datalist id="outlets">${options.outlets.map((o) => `<option value="${escapeHtml(o)}">`).join('')}</datalist>`
    : '';
  const v = (x: string | number | undefined) => (x === undefined ? '' : escapeHtml(String(x)));
  const form = `<form class="filters" action="/" method="get" role="search" aria-label="Search and filter stories">
<label>Search <input type="search" name="q" value="${v(q)}" placeholder="words in headline, summary or text"></label>
<label>Sort <select name="sort">${sortOptions}</select></label>
<label>From <input type="date" name="from" value="${v(query.from)}"></label>
<label>To <input type="date" name="to" value="${v(query.to)}"></label>
<label>Outlet <input name="outlet" list="outlets" value="${v(query.outlet)}" size="14"></label>${outletList}
<label>Min. articles <input type="number" name="min_sources" min="0" value="${v(query.minSources)}" size="4"></label>
<button type="submit">Search</button>
</form>`;
  const from = (list.page - 1) * list.perPage + 1;
  const to = from + list.stories.length - 1;
  const feedQuery = storyQueryString({ ...query, page: undefined, sort: undefined });
  const status = list.total
    ? `<p class="meta" role="status">Stories ${from.toLocaleString('en-US')}–${to.toLocaleString('en-US')} of ${list.total.toLocaleString('en-US')}, by ${SORT_NAMES[sort]} · <a href="/feeds/stories.atom${escapeHtml(feedQuery)}">Atom</a> · <a href="/feeds/stories.json${escapeHtml(feedQuery)}">JSON Feed</a></p>`
    : '';
  const filtered = q || query.from || query.to || query.outlet || query.minSources;
  const empty = filtered
    ? `<p>No story matches${q ? ` “${escapeHtml(q)}”` : ''}${q && filtered !== q ? ' with these filters' : ''}.</p>`
    : '<p>No stories yet: run <code>newsfuse ingest</code>.</p>';
  const pager = list.pages > 1 ? pagerHtml(list, query) : '';
  const head = `\n<link rel="alternate" type="application/atom+xml" title="newsfuse stories" href="/feeds/stories.atom${escapeHtml(feedQuery)}">\n<link rel="alternate" type="application/feed+json" title="newsfuse stories" href="/feeds/stories.json${escapeHtml(feedQuery)}">`;
  return page(
    q ? `newsfuse — “${q}”` : 'newsfuse — stories',
    `${form}\n${status}\n${list.stories.length ? `<ul class="stories">\n${rows}\n</ul>` : empty}\n${pager}`,
    head,
  );
}

function pagerHtml(list: StoryPage, query: StoryQuery): string {
  const link = (p: number, text: string, rel: string) =>
    `<a href="/${escapeHtml(storyQueryString(query, { page: p }))}" rel="${rel}">${text}</a>`;
  return `<nav class="pager" aria-label="Pages of stories">${list.page > 1 ? link(list.page - 1, '← Previous', 'prev') : ''}<span>Page ${list.page} of ${list.pages}</span>${list.page < list.pages ? link(list.page + 1, 'Next →', 'next') : ''}</nav>`;
}

/** Sources a page of a story shows. */
export const SOURCES_PER_PAGE = 20;
/** Up to this many sources, a story page shows every source's whole text; beyond, the cited paragraphs. */
const FULL_TEXT_SOURCES = 20;
/** A story of more articles than this has a coverage chart. */
export const CHART_MIN_ARTICLES = 20;

/** The paragraph a cited sentence sits in: anchors are `src{ref}-p{paragraph}`. */
function anchor(ref: number, paragraph: number): string {
  return `src${ref}-p${paragraph}`;
}

export interface StoryPageOptions {
  /** Which page of sources (1-based). */
  page?: number;
  /** Every article of the story with its outlet and trusted date, for the coverage chart. */
  chart?: ChartArticle[];
}

/** How many pages of sources a brief has. */
export function sourcePages(brief: Brief): number {
  return Math.max(1, Math.ceil(brief.sources.length / SOURCES_PER_PAGE));
}

/**
 * A story's page: the brief with a contents bar, grouped citations and collapsed sections, a coverage chart for
 * a big story, and one page of sources. Citations link to the paragraph of the cited sentence, on whichever
 * page of sources holds it; each shown paragraph links back to what cites it. `articles` needs only the
 * sources of this page.
 */
export function storyPage(
  brief: Brief,
  articles: Map<string, Article>,
  paragraphOf: (articleId: string, sentence: number) => number,
  options: StoryPageOptions = {},
): string {
  const pages = sourcePages(brief);
  const current = Math.min(Math.max(1, options.page ?? 1), pages);
  const index = new Map(brief.sources.map((s, i) => [s.ref, i]));
  const pageOf = (ref: number) => Math.floor((index.get(ref) ?? 0) / SOURCES_PER_PAGE) + 1;
  const onPage = (ref: number) => pageOf(ref) === current;
  const hrefTo = (ref: number, target: string) =>
    onPage(ref) ? `#${target}` : `?sources=${pageOf(ref)}#${target}`;
  // What cites each paragraph (and each source as a whole), for the links back.
  const citedBy = new Map<number, Map<number | 'all', CiteSite[]>>();
  const note = (ref: number, where: number | 'all', site?: CiteSite) => {
    if (!onPage(ref)) return; // only this page's sources are shown
    let m = citedBy.get(ref);
    if (!m) citedBy.set(ref, (m = new Map()));
    const list = m.get(where) ?? [];
    if (site?.id && !list.some((x) => x.id === site.id)) list.push(site);
    m.set(where, list);
  };
  const cite = (ref: number, at?: { articleId: string; sentenceIndex: number }, site?: CiteSite) => {
    if (!at) {
      note(ref, 'all', site);
      return hrefTo(ref, `src${ref}`);
    }
    const p = paragraphOf(at.articleId, at.sentenceIndex);
    note(ref, p, site);
    return hrefTo(ref, anchor(ref, p));
  };
  const firstOfOutlet = new Map<string, number>();
  for (const c of brief.coverage ?? [])
    for (const id of c.articleIds) {
      const ref = brief.sources.find((s) => s.articleId === id)?.ref;
      if (ref !== undefined && ref < (firstOfOutlet.get(c.outlet) ?? Number.POSITIVE_INFINITY))
        firstOfOutlet.set(c.outlet, ref);
    }
  const coverageOf = new Map((brief.coverage ?? []).flatMap((c) => c.articleIds.map((id) => [id, c])));
  const back = (sites: CiteSite[] | undefined, whole = false) =>
    sites?.length
      ? `<p class="back${whole ? ' whole' : ''}">↩ cited by ${sites.map((s) => `<a href="#${s.id}">${escapeHtml(s.label)}</a>`).join(', ')}</p>`
      : '';
  const sourceHtml = (s: SourceEntry) => {
    const a = articles.get(s.articleId);
    const date = s.published ? ` <time>${escapeHtml(s.published.slice(0, 10))}</time>` : '';
    const cov = coverageOf.get(s.articleId);
    const carried =
      cov && firstOfOutlet.get(cov.outlet) === s.ref
        ? ` <span class="backed">${escapeHtml(cov.outlet)}: ${escapeHtml(coverageLabel(cov))}</span>`
        : '';
    const cited = citedBy.get(s.ref);
    const paragraphs = a?.paragraphs ?? [];
    const shown =
      brief.sources.length <= FULL_TEXT_SOURCES
        ? paragraphs.map((_, i) => i)
        : [...(cited?.keys() ?? [])].filter((k): k is number => typeof k === 'number').sort((x, y) => x - y);
    const body = shown
      .filter((i) => i < paragraphs.length)
      .map((i) => `<p id="${anchor(s.ref, i)}">${escapeHtml(paragraphs[i])}</p>${back(cited?.get(i))}`)
      .join('\n');
    const links = `<p class="backed"><a href="/articles/${encodeURIComponent(s.articleId)}">full text</a>${
      s.url && /^https?:\/\//i.test(s.url)
        ? ` · <a href="${escapeHtml(s.url)}" rel="noopener noreferrer">original</a>`
        : ''
    }</p>`;
    return `<li id="src${s.ref}" value="${s.ref}"><strong>${escapeHtml(sourceName(s))}</strong>: ${escapeHtml(s.title)}${date}${carried}${back(cited?.get('all'), true)}\n${body}\n${links}</li>`;
  };
  const sourcesSection = () => {
    const slice = brief.sources.slice((current - 1) * SOURCES_PER_PAGE, current * SOURCES_PER_PAGE);
    const first = (current - 1) * SOURCES_PER_PAGE + 1;
    const range =
      pages > 1
        ? `<p class="meta">Sources ${first}–${first + slice.length - 1} of ${brief.sources.length}${
            brief.storyArticles
              ? ` (the latest ${brief.sources.length} of ${brief.storyArticles.toLocaleString('en-US')} articles)`
              : ''
          }</p>`
        : '';
    const nav =
      pages > 1
        ? `<nav class="pager" aria-label="Pages of sources">${Array.from({ length: pages }, (_, i) =>
            i + 1 === current
              ? `<span aria-current="page">${i + 1}</span>`
              : `<a href="?sources=${i + 1}#sec-sources">${i + 1}</a>`,
          ).join('')}</nav>`
        : '';
    return `<h3 id="sec-sources">Sources</h3>\n${range}${nav}\n<ol class="sources">\n${slice.map(sourceHtml).join('\n')}\n</ol>\n${nav}`;
  };
  const chartArticles = options.chart ?? [];
  const chart =
    chartArticles.length > CHART_MIN_ARTICLES
      ? `<section aria-labelledby="sec-coverage"><h3 id="sec-coverage">Coverage</h3>\n${coverageChart(chartArticles)}</section>`
      : '';
  const meta = ` · <a href="/api/stories/${encodeURIComponent(brief.storyId)}">JSON</a>`;
  return page(
    brief.headline,
    briefHtml(brief, {
      cite,
      meta,
      anchors: true,
      groupCitations: 3,
      collapseAfter: 5,
      beforeSources: chart,
      sourcesSection,
    }),
  );
}

/** An article's whole text as a page, with the stories it belongs to. */
export function articlePage(article: Article, stories: { id: string; headline: string }[]): string {
  const date = article.published ? ` · <time>${escapeHtml(article.published.slice(0, 10))}</time>` : '';
  const byline = article.byline ? ` · ${escapeHtml(article.byline)}` : '';
  const original =
    article.url && /^https?:\/\//i.test(article.url)
      ? ` · <a href="${escapeHtml(article.url)}" rel="noopener noreferrer">original</a>`
      : '';
  const inStories = stories.length
    ? `<nav aria-label="Stories"><p class="meta">In ${stories
        .map((s) => `<a href="/stories/${encodeURIComponent(s.id)}">${escapeHtml(s.headline)}</a>`)
        .join(', ')}</p></nav>`
    : '';
  const body = article.paragraphs.map((p, i) => `<p id="p${i}">${escapeHtml(p)}</p>`).join('\n');
  return page(
    article.title,
    `<article>\n<h2>${escapeHtml(article.title)}</h2>\n<p class="meta">${escapeHtml(sourceName(article))}${date}${byline}${original} · <a href="/api/articles/${encodeURIComponent(article.id)}">JSON</a></p>\n${inStories}\n${body}\n</article>`,
  );
}

export function notFoundPage(what: string): string {
  return page('Not found', `<p>${escapeHtml(what)} not found. <a href="/">All stories</a></p>`);
}

export function badRequestPage(message: string): string {
  return page('Bad request', `<p>${escapeHtml(message)}. <a href="/">All stories</a></p>`);
}
