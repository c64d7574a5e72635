/** The trained NER tagger on CoNLL-2003 dev: the floor it must keep (the target is 0.90). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readJsonl } from '../../src/eval/data.js';
import { scoreEntities } from '../../src/eval/ner.js';
import { tagTokens } from '../../src/language/ner/tagger.js';
import { NO_DATA, sharedData } from '../helpers.js';

test('CoNLL-2003 dev F1 stays above its floor', { skip: NO_DATA }, () => {
  const dev = readJsonl<{ tokens: string[]; tags: string[] }>(`${sharedData}ner/conll2003-dev.jsonl`);
  const m = scoreEntities(
    dev.map((s) => s.tags),
    dev.map((s) => tagTokens(s.tokens)),
  );
  assert.ok((m.f1 as number) >= 0.895, `dev F1 ${m.f1}`);
});
