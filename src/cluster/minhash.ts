/**
 * MinHash signatures over word shingles, with LSH banding to find near-duplicate candidates in
 * constant time per document. Containment (share of the smaller text's shingles found in the larger)
 * is estimated from the Jaccard estimate and the two shingle counts, so no shingle set is kept.
 */
import { words } from '../language/tokens.js';

/** Words per shingle. */
export const SHINGLE = 4;
/** Hash functions per signature; BANDS × ROWS. */
export const HASHES = 64;
export const BANDS = 32;
export const ROWS = HASHES / BANDS;

export interface Signature {
  /** HASHES minimum hash values. */
  mins: Uint32Array;
  /** Number of distinct shingles (estimated by the number of shingles, duplicates included). */
  shingles: number;
}

/** FNV-1a over a string, 32 bits. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A strong 32-bit integer mix (finalizer of MurmurHash3). */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds, one per hash function: the same text always gets the same signature.
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

/** Hashes of the word shingles of a text (short texts: one shingle of all their words). */
export function shingleHashes(text: string): Uint32Array {
  const w = words(text).map(fnv);
  if (w.length === 0) return new Uint32Array(0);
  const n = Math.max(1, w.length - SHINGLE + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let k = i; k < Math.min(i + SHINGLE, w.length); k++) h = mix(h ^ w[k]) + k - i;
    out[i] = h >>> 0;
  }
  return out;
}

/** MinHash signature of a text. An empty text gets an all-max signature with 0 shingles. */
export function signature(text: string): Signature {
  const hashes = shingleHashes(text);
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (let j = 0; j < hashes.length; j++) {
    const x = hashes[j];
    for (let i = 0; i < HASHES; i++) {
      const v = mix(x ^ SEEDS[i]);
      if (v < mins[i]) mins[i] = v;
    }
  }
  return { mins, shingles: new Set(hashes).size };
}

/** Estimated Jaccard similarity of two signatures' shingle sets. */
export function jaccard(a: Signature, b: Signature): number {
  if (a.shingles === 0 || b.shingles === 0) return 0;
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a.mins[i] === b.mins[i]) same++;
  return same / HASHES;
}

/** Estimated containment of the smaller shingle set in the larger: |A∩B| / min(|A|, |B|). */
export function containment(a: Signature, b: Signature): number {
  const j = jaccard(a, b);
  if (j === 0) return 0;
  const inter = (j * (a.shingles + b.shingles)) / (1 + j);
  return Math.min(1, inter / Math.min(a.shingles, b.shingles));
}

/** Band keys of a signature: one number per band, mixing the band index and its rows. */
export function bandKeys(sig: Signature): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = mix(b + 1);
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig.mins[b * ROWS + r]);
    // 32 bits of hash plus the band index above them: distinct bands never collide.
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/**
 * An LSH index of signatures by band. Each bucket keeps at most `bucketCap` entries (the first ones),
 * so 10,000 copies of one text cost constant work each.
 */
export class LshIndex<T> {
  private readonly buckets = new Map<number, T[]>();
  constructor(private readonly bucketCap = 8) {}

  /** Distinct entries sharing at least one band with the signature, in first-seen order. */
  candidates(keys: number[]): T[] {
    const out: T[] = [];
    const seen = new Set<T>();
    for (const k of keys) {
      const bucket = this.buckets.get(k);
      if (!bucket) continue;
      for (const x of bucket)
        if (!seen.has(x)) {
          seen.add(x);
          out.push(x);
        }
    }
    return out;
  }

  add(keys: number[], value: T): void {
    for (const k of keys) {
      const bucket = this.buckets.get(k);
      if (!bucket) this.buckets.set(k, [value]);
      else if (bucket.length < this.bucketCap) bucket.push(value);
    }
  }
}
