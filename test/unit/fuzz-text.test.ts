/**
 * Fuzzing the text stages with generated junk (seeded, so every run sees the same pages): quotation marks
 * of every kind, brackets, combining marks, emoji, right-to-left text, NUL bytes, lone surrogates,
 * paragraphs of punctuation only, words of thousands of letters, and long paragraphs. No stage may throw
 * and offsets must stay inside the text. A whole brief over the junk must come out without a warning
 * (a stage that threw would show up as one).
 *
 * Scaling, which bounds the sizes below:
 * - `quotes` was quadratic in the length of a sentence holding many cue verbs (one 128 KB sentence without
 *   a stop: about 2 minutes); a sentence over 2,000 characters now gives no frames (test/unit/extract-limits);
 * - `isCaption` (extract/captions.ts) was quadratic in the length of a word; it is linear now (same test
 *   file); the long words here stay under 3 000 letters all the same;
 * - a brief's summary (the HiGHS solver) and quotes take most of a brief of a long page: a 256 KB page
 *   takes about 20 s, so the whole brief here has a 32 KB page.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quantities } from '../../src/analyse/quantities.js';
import { entities } from '../../src/language/entities.js';
import { normalizeQuoteMarks, quotations } from '../../src/language/quotations.js';
import { quotes } from '../../src/language/quotes.js';
import { articleSentences, splitSentences } from '../../src/language/sentences.js';
import { dateMentions, timex } from '../../src/language/timex.js';
import type { Article } from '../../src/model.js';
import { briefArticles } from '../../src/pipeline.js';
import { rng } from '../../src/text/random.js';

const WORDS = (
  'the a of and to in on said told added according says warned Tuesday March 5 2025 1999 late early ' +
  'Ilse Varga Marta Okonkwo Calderwick Harbour Authority North Quay Mr. Dr. U.S. No. p.m. St. ' +
  'fire crews 14 12 3,000 40% $3.5 million about two weeks yesterday last week every hour he she they ' +
  'it police spokesman officials that "we" will would not it’s don’t https://example.org/a?b=1 x@y.z ' +
  '-- ... … • ·'
).split(' ');
const MARKS = ['"', '“', '”', '‘', '’', "''", '``', '«', '»', '„', '‹', '›', "'", '「', '」'];
const BRACKETS = ['(', ')', '[', ']', '{', '}', '<', '>'];
const ODD = [
  '\u0301',
  'e\u0301\u0323',
  '😀',
  '👩‍👩‍👧',
  '🇫🇷',
  '1️⃣',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u0000',
  '\ud800',
  '\udfff',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200d',
  '\t',
  '\r',
  '\f',
];

function generator(seed: number) {
  const rand = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const token = () => {
    const r = rand();
    return r < 0.62 ? pick(WORDS) : r < 0.8 ? pick(MARKS) : r < 0.88 ? pick(BRACKETS) : pick(ODD);
  };
  const plain = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  /** Paragraphs that open or close on quotation marks, or both: how quotations go on over paragraphs. */
  const quoted = () => {
    const mark = () => pick(['"', '“', '”', "''", '``']);
    const n = 1 + Math.floor(rand() * 5);
    return Array.from(
      { length: n },
      () => `${rand() < 0.5 ? mark() : ''}${plain(1 + Math.floor(rand() * 12))}${rand() < 0.5 ? mark() : ''}`,
    ).join('\n\n');
  };
  const paragraph = (tokens: number) => {
    let p = '';
    for (let i = 0; i < tokens; i++) p += token() + (rand() < 0.85 ? ' ' : '');
    return p;
  };
  /** One of the shapes that broke or could break a stage. */
  const oddParagraph = (): string => {
    switch (Math.floor(rand() * 6)) {
      case 0:
        return Array.from({ length: 1 + Math.floor(rand() * 60) }, () =>
          pick([...MARKS, '.', ',', '!', '?', ';', ':', '—']),
        ).join('');
      case 1:
        return `${paragraph(10)}${pick(MARKS)}`; // a stray mark closing the paragraph
      case 2:
        return `${pick(MARKS)}${paragraph(12)}`; // a quotation left open
      case 3:
        return 'x'.repeat(500 + Math.floor(rand() * 2500)); // one long word (see the header)
      case 4:
        return '\u0000'.repeat(1 + Math.floor(rand() * 20));
      default:
        return paragraph(Math.floor(rand() * 120));
    }
  };
  const text = () => {
    if (rand() < 0.3) return quoted();
    const n = 1 + Math.floor(rand() * 6);
    const paragraphs = Array.from({ length: n }, () =>
      rand() < 0.35 ? oddParagraph() : paragraph(Math.floor(rand() * 80)),
    );
    return paragraphs.join(pick(['\n\n', '\n\n', '\n', '\r\n\r\n', '\n \n']));
  };
  /** About `bytes` characters of ordinary sentences (some quoted) in one paragraph. */
  const longParagraph = (bytes: number) => {
    const parts: string[] = [];
    let size = 0;
    while (size < bytes) {
      const words = Array.from({ length: 4 + Math.floor(rand() * 20) }, () => pick(WORDS));
      // A capital after the stop, so that these are sentences to the splitter.
      let s = `The ${words.join(' ')}${pick(['.', '.', '?', '!'])}`;
      if (rand() < 0.2) s = `“${s}” ${pick(['she said.', 'Varga added.', 'the police said.'])}`;
      if (rand() < 0.05) s += ` ${pick(ODD)}${pick(MARKS)}`;
      parts.push(s);
      size += s.length + 1;
    }
    return parts.join(' ');
  };
  return { rand, text, longParagraph };
}

