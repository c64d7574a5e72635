import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tagEntities, tagTokens } from '../../src/language/ner/tagger.js';

test('tagTokens finds people, places and organisations in a sentence of news', () => {
  const tokens =
    'Prime Minister Helen Clark told reporters in Wellington that the United Nations would help .'.split(' ');
  const tags = tagTokens(tokens);
  assert.equal(tags.length, tokens.length);
  const spans = tagEntities(tokens).map((s) => `${tokens.slice(s.start, s.end).join(' ')}/${s.type}`);
  assert.ok(spans.includes('Helen Clark/PER'), spans.join(', '));
  assert.ok(spans.includes('Wellington/LOC'), spans.join(', '));
  assert.ok(spans.includes('United Nations/ORG'), spans.join(', '));
  assert.deepEqual(tagTokens([]), []);
});

test('an ALL-CAPS headline is tagged as well', () => {
  const tokens = 'SOCCER - ARSENAL BEAT CHELSEA IN LONDON .'.split(' ');
  const spans = tagEntities(tokens).map((s) => tokens.slice(s.start, s.end).join(' '));
  assert.ok(spans.includes('LONDON'), spans.join(', '));
  assert.ok(!spans.includes('BEAT'), spans.join(', '));
});
