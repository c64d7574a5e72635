import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Brief } from '../../src/model.js';
import { runPipeline } from '../../src/pipeline.js';
import { cli, NO_DATA, samplesDir } from '../helpers.js';

const BOILERPLATE = [
  'Promoted Links',
  'Leave a Reply',
  'Comment Title',
  'Security Code',
  'Read more',
  'arabstoday',
  'Terms of use',
];

test('the five sample pages form exactly one story with all five articles', { skip: NO_DATA }, async () => {
  const r = await runPipeline([samplesDir], { words: 120 });
  assert.equal(r.articles.length, 5);
  assert.equal(r.stories.length, 1);
  assert.equal(r.stories[0].articleIds.length, 5);
});

test('the brief has no boilerplate, cites every sentence, and keeps to the budget', {
  skip: NO_DATA,
}, async () => {
  const { briefs } = await runPipeline([samplesDir], { words: 120 });
  const brief = briefs[0];
  assert.ok(brief.summary.length >= 2, 'a summary of several sentences');
  assert.ok(brief.words <= 120, `within budget, got ${brief.words}`);
  for (const s of brief.summary) {
    for (const junk of BOILERPLATE)
      assert.ok(!s.text.toLowerCase().includes(junk.toLowerCase()), `junk "${junk}" in: ${s.text}`);
    assert.ok(s.citations.length >= 1, `uncited: ${s.text}`);
    assert.ok(
      s.citations.some((c) => c.articleId === s.from.articleId),
      'a sentence cites the article it was taken from',
    );
    for (const c of s.citations) assert.equal(brief.sources[c.ref - 1].articleId, c.articleId);
  }
});

test('sources show the dates the pages give', { skip: NO_DATA }, async () => {
  const { briefs, articles } = await runPipeline([samplesDir], { words: 120 });
  const dated = new Map(briefs[0].sources.map((s) => [s.source.split('/').pop(), s.published]));
  assert.equal(dated.get('000_341fccdb53baba8c.txt'), '2016-12-01');
  assert.equal(dated.get('001_d31ed113146ff8eb.txt'), '2017-12-11');
  assert.equal(articles.filter((a) => a.published).length, 2, 'only two pages carry a date');
});

test('a sentence stated by several outlets cites all of them', { skip: NO_DATA }, async () => {
  const { briefs } = await runPipeline([samplesDir], { words: 250 });
  const multi = briefs[0].summary.filter((s) => s.citations.length >= 2);
  assert.ok(multi.length >= 1, 'at least one summary sentence is backed by two or more articles');
});

test('`newsfuse brief` prints markdown with citations and a source list; json is parseable', {
  skip: NO_DATA,
}, async () => {
  const md = await cli(['brief', samplesDir]);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^# /m);
  assert.match(md.stdout, /\[\d\]/);
  assert.match(md.stdout, /## Sources\n\n1\. /);
  const json = await cli(['brief', samplesDir, '--format', 'json', '--words', '80']);
  assert.equal(json.status, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as { schema: string; briefs: Brief[] };
  assert.equal(parsed.schema, 'newsfuse.briefs/1');
  assert.equal(parsed.briefs.length, 1);
  assert.ok(parsed.briefs[0].words <= 80);
});

test('html output escapes text and links citations to sources', { skip: NO_DATA }, async () => {
  const r = await cli(['brief', samplesDir, '--format', 'html']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /<!doctype html>/);
  assert.match(r.stdout, /href="#b1-src\d"/);
  assert.doesNotMatch(r.stdout, /<script/);
});