const asArticle = (id: string, text: string, published?: string): Article => ({
  id,
  source: `${id}.txt`,
  title: id,
  published,
  language: 'en',
  paragraphs: text.split(/\n\s*\n/),
  text,
  hash: id,
});

const inside = (text: string, start: number, end: number, what: string) =>
  assert.ok(0 <= start && start <= end && end <= text.length, `${what} [${start}, ${end}) outside the text`);

/** Every text stage on one text; returns nothing, throws what a stage threw (with the seed in the name). */
function allStages(text: string, ref?: string): void {
  for (const s of splitSentences(text)) {
    inside(text, s.start, s.end, 'sentence');
    assert.equal(text.slice(s.start, s.end), s.text);
    quantities(s.text);
  }
  const normalized = normalizeQuoteMarks(text);
  assert.equal(normalized.length, text.length);
  for (const q of quotations(normalized)) inside(text, q.start, q.end, 'quotation');
  const article = asArticle('f', text, ref);
  articleSentences(article);
  const found = entities(article);
  for (const q of quotes(article, found)) inside(text, q.start, q.end, 'quote');
  for (const t of timex(text, ref)) inside(text, t.start, t.end, 'timex');
  if (ref) dateMentions(text, ref);
}

test('200 generated junk pages through every text stage: nothing throws, offsets stay in the text', () => {
  const g = generator(20250305);
  for (let i = 0; i < 200; i++) {
    const text = g.text();
    const ref =
      g.rand() < 0.7
        ? `20${10 + Math.floor(g.rand() * 20)}-0${1 + Math.floor(g.rand() * 9)}-1${Math.floor(g.rand() * 9)}`
        : undefined;
    try {
      allStages(text, ref);
    } catch (err) {
      assert.fail(
        `page ${i} of seed 20250305 (${JSON.stringify(text.slice(0, 200))}…): ${(err as Error).stack}`,
      );
    }
  }
});

test('whole briefs over junk pages: every story briefed, no stage failed', () => {
  const g = generator(7);
  for (let batch = 0; batch < 3; batch++) {
    const articles = Array.from({ length: 6 }, (_, i) =>
      asArticle(`b${batch}-${i}`, g.text(), g.rand() < 0.5 ? '2025-03-0' + (1 + i) : undefined),
    );
    const r = briefArticles(articles, { words: 60 });
    assert.deepEqual(r.diagnostics, [], `batch ${batch}`);
    assert.equal(r.briefs.length, r.stories.length);
    for (const b of r.briefs) assert.ok(b.words <= 60);
  }
});

test('a 1 MB paragraph through sentence splitting, quotations, entities, timex and quantities', () => {
  const g = generator(1);
  const text = g.longParagraph(1_000_000);
  // It must finish (a super-linear stage would not, in any time a test run allows); how fast is a benchmark's
  // business, not a test's: a wall-clock bound fails on a loaded machine.
  const sentences = splitSentences(text);
  assert.ok(sentences.length > 5_000, `${sentences.length} sentences`);
  for (const s of sentences) quantities(s.text);
  quotations(normalizeQuoteMarks(text));
  assert.ok(entities(asArticle('big', text)).length > 0);
  for (const t of timex(text, '2025-03-05')) inside(text, t.start, t.end, 'timex');
});

test('a 128 KB paragraph through quotes, and a brief of a 32 KB page among short ones', () => {
  const g = generator(2);
  const text = g.longParagraph(128_000);
  for (const q of quotes(asArticle('big', text))) inside(text, q.start, q.end, 'quote');
  const pages = [
    asArticle('long', g.longParagraph(32_000), '2025-03-05'),
    asArticle(
      'short-1',
      'A fire destroyed a warehouse at Calderwick on Tuesday, the harbour master said.',
      '2025-03-05',
    ),
    asArticle(
      'short-2',
      '“Crews fought the fire for six hours,” Ilse Varga told reporters on Tuesday.',
      '2025-03-05',
    ),
  ];
  const r = briefArticles(pages, { words: 80 });
  assert.deepEqual(r.diagnostics, []);
  assert.ok(r.briefs.length >= 1);
});
