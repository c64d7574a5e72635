import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NER_TAGS } from '../../src/language/ner/bio.js';
import { TAG_COUNT } from '../../src/language/ner/decode.js';
import {
  documentContext,
  documentFeatures,
  documentStarts,
  type History,
  recordHistory,
  splitDocuments,
  tagInDocument,
} from '../../src/language/ner/document.js';
import { sentenceFeatures } from '../../src/language/ner/features.js';
import { indexGazetteer } from '../../src/language/ner/gazetteer.js';
import { emissions, tagDocument, tagTokens } from '../../src/language/ner/tagger.js';
import { RowScorer } from '../../src/language/ner/token-rows.js';

const split = (lines: string[]) => lines.map((l) => l.split(' '));

// two invented stories, each a headline, a dateline and running text
const STREAM = split([
  'TENNIS - OKAFOR WINS IN TALLINN .',
  'TALLINN 2031-05-02',
  'Ngozi Okafor beat the top seed on Friday .',
  'Okafor will play again on Sunday .',
  'MARKETS - VARNO SHARES SLIP',
  'RIGA 2031-05-03',
  'Shares in Varno slipped after Varno warned on profits .',
]);

test('documentStarts opens a story at the headline before each dateline', () => {
  assert.deepEqual(documentStarts(STREAM), [0, 4]);
  const docs = splitDocuments(STREAM, (s) => s);
  assert.deepEqual(
    docs.map((d) => d.length),
    [4, 3],
  );
  assert.deepEqual(documentStarts(split(['One sentence .'])), [0]);
  assert.deepEqual(documentStarts([]), [0]);
});

test('documentContext: lower-case and mid-sentence capitals of the running text, headlines last', () => {
  const doc = documentContext(STREAM.slice(0, 4));
  assert.ok(doc.mid.has('okafor'), 'Okafor after the first token');
  assert.ok(!doc.mid.has('ngozi'), 'a sentence-initial capital says nothing');
  assert.ok(!doc.mid.has('wins'), 'the ALL-CAPS headline does not count');
  assert.ok(doc.lower.has('beat'));
  // the headline and the ALL-CAPS dateline come after the running text
  assert.deepEqual(doc.order, [2, 3, 0, 1]);
  assert.ok(doc.active);
  assert.ok(!documentContext(split(['Okafor won .'])).active, 'one sentence: no document features');
});

test('documentFeatures reads the capitalisation flags and the history of a word', () => {
  const sentences = split([
    'Okafor beat Mensah in the final .',
    'MENSAH SAID OKAFOR PLAYED WELL',
    'It was a final for Mensah',
  ]);
  const doc = documentContext(sentences);
  const history: History = new Map();
  const tags = ['B-PER', 'O', 'B-PER', 'O', 'O', 'O', 'O'].map((t) => NER_TAGS.indexOf(t));
  recordHistory(history, sentences[0], tags);
  const f = documentFeatures(sentences[1], doc, history);
  assert.deepEqual(f[0], ['dc=i&caps&hl', 'h=PER', 'hm=PER', 'hm=PER&caps', 'hm=PER&hl']);
  assert.deepEqual(f[1], ['dc=-&caps&hl'], 'a word the document never shows in running text');
  assert.deepEqual(
    f[2],
    ['dc=-&caps&hl', 'h=PER', 'hm=PER', 'hm=PER&caps', 'hm=PER&hl'],
    'Okafor is only ever sentence-initial in the running text',
  );
  const last = documentFeatures(sentences[2], doc, history);
  assert.deepEqual(last[3], [], 'lower-case tokens get none');
  assert.deepEqual(last[0], ['dc=-&init'], '"it" is never lower-case in this document');
  assert.deepEqual(last[5], ['dc=i&init', 'h=PER', 'hm=PER', 'hm=PER&init', 'hm=PER&r']);
});

test('tagInDocument tags running text first and hands each sentence the history so far', () => {
  const sentences = split(['HEADLINE ABOUT VARNO', 'Varno said so .', 'Varno agreed .']);
  const seen: string[][][] = [];
  const out = tagInDocument(sentences, (tokens, extra) => {
    seen.push(extra);
    return tokens.map((t) => NER_TAGS.indexOf(t === 'Varno' || t === 'VARNO' ? 'B-ORG' : 'O'));
  });
  assert.equal(seen.length, 3);
  assert.ok(!seen[0][0].some((f) => f.startsWith('h')), 'the first body sentence has no history');
  assert.ok(seen[1][0].includes('hm=ORG'), 'the second one sees the first');
  assert.ok(seen[2][2].includes('hm=ORG'), 'the headline, tagged last, sees both');
  assert.deepEqual(Array.from(out[0]), [0, 0, NER_TAGS.indexOf('B-ORG')], 'returned in the input order');
  const alone = tagInDocument(
    sentences,
    (tokens, extra) => {
      assert.ok(extra.every((f) => f.length === 0));
      return tokens.map(() => 0);
    },
    false,
  );
  assert.equal(alone.length, 3);
});

test('the cached row path scores document features exactly as the feature strings do', () => {
  const sentences = split(['Kaisa Lind met Tamm in Tartu .', 'LIND AND TAMM IN TARTU', 'Lind left .']);
  const lexicon = {
    lower: new Set(['met', 'in', 'left', 'and']),
    gazetteer: indexGazetteer({ city: ['tartu'] }),
  };
  const rows = new Map<string, number>();
  tagInDocument(sentences, (tokens, extra) => {
    for (const fs of sentenceFeatures(tokens, lexicon, extra))
      for (const f of fs) if (!rows.has(f) && rows.size % 5 !== 2) rows.set(f, rows.size * TAG_COUNT);
    return tokens.map((_, i) => (i % 2 ? 0 : NER_TAGS.indexOf('B-PER')));
  });
  const table = Float64Array.from({ length: (rows.size + 5) * TAG_COUNT }, (_, i) => ((i * 31) % 19) - 9);
  const scorer = new RowScorer(lexicon, rows, table);
  let checked = 0;
  tagInDocument(sentences, (tokens, extra) => {
    assert.deepEqual(
      scorer.emissions(tokens, extra),
      emissions(sentenceFeatures(tokens, lexicon, extra), rows, table),
    );
    checked++;
    return tokens.map((_, i) => (i % 2 ? 0 : NER_TAGS.indexOf('B-PER')));
  });
  assert.equal(checked, 3);
});

test('tagDocument keeps the shape of its input and agrees with tagTokens on a lone sentence', () => {
  const sentences = split([
    'CYCLING - HALVORSEN TAKES STAGE',
    'Ivar Halvorsen won the stage in Lyon .',
    '',
  ]).map((s) => s.filter(Boolean));
  const tags = tagDocument(sentences);
  assert.deepEqual(
    tags.map((t) => t.length),
    [5, 8, 0],
  );
  const one = split(['Ivar Halvorsen won the stage in Lyon .']);
  assert.deepEqual(tagDocument(one), [tagTokens(one[0])]);
  assert.deepEqual(tagDocument([]), []);
});

test('the running text tells the tagger about an ALL-CAPS headline name', () => {
  const sentences = split([
    'TENNIS - BRANDVOLD UPSETS TOP SEED',
    'Sigrun Brandvold of Norway beat the top seed on Tuesday .',
    'Brandvold will meet a qualifier in the next round .',
  ]);
  const headline = tagDocument(sentences)[0];
  assert.equal(headline[2], 'B-PER', headline.join(' '));
  assert.equal(headline[3], 'O', headline.join(' '));
});
