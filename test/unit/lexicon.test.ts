import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MONTH_ANY_DOT,
  MONTH_NAME,
  MONTH_WITH_DOT,
  MONTHS_FULL,
  monthNumber,
  NUMBER_WORDS,
  ordinalValue,
  parseNumberWords,
  readNumberWords,
  SENTENCE_ABBREVIATIONS,
  TEEN_WORDS,
  TENS_WORDS,
  UNIT_WORDS,
  WEEKDAY_NAME,
} from '../../src/language/lexicon.js';
import { tokenize, tokens, words } from '../../src/language/tokens.js';

const whole = (fragment: string, flags = '') => new RegExp(`^${fragment}$`, flags);

/** 11–99 written out by hand, so the test does not share the lexicon's way of building them. */
const SPELLED: [string, number][] = [
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
];
const TENS: [string, number][] = [
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
];
const UNITS: [string, number][] = [
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
];

/** Every number from 11 to 99 in words, hyphenated ("twenty-one"). */
function elevenToNinetyNine(): [string, number][] {
  const out: [string, number][] = [...SPELLED];
  for (const [t, tv] of TENS) {
    out.push([t, tv]);
    for (const [u, uv] of UNITS) out.push([`${t}-${u}`, tv + uv]);
  }
  return out;
}

test('every number from 11 to 99 in words parses, hyphenated or spaced, and the pattern takes it', () => {
  const all = elevenToNinetyNine();
  assert.equal(all.length, 89);
  const pattern = whole(NUMBER_WORDS, 'i');
  for (const [text, value] of all) {
    assert.equal(parseNumberWords(text), value, text);
    assert.equal(parseNumberWords(text.replace('-', ' ')), value, text.replace('-', ' '));
    assert.equal(parseNumberWords(text.toUpperCase()), value, text.toUpperCase());
    assert.ok(pattern.test(text), text);
    assert.ok(pattern.test(text.replace('-', ' ')), text);
  }
  assert.equal(parseNumberWords('seventeen'), 17);
  assert.equal(parseNumberWords('nineteen'), 19);
  assert.equal(parseNumberWords('seventy'), 70);
  assert.equal(parseNumberWords('ninety-nine'), 99);
  assert.equal(parseNumberWords('twenty one'), 21);
});

test('hundreds and larger scales: a hundred, one hundred and five, two thousand', () => {
  const cases: [string, number][] = [
    ['a hundred', 100],
    ['an hundred', 100],
    ['hundred', 100],
    ['one hundred', 100],
    ['one hundred and five', 105],
    ['one hundred five', 105],
    ['two hundred and thirty-four', 234],
    ['fifteen hundred', 1500],
    ['two thousand', 2000],
    ['a thousand', 1000],
    ['two thousand and twelve', 2012],
    ['three hundred thousand', 300_000],
    ['ten million', 10_000_000],
    ['one', 1],
  ];
  const pattern = whole(NUMBER_WORDS, 'i');
  for (const [text, value] of cases) {
    assert.equal(parseNumberWords(text), value, text);
    assert.ok(pattern.test(text), text);
  }
  // "a" alone counts one ("a week"), but the pattern leaves it to its callers, which take it anyway.
  assert.equal(parseNumberWords('a'), 1);
  assert.ok(!pattern.test('a'));
});

test('what is not a number in words', () => {
  for (const text of [
    'thousand',
    'twenty ten',
    'one two',
    'seven teen',
    'hundred hundred',
    'one hundred and',
    'and five',
    'first',
    'dozen',
    'several',
    'twenty-first',
    'one-year',
    '',
  ])
    assert.equal(parseNumberWords(text), undefined, JSON.stringify(text));
});

test('readNumberWords stops where the number does', () => {
  const read = (text: string) => {
    const w = text.split(' ');
    return readNumberWords((k) => w[k], 0);
  };
  assert.deepEqual(read('seventeen days later'), { value: 17, next: 1 });
  assert.deepEqual(read('twenty one people'), { value: 21, next: 2 });
  assert.deepEqual(read('one hundred and five people'), { value: 105, next: 4 });
  // "and" does not join a number that a scale follows: these are two numbers.
  assert.deepEqual(read('one hundred and two hundred'), { value: 100, next: 2 });
  assert.deepEqual(read('two and a half'), { value: 2, next: 1 });
  assert.deepEqual(read('a week'), { value: 1, next: 1 });
  // A hyphenated word is taken whole or not at all.
  assert.deepEqual(read('twenty-one-year-old'), undefined);
  assert.equal(read('people'), undefined);
  // The caller can stop the number (punctuation between the words).
  assert.deepEqual(
    readNumberWords((k) => ['twenty', 'six'][k] && (k === 0 ? 'twenty' : undefined), 0),
    { value: 20, next: 1 },
  );
});

