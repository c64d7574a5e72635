import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasUnspacedScript, isSpaceCode, tokenWords, wordCount } from '../../src/extract/text-length.js';

test('isSpaceCode agrees with the regular expression \\s on every UTF-16 code unit', () => {
  for (let c = 0; c < 0x10000; c++)
    assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('wordCount counts as splitting on whitespace and summing tokenWords does', () => {
  const slow = (s: string) =>
    s
      .split(/\s+/)
      .filter(Boolean)
      .reduce((n, t) => n + tokenWords(t), 0);
  const texts = [
    '',
    '   ',
    'The ferry left at noon.',
    '\ufeff  Two\u00a0words\u3000and 東京の新しい駅 opened\n\tyesterday ',
    'ตลาดน้ำ เปิด วันนี้ (Bangkok) — 12.5 %',
    'a\u2028b\u2029c\u202fd\u205fe\u1680f',
  ];
  for (const t of texts) assert.equal(wordCount(t), slow(t), JSON.stringify(t));
  assert.equal(wordCount('東京の新しい駅'), 4);
});

test('tokens below Thai count one word; unspaced scripts count by characters', () => {
  assert.equal(tokenWords('Übermorgen'), 1);
  assert.equal(tokenWords('東京'), 1);
  assert.equal(tokenWords('東京の新しい駅'), 4);
  assert.equal(hasUnspacedScript('Zürich, Ελλάδα, Москва'), false);
  assert.equal(hasUnspacedScript('in Tokyo (東京)'), true);
});
