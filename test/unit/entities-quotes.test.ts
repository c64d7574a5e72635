import assert from 'node:assert/strict';
import { test } from 'node:test';
import { task } from '../src/eval/quotes.js';
import { readInputs } from '../src/ingest/index.js';
import { entities, mergeEntities } from '../src/language/entities.js';
import { quotes } from '../src/language/quotes.js';
import { extractAll } from '../src/pipeline.js';
import { samplesDir, sharedData } from './helpers.js';

const samples = readInputs([samplesDir]).then((r) => extractAll(r.docs).articles);

test('samples: the four spellings of Jabhat Fateh al-Sham (and its former name) are one entity', async () => {
  const merged = mergeEntities((await samples).map((a) => entities(a)));
  const jfs = merged.find((e) => [e.name, ...e.aliases].includes('JFS'));
  assert.ok(jfs, 'JFS found');
  const names = [jfs.name, ...jfs.aliases];
  for (const spelling of ['Jabhat Fateh al-Sham', 'Jabhat Fatah Al Sham', 'Fath alSham', 'JFS'])
    assert.ok(names.includes(spelling), `${spelling} in ${names.join(' | ')}`);
  assert.ok(names.includes('Jabhat al-Nusra'), 'formerly known as');
  assert.equal(jfs.kind, 'ORG');
});

test('samples: "Russian Foreign Minister Sergei Lavrov" and "Sergei Lavrov" are one person, with the role', async () => {
  const merged = mergeEntities((await samples).map((a) => entities(a)));
  const lavrov = merged.filter((e) => /Lavrov/.test([e.name, ...e.aliases].join(' ')));
  assert.equal(lavrov.length, 1);
  assert.equal(lavrov[0].kind, 'PERSON');
  assert.equal(lavrov[0].name, 'Sergei Lavrov');
  assert.ok(lavrov[0].roles?.includes('Russian Foreign Minister'));
  assert.ok(lavrov[0].mentions.length >= 2);
});

test('alias rules on own text: acronyms, transliterations, surnames; different people stay apart', () => {
  const text =
    'Harbour Master Ilse Varga said the Calderwick Harbour Authority would reopen the quay. ' +
    'The CHA board meets on Friday. Varga said crews worked overnight. ' +
    'Tomas Varga, a dock worker, was not related to her. The Kalderwik Harbor Authority later confirmed it.';
  const merged = mergeEntities([entities({ id: 'x', text })]);
  const cha = merged.find((e) => [e.name, ...e.aliases].includes('CHA'));
  assert.ok(cha && [cha.name, ...cha.aliases].includes('Calderwick Harbour Authority'));
  const ilse = merged.find((e) => e.name === 'Ilse Varga');
  assert.ok(ilse);
  assert.ok(
    merged.some((e) => e.name === 'Tomas Varga'),
    'a different first name is a different person',
  );
});

