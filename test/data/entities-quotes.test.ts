/** Entities and quotes checked on data beside the repo: the sample pages, and PolNeAR dev attributions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { task } from '../../src/eval/quotes.js';
import { readInputs } from '../../src/ingest/index.js';
import { entities, mergeEntities } from '../../src/language/entities.js';
import { quotes } from '../../src/language/quotes.js';
import type { Article } from '../../src/model.js';
import { extractAll } from '../../src/pipeline.js';
import { NO_DATA, samplesDir, sharedData } from '../helpers.js';

let extracted: Promise<Article[]> | undefined;
/** The sample articles, extracted once (and only when a test that needs them runs). */
const samples = () => {
  extracted ??= readInputs([samplesDir]).then((r) => extractAll(r.docs).articles);
  return extracted;
};

test('samples: the four spellings of Jabhat Fateh al-Sham (and its former name) are one entity', {
  skip: NO_DATA,
}, async () => {
  const merged = mergeEntities((await samples()).map((a) => entities(a)));
  const jfs = merged.find((e) => [e.name, ...e.aliases].includes('JFS'));
  assert.ok(jfs, 'JFS found');
  const names = [jfs.name, ...jfs.aliases];
  for (const spelling of ['Jabhat Fateh al-Sham', 'Jabhat Fatah Al Sham', 'Fath alSham', 'JFS'])
    assert.ok(names.includes(spelling), `${spelling} in ${names.join(' | ')}`);
  assert.ok(names.includes('Jabhat al-Nusra'), 'formerly known as');
  assert.equal(jfs.kind, 'ORG');
});

test('samples: "Russian Foreign Minister Sergei Lavrov" and "Sergei Lavrov" are one person, with the role', {
  skip: NO_DATA,
}, async () => {
  const merged = mergeEntities((await samples()).map((a) => entities(a)));
  const lavrov = merged.filter((e) => /Lavrov/.test([e.name, ...e.aliases].join(' ')));
  assert.equal(lavrov.length, 1);
  assert.equal(lavrov[0].kind, 'PERSON');
  assert.equal(lavrov[0].name, 'Sergei Lavrov');
  assert.ok(lavrov[0].roles?.includes('Russian Foreign Minister'));
  assert.ok(lavrov[0].mentions.length >= 2);
});

test('samples: quotes go to the unnamed opposition official, to Lavrov and to Lister', {
  skip: NO_DATA,
}, async () => {
  const all = (await samples()).flatMap((a) => quotes(a));
  const procrastination = all.find((q) => /There is severe procrastination by the Russians/.test(q.text));
  assert.equal(procrastination?.kind, 'direct');
  assert.match(procrastination?.speaker?.name ?? '', /opposition official/i);
  const military = all.find((q) => /a military solution to the Syria conflict does not exist/.test(q.text));
  assert.match(military?.speaker?.name ?? '', /Lavrov/);
  assert.equal(military?.cue?.text, 'added');
  // "…,” he said" after a quote of Charles Lister: he, not the country opening the quoted words.
  const terms = all.find((q) => /key terms/.test(q.text));
  assert.match(terms?.speaker?.name ?? '', /Lister/);
  // "He added that …" after a paragraph where the adviser reports what Lavrov "stated": the adviser.
  const unfortunate = all.find((q) => /it is unfortunate that the maximum done by our allies/.test(q.text));
  assert.match(unfortunate?.speaker?.name ?? '', /Abu Zaid/);
});

test('PolNeAR dev (first 20 articles): the scorer runs our extractor and counts matches', {
  skip: NO_DATA,
}, async () => {
  const r = await task.run({
    data: `${sharedData}quotes/polnear-dev.jsonl`,
    flags: { limit: '20' },
    log: () => {},
  });
  const m = r.metrics as Record<string, number>;
  assert.equal(r.items, 20);
  assert.ok(m.content_p > 0.5, `content precision ${m.content_p}`);
  assert.ok(m.content_f1 > 0.3 && m.content_f1 <= 1);
});

test('PolNeAR dev: content F1 ≥ 0.70 and source F1 ≥ 0.60 on the attributions that name a source', {
  skip: NO_DATA,
}, async () => {
  const r = await task.run({ data: `${sharedData}quotes/polnear-dev.jsonl`, flags: {}, log: () => {} });
  const m = r.metrics as Record<string, number>;
  assert.equal(m.gold, 2192);
  assert.ok(m.content_sourced_f1 >= 0.7, `content F1 (sourced) ${m.content_sourced_f1}`);
  assert.ok(m.source_f1 >= 0.6, `source F1 ${m.source_f1}`);
});
