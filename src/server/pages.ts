/**
 * The web UI, rendered on the server as plain HTML: a story list with search, and a story page whose
 * citations link to the cited paragraph of the source, shown on the same page and highlighted when
 * targeted (CSS :target; no script at all). Every piece of article text is escaped.
 */

import type { Article, Brief, SourceEntry } from '../model.js';
import { briefHtml, escapeHtml } from '../render/html.js';
import type { StoryRow } from '../store/repository.js';

const STYLE = `body{font:16px/1.55 Georgia,serif;max-width:50rem;margin:1.5rem auto;padding:0 1rem;color:#222}
h1,h2,h3,nav,form,.meta{font-family:system-ui,sans-serif}h1 a{color:inherit;text-decoration:none}
.meta,.backed{color:#666;font-size:.88rem}.cite{font-size:.8rem;text-decoration:none;color:#0645ad}
ul.stories{list-style:none;padding:0}ul.stories li{padding:.6rem 0;border-bottom:1px solid #eee}
.sources p:target,.sources>li:target{background:#fff3b0;outline:2px solid #e0b400}
.sources>li{border-top:1px solid #ddd;margin-top:1rem}input[type=search]{width:60%;padding:.3rem}`;

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

/**
 * A story's page: the brief as `brief --format html` renders it, in the site's chrome. Citations link to the
 * paragraph that holds the cited sentence, and each source entry carries the source's text.
 */
export function storyPage(
  brief: Brief,
  articles: Map<string, Article>,
  paragraphOf: (articleId: string, sentence: number) => number,
): string {
  // Sources whose paragraphs the page links to; a big story shows the text of those only.
  const linked = new Set<number>();
  const cite = (ref: number, at?: { articleId: string; sentenceIndex: number }) => {
    if (!at) return `#src${ref}`;
    linked.add(ref);
    return `#${anchor(ref, paragraphOf(at.articleId, at.sentenceIndex))}`;
  };
  // Called once the brief's links are rendered (sources come last), so `linked` is complete.
  const sourceBody = (s: SourceEntry) =>
    brief.sources.length <= FULL_TEXT_SOURCES || linked.has(s.ref)
      ? (articles.get(s.articleId)?.paragraphs ?? [])
          .map((p, i) => `<p id="${anchor(s.ref, i)}">${escapeHtml(p)}</p>`)
          .join('\n')
      : `<p class="backed"><a href="/api/articles/${encodeURIComponent(s.articleId)}">full text</a>${
          s.url && /^https?:\/\//i.test(s.url)
            ? ` · <a href="${escapeHtml(s.url)}" rel="noopener noreferrer">original</a>`
            : ''
        }</p>`;
  const meta = ` · <a href="/api/stories/${encodeURIComponent(brief.storyId)}">JSON</a>`;
  return page(brief.headline, briefHtml(brief, { cite, meta, sourceBody }));
}

export function notFoundPage(what: string): string {
  return page('Not found', `<p>${escapeHtml(what)} not found. <a href="/">All stories</a></p>`);
}
