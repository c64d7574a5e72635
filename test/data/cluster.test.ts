/** Clustering checked on data beside the repo: the sample pages, and ECB+ dev stories. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { StoryClusterer } from '../../src/cluster/index.js';
import { task, toArticle } from '../../src/eval/cluster.js';
import { readJsonl } from '../../src/eval/data.js';
import { cli, NO_DATA, samplesDir, sharedData, tempDir } from '../helpers.js';

test('newsfuse cluster --format json: the five sample pages are one story', { skip: NO_DATA }, async () => {
  const r = await cli(['cluster', samplesDir, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { stories: { articles: { id: string; report: string }[] }[] };
  assert.equal(out.stories.length, 1);
  assert.equal(out.stories[0].articles.length, 5);
  for (const a of out.stories[0].articles) assert.ok(a.report);
});

test('eval cluster on an ECB+ subset reports every metric and the baseline', { skip: NO_DATA }, async () => {
  const rows = readJsonl<object>(`${sharedData}clustering/ecbplus-dev.jsonl`).slice(0, 120);
  const dir = tempDir('nf-cluster-');
  const file = join(dir, 'subset.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  const result = await task.run({ data: file, flags: {}, log: () => {} });
  assert.equal(result.items, 120);
  for (const k of ['bcubed_p', 'bcubed_r', 'bcubed_f1', 'pairwise_f1', 'ari', 'docs_per_s'])
    assert.equal(typeof result.metrics[k], 'number', k);
  const f1 = result.metrics.bcubed_f1 as number;
  assert.ok(f1 > 0.5 && f1 <= 1, `B³ F1 ${f1}`);
  assert.ok((result.metrics.clusters as number) >= 2);
  assert.ok(result.peers?.['tfidf-single-pass']);
});

test('stories are the same whatever the batch size', { skip: NO_DATA }, () => {
  const path = `${sharedData}clustering/ecbplus-dev.jsonl`;
  const rows = readJsonl<{ id: string; text: string }>(path).slice(0, 150);
  const articles = rows.map((r) => toArticle(r.id, r.text));
  const one = new StoryClusterer();
  for (const a of articles) one.add(a);
  const chunked = new StoryClusterer();
  for (let i = 0; i < articles.length; i += 17) chunked.addAll(articles.slice(i, i + 17));
  assert.deepEqual(chunked.stories(), one.stories());
  assert.ok(one.stories().length > 1 && one.stories().length < articles.length);
});

test('with the same-story veto, stories are the same whatever the batch size', { skip: NO_DATA }, () => {
  const path = `${sharedData}clustering/ecbplus-dev.jsonl`;
  const rows = readJsonl<{ id: string; text: string }>(path).slice(0, 150);
  const articles = rows.map((r) => toArticle(r.id, r.text));
  const one = new StoryClusterer({ learned: true });
  one.addAll(articles);
  const chunked = new StoryClusterer({ learned: true });
  for (let i = 0; i < articles.length; i += 13) chunked.addAll(articles.slice(i, i + 13));
  assert.deepEqual(chunked.stories(), one.stories());
});
