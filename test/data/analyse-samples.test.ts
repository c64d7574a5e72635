import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Brief } from '../src/model.js';
import { runPipeline } from '../src/pipeline.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { repoRoot, samplesDir } from './helpers.js';

const samples = runPipeline([samplesDir], { words: 120 });

function sourceOf(brief: Brief, articleIds: string[]): string[] {
  return brief.sources.filter((s) => articleIds.includes(s.articleId)).map((s) => s.source);
}

test('samples: "under way for a week" vs "going for about two weeks", with their sources', async () => {
  const [brief] = (await samples).briefs;
  const d = brief.disagreements?.find((x) => x.kind === 'duration' && /lasting|how long/.test(x.about));
  assert.ok(d, JSON.stringify(brief.disagreements));
  const values = d.values.map((v) => v.value);
  assert.deepEqual(values, ['a week', 'about two weeks']);
  for (const v of d.values) assert.ok(v.articleIds.length >= 1);
  assert.match(d.values[0].evidence[0].text, /under way in Ankara for a week/);
  assert.match(d.values[1].evidence[0].text, /going for about two weeks/);
  assert.notDeepEqual(sourceOf(brief, d.values[0].articleIds), sourceOf(brief, d.values[1].articleIds));
});

test('samples: "the second within 24 hours" vs "reportedly the second in a week"', async () => {
  const [brief] = (await samples).briefs;
  const d = brief.disagreements?.find((x) => /time window/.test(x.about));
  assert.ok(d, JSON.stringify(brief.disagreements));
  assert.deepEqual(
    d.values.map((v) => v.value),
    ['24 hours', 'a week'],
  );
  assert.match(d.values[0].evidence[0].text, /second within 24 hours/);
  assert.match(d.values[1].evidence[0].text, /second in a week/);
});

test('samples: the 2017 page date of a 2016 event is flagged', async () => {
  const { briefs, articles } = await samples;
  const d = briefs[0].disagreements?.find((x) => x.kind === 'page-date');
  assert.ok(d);
  assert.equal(d.values[0].value.slice(0, 4), '2017');
  assert.equal(d.values[1].value.slice(0, 4), '2016');
  const flagged = articles.find((a) => a.id === d.values[0].articleIds[0]);
  assert.match(flagged?.published ?? '', /^2017-12-11/);
});

test('samples: talks in Ankara/Turkey between Russia and rebel groups are corroborated by ≥ 3 reports', async () => {
  const [brief] = (await samples).briefs;
  const claim = brief.claims?.find(
    (c) =>
      /talks/i.test(c.text) && /Russia/.test(c.text) && /rebel/i.test(c.text) && /Turkey|Ankara/.test(c.text),
  );
  assert.ok(claim, JSON.stringify(brief.claims?.map((c) => c.text)));
  assert.ok(claim.corroboration.reports >= 3, `${claim.corroboration.reports} reports`);
  assert.equal(claim.corroboration.outlets.length, claim.articleIds.length);
  // Every summary sentence says how many reports back it, at least its own.
  for (const s of brief.summary) {
    assert.ok(s.corroboration && s.corroboration.reports >= 1);
    const cited = new Set(s.citations.map((c) => c.articleId));
    assert.ok(s.corroboration.reports >= Math.min(cited.size, 1));
  }
});

test('examples: 12 vs 14 injured and six vs about eight hours; wire copies count as one report', async () => {
  const { briefs, stories } = await runPipeline([`${repoRoot}examples/harbor-fire`], { words: 120 });
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

test('samples: the timeline has the late-September assault and the Ankara talks, dated 2016', async () => {
  const [brief] = (await samples).briefs;
  const timeline = brief.timeline ?? [];
  const assault = timeline.find((e) => /assault began in late September/.test(e.text));
  assert.equal(assault?.date, '2016-09');
  const ankara = timeline.filter((e) => /Ankara|talks in Turkey/.test(e.text));
  assert.ok(ankara.length >= 1);
  for (const e of ankara) assert.match(e.date, /^2016-1[12]-\d\d$/);
  // In date order, each entry citing at least one source of the brief.
  assert.deepEqual(
    timeline.map((e) => e.date),
    [...timeline.map((e) => e.date)].sort(),
  );
  const ids = new Set(brief.sources.map((s) => s.articleId));
  for (const e of timeline) assert.ok(e.articleIds.length && e.articleIds.every((id) => ids.has(id)));
});

test('samples: the brief lists who said what and the entities with their aliases', async () => {
  const [brief] = (await samples).briefs;
  const quotes = brief.quotes ?? [];
  const official = quotes.find((q) => /severe procrastination/.test(q.text));
  assert.match(official?.speaker?.name ?? '', /opposition official/);
  const lavrov = quotes.find((q) => /military solution/.test(q.text));
  assert.equal(lavrov?.speaker?.name, 'Sergei Lavrov');
  assert.ok(lavrov?.speaker?.entityId, 'speaker linked to the story entity');
  const jfs = brief.entities?.find((e) => e.aliases.includes('JFS') || e.name === 'JFS');
  assert.ok(jfs && jfs.articleIds.length >= 2);
  const md = renderMarkdown([brief]);
  for (const section of [
    '## Summary',
    '## Timeline',
    '## Disagreements',
    '## Quotes',
    '## Entities',
    '## Sources',
  ])
    assert.ok(md.includes(section), section);
  assert.ok(md.indexOf('## Timeline') < md.indexOf('## Disagreements'));
});
