import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  analyseSentence,
  analyseText,
  PAIR_FEATURES,
  pairFeatures,
  reweigh,
} from '../../src/language/paraphrase/features.js';
import {
  factConflicts,
  sameFact,
  sameFactScore,
  sentenceFeatures,
  strictSameFactScore,
} from '../../src/language/paraphrase/same-fact.js';
import { resetWordnet, wordnetDir } from '../../src/language/paraphrase/wordnet.js';

const column = (name: string) => PAIR_FEATURES.findIndex(([, n]) => n === name);
const flat = () => 1;
const strict = (a: string, b: string) => strictSameFactScore(sentenceFeatures(a), sentenceFeatures(b));
const conflicts = (a: string, b: string) => factConflicts(sentenceFeatures(a), sentenceFeatures(b));
const compare = (a: string, b: string) => pairFeatures(analyseSentence(a, flat), analyseSentence(b, flat));

const PROFIT = 'The chain reported a profit of $42 million for the third quarter, its board said on Tuesday.';
const PROFIT_REWORDED = 'Its board said on Tuesday that the chain had a third-quarter profit of $42 million.';
const PROFIT_OTHER_NUMBER =
  'The chain reported a profit of $17 million for the third quarter, its board said on Tuesday.';

test('a rewording of the same fact scores higher, strictly, than the same words with another number', () => {
  assert.ok(sameFact(PROFIT, PROFIT_REWORDED) > 0.5);
  const same = strict(PROFIT, PROFIT_REWORDED);
  const other = strict(PROFIT, PROFIT_OTHER_NUMBER);
  assert.ok(same > 0.5, `reworded: ${same}`);
  assert.ok(other < 0.5 && same > other, `reworded ${same} vs other number ${other}`);
  assert.deepEqual(conflicts(PROFIT, PROFIT_OTHER_NUMBER), ['number']);
  assert.deepEqual(conflicts(PROFIT, PROFIT_REWORDED), []);
  // A number only one side gives is more detail, no conflict.
  assert.deepEqual(conflicts(PROFIT, 'The chain reported a third-quarter profit, its board said.'), []);
  assert.equal(compare(PROFIT, PROFIT_OTHER_NUMBER)[column('num_missing')], Math.log1p(2));
  assert.equal(compare(PROFIT, PROFIT_REWORDED)[column('num_agree')], 1);
});

test('a negation flips the polarity feature and lowers the strict score', () => {
  const plain = 'The mayor will sign the new parking rules before the council meets in May.';
  const negated = 'The mayor will not sign the new parking rules before the council meets in May.';
  const reordered = 'Before the council meets in May, the mayor will sign the new parking rules.';
  assert.equal(compare(plain, negated)[column('negation')], 1);
  assert.equal(compare(plain, reordered)[column('negation')], 0);
  assert.equal(compare("The mayor didn't sign it.", 'The mayor did not sign it.')[column('negation')], 0);
  assert.deepEqual(conflicts(plain, negated), ['negation']);
  assert.ok(strict(plain, negated) < 0.5 && strict(plain, reordered) > 0.5);
});

test('a month that disagrees, and a modal that differs, are marked', () => {
  const a = 'The trial of the two engineers opens in March in the capital.';
  const b = 'The trial of the two engineers opens in October in the capital.';
  assert.equal(compare(a, b)[column('date')], 1);
  assert.equal(compare(a, a)[column('date')], 0);
  assert.deepEqual(conflicts(a, b), ['date']);
  assert.equal(compare('Prices may rise next year.', 'Prices will rise next year.')[column('modal')], 2);
});

test('sentences about different things score low; the score is symmetric and cached features agree', () => {
  const weather = 'Heavy snow closed three mountain roads and delayed trains across the north.';
  const p = sameFact(PROFIT, weather);
  assert.ok(p < 0.2, `unrelated: ${p}`);
  assert.equal(sameFact(PROFIT_REWORDED, PROFIT), sameFact(PROFIT, PROFIT_REWORDED));
  const [fa, fb] = [sentenceFeatures(PROFIT), sentenceFeatures(PROFIT_REWORDED)];
  assert.equal(sameFactScore(fa, fb), sameFact(PROFIT, PROFIT_REWORDED));
});