test('ordinals in words and figures', () => {
  assert.equal(ordinalValue('third'), 3);
  assert.equal(ordinalValue('Fourth'), 4);
  assert.equal(ordinalValue('21st'), 21);
  assert.equal(ordinalValue('twentieth'), 20);
  assert.equal(ordinalValue('thirds'), undefined);
});

test('month patterns: every name and short form, dots only where each variant allows them', () => {
  for (const m of MONTHS_FULL) assert.ok(whole(MONTH_NAME).test(m), m);
  for (const m of ['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'])
    assert.ok(whole(MONTH_NAME).test(m), m);
  assert.ok(!whole(MONTH_NAME).test('Marc'));
  assert.ok(!whole(MONTH_NAME).test('january'), 'case as written unless the caller adds the i flag');
  assert.ok(whole(MONTH_NAME, 'i').test('JANUARY'));
  // A dot after a short form in dates; after "May" only in the any-dot variant.
  assert.ok(whole(MONTH_WITH_DOT).test('Sept.'));
  assert.ok(whole(MONTH_WITH_DOT).test('Jan.'));
  assert.ok(!whole(MONTH_WITH_DOT).test('May.'));
  assert.ok(!whole(MONTH_WITH_DOT).test('January.'));
  assert.ok(whole(MONTH_ANY_DOT).test('May.'));
  assert.ok(whole(MONTH_ANY_DOT).test('January.'));
  assert.equal(new RegExp(MONTH_WITH_DOT).exec('Sept. 5')?.[0], 'Sept.');
  assert.equal(new RegExp(MONTH_NAME).exec('September 5')?.[0], 'September');
  assert.ok(whole(WEEKDAY_NAME).test('Thursday'));
  assert.ok(!whole(WEEKDAY_NAME).test('Thurs'));
});

test('month numbers from any written form', () => {
  assert.equal(monthNumber('January'), 1);
  assert.equal(monthNumber('Sept.'), 9);
  assert.equal(monthNumber('sep'), 9);
  assert.equal(monthNumber('DEC'), 12);
  assert.equal(monthNumber('May'), 5);
  assert.equal(monthNumber('Monday'), undefined);
});

test('the sentence splitter does not split after titles, months or state abbreviations', () => {
  for (const a of ['mr', 'gen', 'lt', 'jan', 'sept', 'u.s', 'calif', 'etc'])
    assert.ok(SENTENCE_ABBREVIATIONS.has(a), a);
  assert.ok(!SENTENCE_ABBREVIATIONS.has('may'), 'May is a word, not an abbreviation');
});

test('number word lists hold 1-9, 10-19 and the tens', () => {
  assert.equal(UNIT_WORDS.length, 9);
  assert.equal(TEEN_WORDS.length, 10);
  assert.deepEqual(
    [...TENS_WORDS],
    TENS.map(([w]) => w),
  );
});

test('tokenize gives offsets into the text under each notion', () => {
  const text = 'Mr. al-Sham paid $500,000 (40pc) on Jan. 5.';
  for (const notion of ['word', 'compound', 'name', 'quote', 'lettered', 'figure'] as const)
    for (const t of tokenize(text, notion)) assert.equal(text.slice(t.start, t.end), t.text, notion);
  assert.deepEqual(
    tokenize(text).map((t) => t.text),
    ['Mr', 'al', 'Sham', 'paid', '500', '000', '40pc', 'on', 'Jan', '5'],
  );
  assert.deepEqual(
    tokenize(text, 'name').map((t) => t.text),
    ['Mr.', 'al-Sham', 'paid', '500', '000', '40pc', 'on', 'Jan.', '5.'],
  );
  assert.deepEqual(
    tokenize(text, 'quote').map((t) => t.text),
    ['Mr', 'al-Sham', 'paid', '500,000', '40pc', 'on', 'Jan', '5'],
  );
  assert.deepEqual(
    tokenize(text, 'figure').map((t) => t.text),
    ['Mr', 'al-Sham', 'paid', '$', '500,000', '40', 'pc', 'on', 'Jan', '5'],
  );
  // words() and tokens() are the texts of the word and compound notions.
  assert.deepEqual(
    words(text),
    tokenize(text).map((t) => t.text.toLowerCase()),
  );
  assert.deepEqual(
    tokens(text),
    tokenize(text, 'compound').map((t) => t.text),
  );
});
