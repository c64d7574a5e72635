import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rouge, rougeTokens } from '../../src/eval/rouge.js';

test('tokenization as ROUGE-1.5.5: lower case, hyphens split off and dropped, punctuation to spaces', () => {
  assert.deepEqual(rougeTokens("the u.s.-led talks (in ankara) won't end", {}), [
    'the',
    'u',
    's',
    'led',
    'talks',
    'in',
    'ankara',
    'won',
    't',
    'end',
  ]);
  // Porter stemming only for tokens longer than three characters.
  assert.deepEqual(rougeTokens('talks were held', { stem: true }), ['talk', 'were', 'held']);
  assert.deepEqual(rougeTokens('the talks', { stem: true, removeStopwords: true }), ['talk']);
});

test('ROUGE-N, SU4 and L on a hand-checked pair; truncation to N words', () => {
  const ref = [['the cat sat on the mat']];
  const s = rouge(['the cat lay on the mat'], ref);
  assert.equal(s.rouge1.r, 0.83333); // 5 of 6, rounded to 5 decimals as ROUGE-1.5.5 prints
  assert.equal(s.rouge2.r, 3 / 5); // "the cat", "on the", "the mat"
  // LCS "the cat on the mat" = 5 of 6.
  assert.equal(s.rougeL.r, 0.83333);
  // SU4 with unigrams: ROUGE-1.5.5 counts the unigrams of every token but the last.
  const su = rouge(['a b'], [['a b']]);
  assert.equal(su.rougeSU4.r, 1);
  // -l truncates the peer and the references alike: "the cat lay" vs "the cat sat".
  const cut = rouge(['the cat lay on the mat'], ref, { words: 3 });
  assert.equal(cut.rouge1.p, 0.66667);
  assert.equal(cut.rouge1.r, 0.66667);
});

test('jackknifing averages the scores against each leave-one-out set of references', () => {
  const refs = [['alpha beta'], ['alpha gamma'], ['delta epsilon']];
  const plain = rouge(['alpha beta'], refs);
  const jk = rouge(['alpha beta'], refs, { jackknife: true });
  assert.equal(plain.rouge1.r, 0.5); // 3 hits of 6
  // Subsets: {2,3} 1/4, {1,3} 2/4, {1,2} 3/4 → mean 0.5
  assert.equal(jk.rouge1.r, 0.5);
  assert.notEqual(rouge(['delta'], refs, { jackknife: true }).rouge1.r, rouge(['delta'], refs).rouge1.r);
});
