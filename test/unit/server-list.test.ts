/**
 * The story list over a store built here from invented stories (own text): paging, sorts, filters, bm25
 * search with recency as tie-breaker, dates the brief flags as wrong left out, the migration of an older
 * store, the same options on GET /api/stories and the feeds.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { articleSentences } from '../../src/language/sentences.js';
import type { Article, Brief, Story } from '../../src/model.js';
import { createApp } from '../../src/server/app.js';
import { openStore, SCHEMA_VERSION } from '../../src/store/db.js';
import { addArticle, queryStories, saveStories } from '../../src/store/repository.js';
import { cli, tempDir } from '../helpers.js';

const TOPICS = [
  'ferry',
  'orchard',
  'tunnel',
  'library',
  'stadium',
  'reservoir',
  'tram',
  'market',
  'lighthouse',
];

interface Spec {
  id: string;
  headline: string;
  articles: number;
  /** Day of the month of the first article; each further one a day later. */
  day: number;
  outlet?: (i: number) => string;
  text?: (i: number) => string;
  /** Articles whose date the brief flags as wrong (page-date disagreement), with the wrong date. */
  wrongDate?: { index: number; date: string };
}

/** Stores the stories of `specs` (articles, sentences, stories and briefs) in a fresh store. */
function buildStore(specs: Spec[], path = join(tempDir('nf-list-'), 'list.db')) {
  const db = openStore(path);
  const stories: Story[] = [];
  const briefs = new Map<string, Brief>();
  for (const spec of specs) {
    const ids: string[] = [];
    for (let i = 0; i < spec.articles; i++) {
      const id = `${spec.id}-a${i}`;
      const wrong = spec.wrongDate?.index === i;
      const day = String(Math.min(28, spec.day + i)).padStart(2, '0');
      const paragraphs = [
        spec.text?.(i) ?? `The ${spec.headline.toLowerCase()} was the talk of the town on day ${i}.`,
        `Officials said more would follow in report ${i}.`,
      ];
      const a: Article = {
        id,
        source: `${id}.txt`,
        publisher: spec.outlet?.(i) ?? 'Harbour Herald',
        title: `${spec.headline} report ${i}`,
        published: wrong ? spec.wrongDate!.date : `2025-05-${day}T09:00:00Z`,
        language: 'en',
        paragraphs,
        text: paragraphs.join('\n\n'),
        hash: id,
      };
      addArticle(db, a, articleSentences(a));
      ids.push(id);
    }
    stories.push({
      id: spec.id,
      articleIds: ids,
      reports: ids.map((a) => ({ id: a, articleIds: [a] })),
      headline: spec.headline,
    });
    briefs.set(spec.id, {
      storyId: spec.id,
      headline: spec.headline,
      words: 12,
      summary: [
        {
          text: `${spec.headline} drew ${spec.articles} reports.`,
          from: { articleId: ids[0], sentenceIndex: 0 },
          citations: [{ articleId: ids[0], ref: 1, sentenceIndex: 0, score: 1 }],
        },
      ],
      sources: ids.map((a, i) => ({ ref: i + 1, articleId: a, title: a, source: `${a}.txt` })),
      ...(spec.wrongDate
        ? {
            disagreements: [
              {
                kind: 'page-date' as const,
                about: 'page date far from the others',
                values: [
                  { value: spec.wrongDate.date, articleIds: [ids[spec.wrongDate.index]], evidence: [] },
                  { value: '2025-05-01', articleIds: [ids[0]], evidence: [] },
                ],
              },
            ],
          }
        : {}),
    });
  }
  saveStories(db, stories, briefs, new Map());
  return db;
}

