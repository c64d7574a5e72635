/**
 * Feeds out: the story list (newest or last updated first, or a search) as Atom 1.0 and as JSON Feed 1.1, so
 * that a feed reader or another tool can follow a store. Entries link to the story page and carry the
 * summary's first sentence; `updated` is when the story's brief was last saved.
 */
import { escapeHtml } from '../render/html.js';
import type { StoryListRow } from '../store/repository.js';

export interface FeedInfo {
  /** Absolute URL of the site ("http://127.0.0.1:8080"). */
  origin: string;
  /** Path and query of this feed ("/feeds/stories.atom?q=bridge"). */
  self: string;
  /** The same list as an HTML page. */
  html: string;
  title: string;
}

const storyUrl = (origin: string, id: string) => `${origin}/stories/${encodeURIComponent(id)}`;

export function atomFeed(rows: StoryListRow[], info: FeedInfo): string {
  const updated = rows.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), '1970-01-01T00:00:00.000Z');
  const entries = rows
    .map((r) => {
      const url = storyUrl(info.origin, r.id);
      const who = r.outlets.length
        ? `${r.outlets.slice(0, 5).join(', ')}${r.outlets.length > 5 ? ', …' : ''}`
        : '';
      const summary = [
        r.lead,
        `${r.articles} article${r.articles === 1 ? '' : 's'}${who ? ` from ${who}` : ''}`,
      ]
        .filter(Boolean)
        .join(' — ');
      return `<entry>
<id>${escapeHtml(url)}</id>
<title>${escapeHtml(r.headline)}</title>
<link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>
<updated>${escapeHtml(r.updated_at)}</updated>${r.first_date ? `\n<published>${r.first_date}T00:00:00Z</published>` : ''}
<summary>${escapeHtml(summary)}</summary>
</entry>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${escapeHtml(info.origin + info.self)}</id>
<title>${escapeHtml(info.title)}</title>
<link rel="self" type="application/atom+xml" href="${escapeHtml(info.origin + info.self)}"/>
<link rel="alternate" type="text/html" href="${escapeHtml(info.origin + info.html)}"/>
<updated>${escapeHtml(updated)}</updated>
<author><name>newsfuse</name></author>
<generator>newsfuse</generator>
${entries}
</feed>
`;
}

export function jsonFeed(rows: StoryListRow[], info: FeedInfo): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: info.title,
    home_page_url: info.origin + info.html,
    feed_url: info.origin + info.self,
    items: rows.map((r) => ({
      id: storyUrl(info.origin, r.id),
      url: storyUrl(info.origin, r.id),
      title: r.headline,
      content_text: r.lead || r.headline,
      date_modified: r.updated_at,
      ...(r.first_date ? { date_published: `${r.first_date}T00:00:00Z` } : {}),
      tags: r.outlets.slice(0, 10),
      _newsfuse: {
        articles: r.articles,
        first_date: r.first_date,
        last_date: r.last_date,
        outlets: r.outlets,
      },
    })),
  });
}
