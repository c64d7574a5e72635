import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entities, mergeEntities } from '../../src/language/entities.js';

const kindOf = (list: ReturnType<typeof entities>, name: string) => list.find((e) => e.name === name)?.kind;

test('a kind read from context outweighs guesses from the shape of the name', () => {
  // "Brackwater" is named once where the context shows a place ("the port of"), and twice where only
  // the shape of the word is seen (a possessive, a modifier), which alone would suggest a surname.
  const a = {
    id: 'a',
    text: "Cranes stood idle at the port of Brackwater on Monday. Brackwater's main pier was shut, and the Brackwater ferry stayed in dock.",
  };
  assert.equal(kindOf(entities(a), 'Brackwater'), 'PLACE');
});

test('across a story, one article with evidence decides against articles with none', () => {
  const withEvidence = {
    id: 'a',
    text: 'Two ships waited outside the harbour of Brackwater for the tide to turn.',
  };
  const guessOnly1 = {
    id: 'b',
    text: "Officials said Brackwater's pier would reopen when repairs were done.",
  };
  const guessOnly2 = { id: 'c', text: 'The committee met to discuss the damaged Brackwater pier again.' };
  const merged = mergeEntities([withEvidence, guessOnly1, guessOnly2].map((x) => entities(x)));
  assert.equal(kindOf(merged, 'Brackwater'), 'PLACE');
});

test('people named with a title or a reporting verb stay people', () => {
  const a = {
    id: 'a',
    text: 'Mayor Ines Carvalho opened the new pier on Monday. Carvalho said the work had taken two years. "It is done," Ruth Ambrose said.',
  };
  const list = entities(a);
  assert.equal(kindOf(list, 'Ines Carvalho'), 'PERSON');
  assert.equal(kindOf(list, 'Ruth Ambrose'), 'PERSON');
});