test('names that one sentence has and the other lacks are counted', () => {
  const f = compare('Officials in Lagos and Abuja met the envoy.', 'Officials in Lagos met the envoy.');
  assert.equal(f[column('name_missing_max')], Math.log1p(1));
  assert.equal(f[column('name_missing_min')], 0);
});

test('numbers in words beyond twelve read as digits, and "a" alone is no number', () => {
  const words = analyseSentence('Twenty-one ferries and two hundred buses ran a week late.', flat);
  assert.deepEqual([...words.numbers].sort(), ['200', '21']);
  const f = compare('The council hired forty-five teachers.', 'The council hired 45 teachers.');
  assert.equal(f[column('num_agree')], 1);
  assert.deepEqual(conflicts('Fifteen ships sailed.', 'Sixteen ships sailed.'), ['number']);
  assert.equal(analyseSentence('A hundred people came.', flat).numbers.has('100'), true);
});

test('an added clause shows in the spans, the content n-grams and the unaligned counts', () => {
  const short = 'The ferry company cancelled all crossings on Sunday.';
  const longer = 'The ferry company cancelled all crossings on Sunday, citing a strike by its engineers.';
  const f = compare(short, longer);
  // The whole shorter sentence (8 words) is a run and the prefix of the longer one (14 words).
  assert.equal(f[column('run_short')], 1);
  assert.equal(f[column('run_long')], 8 / 14);
  assert.equal(f[column('prefix')], 8 / 14);
  assert.equal(f[column('suffix')], 0);
  // Content stems: all 5 of the shorter are in the longer, 5 of its 8 in the shorter.
  assert.equal(f[column('content1_max')], 1);
  assert.equal(f[column('content1_min')], 5 / 8);
  assert.equal(f[column('unaligned_min')], 0);
  assert.equal(f[column('unaligned_none')], 1);
  assert.equal(f[column('unaligned_max')], Math.log1p(3));
  assert.equal(f[column('unaligned_top_min')], 0);
  assert.equal(f[column('unaligned_top_max')], 1);
  const g = compare('Engineers at the port went on strike.', 'A strike closed the port on Sunday.');
  assert.ok(g[column('unaligned_min')] > 0 && g[column('unaligned_none')] === 0);
  assert.deepEqual(compare(short, longer), compare(longer, short));
});

test('the order feature tells shared words in the same order from words reordered', () => {
  const a = 'Police arrested two men after the robbery in Leeds.';
  const inOrder = 'Police later arrested two young men after a robbery near Leeds.';
  const reversed = 'Leeds robbery: two men arrested by police.';
  assert.equal(compare(a, inOrder)[column('order_tau')], 1);
  assert.ok(compare(a, reversed)[column('order_tau')] < 0);
  assert.equal(compare(a, reversed)[column('order_tau')], compare(reversed, a)[column('order_tau')]);
});

test('feature group names have no spaces (the model header lists them space-separated)', () => {
  for (const [group] of PAIR_FEATURES) assert.doesNotMatch(group, /\s/);
});

test('a sentence reweighed with other term weights equals one analysed with them', () => {
  const text = 'The mayor of Lyon opened a bridge on Friday.';
  const heavy = (s: string) => s.length;
  assert.deepEqual(reweigh(analyseText(text), heavy), analyseSentence(text, heavy));
});

const wordnet = wordnetDir();
after(() => {
  delete process.env.NEWSFUSE_WORDNET;
  resetWordnet();
});

test('WordNet synonyms align words the stems miss; without WordNet only the same stems do', {
  skip: wordnet ? false : 'WordNet not installed (/usr/share/wordnet)',
}, () => {
  const a = 'The firm bought a large factory near the harbour.';
  const b = 'The company purchased a big plant near the harbour.';
  const synonyms = compare(a, b)[column('syn_f')];
  assert.ok(synonyms > compare(a, b)[column('idf_f')]);
  process.env.NEWSFUSE_WORDNET = 'none';
  resetWordnet();
  assert.equal(compare(a, b)[column('syn_f')], compare(a, b)[column('idf_f')]);
  const p = sameFact(a, b);
  assert.ok(p >= 0 && p <= 1);
  delete process.env.NEWSFUSE_WORDNET;
  resetWordnet();
});
