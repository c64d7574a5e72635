/**
 * Several writers on one store: two CLI ingests (child processes) and a POST /api/ingest running at the same
 * time must all succeed, store each input once, and leave every article in a story with a brief.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/db.js';
import { counts } from '../../src/store/repository.js';
import { repoRoot, tempDir } from '../helpers.js';

/** Own-text pages on a few made-up topics, numbered so that each one is a distinct input. */
const TOPICS = [
  (n: number) =>
    `Ferry ${n} delayed by fog\n\nThe ferry service between Saltmere and the island said on Monday that crossing ${n} left two hours late because of thick fog in the estuary. Passengers waited in the terminal while the harbour master kept the channel closed.\n`,
  (n: number) =>
    `Library extension number ${n} opens\n\nThe county library opened wing ${n} of its new extension on Tuesday, adding reading rooms and a children's corner. The librarian said visitor numbers had doubled since the old building reopened last spring.\n`,
  (n: number) =>
    `Orchard harvest report ${n}\n\nGrowers in the valley picked apples from orchard ${n} on Wednesday and said the crop was the largest in a decade. A wet spring and a warm summer helped the fruit, the growers' cooperative said.\n`,
  (n: number) =>
    `Tram line ${n} survey published\n\nEngineers published survey ${n} of the proposed tram line on Thursday, recommending a route along the river. The transport board will vote on the plan next month after a public consultation.\n`,
];
const page = (i: number) => TOPICS[i % TOPICS.length](i);

function writePages(dir: string, from: number, to: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = from; i < to; i++) writeFileSync(join(dir, `p${String(i).padStart(3, '0')}.txt`), page(i));
}

/** Whether some article is in the store yet (the store may not exist, or be half made). */
function storing(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    const probe = openStore(path);
    const n = counts(probe).articles;
    probe.close();
    return n > 0;
  } catch {
    return false;
  }
}

function ingestChild(pages: string, db: string): Promise<{ status: number | null; out: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', `${repoRoot}src/cli/main.ts`, 'ingest', pages, '--db', db],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, out })));
}

test('two CLI ingests and a POST /api/ingest at once: all succeed, each input stored once, all in stories', async () => {
  const dir = tempDir('nf-writers-');
  const db = join(dir, 'shared.db');
  // The two sets overlap (pages 16–23 in both), so both writers try to store the same inputs.
  writePages(join(dir, 'a'), 0, 24);
  writePages(join(dir, 'b'), 16, 40);
  const records = Array.from({ length: 6 }, (_, k) => ({ title: `Posted ${k}`, text: page(40 + k) }));

  const children = [ingestChild(join(dir, 'a'), db), ingestChild(join(dir, 'b'), db)];
  // The server's own connection, opened once the children are storing articles; it posts while they write.
  const started = Date.now();
  while (!storing(db) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
  const server = openStore(db);
  // This test is about writers at once, not about how long a post may wait: on a loaded machine the job can
  // outlast the default 30 s wait and be answered 202, so the post waits as long as the job takes.
  const app = createApp(server, { syncWaitMs: 600_000 });
  const posted = await app.request('/api/ingest', {
    method: 'POST',
    body: JSON.stringify(records),
    headers: { 'content-type': 'application/json' },
  });
  const body = await posted.text();
  assert.equal(posted.status, 200, body);
  assert.equal((JSON.parse(body) as { added: number }).added, 6);
  server.close();

  for (const r of await Promise.all(children)) assert.equal(r.status, 0, r.out);

  const store = openStore(db);
  assert.equal(store.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(counts(store).articles, 46);
  const one = (q: string) => (store.prepare(q).get() as { n: number }).n;
  assert.equal(one('SELECT COUNT(DISTINCT hash) AS n FROM articles'), 46);
  assert.equal(
    one('SELECT COUNT(*) AS n FROM articles a WHERE a.id NOT IN (SELECT article_id FROM story_articles)'),
    0,
    'every article is in a story',
  );
  assert.equal(
    one('SELECT COUNT(*) AS n FROM stories s WHERE s.id NOT IN (SELECT story_id FROM briefs)'),
    0,
    'every story has a brief',
  );
  store.close();
});
