import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { isPrivateAddress, safeFetch } from '../../src/feeds/fetch.js';
import { readSources } from '../../src/feeds/index.js';
import { openStore, SCHEMA_VERSION } from '../../src/store/db.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { counts, getBrief, listStories, searchArticles } from '../../src/store/repository.js';
import { cli, examplesDir, INJECT_FAULT, poisonedStory, repoRoot, runCli, tempDir } from '../helpers.js';

const tmp = () => tempDir('nf-store-');

test('ingesting the same input twice adds nothing; stories and search work', async () => {
  const db = openStore(join(tmp(), 'a.db'));
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  const { docs } = await readSources([examplesDir]);
  const first = ingestDocuments(db, docs);
  assert.deepEqual([first.added, first.duplicate, first.failed.length], [7, 0, 0]);
  const again = ingestDocuments(db, docs);
  assert.deepEqual([again.added, again.duplicate], [0, 7]);
  assert.deepEqual(counts(db), { articles: 7, stories: 2 });
  const found = listStories(db, { q: 'Calderwick' });
  assert.equal(found.length, 1);
  assert.equal(found[0].articles, 6);
  assert.deepEqual(listStories(db, { q: 'zeppelin' }), []);
  assert.ok(searchArticles(db, 'Ostrand').length >= 1);
  db.close();
});

test('ingests in date order give the stories of one ingest; newer articles continue the saved clusterer', async () => {
  const { docs } = await readSources([examplesDir]);
  const published = new Map(docs.map((d) => [d, extractArticle(d).article?.published ?? '']));
  const early = docs.filter((d) => published.get(d)! < '2025-03-05');
  const late = docs.filter((d) => !early.includes(d));
  assert.ok(early.length >= 1 && late.length >= 3, 'the example pages span several days');

  const once = openStore(join(tmp(), 'once.db'));
  const all = ingestDocuments(once, docs);
  assert.equal(all.clustering, 'replayed');
  assert.ok(all.changed.every((c) => c.created && c.added === c.articles));

  const inOrder = openStore(join(tmp(), 'in-order.db'));
  ingestDocuments(inOrder, early);
  const second = ingestDocuments(inOrder, late);
  assert.equal(second.clustering, 'continued');
  const again = ingestDocuments(inOrder, late);
  assert.equal(again.clustering, 'unchanged');
  assert.deepEqual(again.changed, []);

  assert.ok(membership(once).length >= docs.length);
  assert.deepEqual(membership(inOrder), membership(once));
  // A story the second ingest left alone kept its headline unread; it is the one a single ingest gives.
  const headlines = (db: ReturnType<typeof openStore>) =>
    db.prepare('SELECT id, headline FROM stories ORDER BY id').all();
  assert.deepEqual(headlines(inOrder), headlines(once));
  for (const db of [once, inOrder]) db.close();
});

test('late and undated arrivals continue the saved clusterer, and the ingest names the stories changed', async () => {
  const { docs } = await readSources([examplesDir]);
  const published = new Map(docs.map((d) => [d, extractArticle(d).article?.published ?? '']));
  const early = docs.filter((d) => published.get(d)! < '2025-03-05');
  const late = docs.filter((d) => !early.includes(d));
  // Older pages after newer ones: placed as they come; no stored article is fed to the clusterer again.
  const backwards = openStore(join(tmp(), 'backwards.db'));
  ingestDocuments(backwards, late);
  const r = ingestDocuments(backwards, early);
  assert.equal(r.clustering, 'continued');
  assert.equal(r.added, early.length);
  assert.ok(r.changed.length >= 1);
  assert.ok(r.changed.reduce((n, c) => n + c.added, 0) >= early.length);
  const rows = membership(backwards).map((x) => JSON.parse(x) as { article_id: string });
  assert.equal(new Set(rows.map((x) => x.article_id)).size, counts(backwards).articles);
  // An undated page, then a dated one: undated pages do not force the dated ones into a replay.
  const undated = docs.find((d) => d.kind === 'text' && !published.get(d));
  const dated = openStore(join(tmp(), 'undated.db'));
  const first = undated ? [undated] : late.slice(0, 1);
  ingestDocuments(dated, first);
  const next = ingestDocuments(
    dated,
    docs.filter((d) => !first.includes(d)),
  );
  assert.equal(next.clustering, 'continued');
  for (const db of [backwards, dated]) db.close();
});

const membership = (db: ReturnType<typeof openStore>) =>
  db
    .prepare('SELECT story_id, article_id FROM story_articles ORDER BY story_id, article_id')
    .all()
    .map((r) => JSON.stringify(r));

