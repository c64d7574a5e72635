/**
 * How long a text is in words, for the checks that decide whether a block is prose or a page has an
 * article. Whitespace separates words in most scripts, but Chinese and Japanese (and Thai, Lao, Khmer,
 * Burmese) write whole sentences without spaces: there a run of characters counts as the words it holds
 * on average, so a Japanese paragraph weighs about what its English translation would. A token with none
 * of those characters counts as one word, as it always did. Pure.
 */

/** Han, kana and the kana length mark: a Chinese or Japanese word averages about two characters. */
const HAN_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/gu;
const HAN_KANA_CHARS_PER_WORD = 2;
/** Thai, Lao, Khmer, Myanmar: a word averages about five characters (letters and vowel signs). */
const SOUTHEAST_ASIAN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const SOUTHEAST_ASIAN_CHARS_PER_WORD = 5;

/** A character at or past U+0E00, where the first of those scripts (Thai) begins. */
const HIGH = /[\u0e00-\uffff]/;
const UNSPACED = new RegExp(`${HAN_KANA.source}|${SOUTHEAST_ASIAN.source}`, 'u');

/** The words one whitespace-separated token stands for: 1, or more for a run of unspaced script. */
export function tokenWords(token: string): number {
  // Every script above is at or past U+0E00 (Thai): a token below it throughout is one word (the common case).
  let high = false;
  for (let i = 0; i < token.length; i++)
    if (token.charCodeAt(i) >= 0x0e00) {
      high = true;
      break;
    }
  if (!high) return 1;
  const hanKana = token.match(HAN_KANA)?.length ?? 0;
  const southeast = token.match(SOUTHEAST_ASIAN)?.length ?? 0;
  if (!hanKana && !southeast) return 1;
  return Math.max(
    1,
    Math.ceil(hanKana / HAN_KANA_CHARS_PER_WORD) + Math.ceil(southeast / SOUTHEAST_ASIAN_CHARS_PER_WORD),
  );
}

/** Whether a text has characters of a script written without spaces between words. */
export function hasUnspacedScript(text: string): boolean {
  return HIGH.test(text) && UNSPACED.test(text);
}

/** Whether a UTF-16 code unit is an ASCII letter. */
export const isAsciiLetterCode = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether a UTF-16 code unit is an ASCII letter or digit. */
export const isAsciiAlnumCode = (c: number): boolean => (c >= 48 && c <= 57) || isAsciiLetterCode(c);

/** Whether a UTF-16 code unit is whitespace as the regular expression `\s` reads it. */
export function isSpaceCode(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The words of a text: `tokenWords` summed over its whitespace-separated tokens, as
 * `text.split(/\s+/).filter(Boolean)` cuts them, in one pass without building the tokens.
 */
export function wordCount(text: string): number {
  let n = 0;
  let start = -1;
  let high = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isSpaceCode(c)) {
      if (start >= 0) n += high ? tokenWords(text.slice(start, i)) : 1;
      start = -1;
      high = false;
    } else {
      if (start < 0) start = i;
      if (c >= 0x0e00) high = true;
    }
  }
  return n;
}
