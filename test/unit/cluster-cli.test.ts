import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { OTHER_FERRY_FIRE, REPUBLISHED_FERRY, WIRE_FERRY } from './cluster-fixtures.js';
import { runCli, samplesDir } from './helpers.js';

test('newsfuse cluster --format json: the five sample pages are one story', () => {
  const r = runCli(['cluster', samplesDir, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { stories: { articles: { id: string; report: string }[] }[] };
  assert.equal(out.stories.length, 1);
  assert.equal(out.stories[0].articles.length, 5);
  for (const a of out.stories[0].articles) assert.ok(a.report);
});

test('newsfuse cluster (markdown) marks copies of one report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nf-cluster-cli-'));
  writeFileSync(join(dir, 'a-wire.txt'), `Ferry fire in the Grell Strait\n\n${WIRE_FERRY}`);
  writeFileSync(join(dir, 'b-courier.txt'), REPUBLISHED_FERRY);
  writeFileSync(join(dir, 'c-meridian.txt'), `Meridian Star burns off Cape Tolland\n\n${OTHER_FERRY_FIRE}`);
  const r = runCli(['cluster', dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal((r.stdout.match(/^## /gm) ?? []).length, 2);
  assert.match(r.stdout, /2 articles, 1 independent report/);
  assert.match(r.stdout, /copy of the above/);
});

test('newsfuse cluster: bad format and missing path are usage errors', () => {
  assert.equal(runCli(['cluster', samplesDir, '--format', 'xml']).status, 2);
  const missing = runCli(['cluster', '/no/such/dir']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
});
