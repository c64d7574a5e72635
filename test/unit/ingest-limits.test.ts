/** Bounded input: a gzip bomb, an oversized page or JSONL record is skipped with a warning; the rest is read. */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { documentsFromBytes, readInputs } from '../../src/ingest/index.js';
import { INGEST_LIMITS } from '../../src/ingest/limits.js';
import { cli, examplesDir, tempDir } from '../helpers.js';

const GOOD = 'harbour-radio-fire-investigation.txt';
/** Limits small enough that the test inputs stay a few kilobytes. */
const SMALL = {
  ...INGEST_LIMITS,
  gunzipBytes: 50_000,
  htmlChars: 20_000,
  textChars: 10_000,
  jsonlLineChars: 30_000,
};

const sentence = (n: number) =>
  `Quay inspectors counted ${n} cracked bollards along the east wall on Tuesday. `;
const story = (words: number) => Array.from({ length: words }, (_, i) => sentence(i)).join('');

test('a gzip bomb beside a good page: the bomb is skipped with a warning, the page is briefed', async () => {
  const dir = tempDir();
  // 100 MB of zeros gzips to about 100 KB; inflating it would pass the default 64 MB cap.
  const bomb = gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 });
  assert.ok(bomb.length < 200_000);
  writeFileSync(join(dir, 'bomb.html.gz'), bomb);
  copyFileSync(join(examplesDir, GOOD), join(dir, GOOD));
  const r = await cli(['brief', dir, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning: .*bomb\.html\.gz: decompresses to more than 64 MB; skipped/);
  const sources = JSON.parse(r.stdout).briefs.flatMap((b: { sources: unknown[] }) => b.sources);
  assert.equal(sources.length, 1);
});

test('the gunzip cap is injectable; a gzipped page under it is read, one over it is skipped', async () => {
  const dir = tempDir();
  const page = readFileSync(join(examplesDir, GOOD));
  writeFileSync(join(dir, 'small.txt.gz'), gzipSync(page));
  writeFileSync(join(dir, 'zeros.txt.gz'), gzipSync(Buffer.alloc(SMALL.gunzipBytes + 1)));
  const r = await readInputs([dir], SMALL);
  assert.equal(r.docs.length, 1);
  assert.equal(r.docs[0].origin.path, join(dir, 'small.txt.gz'));
  assert.deepEqual(
    r.diagnostics.map((d) => [d.origin.path, d.message]),
    [[join(dir, 'zeros.txt.gz'), 'decompresses to more than 50000 bytes; skipped']],
  );
  // Damaged gzip data is still told apart from a bomb.
  const cut = gzipSync(page).subarray(0, 40);
  assert.equal(
    documentsFromBytes('cut.txt.gz', cut, SMALL).diagnostics[0].message,
    'corrupt gzip data; skipped',
  );
});

test('an HTML or text page over its limit is skipped with a warning naming it; the pages beside it are kept', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'huge.html'), `<html><body><p>${story(400)}</p></body></html>`);
  writeFileSync(join(dir, 'huge.txt'), story(200));
  writeFileSync(join(dir, 'fine.html'), `<html><body><p>${story(100)}</p></body></html>`);
  copyFileSync(join(examplesDir, GOOD), join(dir, GOOD));
  const r = await readInputs([dir], SMALL);
  assert.deepEqual(r.docs.map((d) => d.origin.path).sort(), [join(dir, 'fine.html'), join(dir, GOOD)].sort());
  assert.deepEqual(
    r.diagnostics.map((d) => [d.origin.path, d.message]),
    [
      [join(dir, 'huge.html'), 'html page longer than 20000 characters; skipped'],
      [join(dir, 'huge.txt'), 'text page longer than 10000 characters; skipped'],
    ],
  );
});

test('the default page limit is generous for news but stops a runaway page', () => {
  assert.equal(INGEST_LIMITS.htmlChars, 8 * 1024 * 1024);
  const big = `<html><body><p>${'x'.repeat(INGEST_LIMITS.htmlChars)}</p></body></html>`;
  const r = documentsFromBytes('runaway.html', Buffer.from(big));
  assert.equal(r.docs.length, 0);
  assert.equal(r.diagnostics[0].message, 'html page longer than 8 M characters; skipped');
});

test('a JSONL file with a huge line and an oversized record: the other records are read', async () => {
  const dir = tempDir();
  const lines = [
    JSON.stringify({ title: 'Quay survey', text: story(20) }),
    JSON.stringify({ title: 'Runaway line', html: `<p>${'y'.repeat(SMALL.jsonlLineChars)}</p>` }),
    JSON.stringify({ title: 'Long text', text: story(200) }),
    JSON.stringify({ title: 'Long page', html: `<p>${story(300)}</p>` }),
    JSON.stringify({ title: 'Page within the limit', html: `<p>${story(150)}</p>` }),
  ];
  writeFileSync(join(dir, 'wire.jsonl'), `${lines.join('\n')}\n`);
  const r = await readInputs([dir], SMALL);
  assert.deepEqual(
    r.docs.map((d) => d.hints.title),
    ['Quay survey', 'Page within the limit'],
  );
  const path = join(dir, 'wire.jsonl');
  assert.deepEqual(
    r.diagnostics.map((d) => [d.origin.path, d.origin.line, d.message]),
    [
      [path, 2, 'JSON line longer than 30000 characters; skipped'],
      [path, 3, `record's "text" longer than 10000 characters; skipped`],
      [path, 4, `record's "html" longer than 20000 characters; skipped`],
    ],
  );
});

test('an oversized record is told on the brief command as file:line', async () => {
  const dir = tempDir();
  const huge = JSON.stringify({ title: 'Runaway', text: 'z '.repeat(INGEST_LIMITS.textChars) });
  const good = readFileSync(join(examplesDir, GOOD), 'utf8');
  writeFileSync(
    join(dir, 'feed.jsonl'),
    `${huge}\n${JSON.stringify({ title: 'Fire inquiry', text: good })}\n`,
  );
  const r = await cli(['brief', dir, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning: .*feed\.jsonl:1: record's "text" longer than 1 M characters; skipped/);
  assert.equal(JSON.parse(r.stdout).briefs.length, 1);
});

test('a file over the size limit is skipped before it is read', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'big.txt'), story(100));
  copyFileSync(join(examplesDir, GOOD), join(dir, GOOD));
  const r = await readInputs([dir], { ...SMALL, fileBytes: 6000 });
  assert.deepEqual(
    r.diagnostics.map((d) => [d.origin.path, d.message]),
    [[join(dir, 'big.txt'), 'larger than 6000 bytes; skipped']],
  );
  assert.deepEqual(
    r.docs.map((d) => d.origin.path),
    [join(dir, GOOD)],
  );
});
