/** The entity layer on our own sentences: tagger spans made names, and the alias merges that must (not) happen. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entities, mergeEntities, spanMention } from '../../src/language/entities.js';
import { tagText } from '../../src/language/ner/text.js';
import { tokenize } from '../../src/language/tokens.js';
import type { Entity, EntityKind } from '../../src/model.js';

/** A tagged span over the whole of `text` (tokens as the tagger reads them), made a mention. */
const span = (text: string, kind: EntityKind) => {
  const toks = tokenize(text, 'conll');
  return spanMention(text, toks, 0, toks.length, kind);
};

/** An entity as one article's extraction would give it: one mention of `name`. */
let offset = 0;
const entity = (name: string, kind: EntityKind, article = 'a'): Entity => {
  offset += 100;
  return {
    id: '',
    kind,
    name,
    aliases: [],
    mentions: [{ articleId: article, start: offset, end: offset + name.length, text: name }],
  };
};
/** The merged entity a spelling ended in, by its name (undefined when absent). */
const groupOf = (merged: Entity[], spelling: string) =>
  merged.find((e) => e.name === spelling || e.aliases.includes(spelling))?.name;

test('the tagger reads CoNLL-style tokens: "U.S." and "U.N." whole, "\'s" apart, punctuation apart', () => {
  const words = tokenize(
    "The U.S. envoy met the U.N. chief in Brackwater's old port, Mr. Oduya said.",
    'conll',
  ).map((t) => t.text);
  assert.deepEqual(words.slice(0, 3), ['The', 'U.S.', 'envoy']);
  assert.ok(words.includes('U.N.'));
  assert.deepEqual(words.slice(words.indexOf('Brackwater'), words.indexOf('Brackwater') + 2), [
    'Brackwater',
    "'s",
  ]);
  assert.ok(words.includes('Mr.') && words.includes(','));
  // offsets point into the text
  const text = 'Talks in New York.';
  const sentence = tagText(text)[0];
  for (const t of sentence.tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('"U.S.", "U.N." and "New York" stay whole names', () => {
  const found = entities({
    id: 'x',
    text: 'The U.S. and the U.N. signed the harbour accord in New York on Tuesday. Later, officials in New York praised it.',
  });
  const names = found.flatMap((e) => [e.name, ...e.aliases]);
  assert.ok(names.includes('U.S.'), names.join(' | '));
  assert.ok(names.includes('U.N.'), names.join(' | '));
  assert.ok(names.includes('New York'), names.join(' | '));
  assert.ok(!names.some((n) => /^(U\.?|S\.?|N\.?|York)$/.test(n)), names.join(' | '));
  assert.equal(found.find((e) => e.name === 'New York')?.kind, 'PLACE');
});

test('a capitalised sentence opener or page furniture glued to a name is trimmed', () => {
  assert.equal(span('Among Syria', 'PLACE')?.name, 'Syria');
  assert.equal(span('Meanwhile Kestrel Shipping', 'ORG')?.name, 'Kestrel Shipping');
  assert.equal(span('News of Calderwick', 'ORG')?.name, 'Calderwick');
  assert.equal(span('End Quote Ilse Varga', 'PERSON')?.name, 'Ilse Varga');
  assert.equal(span('The Hague', 'PLACE')?.name, 'The Hague');
  // "News" that is part of a name stays when nothing marks it as furniture
  assert.equal(span('News Corp', 'ORG')?.name, 'News Corp');
  // a span the tagger ran over a "Full Article" label is cut in two
  const names = entities({
    id: 'f',
    text: 'Delegates met at the U.N. Full Article France welcomed the accord.',
  }).map((e) => e.name);
  assert.ok(!names.some((n) => /Full|Article/.test(n)), names.join(' | '));
  // end to end: an opener before a country is not part of its name
  const found = entities({
    id: 'o',
    text: "Among Syria's neighbours, only Turkey sent a delegation to the talks.",
  });
  assert.ok(!found.some((e) => /^Among/.test(e.name)), found.map((e) => e.name).join(' | '));
});

test('countries, capitals and US states are places even when tagged as people', () => {
  assert.equal(span('Norway', 'PERSON')?.kind, 'PLACE');
  assert.equal(span('Ohio', 'PERSON')?.kind, 'PLACE');
  assert.equal(span('Lisbon', 'PERSON')?.kind, 'PLACE');
  // a first name that is also a place name is left to the tagger
  assert.equal(span('Georgia Blake', 'PERSON')?.kind, 'PERSON');
});

test('titles before a name are a role; a name ending in a title-like word or in "-ian" is kept', () => {
  const lavrov = entities({
    id: 'r',
    text: 'Russian Foreign Minister Sergei Lavrov arrived on Monday. Lavrov said the talks would go on.',
  }).find((e) => e.name === 'Sergei Lavrov');
  assert.ok(lavrov?.roles?.includes('Russian Foreign Minister'));
  assert.ok(lavrov?.aliases.includes('Lavrov'));
  const sen = span('Amartya Sen', 'PERSON');
  assert.equal(sen?.name, 'Amartya Sen');
  assert.equal(sen?.role, undefined);
  const senator = span('Sen. Ilse Varga', 'ORG');
  assert.equal(senator?.name, 'Ilse Varga');
  assert.equal(senator?.kind, 'PERSON', 'an abbreviated title makes a person whatever the tagger said');
  assert.equal(span('Ms. Oduya', 'PLACE')?.kind, 'PERSON');
  assert.equal(span('Levon Arevshatian', 'PERSON')?.name, 'Levon Arevshatian');
  assert.equal(span('Arevshatian', 'PERSON')?.name, 'Arevshatian');
  // a demonym alone is no entity
  assert.equal(span('Syrian', 'PERSON'), undefined);
});

test('storms and operations are events where a head word names them; other MISC is dropped', () => {
  const found = entities({
    id: 'e',
    text: 'Hurricane Marisol flooded the coast before Operation Blue Harbour began. Italian engineers arrived later.',
  });
  const kindOf = (name: string) => found.find((e) => e.name === name)?.kind;
  assert.equal(kindOf('Hurricane Marisol'), 'EVENT');
  assert.equal(kindOf('Operation Blue Harbour'), 'EVENT');
  assert.ok(!found.some((e) => e.name === 'Italian'));
});

test('a surname joins the one full name of the story that has it, never one of two', () => {
  const one = mergeEntities([
    [entity('Ilse Varga', 'PERSON'), entity('Varga', 'PERSON'), entity('Marta Okonkwo', 'PERSON')],
  ]);
  assert.equal(groupOf(one, 'Varga'), 'Ilse Varga');
  // spouses: two people share the surname, so the bare surname stays apart and so do they
  const two = mergeEntities([
    [entity('Ilse Varga', 'PERSON', 'a'), entity('Varga', 'PERSON', 'a')],
    [entity('Tomas Varga', 'PERSON', 'b'), entity('Varga', 'PERSON', 'b')],
  ]);
  assert.equal(groupOf(two, 'Varga'), 'Varga');
  assert.notEqual(groupOf(two, 'Ilse Varga'), groupOf(two, 'Tomas Varga'));
});

test('father and son are not merged, with or without middle initials', () => {
  const merged = mergeEntities([
    [
      entity('George H. W. Bush', 'PERSON'),
      entity('George W. Bush', 'PERSON'),
      entity('George Bush', 'PERSON'),
    ],
    [
      entity('Muammar Gaddafi', 'PERSON', 'b'),
      entity('Saadi Gaddafi', 'PERSON', 'b'),
      entity('Gaddafi', 'PERSON', 'b'),
    ],
  ]);
  assert.notEqual(groupOf(merged, 'George H. W. Bush'), groupOf(merged, 'George W. Bush'));
  assert.equal(groupOf(merged, 'George Bush'), 'George Bush');
  assert.notEqual(groupOf(merged, 'Muammar Gaddafi'), groupOf(merged, 'Saadi Gaddafi'));
  assert.equal(groupOf(merged, 'Gaddafi'), 'Gaddafi');
  // a middle name left out, when only one person fits
  const hillary = mergeEntities([
    [entity('Hillary Rodham Clinton', 'PERSON'), entity('Hillary Clinton', 'PERSON')],
  ]);
  assert.equal(hillary.length, 1);
});

test('skeleton and spelling keys: transliterations merge, city/country, person/place, name/province do not', () => {
  const merged = mergeEntities([
    [
      entity('Jabhat Fateh al-Sham', 'ORG'),
      entity('Jabhat Fatah Al Sham', 'ORG'),
      entity('Kuwait', 'PLACE'),
      entity('Kuwait City', 'PLACE'),
      entity('Tunis', 'PLACE'),
      entity('Tunisia', 'PLACE'),
      entity('Chen', 'PERSON'),
      entity('China', 'PLACE'),
      entity('Hamida', 'PERSON'),
      entity('Hamada', 'PLACE'),
      entity('Michaela', 'PERSON'),
      entity('Michelle', 'PERSON'),
      entity('Henan', 'PLACE'),
      entity('Hunan', 'PLACE'),
    ],
  ]);
  assert.equal(groupOf(merged, 'Jabhat Fatah Al Sham'), groupOf(merged, 'Jabhat Fateh al-Sham'));
  for (const [a, b] of [
    ['Kuwait', 'Kuwait City'],
    ['Tunis', 'Tunisia'],
    ['Chen', 'China'],
    ['Hamida', 'Hamada'],
    ['Michaela', 'Michelle'],
    ['Henan', 'Hunan'],
  ])
    assert.notEqual(groupOf(merged, a), groupOf(merged, b), `${a} / ${b}`);
  // a misspelt surname one letter off joins the only name that close
  const typo = mergeEntities([[entity('Mubarak', 'PERSON'), entity('Mubarek', 'PERSON')]]);
  assert.equal(typo.length, 1);
});

test('an acronym joins its long form only when the story has exactly one', () => {
  const alone = mergeEntities([[entity('CHA', 'ORG'), entity('Calder Harbour Authority', 'ORG')]]);
  assert.equal(alone.length, 1);
  const none = mergeEntities([[entity('CHA', 'ORG'), entity('Harbour Authority', 'ORG')]]);
  assert.equal(none.length, 2);
  const two = mergeEntities([
    [entity('CHA', 'ORG'), entity('Calder Harbour Authority', 'ORG'), entity('Coastal Health Agency', 'ORG')],
  ]);
  assert.equal(groupOf(two, 'CHA'), 'CHA');
  // never across kinds: "US" the country is not "Unity Square", a place's initials are no organization
  const kinds = mergeEntities([[entity('US', 'PLACE'), entity('Ursa Shipping', 'ORG')]]);
  assert.equal(kinds.length, 2);
});

test("a story merges its mentions afresh: one article's surname merge does not join two people", () => {
  const a = mergeEntities([[entity('Jeff Dale', 'PERSON', 'a'), entity('Dale', 'PERSON', 'a')]]);
  const b = mergeEntities([[entity('Wendy Dale', 'PERSON', 'b'), entity('Dale', 'PERSON', 'b')]]);
  const story = mergeEntities([a, b]);
  assert.notEqual(groupOf(story, 'Jeff Dale'), groupOf(story, 'Wendy Dale'));
});

test('"Gulf of Mexico" is one place; a title alone is no name; furniture is no part of a role', () => {
  const found = entities({
    id: 'g',
    text: 'Oil kept leaking into the Gulf of Mexico on Friday, officials said.',
  });
  assert.ok(
    found.some((e) => e.name === 'Gulf of Mexico' && e.kind === 'PLACE'),
    found.map((e) => e.name).join(' | '),
  );
  assert.equal(span('CEO', 'ORG'), undefined);
  assert.equal(span('Editing', 'PERSON'), undefined);
  const cameron = span('BBC News Mr Oduya', 'ORG');
  assert.equal(cameron?.name, 'Oduya');
  assert.equal(cameron?.kind, 'PERSON');
  assert.equal(cameron?.role, undefined);
  assert.equal(span('Wire News London Mayor Ilse Varga', 'PERSON')?.role, 'London Mayor');
});

test('a head noun alone never merges into a longer name: "Hall" is not "Brackwater City Hall"', () => {
  const merged = mergeEntities([
    [
      entity('Brackwater City Hall', 'PERSON'),
      entity('Hall', 'PERSON'),
      entity('Tamsin Oduya Center', 'PERSON'),
      entity('Center', 'PERSON'),
    ],
  ]);
  assert.notEqual(groupOf(merged, 'Hall'), groupOf(merged, 'Brackwater City Hall'));
  assert.notEqual(groupOf(merged, 'Center'), groupOf(merged, 'Tamsin Oduya Center'));
  // ... but a person's surname may be such a word: "Hall" of "Jim Hall"
  const person = mergeEntities([[entity('Jim Hall', 'PERSON'), entity('Hall', 'PERSON')]]);
  assert.equal(groupOf(person, 'Hall'), 'Jim Hall');
});

test('a place does not merge into the institution named after it; a company joins its own longer names', () => {
  const merged = mergeEntities([
    [
      entity('Quorvia', 'PLACE'),
      entity('University of Quorvia', 'ORG'),
      entity('Quorvia State Fair', 'ORG'),
      entity('Pellamy Foods Inc.', 'ORG'),
      entity('Pellamy Foods', 'ORG'),
      entity('Pellamy', 'PERSON'),
    ],
  ]);
  assert.notEqual(groupOf(merged, 'Quorvia'), groupOf(merged, 'University of Quorvia'));
  assert.notEqual(groupOf(merged, 'Quorvia'), groupOf(merged, 'Quorvia State Fair'));
  // "Pellamy Foods" is "Pellamy Foods Inc.", and "Pellamy" alone (no person of that surname) is the company
  assert.equal(groupOf(merged, 'Pellamy Foods'), groupOf(merged, 'Pellamy Foods Inc.'));
  assert.equal(groupOf(merged, 'Pellamy'), groupOf(merged, 'Pellamy Foods Inc.'));
  // ... but not when the story has a person of that surname
  const withPerson = mergeEntities([
    [entity('Pellamy Foods', 'ORG'), entity('Orla Pellamy', 'PERSON'), entity('Pellamy', 'PERSON')],
  ]);
  assert.equal(groupOf(withPerson, 'Pellamy'), 'Orla Pellamy');
});

test('a team or an office goes by its name without the place: "Jets" of "New York Jets", not "Fair" alone', () => {
  const merged = mergeEntities([
    [
      entity('New York', 'PLACE'),
      entity('New York Grackles', 'ORG'),
      entity('Grackles', 'ORG'),
      entity('Ohio State Fair', 'ORG'),
      entity('Fair', 'ORG'),
    ],
  ]);
  assert.equal(groupOf(merged, 'Grackles'), 'New York Grackles');
  assert.notEqual(groupOf(merged, 'New York'), 'New York Grackles');
  assert.notEqual(groupOf(merged, 'Fair'), 'Ohio State Fair');
  // two teams of that name in two places: no merge
  const two = mergeEntities([
    [
      entity('New York', 'PLACE'),
      entity('Ohio', 'PLACE'),
      entity('New York Grackles', 'ORG'),
      entity('Ohio Grackles', 'ORG'),
      entity('Grackles', 'ORG'),
    ],
  ]);
  assert.equal(groupOf(two, 'Grackles'), 'Grackles');
});

test("an organization's distinctive first word is its short name; a town's name is not", () => {
  const merged = mergeEntities([[entity('Vornhelm & Sarrow', 'ORG'), entity('Vornhelm', 'ORG')]]);
  assert.equal(groupOf(merged, 'Vornhelm'), 'Vornhelm & Sarrow');
  // a known place or a head noun first is no short name of the organization
  const places = mergeEntities([
    [entity('Chicago Monitoring Project', 'ORG'), entity('Chicago', 'ORG'), entity('Council', 'ORG')],
  ]);
  assert.notEqual(groupOf(places, 'Chicago'), 'Chicago Monitoring Project');
});

test('a known first name alone joins the one person of the story with it, not when two have it', () => {
  const merged = mergeEntities([[entity('Margaret Oduya', 'PERSON'), entity('Margaret', 'PERSON')]]);
  assert.equal(groupOf(merged, 'Margaret'), 'Margaret Oduya');
  const two = mergeEntities([
    [
      entity('Margaret Oduya', 'PERSON'),
      entity('Margaret Brackwater', 'PERSON'),
      entity('Margaret', 'PERSON'),
    ],
  ]);
  assert.equal(groupOf(two, 'Margaret'), 'Margaret');
  // a name that is someone's surname is not taken for a first name ("Oduya Margaret" would own it)
  const surname = mergeEntities([
    [entity('Margaret Oduya', 'PERSON'), entity('Lenna Margaret', 'PERSON'), entity('Margaret', 'PERSON')],
  ]);
  assert.equal(groupOf(surname, 'Margaret'), 'Lenna Margaret');
});

test('"formerly known as" renames the head of its own apposition, not a name before another clause', () => {
  const text =
    'The analyst Tamsin Oduya, speaking of the armed faction, the group formerly known as Vellan Brigade, said talks had stalled. ' +
    'Gorvane Party, a movement formerly known as Ostrel League, won the vote.';
  const found = entities({ id: 'x', text });
  const of = (n: string) => found.find((e) => e.name === n || e.aliases.includes(n));
  assert.ok(of('Vellan Brigade'), found.map((e) => e.name).join(' | '));
  assert.notEqual(of('Vellan Brigade'), of('Tamsin Oduya'));
  assert.equal(of('Ostrel League'), of('Gorvane Party'));
});

test("a name's head word decides place against an organization's word inside it", () => {
  assert.equal(span('Tahrir Square', 'ORG')?.kind, 'PLACE');
  assert.equal(span('Hezbollah Street', 'ORG')?.kind, 'PLACE');
  assert.equal(span('Department of State', 'PLACE')?.kind, 'ORG');
  assert.equal(span('University of Quorvia', 'PLACE')?.kind, 'ORG');
  assert.equal(span('Bank of Brackwater', 'PERSON')?.kind, 'ORG');
});

/** `n` mentions of one name in one article, as the article's extraction would give them. */
const repeated = (name: string, kind: EntityKind, n: number, article = 'a') =>
  Array.from({ length: n }, () => entity(name, kind, article));

test("a bare surname is the story's main bearer of it only when that one has three times the mentions", () => {
  const main = mergeEntities([
    [
      ...repeated('Ilse Varga', 'PERSON', 6),
      entity('Tomas Varga', 'PERSON'),
      ...repeated('Varga', 'PERSON', 4),
    ],
  ]);
  assert.equal(groupOf(main, 'Varga'), 'Ilse Varga');
  assert.notEqual(groupOf(main, 'Tomas Varga'), 'Ilse Varga');
  // two bearers of the surname with like counts: the surname stays apart
  const even = mergeEntities([
    [
      ...repeated('Ilse Varga', 'PERSON', 3),
      ...repeated('Tomas Varga', 'PERSON', 2),
      entity('Varga', 'PERSON'),
    ],
  ]);
  assert.equal(groupOf(even, 'Varga'), 'Varga');
  // once joined to one bearer, never to a second ("Jackson" of Michael Jackson is not Jermaine's too)
  const chain = mergeEntities([
    [...repeated('Ilse Varga', 'PERSON', 9), ...repeated('Tomas Varga', 'PERSON', 3)],
    [entity('Varga', 'PERSON', 'b'), entity('Varga', 'PERSON', 'c')],
  ]);
  assert.notEqual(groupOf(chain, 'Tomas Varga'), groupOf(chain, 'Ilse Varga'));
});

test('a short given name is the formal one beside the same surname, unless it fits two', () => {
  const one = mergeEntities([[entity('James Oduya', 'PERSON'), entity('Jim Oduya', 'PERSON', 'b')]]);
  assert.equal(groupOf(one, 'Jim Oduya'), 'James Oduya');
  const two = mergeEntities([
    [
      entity('Christopher Lund', 'PERSON'),
      entity('Christine Lund', 'PERSON'),
      entity('Chris Lund', 'PERSON'),
    ],
  ]);
  assert.equal(groupOf(two, 'Chris Lund'), 'Chris Lund');
  // another surname, or a short form of another name, is another person
  const other = mergeEntities([[entity('James Oduya', 'PERSON'), entity('Jim Brack', 'PERSON')]]);
  assert.notEqual(groupOf(other, 'Jim Brack'), 'James Oduya');
  const notShort = mergeEntities([[entity('James Oduya', 'PERSON'), entity('Tom Oduya', 'PERSON')]]);
  assert.notEqual(groupOf(notShort, 'Tom Oduya'), 'James Oduya');
});

test("a country's institution goes by its head noun; a city's or a state's does not", () => {
  const country = mergeEntities([[entity('U.S. Congress', 'ORG'), entity('Congress', 'ORG', 'b')]]);
  assert.equal(groupOf(country, 'Congress'), 'U.S. Congress');
  const state = mergeEntities([[entity('Iowa Senate', 'ORG'), entity('Senate', 'ORG', 'b')]]);
  assert.equal(groupOf(state, 'Senate'), 'Senate');
});

test('a bare acronym of the wrong kind joins the one long form of any kind', () => {
  const merged = mergeEntities([
    [entity('Brackwater Orbital Laboratory', 'PLACE'), entity('BOL', 'ORG', 'b')],
  ]);
  assert.equal(groupOf(merged, 'BOL'), 'Brackwater Orbital Laboratory');
  const two = mergeEntities([
    [
      entity('Brackwater Orbital Laboratory', 'PLACE'),
      entity('Bureau of Labour', 'ORG'),
      entity('BOL', 'PERSON'),
    ],
  ]);
  assert.equal(groupOf(two, 'BOL'), 'BOL');
});

test("a misspelling of another kind joins the larger group of its spelling; a company's trade word drops", () => {
  const typo = mergeEntities([
    [...repeated('Lindqvistania', 'PLACE', 5), entity('Lindqvistiana', 'PERSON', 'b')],
  ]);
  assert.equal(groupOf(typo, 'Lindqvistiana'), 'Lindqvistania');
  assert.equal(typo.find((e) => e.name === 'Lindqvistania')?.kind, 'PLACE');
  // two like-sized groups of two kinds stay apart
  const even = mergeEntities([
    [...repeated('Lindqvistania', 'PLACE', 2), ...repeated('Lindqvistiana', 'PERSON', 2)],
  ]);
  assert.notEqual(groupOf(even, 'Lindqvistiana'), groupOf(even, 'Lindqvistania'));
  const trade = mergeEntities([[entity('Oduvex Energy LLC', 'ORG'), entity('Oduvex', 'PERSON', 'b')]]);
  assert.equal(groupOf(trade, 'Oduvex'), 'Oduvex Energy LLC');
  // "Gulf" is no short form of "Gulf Oil"
  const gulf = mergeEntities([[entity('Gulf Oil', 'ORG'), entity('Gulf', 'PLACE', 'b')]]);
  assert.equal(groupOf(gulf, 'Gulf'), 'Gulf');
});

test("a storm's name alone joins the storm; spellings of one company with two suffixes are one", () => {
  const storm = mergeEntities([[entity('Hurricane Odalys', 'EVENT'), entity('Odalys', 'PERSON', 'b')]]);
  assert.equal(groupOf(storm, 'Odalys'), 'Hurricane Odalys');
  const company = mergeEntities([
    [
      entity('Vantor Brack Co', 'ORG'),
      entity('Vantor Brack International', 'ORG'),
      entity('Vantor-Brack', 'ORG'),
    ],
  ]);
  assert.equal(groupOf(company, 'Vantor Brack Co'), groupOf(company, 'Vantor Brack International'));
  const reordered = mergeEntities([
    [entity('Provisional National Assembly', 'ORG'), entity('National Provisional Assembly', 'ORG', 'b')],
  ]);
  assert.equal(
    groupOf(reordered, 'National Provisional Assembly'),
    groupOf(reordered, 'Provisional National Assembly'),
  );
});
