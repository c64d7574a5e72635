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

const UNSPACED = new RegExp(`${HAN_KANA.source}|${SOUTHEAST_ASIAN.source}`, 'u');

/** The words one whitespace-separated token stands for: 1, or more for a run of unspaced script. */
export function tokenWords(token: string): number {
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
  return UNSPACED.test(text);
}
