import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { articleSentences, splitSentences } from '../../src/language/sentences.js';
import { repoRoot } from '../helpers.js';

/** Blocks of gold sentences: one per line; a line starting with a literal "\n" begins a new line of text. */
function cases(): { text: string; gold: string[] }[] {
  const raw = readFileSync(`${repoRoot}test/fixtures/sentences.txt`, 'utf8');
  return raw
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((l) => l.trim() && !l.startsWith('#')))
    .filter((lines) => lines.length)
    .map((lines) => {
      let text = '';
      const gold: string[] = [];
      for (const line of lines) {
        const fresh = line.startsWith('\\n');
        const sentence = fresh ? line.slice(2) : line;
        text += text ? (fresh ? '\n' : ' ') + sentence : sentence;
        gold.push(sentence);
      }
      return { text, gold };
    });
}

test('hard news sentences: ≥ 98% of boundaries right (F1 over sentence ends), offsets exact', () => {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  const wrong: string[] = [];
  for (const c of cases()) {
    const spans = splitSentences(c.text);
    for (const s of spans) assert.equal(c.text.slice(s.start, s.end), s.text);
    const goldEnds = new Set<number>();
    let at = 0;
    for (const g of c.gold) {
      at = c.text.indexOf(g, at) + g.length;
      goldEnds.add(at);
    }
    const ends = new Set(spans.map((s) => s.end));
    for (const e of ends) if (goldEnds.has(e)) tp++;
    predicted += ends.size;
    gold += goldEnds.size;
    if (spans.length !== c.gold.length || spans.some((s, i) => s.text !== c.gold[i]))
      wrong.push(JSON.stringify(spans.map((s) => s.text)));
  }
  assert.ok(gold >= 60, `${gold} gold sentences`);
  const p = tp / predicted;
  const r = tp / gold;
  const f = (2 * p * r) / (p + r);
  assert.ok(f >= 0.98, `boundary F1 ${f.toFixed(3)}; wrong:\n${wrong.join('\n')}`);
});

test('articleSentences numbers sentences per article and knows their paragraph', () => {
  const text = 'First paragraph here. It has two sentences.\n\nSecond paragraph, one sentence.';
  const s = articleSentences({
    id: 'a',
    source: 'a.txt',
    title: 't',
    language: 'en',
    paragraphs: text.split('\n\n'),
    text,
    hash: 'a',
  });
  assert.deepEqual(
    s.map((x) => [x.index, x.paragraph, x.text]),
    [
      [0, 0, 'First paragraph here.'],
      [1, 0, 'It has two sentences.'],
      [2, 1, 'Second paragraph, one sentence.'],
    ],
  );
  for (const x of s) assert.equal(text.slice(x.start, x.end), x.text);
});

test('a decade or an ordinal ends a sentence: the "s" of "1960s." is no initial', () => {
  const texts = [
    'The ferry line last ran at a loss in the 1970s. The council sold it in 1981.',
    'Trade through the port peaked in the mid-90s. It has fallen every year since.',
    'The cup was first held in 1921 and this is the 75th. The final is in Porthallow.',
  ];
  for (const t of texts) assert.equal(splitSentences(t).length, 2, t);
  // Initials still do not end one.
  assert.equal(splitSentences('The report by J. Marsh was published in the autumn.').length, 1);
});
