import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleSentences } from '../../src/language/sentences.js';
import type { Article } from '../../src/model.js';
import {
  DANGLING_FEATURES,
  type DanglingWeights,
  danglingFeatures,
  danglingGate,
  sentencesByArticle,
  useDanglingModel,
} from '../../src/summarize/dangling.js';
import { summarize } from '../../src/summarize/index.js';

function article(id: string, text: string): Article {
  const paragraphs = text.split('\n\n');
  return {
    id,
    source: `${id}.txt`,
    title: id,
    published: '2025-03-03',
    language: 'en',
    paragraphs,
    text,
    hash: id,
  };
}

const ferry = article(
  'f',
  [
    'Harbour director Amara Quennell closed the north pier after a ferry ran aground on Monday.',
    'Quennell said the pier would stay shut until divers had checked the hull of the Island Star.',
    'In addition, the other ferry of the line was held in port.',
  ].join('\n\n'),
);
const sentences = articleSentences(ferry);
const column = (name: string) => DANGLING_FEATURES.slice(1).findIndex((f) => f.startsWith(`${name}:`));

test('the features read what the summary showed before the candidate', () => {
  const byArticle = sentencesByArticle(sentences).get('f') ?? [];
  const [intro, surname, opener] = sentences;
  const alone = danglingFeatures(surname, byArticle, []);
  const after = danglingFeatures(surname, byArticle, [intro]);
  assert.equal(alone.length, DANGLING_FEATURES.length - 1);
  // A surname whose full name its article gave before: short, until the summary shows the introduction.
  assert.equal(alone[column('short-person')], 1);
  assert.equal(after[column('short-person')], 0);
  assert.equal(alone[column('prev-shown')], 0);
  assert.equal(after[column('prev-shown')], 1);
  assert.equal(after[column('prev-adjacent')], 1);
  // Words shared with the article's previous sentence count only while the summary has not shown them.
  assert.ok(alone[column('prev-terms')] > 0);
  assert.equal(after[column('prev-terms')], 0);
  const third = danglingFeatures(opener, byArticle, [intro]);
  assert.equal(third[column('opener')], 1);
  assert.equal(third[column('index')], Math.log1p(2));
  assert.equal(third[column('first')], 0);
  assert.equal(danglingFeatures(intro, byArticle, [])[column('first')], 1);
});

/** A model that refuses a candidate, not its article's first, whose article's previous sentence was not shown. */
function prevShownModel(): DanglingWeights {
  const n = DANGLING_FEATURES.length - 1;
  const weights = new Array<number>(n).fill(0);
  weights[column('prev-shown')] = -10;
  weights[column('first')] = -10;
  return {
    mean: new Array<number>(n).fill(0),
    sd: new Array<number>(n).fill(1),
    weights,
    bias: 5,
    threshold: 0.5,
  };
}

test('the gate refuses by the model and its threshold, and refuses nothing without a model', () => {
  try {
    useDanglingModel(prevShownModel());
    const refuses = danglingGate(sentences);
    assert.equal(refuses(sentences[1], []), true);
    assert.equal(refuses(sentences[1], [sentences[0]]), false);
    useDanglingModel(null);
    assert.equal(danglingGate(sentences)(sentences[1], []), false);
  } finally {
    useDanglingModel();
  }
});

test('a summary leaves out a candidate the gate refuses and refills from the next', () => {
  const filler = (k: number) =>
    `Island ferry number ${k} sailed from the harbour with about ${k * 10} passengers and a crew of six.`;
  const a = article('g', Array.from({ length: 8 }, (_, k) => filler(k + 1)).join('\n\n'));
  const input = { articles: [a], sentences: articleSentences(a) };
  try {
    useDanglingModel(null);
    const free = summarize(input, { words: 40 });
    useDanglingModel(prevShownModel());
    const gated = summarize(input, { words: 40 });
    assert.ok(free.some((s) => s.index > 0 && !free.some((t) => t.index === s.index - 1)));
    assert.ok(gated.length > 0);
    // Every sentence the gated summary shows is its article's first or follows the one before it.
    for (const [p, s] of gated.entries())
      assert.ok(s.index === 0 || gated[p - 1]?.index === s.index - 1, s.text);
  } finally {
    useDanglingModel();
  }
});