const specs: Spec[] = [];
for (let i = 0; i < 45; i++) {
  const topic = TOPICS[i % TOPICS.length];
  specs.push({
    id: `st${String(i).padStart(2, '0')}`,
    headline: `${topic[0].toUpperCase()}${topic.slice(1)} plan number ${i}`,
    articles: 1 + (i % 6),
    day: 1 + (i % 20),
    outlet: (k) => (k % 2 ? 'Valley Post' : i % 5 === 0 ? 'Coast Courier' : 'Harbour Herald'),
  });
}
// A big story that mentions the search words once, in passing, and a small one that is about them.
specs.push({
  id: 'zz-big',
  headline: 'Oil terminal leak',
  articles: 30,
  day: 2,
  text: (i) =>
    i === 7
      ? 'Crews at the oil terminal worked on while a goat fever scare kept some staff home.'
      : `Crews at the oil terminal worked through shift ${i} to contain the slick.`,
});
specs.push({
  id: 'zz-flu',
  headline: 'Goat fever reaches the valley',
  articles: 2,
  day: 3,
  text: () => 'Goat fever cases rose in the valley; vets said goat fever spreads fast among herds.',
});
// Two stories alike in every word, one later: recency breaks the tie.
for (const [id, day] of [
  ['tie-early', 4],
  ['tie-late', 9],
] as const)
  specs.push({
    id,
    headline: 'Kelp harvest begins',
    articles: 1,
    day,
    text: () => 'The kelp harvest began along the northern shore.',
  });
specs.push({
  id: 'misdated',
  headline: 'Pier lamps replaced',
  articles: 3,
  day: 5,
  wrongDate: { index: 2, date: '2027-01-09T00:00:00Z' },
});

const listPath = join(tempDir('nf-list-'), 'list.db');
const db = buildStore(specs, listPath);
after(() => db.close());

test('the list pages twenty stories at a time and counts them all (not stopping at 100)', () => {
  const total = specs.length;
  const first = queryStories(db);
  assert.equal(first.total, total);
  assert.equal(first.stories.length, 20);
  assert.equal(first.pages, Math.ceil(total / 20));
  const last = queryStories(db, { page: first.pages });
  assert.equal(last.stories.length, total - 20 * (first.pages - 1));
  const seen = new Set<string>();
  for (let p = 1; p <= first.pages; p++)
    for (const s of queryStories(db, { page: p }).stories) seen.add(s.id);
  assert.equal(seen.size, total, 'every story on exactly one page');
  assert.deepEqual(queryStories(db, { page: 99 }).stories, []);
  assert.equal(queryStories(db, { page: 99 }).total, total);
});

test('sorts: latest by the last trusted date, size by articles', () => {
  const latest = queryStories(db, { perPage: 200 }).stories;
  for (let i = 1; i < latest.length; i++)
    assert.ok((latest[i - 1].last_date ?? '') >= (latest[i].last_date ?? ''), 'latest first');
  const size = queryStories(db, { sort: 'size', perPage: 3 }).stories;
  assert.equal(size[0].id, 'zz-big');
  assert.ok(size[1].articles >= size[2].articles);
});

test('rows carry the lead sentence, the outlets and the first–last date without flagged page dates', () => {
  const [row] = queryStories(db, { q: 'pier lamps' }).stories;
  assert.equal(row.id, 'misdated');
  assert.equal(row.lead, 'Pier lamps replaced drew 3 reports.');
  assert.deepEqual(row.outlets, ['Harbour Herald']);
  // The third page says 2027; the brief flags it, so the range is that of the other two.
  assert.equal(row.first_date, '2025-05-05');
  assert.equal(row.last_date, '2025-05-06');
  const mixed = queryStories(db, { q: 'plan number 4' }).stories.find((s) => s.id === 'st04');
  assert.deepEqual(mixed?.outlets, ['Harbour Herald', 'Valley Post']);
});

test('filters: date range, outlet (any case) and minimum sources', () => {
  const inRange = queryStories(db, { from: '2025-05-20', to: '2025-05-22', perPage: 200 }).stories;
  assert.ok(inRange.length > 0);
  for (const s of inRange) assert.ok(s.last_date! >= '2025-05-20' && s.first_date! <= '2025-05-22', s.id);
  const coast = queryStories(db, { outlet: 'coast courier', perPage: 200 }).stories;
  assert.deepEqual(
    coast.map((s) => s.id).sort(),
    specs.filter((s) => s.outlet && Number(s.id.slice(2)) % 5 === 0).map((s) => s.id),
  );
  const big = queryStories(db, { minSources: 6, perPage: 200 }).stories;
  assert.ok(big.length > 0 && big.every((s) => s.articles >= 6));
  assert.equal(queryStories(db, { minSources: 6 }).total, specs.filter((s) => s.articles >= 6).length);
});