test('feeds: an RSS file becomes one document per item, with the feed title as publisher', async () => {
  const dir = tmp();
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbourside Gazette</title>
<item><title>Quay fire: port closed</title><link>https://gazette.example/fire</link><pubDate>Tue, 04 Mar 2025 18:00:00 GMT</pubDate>
<description><![CDATA[<p>A fire destroyed a grain warehouse on North Quay on Tuesday, injuring twelve people and closing the port for the rest of the day, the fire service said.</p><p>Crews fought the blaze for six hours before bringing it under control in the evening.</p>]]></description></item>
<item><title>Bridge reopens</title><link>https://gazette.example/bridge</link><description>The Saltmere swing bridge reopened to traffic on Monday after a two-year repair programme that cost eighteen million pounds, the county council said.</description></item>
</channel></rss>`;
  writeFileSync(join(dir, 'gazette.xml'), rss);
  const { docs } = await readSources([join(dir, 'gazette.xml')]);
  assert.equal(docs.length, 2);
  assert.equal(docs[0].hints.publisher, 'Harbourside Gazette');
  assert.equal(docs[0].hints.url, 'https://gazette.example/fire');
  assert.equal(docs[0].kind, 'html');
});

test('safe fetch refuses private and loopback addresses and other schemes', async () => {
  for (const a of ['127.0.0.1', '10.1.2.3', '192.168.0.7', '172.20.1.1', '169.254.169.254', '::1', 'fd00::1'])
    assert.ok(isPrivateAddress(a), a);
  for (const a of ['93.184.216.34', '8.8.8.8', '2001:4860::8888']) assert.ok(!isPrivateAddress(a), a);
  await assert.rejects(safeFetch('http://127.0.0.1:9/feed.xml'), /private or loopback/);
  await assert.rejects(safeFetch('file:///etc/passwd'), /only http and https/);
});

test('a crash mid-ingest (kill -9) loses nothing committed; the store is intact and re-ingest completes', async () => {
  const dir = tmp();
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  // 400 small distinct articles, enough for an ingest that takes a while.
  for (let i = 0; i < 400; i++)
    writeFileSync(
      join(pages, `p${String(i).padStart(3, '0')}.txt`),
      `Report number ${i} from the harbour\n\nThe harbour authority said on Tuesday that ship number ${i} had docked safely after a long crossing from the north. Crew member ${i * 7} said the weather had been calm for most of the voyage and that the cargo of timber was undamaged.\n`,
    );
  const db = join(dir, 'crash.db');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', `${repoRoot}src/cli/main.ts`, 'ingest', pages, '--db', db],
    {
      cwd: repoRoot,
      stdio: 'ignore',
    },
  );
  // Kill it once some articles are committed.
  const started = Date.now();
  let seen = 0;
  while (Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      const probe = openStore(db);
      seen = counts(probe).articles;
      probe.close();
    } catch {
      // the file may not exist yet
    }
    if (seen > 0) break;
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const after = openStore(db);
  assert.equal(after.pragma('integrity_check', { simple: true }), 'ok');
  const kept = counts(after).articles;
  assert.ok(kept >= seen && kept <= 400, `kept ${kept}`);
  // No partial article: every stored article has its sentences.
  const orphans = after
    .prepare(
      'SELECT COUNT(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)',
    )
    .get() as { n: number };
  assert.equal(orphans.n, 0);
  after.close();
  const rerun = await cli(['ingest', pages, '--db', db]);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stdout, new RegExp(`^${400 - kept} new, ${kept} duplicate, 0 failed`));
});

test('`newsfuse search` finds stories and articles; nothing found exits 1', async () => {
  const db = join(tmp(), 's.db');
  assert.equal((await cli(['ingest', examplesDir, '--db', db])).status, 0);
  const r = await cli(['search', 'Calderwick', '--db', db]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^story s-/m);
  assert.match(r.stdout, /\[Calderwick\]/);
  assert.equal((await cli(['search', 'zeppelin', '--db', db])).status, 1);
});

test('a read-only command on a store that does not exist fails in one line and creates nothing', async () => {
  const missing = join(tmp(), 'mistyped.db');
  for (const args of [['search', 'Calderwick'], ['repair']]) {
    const r = await cli([...args, '--db', missing]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /mistyped\.db: no such store/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(existsSync(missing), false);
  }
});

test("ingest: a page a stage throws on is stored but left out of its story's analysis, with a warning", () => {
  const dir = tempDir('nf-store-');
  const pages = join(dir, 'pages');
  mkdirSync(pages);
  poisonedStory(pages);
  const db = join(dir, 'p.db');
  const r = runCli(['ingest', pages, '--db', db], undefined, INJECT_FAULT);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^warning: .*poisoned\.txt: could not analyse \(injected fault\)$/m);
  assert.match(r.stdout, /^4 new, 0 duplicate, 0 failed; store: 4 articles in 1 stories/);
  const store = openStore(db);
  const [story] = listStories(store, {});
  const brief = getBrief(store, story.id);
  store.close();
  const poisoned = brief?.sources.find((s) => s.source.endsWith('poisoned.txt'));
  assert.ok(brief && poisoned && brief.summary.length >= 1);
  assert.ok(brief.quotes?.length && brief.quotes.every((q) => q.articleId !== poisoned.articleId));
});

test('`newsfuse serve` on a port in use says so in one line and exits 2', async () => {
  const { createServer } = await import('node:net');
  const holder = createServer();
  await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
  const port = (holder.address() as { port: number }).port;
  try {
    const r = runCli(['serve', '--db', join(tmp(), 'busy.db'), '--port', String(port)]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use`));
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    holder.close();
  }
});
