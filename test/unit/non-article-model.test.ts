import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type NonArticleWeights,
  nonArticleReason,
  strongestReason,
  useNonArticleModel,
} from '../../src/extract/non-article.js';
import {
  NON_ARTICLE_FEATURES,
  nonArticleFeatures,
  pageShape,
} from '../../src/extract/non-article-features.js';

const columns = NON_ARTICLE_FEATURES.slice(1).map((f) => f.slice(0, f.indexOf(':')));
const column = (name: string) => columns.indexOf(name);

/** Weights of our own: only the shop-phrase column counts, and strongly. */
function shopModel(bias: number): NonArticleWeights {
  const n = columns.length;
  const weights = new Array<number>(n).fill(0);
  weights[column('commerce')] = 20;
  return {
    mean: new Array<number>(n).fill(0),
    sd: new Array<number>(n).fill(1),
    weights,
    bias,
    threshold: 0.9,
  };
}

/** An invented shop page: running prose, but a product offer. */
const SHOP = [
  'The Tarnwood garden bench seats three and is made of oiled larch from local forests.',
  'Each bench is built to order in our workshop and ships within two weeks, free shipping over fifty pounds.',
  'Add to cart now, or call us to ask about a custom length for your garden.',
];

/** An invented report of our own. */
const REPORT = [
  'The footbridge over the Tarn estuary reopened on Tuesday after six weeks of repairs to its cables.',
  'Engineers replaced eleven of the forty hangers and repainted the deck, the county council said.',
];

test('the learned combiner drops what the rules keep only above its threshold, naming its reason', () => {
  try {
    useNonArticleModel(null);
    assert.equal(nonArticleReason(SHOP, { wholeText: true }), undefined, 'the rules alone keep it');
    useNonArticleModel(shopModel(-5));
    assert.equal(nonArticleReason(SHOP, { wholeText: true }), 'index page');
    assert.equal(nonArticleReason(REPORT, { wholeText: true }), undefined);
    useNonArticleModel(shopModel(-20));
    assert.equal(nonArticleReason(SHOP, { wholeText: true }), undefined, 'below the threshold: kept');
  } finally {
    useNonArticleModel();
  }
});

test('the reason named is the one whose features push the score up most', () => {
  const model = shopModel(-5);
  const row = nonArticleFeatures(pageShape(SHOP), false);
  assert.ok(row[column('commerce')] > 0);
  assert.equal(strongestReason(model, row), 'index page');
  // Fewer prose words than the mean, with a negative weight: the prose columns push the score up.
  const prose = {
    ...model,
    mean: model.mean.map((_, j) => (j === column('prose-words') ? 5 : 0)),
    weights: model.weights.map((_, j) => (j === column('prose-words') ? -5 : 0)),
  };
  assert.equal(
    strongestReason(prose, nonArticleFeatures(pageShape(['Too short.']), false)),
    'too little prose',
  );
});

test('an HTML extraction without running prose is never judged by the model', () => {
  try {
    const all = new Array<number>(columns.length).fill(0);
    useNonArticleModel({ mean: all, sd: all.map(() => 1), weights: all, bias: 50, threshold: 0.5 });
    assert.equal(nonArticleReason(['Harbour Board Names New Chief After Long Search']), undefined);
    assert.equal(nonArticleReason(REPORT), 'too little prose', 'with prose, the model judges it');
  } finally {
    useNonArticleModel();
  }
});

test('a one-sentence wire brief under an agency dateline is kept; a bare sentence is not', () => {
  const brief = [
    'TARNMOUTH, March 3 (Northline Wire) -- The county council on Tuesday reopened the footbridge over the Tarn estuary after six weeks of repairs to its cables.',
  ];
  assert.equal(nonArticleReason(brief, { wholeText: true }), undefined);
  const bare = [brief[0].replace(/^.*?-- /, '')];
  assert.equal(nonArticleReason(bare, { wholeText: true }), 'too little prose');
});

test('the shipped model loads and keeps a plain report', () => {
  assert.equal(nonArticleReason(REPORT, { wholeText: true }), undefined);
});
