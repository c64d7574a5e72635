import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Brief } from '../../src/model.js';
import { runPipeline } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { NO_DATA, samplesDir } from '../helpers.js';

let briefed: ReturnType<typeof runPipeline> | undefined;
/** The sample pages briefed once (and only when a test that needs them runs). */
const samples = () => {
  briefed ??= runPipeline([samplesDir], { words: 120 });
  return briefed;
};

function sourceOf(brief: Brief, articleIds: string[]): string[] {
  return brief.sources.filter((s) => articleIds.includes(s.articleId)).map((s) => s.source);
}

test('samples: "under way for a week" vs "going for about two weeks", with their sources', {
  skip: NO_DATA,
}, async () => {
  const [brief] = (await samples()).briefs;
  const d = brief.disagreements?.find((x) => x.kind === 'duration' && /lasting|how long/.test(x.about));
  assert.ok(d, JSON.stringify(brief.disagreements));
  const values = d.values.map((v) => v.value);
  assert.deepEqual(values, ['a week', 'about two weeks']);
  for (const v of d.values) assert.ok(v.articleIds.length >= 1);
  assert.match(d.values[0].evidence[0].text, /under way in Ankara for a week/);
  assert.match(d.values[1].evidence[0].text, /going for about two weeks/);
  assert.notDeepEqual(sourceOf(brief, d.values[0].articleIds), sourceOf(brief, d.values[1].articleIds));
});

test('samples: "the second within 24 hours" vs "reportedly the second in a week"', {
  skip: NO_DATA,
}, async () => {
  const [brief] = (await samples()).briefs;
  const d = brief.disagreements?.find((x) => /time window/.test(x.about));
  assert.ok(d, JSON.stringify(brief.disagreements));
  assert.deepEqual(
    d.values.map((v) => v.value),
    ['24 hours', 'a week'],
  );
  assert.match(d.values[0].evidence[0].text, /second within 24 hours/);
  assert.match(d.values[1].evidence[0].text, /second in a week/);
});

test('samples: the 2017 page date of a 2016 event is flagged', { skip: NO_DATA }, async () => {
  const { briefs, articles } = await samples();
  const d = briefs[0].disagreements?.find((x) => x.kind === 'page-date');
  assert.ok(d);
  assert.equal(d.values[0].value.slice(0, 4), '2017');
  assert.equal(d.values[1].value.slice(0, 4), '2016');
  const flagged = articles.find((a) => a.id === d.values[0].articleIds[0]);
  assert.match(flagged?.published ?? '', /^2017-12-11/);
});

test('samples: talks in Ankara/Turkey between Russia and rebel groups are corroborated by ≥ 3 reports', {
  skip: NO_DATA,
}, async () => {
  const [brief] = (await samples()).briefs;
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

test('samples: the timeline has the late-September assault and the Ankara talks, dated 2016', {
  skip: NO_DATA,
}, async () => {
  const [brief] = (await samples()).briefs;
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

test('samples: the brief lists who said what and the entities with their aliases', {
  skip: NO_DATA,
}, async () => {
  const [brief] = (await samples()).briefs;
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
