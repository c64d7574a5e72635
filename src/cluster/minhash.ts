/**
 * MinHash signatures over word shingles (from the word hashes `analyze` yields, i.e. the first ~500
 * words), with LSH banding to find near-duplicate candidates in constant time per document. Containment (share of the smaller text's shingles found in the larger)
 * is estimated from the Jaccard estimate and the two shingle counts, so no shingle set is kept.
 */

/** Words per shingle. */
export const SHINGLE = 4;
/** MinHash bins per signature (must be 64: the bin is the top 6 bits of a hash); BANDS × ROWS. */
export const HASHES = 64;
export const BANDS = 32;
export const ROWS = HASHES / BANDS;

export interface Signature {
  /** HASHES minimum hash values (as signed 32-bit integers: any fixed order works for MinHash). */
  mins: Int32Array;
  /** Number of shingles (repeats included: near enough to the distinct count for news text). */
  shingles: number;
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

/** Hashes of the word shingles, from word hashes (short texts: one shingle of all their words). */
export function shingleHashes(wordHashes: Int32Array): Int32Array {
  const w = wordHashes;
  if (w.length === 0) return new Int32Array(0);
  const n = Math.max(1, w.length - SHINGLE + 1);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0;
    for (let k = i; k < Math.min(i + SHINGLE, w.length); k++) h = mix(h ^ w[k]) + k - i;
    out[i] = h | 0;
  }
  return out;
}

/** Marks a bin no shingle fell into. */
const EMPTY = 0x7fffffff;

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012): each shingle hash goes to one of HASHES bins by its
 * top bits and the bin keeps its minimum, so the cost is one hash per shingle. An empty text gets all
 * bins empty and 0 shingles.
 */
export function signature(wordHashes: Int32Array): Signature {
  const hashes = shingleHashes(wordHashes);
  const mins = new Int32Array(HASHES).fill(EMPTY);
  for (let j = 0; j < hashes.length; j++) {
    const h = mix(hashes[j] ^ 0x5bd1e995);
    const bin = h >>> 26; // top 6 bits: 64 bins
    const v = h & 0x3ffffff;
    if (v < mins[bin]) mins[bin] = v;
  }
  return { mins, shingles: hashes.length };
}

/** Estimated Jaccard similarity: agreeing bins among the bins not empty in both. */
export function jaccard(a: Signature, b: Signature): number {
  if (a.shingles === 0 || b.shingles === 0) return 0;
  let same = 0;
  let used = 0;
  for (let i = 0; i < HASHES; i++) {
    const x = a.mins[i];
    const y = b.mins[i];
    if (x === EMPTY && y === EMPTY) continue;
    used++;
    if (x === y) same++;
  }
  return used ? same / used : 0;
}

/** Estimated containment of the smaller shingle set in the larger: |A∩B| / min(|A|, |B|). */
export function containment(a: Signature, b: Signature): number {
  const j = jaccard(a, b);
  if (j === 0) return 0;
  const inter = (j * (a.shingles + b.shingles)) / (1 + j);
  return Math.min(1, inter / Math.min(a.shingles, b.shingles));
}

/** Band keys of a signature: one number per band with no empty bin, mixing the band index and rows. */
export function bandKeys(sig: Signature): number[] {
  const keys: number[] = [];
  bands: for (let b = 0; b < BANDS; b++) {
    let h = mix(b + 1);
    for (let r = 0; r < ROWS; r++) {
      const v = sig.mins[b * ROWS + r];
      if (v === EMPTY) continue bands;
      h = mix(h ^ v);
    }
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
  private buckets = new Map<number, T[]>();
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

  /** The buckets, for saving the index (see `StoryClusterer.snapshot`). */
  get state(): Map<number, T[]> {
    return this.buckets;
  }

  /** An index over saved buckets. */
  static fromState<T>(buckets: Map<number, T[]>, bucketCap = 8): LshIndex<T> {
    const index = new LshIndex<T>(bucketCap);
    index.buckets = buckets;
    return index;
  }

  /** Take an entry out of the buckets it was added to (same keys). */
  remove(keys: number[], value: T): void {
    for (const k of keys) {
      const bucket = this.buckets.get(k);
      if (!bucket) continue;
      const i = bucket.indexOf(value);
      if (i < 0) continue;
      if (bucket.length === 1) this.buckets.delete(k);
      else bucket.splice(i, 1);
    }
  }

  add(keys: number[], value: T): void {
    for (const k of keys) {
      const bucket = this.buckets.get(k);
      if (!bucket) this.buckets.set(k, [value]);
      else if (bucket.length < this.bucketCap) bucket.push(value);
    }
  }
}
