/** The trained NER tagger on CoNLL-2003 dev: the floors it must keep (the target is 0.90). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readJsonl } from '../../src/eval/data.js';
import { scoreEntities } from '../../src/eval/ner.js';
import { splitDocuments } from '../../src/language/ner/document.js';
import { tagDocument, tagTokens } from '../../src/language/ner/tagger.js';
import { NO_DATA, sharedData } from '../helpers.js';

type Sentence = { tokens: string[]; tags: string[] };
const dev = () => readJsonl<Sentence>(`${sharedData}ner/conll2003-dev.jsonl`);

test('CoNLL-2003 dev F1 stays above its floor, documents tagged whole', { skip: NO_DATA }, () => {
  const docs = splitDocuments(dev(), (s) => s.tokens);
  assert.ok(docs.length > 200, `${docs.length} documents`);
  const m = scoreEntities(
    docs.flat().map((s) => s.tags),
    docs.flatMap((d) => tagDocument(d.map((s) => s.tokens))),
  );
  assert.ok((m.f1 as number) >= 0.905, `dev F1 ${m.f1}`);
});

test('CoNLL-2003 dev F1 stays above its floor, sentence by sentence', { skip: NO_DATA }, () => {
  const sentences = dev();
  const m = scoreEntities(
    sentences.map((s) => s.tags),
    sentences.map((s) => tagTokens(s.tokens)),
  );
  assert.ok((m.f1 as number) >= 0.895, `dev F1 ${m.f1}`);
});
