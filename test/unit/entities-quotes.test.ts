import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entities, mergeEntities } from '../../src/language/entities.js';
import { quotes } from '../../src/language/quotes.js';

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