test('samples: quotes go to the unnamed opposition official, to Lavrov and to Lister', async () => {
  const all = (await samples).flatMap((a) => quotes(a));
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

test('a "He" opening a sentence goes on with the paragraph\'s subject, not a "he" reported inside it', () => {
  const text =
    'The union lawyer Dan Whitfield questioned the good faith of the company. He told reporters that the firm keeps breaking its promises. On one hand, Marcus Bell announced that the plant would stay open, and on the other hand, he said layoffs would go ahead. He added that “the workers deserve a straight answer.”';
  const found = quotes({ id: 'u', text }, entities({ id: 'u', text }));
  const who = (words: RegExp) => found.find((q) => words.test(q.text))?.speaker?.name;
  assert.equal(who(/layoffs would go ahead/), 'Marcus Bell');
  assert.equal(who(/a straight answer/), 'Dan Whitfield');
  // Without the reported "he" in between, "He added" stays with the last speaker as before.
  const plain = 'Marcus Bell said the plant would stay open. He added that “layoffs are off the table.”';
  assert.equal(
    quotes({ id: 'v', text: plain }, entities({ id: 'v', text: plain })).find((q) =>
      /off the table/.test(q.text),
    )?.speaker?.name,
    'Marcus Bell',
  );
});

test('reported speech: trailing, leading and "according to" frames on own sentences', () => {
  const text =
    'The quay will stay closed until Friday, the harbour authority said. ' +
    'Fire Chief Marta Okonkwo said that the blaze started near a conveyor. ' +
    'According to the fire service, the warehouse burned for six hours.';
  const q = quotes({ id: 'x', text });
  assert.deepEqual(
    q.map((x) => [x.text, x.speaker?.name, x.cue?.text]),
    [
      ['The quay will stay closed until Friday', 'the harbour authority', 'said'],
      ['that the blaze started near a conveyor', 'Marta Okonkwo', 'said'],
      ['the warehouse burned for six hours', 'the fire service', 'According to'],
    ],
  );
});

test('PolNeAR dev (first 20 articles): the scorer runs our extractor and counts matches', async () => {
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

test('PolNeAR dev: content F1 ≥ 0.70 and source F1 ≥ 0.60 on the attributions that name a source', async () => {
  const r = await task.run({ data: `${sharedData}quotes/polnear-dev.jsonl`, flags: {}, log: () => {} });
  const m = r.metrics as Record<string, number>;
  assert.equal(m.gold, 2192);
  assert.ok(m.content_sourced_f1 >= 0.7, `content F1 (sourced) ${m.content_sourced_f1}`);
  assert.ok(m.source_f1 >= 0.6, `source F1 ${m.source_f1}`);
});

test('quotes: a quote split by its frame is one attribution; asides after the speaker; mixed and coordinated reports', () => {
  const split = '“The pier is safe,” the harbour master said on Tuesday. “We will reopen it by Friday.”';
  const [one, ...more] = quotes({ id: 's', text: split });
  assert.equal(more.length, 0);
  // The words said, fragments joined by a space; the span covers both (outer bounds, frame inside).
  assert.equal(one.text, 'The pier is safe. We will reopen it by Friday.');
  assert.equal(
    split.slice(one.start, one.end),
    'The pier is safe,” the harbour master said on Tuesday. “We will reopen it by Friday.',
  );
  assert.equal(one.speaker?.name, 'the harbour master');

  const aside =
    'Ilse Varga, the port’s finance director, said the repairs would cost about two million euros.';
  const [a] = quotes({ id: 'a', text: aside });
  assert.equal(a.text, 'the repairs would cost about two million euros');
  assert.match(a.speaker?.name ?? '', /Ilse Varga/);

  const mixed =
    'Varga said the insurer had called the damage “far worse than feared” and would pay in March.';
  const [m] = quotes({ id: 'm', text: mixed });
  assert.equal(m.text, 'the insurer had called the damage “far worse than feared” and would pay in March');
  assert.equal(m.cue?.text, 'said');

  const coordinated =
    'Mayor Tom Ashby, speaking at the town hall, praised the crews and added that “no one was badly hurt”.';
  const q = quotes({ id: 'c', text: coordinated });
  const hurt = q.find((x) => /no one was badly hurt/.test(x.text));
  assert.equal(hurt?.cue?.text, 'added');
  assert.match(hurt?.speaker?.name ?? '', /Tom Ashby/);
  assert.ok(
    !q.some((x) => x.text.includes('crews and added')),
    'the second report is not swallowed by the first',
  );
});

test('entity kinds from name words and context; sentence-initial common nouns are not names', () => {
  const text =
    'Warehouse 7 on North Quay burned on Tuesday. The warehouse was leased by Ostrand Milling. ' +
    'Council leader Priya Hallam said the bridge over the River Esk would cut journeys between Saltmere and the coast. ' +
    '"It works again," she said.';
  const found = entities({ id: 't', text });
  const kind = (name: string) => found.find((e) => e.name === name)?.kind;
  assert.equal(kind('North Quay'), 'PLACE');
  assert.equal(kind('Ostrand Milling'), 'ORG');
  assert.equal(kind('River Esk'), 'PLACE');
  assert.equal(kind('Saltmere'), 'PLACE');
  assert.equal(kind('Priya Hallam'), 'PERSON');
  assert.ok(!found.some((e) => e.name === 'Warehouse'), 'a common noun at the start of a sentence');
  const q = quotes({ id: 't', text }, found);
  assert.equal(q.find((x) => /works again/.test(x.text))?.speaker?.name, 'Priya Hallam');
});
