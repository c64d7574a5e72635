import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { documentsFromBytes } from '../../src/ingest/index.js';
import type { Brief } from '../../src/model.js';
import { cli, examplesDir, INJECT_FAULT, poisonedStory, runCli, tempDir } from '../helpers.js';

const STORY = (city: string, n: number) =>
  `Firefighters in ${city} battled a warehouse blaze for ${n} hours on Tuesday, the city fire service said. ` +
  `The fire started in a storage unit near the river port and spread quickly to two neighbouring buildings. ` +
  `Officials said nobody was seriously hurt, although several workers were treated for smoke inhalation at the scene.`;

test('a missing path exits 2 with a one-line error', () => {
  const r = runCli(['brief', '/nonexistent/newsfuse/path']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /no such file or directory/);
});

test('a directory with no readable articles exits 1 with "no articles found"', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'menu.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
  const r = await cli(['brief', dir]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no articles found/);
});

test('a binary file gives a warning naming it and the rest is still processed', async () => {
  const dir = tempDir();
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131) % 256;
  writeFileSync(join(dir, 'image.txt'), junk);
  copyFileSync(join(examplesDir, 'harbour-radio-fire-investigation.txt'), join(dir, 'a.txt'));
  const r = await cli(['brief', dir, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning: .*image\.txt: binary data/);
  assert.equal(JSON.parse(r.stdout).briefs.length, 1);
});

test('a malformed JSONL line is skipped with file:line and the other lines are kept', async () => {
  const dir = tempDir();
  const lines = [
    JSON.stringify({ title: 'Warehouse fire in Lorvik', date: '2025-03-04', text: STORY('Lorvik', 6) }),
    '{"title": "broken", "text": ',
    JSON.stringify({ title: 'Blaze in Lorvik port', url: 'https://example.org/a', text: STORY('Lorvik', 8) }),
    JSON.stringify({ title: 'no body' }),
  ];
  writeFileSync(join(dir, 'feed.jsonl'), `${lines.join('\n')}\n`);
  const r = await cli(['brief', join(dir, 'feed.jsonl'), '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /feed\.jsonl:2: malformed JSON line skipped/);
  assert.match(r.stderr, /feed\.jsonl:4: record has neither "text" nor "html"/);
  const briefs = JSON.parse(r.stdout).briefs;
  const sources = briefs.flatMap((b: { sources: unknown[] }) => b.sources);
  assert.equal(sources.length, 2);
});

test('legacy-encoded text is decoded, not dropped', () => {
  const text = `Caf\xe9 owners in the old town said the fire had been put out by noon, the mayor\x92s office said on Tuesday. ${STORY('Lorvik', 5)}`;
  const r = documentsFromBytes('cafe.txt', Buffer.from(text, 'latin1'));
  assert.equal(r.docs.length, 1);
  assert.match(r.docs[0].content, /Café owners/);
  assert.match(r.docs[0].content, /mayor’s office/);
});

test('bad option values exit 2', async () => {
  assert.equal((await cli(['brief', examplesDir, '--words', 'many'])).status, 2);
  assert.equal((await cli(['brief', examplesDir, '--format', 'pdf'])).status, 2);
});

test('a page a stage throws on is left out of the analysis with a warning; the story is still briefed', () => {
  const dir = tempDir();
  poisonedStory(dir);
  const r = runCli(['brief', dir, '--format', 'json'], undefined, INJECT_FAULT);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^warning: .*poisoned\.txt: could not analyse \(injected fault\)$/m);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  const [brief] = (JSON.parse(r.stdout) as { briefs: Brief[] }).briefs;
  const poisoned = brief.sources.find((s) => s.source.endsWith('poisoned.txt'));
  assert.ok(poisoned, 'the page is still a source of its story');
  assert.ok(brief.summary.length >= 1);
  // The other pages are analysed: quotes and entities, none taken from the page that threw.
  assert.ok(brief.quotes?.length && brief.entities?.length);
  assert.ok(brief.quotes.every((q) => q.articleId !== poisoned.articleId));
  assert.ok(brief.entities.every((e) => !e.articleIds.includes(poisoned.articleId)));
});
