/**
 * Peak memory of a run stays under 1 GiB whatever the input. `newsfuse brief` runs in a child process over
 * the example pages plus the inputs that once took Node to 1.7–2.8 GB or never finished: a 20 MB page, a
 * 50 MB JSON Lines record, a gzip bomb of 600 MB of zeros, and a 7.9 MB page whose text runs over the text
 * limit. The child reports its own peak resident set size (`maxRSS`) at exit. Every monster is skipped with
 * a warning and the good pages are briefed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, createWriteStream, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { test } from 'node:test';
import { createGzip } from 'node:zlib';
import { examplesDir, runCli, tempDir } from '../helpers.js';

const MB = 1024 * 1024;
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('max-rss-kb '+process.resourceUsage().maxRSS+'\\n'))`;

const SENTENCE =
  'The harbour authority of Calderwick said on Tuesday that the north quay would stay closed for repairs. ';

test('a run over a 20 MB page, a 50 MB record, a gzip bomb and a runaway page peaks under 1 GiB', async () => {
  const dir = tempDir('nf-memory-');
  for (const f of readdirSync(examplesDir)) copyFileSync(join(examplesDir, f), join(dir, f));
  // 20 MB of markup and text.
  const block = `<div class="row"><p>${SENTENCE.repeat(4)}</p></div>\n`;
  writeFileSync(
    join(dir, 'huge-page.html'),
    `<html><body>${block.repeat(Math.ceil((20 * MB) / block.length))}</body></html>`,
  );
  // One 50 MB JSON Lines record between two ordinary ones.
  const ordinary = (n: number) =>
    JSON.stringify({ title: `Quay notice ${n}`, date: '2025-03-04', text: SENTENCE.repeat(3) });
  writeFileSync(
    join(dir, 'records.jsonl'),
    `${ordinary(1)}\n${JSON.stringify({ title: 'Huge', text: SENTENCE.repeat(Math.ceil((50 * MB) / SENTENCE.length)) })}\n${ordinary(2)}\n`,
  );
  // 600 MB of zeros, gzipped as it is generated (about 0.6 MB on disk).
  const zero = Buffer.alloc(MB);
  await pipeline(
    Readable.from(
      (function* () {
        for (let i = 0; i < 600; i++) yield zero;
      })(),
    ),
    createGzip({ level: 9 }),
    createWriteStream(join(dir, 'bomb.html.gz')),
  );
  // Under the HTML limit (8 M characters), but its article text is over the text limit (1 M).
  const paragraph = `<p>${SENTENCE.repeat(3)}</p>`;
  writeFileSync(
    join(dir, 'runaway.html'),
    `<html><body><article>${paragraph.repeat(Math.floor((7.9 * MB) / paragraph.length))}</article></body></html>`,
  );

  const r = runCli(['brief', dir, '--format', 'json'], undefined, ['--import', REPORT_RSS]);
  assert.equal(r.status, 0, r.stderr.slice(-2000));
  const kb = Number(/max-rss-kb (\d+)/.exec(r.stderr)?.[1]);
  assert.ok(kb > 0, r.stderr.slice(-500));
  assert.ok(kb < 1024 * 1024, `peak RSS ${Math.round(kb / 1024)} MB`);
  for (const name of ['huge-page.html', 'records.jsonl:2', 'bomb.html.gz', 'runaway.html'])
    assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}.*skipped`), name);
  const briefs = JSON.parse(r.stdout) as { briefs: { sources: unknown[] }[] };
  assert.ok(briefs.briefs.length >= 1);
  process.stderr.write(`# peak RSS of the run: ${Math.round(kb / 1024)} MB\n`);
});
