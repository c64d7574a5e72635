import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Brief } from '../../src/model.js';
import { cli, examplesDir as dir, tempDir } from '../helpers.js';

const earlier = [
  'courier-warehouse-fire.html',
  'nws-wire-calderwick-fire.txt',
  'coastline-daily-fire.html',
].map((f) => join(dir, f));
const later = ['harbour-radio-fire-investigation.txt'].map((f) => join(dir, f));

const briefsOf = (stdout: string) => (JSON.parse(stdout) as { briefs: Brief[] }).briefs;

test('brief --since a previous brief: only the articles it did not list are new', async () => {
  const first = await cli(['brief', ...earlier, '--format', 'json']);
  assert.equal(first.status, 0, first.stderr);
  const prev = join(tempDir('nf-since-'), 'before.json');
  writeFileSync(prev, first.stdout);
  const second = await cli(['brief', ...earlier, ...later, '--format', 'json', '--since', prev]);
  assert.equal(second.status, 0, second.stderr);
  const [brief] = briefsOf(second.stdout);
  const update = brief.update!;
  assert.equal(update.since, 'before.json');
  assert.equal(update.newStory, false);
  const newSources = brief.sources.filter((s) => update.newSources.includes(s.ref)).map((s) => s.source);
  assert.deepEqual(newSources, later);
  // The follow-up repeats the 12-injured figure of the Courier, so older facts gain a report.
  assert.ok(update.newlyCorroborated.length >= 1);
  for (const i of update.newSummary)
    assert.ok(
      later.includes(brief.sources.find((s) => s.articleId === brief.summary[i].from.articleId)!.source),
    );
});

test('brief --since DATE: articles published after the date are new; md says so', async () => {
  const r = await cli(['brief', dir, '--since', '2025-03-05']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /## New since 2025-03-05/);
  assert.match(r.stdout, /New sources: \[\d+\]/);
  const none = await cli(['brief', dir, '--since', '2030-01-01']);
  assert.match(none.stdout, /Nothing new since 2030-01-01/);
});

test('brief --since with neither a date nor a brief file is a usage error', async () => {
  const r = await cli(['brief', dir, '--since', 'last-tuesday']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /neither a date/);
  const notBrief = await cli(['brief', dir, '--since', join(dir, 'regional-briefs.jsonl')]);
  assert.equal(notBrief.status, 2);
  assert.match(notBrief.stderr, /not a brief JSON/);
});
