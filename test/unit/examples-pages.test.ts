import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflictingNumbers } from '../../src/brief/cite.js';
import { runPipeline } from '../../src/pipeline.js';
import { examplesDir as examples } from '../helpers.js';

/** Briefed once for the tests that read the default 120-word briefs. */
const briefed = runPipeline([examples], { words: 120 });
const FURNITURE = [
  'cookie',
  'Subscribe',
  'Promoted Links',
  'Leave a',
  'Share',
  'Read more',
  'All rights reserved',
  'Sign up',
  'said...',
];

test('the example pages give the fire story (five pages and one JSONL record) and a separate bridge story', async () => {
  const { stories, articles, diagnostics } = await briefed;
  assert.equal(diagnostics.length, 0, JSON.stringify(diagnostics));
  assert.equal(articles.length, 7);
  assert.equal(stories.length, 2);
  const titles = (ids: string[]) => ids.map((id) => articles.find((a) => a.id === id)!.title);
  assert.equal(stories[0].articleIds.length, 6);
  assert.ok(titles(stories[0].articleIds).every((t) => !/bridge/i.test(t)));
  assert.deepEqual(titles(stories[1].articleIds), ['Saltmere swing bridge reopens after two-year repair']);
});

test('the wire story and its republished copy are one report', async () => {
  const { stories, articles } = await briefed;
  const wire = articles
    .filter((a) => a.title === 'Fire guts Calderwick grain store, 14 hurt')
    .map((a) => a.id);
  assert.equal(wire.length, 2);
  assert.ok(stories[0].reports.some((r) => wire.every((id) => r.articleIds.includes(id))));
  assert.equal(stories[0].reports.length, 5);
});

test('metadata comes from JSON-LD, OpenGraph, date lines and attribution lines', async () => {
  const { articles } = await briefed;
  const by = (file: string) => articles.find((a) => a.source.endsWith(file))!;
  const courier = by('courier-warehouse-fire.html');
  assert.equal(courier.title, 'Harbour warehouse fire injures 12, shuts Calderwick port');
  assert.equal(courier.publisher, 'Calderwick Courier');
  assert.equal(courier.byline, 'Ines Marlowe');
  assert.equal(courier.published?.slice(0, 10), '2025-03-05');
  assert.equal(by('coastline-daily-fire.html').publisher, 'Coastline Daily');
  const wire = by('nws-wire-calderwick-fire.txt');
  assert.equal(wire.publisher, 'Northshore Wire Service');
  assert.equal(wire.byline, 'Dana Ferreira');
  assert.equal(
    by('harbour-radio-fire-investigation.txt').title,
    'Investigators begin work at burned-out Calderwick warehouse',
  );
  assert.equal(by('meridian-post-port-reopens.txt').published, '2026-03-05');
  for (const a of articles)
    for (const junk of FURNITURE) assert.ok(!a.text.includes(junk), `"${junk}" in ${a.source}`);
});

test('every summary sentence is cited, and a sentence never cites a source that gives another number', async () => {
  const { briefs, articles } = await runPipeline([examples], { words: 200 });
  const sentencesOf = new Map(articles.map((a) => [a.id, a.text]));
  for (const brief of briefs) {
    for (const s of brief.summary) {
      assert.ok(s.citations.length >= 1);
      for (const junk of FURNITURE) assert.ok(!s.text.includes(junk));
      for (const c of s.citations) assert.ok(sentencesOf.has(c.articleId));
    }
  }
  assert.equal(conflictingNumbers('injuring 14 people', 'injured 12 people'), true);
  assert.equal(conflictingNumbers('about 3,000 tonnes of wheat', 'some 3000 tonnes'), false);
  assert.equal(conflictingNumbers('burned for six hours', 'the fire burned for 6 hours'), false);
});

test('examples: 12 vs 14 injured and six vs about eight hours; wire copies count as one report', async () => {
  const { briefs, stories } = await briefed;
  const fire = briefs[0];
  const injured = fire.disagreements?.find((d) => /injured/.test(d.about));
  assert.deepEqual(
    injured?.values.map((v) => v.value),
    ['12', '14'],
  );
  const hours = fire.disagreements?.find((d) => d.kind === 'duration');
  assert.deepEqual(
    hours?.values.map((v) => v.value),
    ['six hours', 'about eight hours'],
  );
  // The wire story and its syndicated copy state "14": two publications, one report.
  const story = stories.find((s) => s.id === fire.storyId)!;
  const copies = story.reports.find((r) => r.articleIds.length > 1);
  assert.ok(copies);
  const fourteen = injured!.values[1].articleIds;
  assert.ok(copies.articleIds.every((id) => fourteen.includes(id)));
  assert.ok(fire.disagreements?.some((d) => d.kind === 'page-date' && d.values[0].value.startsWith('2026')));
  // The same words, the union's man in one report and a councillor in another.
  const who = fire.disagreements?.find((d) => d.kind === 'speaker');
  assert.ok(who && /old stores were a/.test(who.about), JSON.stringify(fire.disagreements));
  assert.deepEqual(
    who.values.map((v) => v.value),
    ['Aled Kerr', 'Rhona Duffy'],
  );
  const files = who.values.map((v) =>
    v.articleIds.map((id) =>
      fire.sources
        .find((x) => x.articleId === id)
        ?.source.split('/')
        .pop(),
    ),
  );
  assert.deepEqual(files, [['harbour-radio-fire-investigation.txt'], ['meridian-post-port-reopens.txt']]);
  assert.equal(who.values[1].evidence[0].text.includes('Duffy said'), true);
});
