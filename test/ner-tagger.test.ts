import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { readJsonl } from '../src/eval/data.js';
import { scoreEntities } from '../src/eval/ner.js';
import { tagEntities, tagTokens } from '../src/language/ner/tagger.js';
import { sharedData } from './helpers.js';

const DEV = `${sharedData}ner/conll2003-dev.jsonl`;

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

test('CoNLL-2003 dev F1 stays above its floor', { skip: !existsSync(DEV) && 'no ../shared/data' }, () => {
  const dev = readJsonl<{ tokens: string[]; tags: string[] }>(DEV);
  const m = scoreEntities(
    dev.map((s) => s.tags),
    dev.map((s) => tagTokens(s.tokens)),
  );
  assert.ok((m.f1 as number) >= 0.895, `dev F1 ${m.f1}`);
});
