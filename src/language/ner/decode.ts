/**
 * Viterbi decoding over the BIO tags (NER_TAGS order) with first-order transitions: the best tag sequence
 * given each token's score per tag and the tag-to-tag scores. I-X may only follow B-X or I-X, so every
 * output reads as whole entities.
 */
import { NER_TAGS } from './bio.js';

export const TAG_COUNT = NER_TAGS.length;

/** allowed[prev * T + tag], prev = T for the sentence start. */
const allowed: boolean[] = [];
for (let prev = 0; prev <= TAG_COUNT; prev++)
  for (let tag = 0; tag < TAG_COUNT; tag++) {
    const t = NER_TAGS[tag];
    const p = prev < TAG_COUNT ? NER_TAGS[prev] : 'O';
    allowed.push(!t.startsWith('I-') || (p !== 'O' && p.slice(2) === t.slice(2)));
  }

/** The tags that may come before each tag (not the start), in order: PREVIOUS[tag] is a list of prev. */
const PREVIOUS: readonly Int32Array[] = NER_TAGS.map((_, tag) =>
  Int32Array.from(NER_TAGS.keys()).filter((prev) => allowed[prev * TAG_COUNT + tag]),
);

/**
 * emit[i * T + tag]: token i's score for tag; trans[prev * T + tag] with prev = T for the start.
 * Returns the tag indices.
 */
export function viterbi(n: number, emit: Float64Array, trans: ArrayLike<number>): Int32Array {
  const T = TAG_COUNT;
  const out = new Int32Array(n);
  if (!n) return out;
  let score = new Float64Array(T);
  let next = new Float64Array(T);
  const back = new Int32Array(n * T);
  for (let t = 0; t < T; t++)
    score[t] = allowed[T * T + t] ? emit[t] + trans[T * T + t] : Number.NEGATIVE_INFINITY;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const previous = PREVIOUS[t];
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let k = 0; k < previous.length; k++) {
        const p = previous[k];
        const s = score[p] + trans[p * T + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      next[t] = best + emit[i * T + t];
      back[i * T + t] = arg;
    }
    const last = score;
    score = next;
    next = last;
  }
  let arg = 0;
  for (let t = 1; t < T; t++) if (score[t] > score[arg]) arg = t;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * T + arg];
  }
  return out;
}
