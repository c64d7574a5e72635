import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OTHER_FERRY_FIRE, REPUBLISHED_FERRY, WIRE_FERRY } from '../cluster-fixtures.js';
import { cli, examplesDir, tempDir } from '../helpers.js';

test('newsfuse cluster --format json: the example pages are the fire story and the bridge story', async () => {
  const r = await cli(['cluster', examplesDir, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { stories: { articles: { id: string; report: string }[] }[] };
  assert.deepEqual(
    out.stories.map((s) => s.articles.length),
    [6, 1],
  );
  for (const a of out.stories.flatMap((s) => s.articles)) assert.ok(a.report);
});

test('newsfuse cluster (markdown) marks copies of one report', async () => {
  const dir = tempDir('nf-cluster-cli-');
  writeFileSync(join(dir, 'a-wire.txt'), `Ferry fire in the Grell Strait\n\n${WIRE_FERRY}`);
  writeFileSync(join(dir, 'b-courier.txt'), REPUBLISHED_FERRY);
  writeFileSync(join(dir, 'c-meridian.txt'), `Meridian Star burns off Cape Tolland\n\n${OTHER_FERRY_FIRE}`);
  const r = await cli(['cluster', dir]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal((r.stdout.match(/^## /gm) ?? []).length, 2);
  assert.match(r.stdout, /2 articles, 1 independent report/);
  assert.match(r.stdout, /copy of the above/);
});

test('newsfuse cluster: bad format and missing path are usage errors', async () => {
  assert.equal((await cli(['cluster', examplesDir, '--format', 'xml'])).status, 2);
  const missing = await cli(['cluster', '/no/such/dir']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
});