test('search ranks by bm25, not by size: the story about the words beats a big one that mentions them', () => {
  const hits = queryStories(db, { q: 'goat fever' }).stories;
  assert.deepEqual(
    hits.map((h) => h.id),
    ['zz-flu', 'zz-big'],
  );
  assert.ok(hits[0].rank! < hits[1].rank!);
  // Equal matches: the later story first.
  assert.deepEqual(
    queryStories(db, { q: 'kelp harvest' }).stories.map((h) => h.id),
    ['tie-late', 'tie-early'],
  );
  // Sorted by size instead, the big story comes first.
  assert.equal(queryStories(db, { q: 'goat fever', sort: 'size' }).stories[0].id, 'zz-big');
});

test('an older store (schema 2) is upgraded in place and listed', () => {
  const path = join(tempDir('nf-migrate-'), 'old.db');
  buildStore(specs.slice(0, 3), path).close();
  const raw = openStore(path);
  raw.exec('DROP TABLE story_outlets; DROP TABLE story_info;');
  raw.pragma('user_version = 2');
  raw.close();
  const upgraded = openStore(path);
  try {
    assert.equal(upgraded.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    const list = queryStories(upgraded);
    assert.equal(list.total, 3);
    assert.ok(list.stories.every((s) => s.lead && s.first_date));
  } finally {
    upgraded.close();
  }
});

test('GET /api/stories takes page, sort, from, to, outlet, min_sources; bad values are 400', async () => {
  const app = createApp(db);
  const get = async (path: string) => {
    const r = await app.request(path);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const p2 = await get('/api/stories?page=2&sort=size');
  assert.equal(p2.status, 200);
  assert.equal(p2.body.page, 2);
  assert.equal(p2.body.total, specs.length);
  assert.equal((p2.body.stories as unknown[]).length, 20);
  const filtered = await get('/api/stories?outlet=Valley%20Post&min_sources=5&from=2025-05-01&to=2025-05-31');
  const rows = filtered.body.stories as { articles: number; outlets: string[] }[];
  assert.ok(rows.length > 0);
  for (const r of rows) assert.ok(r.articles >= 5 && r.outlets.includes('Valley Post'));
  const search = await get('/api/stories?q=goat+fever');
  assert.equal((search.body.stories as { id: string }[])[0].id, 'zz-flu');
  for (const bad of ['sort=loudest', 'page=0', 'from=May', 'min_sources=-1', 'to=2025-13-45'])
    assert.equal((await get(`/api/stories?${bad}`)).status, 400, bad);
});

test('the list page: highlighted matches, snippet, outlets, dates, sizes that look different, a pager', async () => {
  const app = createApp(db);
  const html = await (await app.request('/?q=goat+fever')).text();
  assert.match(html, /<mark>Goat<\/mark> <mark>fever<\/mark> reaches the valley/);
  // The big story's match is in an article's text only: the passage is shown, marked.
  assert.match(html, /a <mark>goat<\/mark> <mark>fever<\/mark> scare/);
  assert.match(html, /<span class="size big">30 articles<\/span>/);
  const list = await (await app.request('/?sort=size&page=2')).text();
  assert.match(list, /Stories 21–40 of \d+, by size/);
  assert.match(list, /<a href="\/\?sort=size" rel="prev">← Previous<\/a>/);
  assert.match(list, /<a href="\/\?sort=size&amp;page=3" rel="next">Next →<\/a>/);
  assert.match(
    await (await app.request('/?sort=size&page=3')).text(),
    /<span class="size one">1 article<\/span>/,
  );
  assert.match(list, /<time>2025-05-\d\d<\/time> – <time>2025-05-\d\d<\/time>/);
  assert.equal((await app.request('/?sort=loudest')).status, 400);
});

test('feeds: Atom and JSON Feed of the latest stories and of a search', async () => {
  const app = createApp(db);
  const atom = await app.request('http://127.0.0.1/feeds/stories.atom?q=goat+fever', {
    headers: { host: '127.0.0.1' },
  });
  assert.equal(atom.status, 200);
  assert.match(atom.headers.get('content-type') ?? '', /application\/atom\+xml/);
  const xml = await atom.text();
  assert.match(
    xml,
    /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
  );
  assert.equal((xml.match(/<entry>/g) ?? []).length, 2);
  assert.match(xml, /<link rel="alternate" type="text\/html" href="http:\/\/127.0.0.1\/stories\/zz-flu"\/>/);
  const json = await app.request('http://127.0.0.1/feeds/stories.json', { headers: { host: '127.0.0.1' } });
  assert.match(json.headers.get('content-type') ?? '', /application\/feed\+json/);
  const feed = (await json.json()) as { version: string; items: { id: string; date_modified: string }[] };
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(feed.items.length, Math.min(50, specs.length));
  for (let i = 1; i < feed.items.length; i++)
    assert.ok(feed.items[i - 1].date_modified >= feed.items[i].date_modified, 'last updated first');
});

test('`newsfuse search` takes the list options: page, sort, dates, outlet, minimum sources', async () => {
  const ranked = await cli(['search', 'goat', 'fever', '--db', listPath]);
  assert.equal(ranked.status, 0, ranked.stderr);
  assert.match(
    ranked.stdout,
    /^story zz-flu {2}Goat fever reaches the valley {2}\(2 sources\) {2}2025-05-03\.\.2025-05-04\nstory zz-big /,
  );
  const bySize = await cli([
    'search',
    '--sort',
    'size',
    '--min-sources',
    '6',
    '--format',
    'json',
    '--db',
    listPath,
  ]);
  const out = JSON.parse(bySize.stdout) as { total: number; stories: { id: string; articles: number }[] };
  assert.equal(out.stories[0].id, 'zz-big');
  assert.ok(out.stories.every((s) => s.articles >= 6));
  assert.equal(out.total, specs.filter((s) => s.articles >= 6).length);
  const paged = await cli(['search', '--page', '2', '--db', listPath]);
  assert.match(paged.stdout, new RegExp(`page 2 of 3 \\(${specs.length} stories\\)`));
  const outlet = await cli([
    'search',
    '--outlet',
    'Coast Courier',
    '--from',
    '2025-05-01',
    '--format',
    'json',
    '--db',
    listPath,
  ]);
  assert.ok(
    (JSON.parse(outlet.stdout) as { stories: { outlets: string[] }[] }).stories.every((s) =>
      s.outlets.includes('Coast Courier'),
    ),
  );
  const bad = await cli(['search', '--sort', 'loudest', '--db', listPath]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /sort must be one of latest, size, relevance, updated/);
  assert.equal((await cli(['search', 'zeppelin', '--db', listPath])).status, 1);
});

test('a writer holding the lock does not stop the list: rows are served as they are, refreshed on a later read', () => {
  const path = join(tempDir('nf-busy-'), 'busy.db');
  const a = buildStore(specs.slice(0, 2), path);
  const b = openStore(path);
  try {
    assert.equal(queryStories(a).total, 2);
    a.prepare("UPDATE stories SET updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?").run(specs[0].id);
    b.exec('BEGIN IMMEDIATE');
    const listed = queryStories(a);
    assert.equal(listed.total, 2);
    assert.equal(a.pragma('busy_timeout', { simple: true }), 10_000, 'the usual wait is restored');
    b.exec('COMMIT');
    const version = a.prepare('SELECT version FROM story_info WHERE story_id = ?').pluck().get(specs[0].id);
    assert.doesNotMatch(String(version), /^2099/, 'not refreshed while locked');
    queryStories(a);
    const after = a.prepare('SELECT version FROM story_info WHERE story_id = ?').pluck().get(specs[0].id);
    assert.match(String(after), /^2099/);
  } finally {
    b.close();
    a.close();
  }
});
