/**
 * `newsfuse ingest` says what it did: progress by phase, every lost input counted with its reason (fetches
 * too), exit code 1 when everything failed, a feed file's linked pages fetched (or a warning saying why
 * not), and `brief | head` ending quietly. Pages are served from this process on 127.0.0.1 (hence
 * --allow-private); nothing goes on the network.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { changedLines } from '../../src/cli/commands/ingest.js';
import { formatDuration, formatProgress, ProgressReporter } from '../../src/cli/output.js';
import { cli, examplesDir, repoRoot, tempDir } from '../helpers.js';

const PAGES: Record<string, string> = {
  '/lighthouse': `<html><head><title>Keepers return to Fennick lighthouse</title></head><body><article>
<h1>Keepers return to Fennick lighthouse</h1>
<p>Two keepers moved back into the Fennick Point lighthouse on Sunday, forty years after the light was automated, the coastal trust said.</p>
<p>The trust said the keepers would run a small weather station and guide visitors along the cliff path during the summer months.</p>
<p>Volunteers had spent three winters repairing the tower, replacing rotten window frames and the iron stair to the lantern room.</p>
</article></body></html>`,
  '/orchard': `<html><head><title>Community orchard planted at Brackwater</title></head><body><article>
<h1>Community orchard planted at Brackwater</h1>
<p>Residents of Brackwater planted sixty apple and pear trees on the old railway sidings on Saturday, the parish council said.</p>
<p>The council said the fruit would be free to pick for anyone in the village once the trees begin to crop in about four years.</p>
<p>Children from the primary school named each tree and will look after the young orchard through its first summer.</p>
</article></body></html>`,
};

let server: Server;
let base = '';
before(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? ''];
    if (!page) {
      res.writeHead(404).end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

function feedFile(dir: string, paths: string[]): string {
  const items = paths.map((p) => `<item><title>Item ${p}</title><link>${base}${p}</link></item>`).join('\n');
  const file = join(dir, 'links.xml');
  writeFileSync(
    file,
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Notes</title>${items}</channel></rss>`,
  );
  return file;
}

test("a feed file's link-only items are fetched; a page that cannot be fetched counts as failed", async () => {
  const dir = tempDir('nf-honest-');
  const feed = feedFile(dir, ['/lighthouse', '/orchard', '/missing']);
  const r = await cli(['ingest', feed, '--db', join(dir, 'a.db'), '--allow-private', '--no-progress']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^2 new, 0 duplicate, 1 failed; store: 2 articles in 2 stories$/m);
  assert.match(r.stderr, new RegExp(`^failed: ${base}/missing: cannot fetch: .*HTTP 404$`, 'm'));
  assert.match(r.stdout, /^new story s-\S+ \(1 article\): Keepers return to Fennick lighthouse$/m);
});

test('with --no-fetch the linked pages are not fetched, a warning says why, and all failing exits 1', async () => {
  const dir = tempDir('nf-honest-');
  const feed = feedFile(dir, ['/lighthouse', '/orchard']);
  const r = await cli(['ingest', feed, '--db', join(dir, 'b.db'), '--no-fetch']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /2 of 2 feed items carry only a link; their pages are not fetched \(--no-fetch\)/);
  assert.match(r.stdout, /^0 new, 0 duplicate, 2 failed/m);
  assert.equal(r.stderr.match(/^failed: /gm)?.length, 2);
});

test('a URL that cannot be fetched is a failure with its reason, and exit code 1', async () => {
  const dir = tempDir('nf-honest-');
  const r = await cli(['ingest', `${base}/gone`, '--db', join(dir, 'c.db'), '--allow-private']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`^failed: ${base}/gone: cannot fetch: .*HTTP 404$`, 'm'));
  assert.match(r.stdout, /^0 new, 0 duplicate, 1 failed/m);
  // Something added, something failed: the run did part of its job (exit 0), and says what failed.
  const mixed = await cli([
    'ingest',
    examplesDir,
    `${base}/gone`,
    '--db',
    join(dir, 'c.db'),
    '--allow-private',
  ]);
  assert.equal(mixed.status, 0, mixed.stderr);
  assert.match(mixed.stdout, /^7 new, 0 duplicate, 1 failed/m);
  // Lines of a JSON Lines file that cannot be read are failures too (not only warnings).
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, '{"title": "half a line\n');
  const r2 = await cli(['ingest', bad, '--db', join(dir, 'c.db')]);
  assert.equal(r2.status, 1);
  assert.match(r2.stderr, /^failed: .*bad\.jsonl:1: malformed JSON line/m);
});

test('--progress names each phase with counts, and a second ingest names no changed story', async () => {
  const dir = tempDir('nf-honest-');
  const db = join(dir, 'd.db');
  const r = await cli(['ingest', examplesDir, '--db', db, '--progress']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^reading 1\/1 sources$/m);
  assert.match(r.stderr, /^extracting 7\/7 articles/m);
  assert.match(r.stderr, /^clustering 7\/7 articles/m);
  assert.match(r.stderr, /^briefing 2\/2 stories/m);
  assert.match(r.stdout, /^new story s-\S+ \(6 articles\): /m);
  const quiet = await cli(['ingest', examplesDir, '--db', db]);
  assert.doesNotMatch(quiet.stderr, /extracting|briefing/, 'no progress off a terminal unless asked');
  assert.equal(quiet.stdout, '0 new, 7 duplicate, 0 failed; store: 7 articles in 2 stories\n');
});

test('progress lines give the rate and the time left; a terminal line is redrawn, at most 10 times a second', () => {
  assert.equal(
    formatProgress({ phase: 'briefing', done: 0, total: 10, unit: 'stories' }, 0),
    'briefing 0/10 stories',
  );
  assert.equal(
    formatProgress({ phase: 'briefing', done: 20, total: 100, unit: 'stories' }, 4000),
    'briefing 20/100 stories · 5.0/s · ETA 16 s',
  );
  assert.equal(
    formatProgress({ phase: 'extracting', done: 3000, total: 3000 }, 150_000),
    'extracting 3000/3000 · 20/s · done in 2 min 30 s',
  );
  assert.equal(formatDuration(3725), '1 h 02 min');
  let now = 0;
  const out: string[] = [];
  const p = new ProgressReporter(
    (s) => out.push(s),
    true,
    () => now,
  );
  for (let i = 1; i <= 5; i++) {
    now += 30;
    p.update({ phase: 'extracting', done: i, total: 5 });
  }
  p.update({ phase: 'briefing', done: 1, total: 2 });
  p.end();
  assert.deepEqual(out, ['\rextracting 1/5\x1b[K', '\rextracting 5/5\x1b[K\n', '\rbriefing 1/2\x1b[K', '\n']);
});

test('changed stories are listed by name, the rest counted', () => {
  const change = (i: number) => ({
    id: `s-${i}`,
    headline: `Story ${i}`,
    articles: 3,
    added: 1,
    created: false,
  });
  const lines = changedLines(Array.from({ length: 12 }, (_, i) => change(i)));
  assert.equal(lines.length, 11);
  assert.equal(lines[0], 'changed story s-0 (+1, now 3): Story 0');
  assert.equal(lines[10], '… and 2 more stories changed');
});

test('`newsfuse brief … | head` ends quietly when the reader closes the pipe', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', `${repoRoot}src/cli/main.ts`, 'brief', examplesDir],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // The reader goes away before the first byte: every write of the brief meets a closed pipe.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  assert.equal(status, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Unhandled|\n\s+at /);
});
