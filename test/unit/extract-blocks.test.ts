/** The block classifier of the HTML extractor: features, the model's decision, its use by extractHtml. */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import {
  BLOCK_FEATURE_COUNT,
  BLOCK_FEATURES,
  type BlockFacts,
  type BlockModel,
  blockFeatures,
  blockModel,
  contentProbability,
  NAME_BITS,
  nameBits,
  useBlockModel,
} from '../../src/extract/blocks.js';
import { extractHtml } from '../../src/extract/html.js';

afterEach(() => useBlockModel());

const facts = (over: Partial<BlockFacts> = {}): BlockFacts => ({
  text: 'The ferry to Osterholm left at nine, twelve minutes late.',
  words: 10,
  linkWords: 0,
  tag: 'p',
  caption: false,
  inside: true,
  distance: 0,
  position: 0.5,
  ownerShare: 1,
  inArticleBody: false,
  inArticleTag: true,
  names: 0,
  prevWords: 20,
  prevLinkShare: 0,
  nextWords: 0,
  nextLinkShare: 0,
  ld: 0,
  relativeLength: 0.5,
  ...over,
});

/** A model whose only weight is its bias (every feature scaled 1, mean 0). */
const biasModel = (bias: number, over: Partial<BlockModel> = {}): BlockModel => ({
  header: {} as BlockModel['header'],
  mean: new Array(BLOCK_FEATURE_COUNT).fill(0),
  scale: new Array(BLOCK_FEATURE_COUNT).fill(1),
  weights: [...new Array(BLOCK_FEATURE_COUNT).fill(0), bias],
  drop: 0,
  add: 2,
  window: 6,
  addWords: 12,
  ...over,
});

test('class and id names set their bits, and nothing else', () => {
  assert.equal(nameBits('entry-content'), NAME_BITS.content);
  assert.equal(nameBits('sidebar-profile'), NAME_BITS.side);
  assert.equal(nameBits('comment-list'), NAME_BITS.comment);
  assert.equal(nameBits('post-meta'), NAME_BITS.content | NAME_BITS.meta);
  assert.equal(nameBits('wrapper'), 0);
});

test('a block has one value per feature, in the declared order', () => {
  const x = blockFeatures(facts({ linkWords: 5, tag: 'li', names: NAME_BITS.side, ld: -1 }));
  assert.equal(x.length, BLOCK_FEATURE_COUNT);
  const at = (name: string) => x[BLOCK_FEATURES.indexOf(name as (typeof BLOCK_FEATURES)[number]) - 1];
  assert.equal(at('link_share'), 0.5);
  assert.equal(at('ends_sentence'), 1);
  assert.equal(at('tag_li'), 1);
  assert.equal(at('tag_p'), 0);
  assert.equal(at('name_side'), 1);
  assert.equal(at('ld_missed'), 1);
  assert.equal(at('ld_found'), 0);
  assert.ok(Math.abs(at('punct_per_word') - 0.2) < 1e-9);
});

test('the probability is the logistic of the standardised weighted sum', () => {
  assert.ok(Math.abs(contentProbability(biasModel(0), blockFeatures(facts())) - 0.5) < 1e-12);
  const m = biasModel(0);
  m.weights[BLOCK_FEATURES.indexOf('inside') - 1] = 2;
  assert.ok(Math.abs(contentProbability(m, blockFeatures(facts())) - 1 / (1 + Math.exp(-2))) < 1e-12);
});

const sentence = (topic: string, i: number) =>
  `<p>The harbour board of Osterholm met about the ${topic} for the ${i + 1}th time this winter, and no member wanted to vote before the ice had gone.</p>`;
const page = `<html><body><div class="story">${[0, 1, 2, 3].map((i) => sentence('ferry', i)).join('')}</div>
  <div class="other"><p>A second pier for the island's small fishing boats is planned as well, the board said.</p>
  <ul>${['Ferry times for the winter months', 'Harbour board members and their terms', 'Ice reports from the northern channel', 'Fishing licences and their fees', 'Contact the harbour office'].map((t) => `<li><a href="/x">${t}</a></li>`).join('')}</ul></div>
  </body></html>`;

test('without a model the rules decide: the short paragraph beside the container is left out', () => {
  useBlockModel(null);
  const { paragraphs } = extractHtml(page);
  assert.equal(paragraphs.length, 4);
});

test('a block beside the container that the model is sure of is added; a block it doubts is not', () => {
  useBlockModel(biasModel(10, { add: 0.7 }));
  assert.equal(extractHtml(page).paragraphs.length, 5);
  assert.match(extractHtml(page).paragraphs[4], /second pier/);
  useBlockModel(biasModel(-10, { add: 0.7 }));
  assert.equal(extractHtml(page).paragraphs.length, 4);
  useBlockModel(biasModel(10, { add: 0.7, addWords: 40 }));
  assert.equal(extractHtml(page).paragraphs.length, 4, 'shorter than addWords: never added');
});

test('blocks inside the container that the model calls boilerplate are dropped', () => {
  useBlockModel(biasModel(-10, { drop: 0.5 }));
  assert.deepEqual(extractHtml(page).paragraphs, []);
});

test('the shipped model reads, fits this feature set and has sane thresholds', () => {
  const m = blockModel();
  assert.ok(m);
  assert.equal(m.weights.length, BLOCK_FEATURE_COUNT + 1);
  assert.ok(m.drop >= 0 && m.drop < 0.5);
  assert.ok(m.add > 0.5);
  assert.ok(m.window >= 0);
});
