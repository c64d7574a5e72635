/**
 * Bytes → text: BOMs, declared charsets, lenient UTF-8 with a legacy fallback, and binary detection.
 * Nothing is dropped quietly: stray NUL bytes and invalid UTF-8 are repaired, and each repair is told.
 */

/** A repair made while decoding: the line (1-based) where it first happened and what was done. */
export interface Repair {
  line: number;
  message: string;
}

export type Decoded = { text: string; encoding: string; repairs?: Repair[] } | { error: string };

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Looks for a charset declared in the first 2 KB of an HTML page (<meta charset> or http-equiv). */
export function declaredCharset(head: string): string | undefined {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

/** NUL bytes in the sniffed head beyond which a file is binary: text has none, or a stray few. */
const MAX_STRAY_NULS = 4;

/**
 * True when the bytes look like binary data rather than text: many NUL bytes or control characters in the
 * first 8 KB. A stray NUL or two in a text file (a bad copy, a JSONL line cut and rejoined) is not binary.
 */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return false;
  let control = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) nul++;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return nul > Math.max(MAX_STRAY_NULS, n / 100) || control / n > 0.05;
}

/** The 1-based line of a byte offset. */
function lineAt(buf: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/** The bytes without NULs, and where the first one was (-1 when there is none). */
function withoutNuls(buf: Uint8Array): { bytes: Uint8Array; removed: number; first: number } {
  const first = buf.indexOf(0);
  if (first < 0) return { bytes: buf, removed: 0, first };
  const bytes = buf.filter((b) => b !== 0);
  return { bytes, removed: buf.length - bytes.length, first };
}

/**
 * How the bytes read as UTF-8: valid multi-byte sequences, invalid bytes (each byte that starts no valid
 * sequence), and the offset of the first invalid one (-1 when all are valid).
 */
export function utf8Validity(buf: Uint8Array): { multibyte: number; invalid: number; firstInvalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => i < buf.length && buf[i] >= lo && buf[i] <= hi;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const lo = b === 0xe0 ? 0xa0 : 0x80;
      const hi = b === 0xed ? 0x9f : 0xbf;
      len = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const lo = b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xf4 ? 0x8f : 0xbf;
      len = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (len === 0) {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    } else {
      if (len > 1) multibyte++;
      i += len;
    }
  }
  return { multibyte, invalid, firstInvalid };
}

function tryDecode(buf: Uint8Array, encoding: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal }).decode(buf);
  } catch {
    return undefined;
  }
}

/**
 * Decode raw bytes. Order: BOM, then UTF-8 (strict, or with U+FFFD for invalid bytes when the text is
 * mostly UTF-8), then the charset the page declares, then windows-1252. Stray NUL bytes are removed.
 * Binary input gives `{ error }`.
 */
export function decodeBytes(raw: Uint8Array, kind: 'html' | 'text' = 'text'): Decoded {
  for (const [bom, enc] of BOMS) {
    if (bom.every((b, i) => raw[i] === b)) {
      const text = tryDecode(raw.subarray(bom.length), enc, false);
      if (text !== undefined) return { text, encoding: enc };
    }
  }
  if (looksBinary(raw)) return { error: 'binary data, not text' };
  const repairs: Repair[] = [];
  const nuls = withoutNuls(raw);
  const buf = nuls.bytes;
  if (nuls.removed)
    repairs.push({
      line: lineAt(raw, nuls.first),
      message: `${nuls.removed} stray NUL byte${nuls.removed > 1 ? 's' : ''} removed`,
    });
  const done = (text: string, encoding: string): Decoded =>
    repairs.length ? { text, encoding, repairs } : { text, encoding };
  const utf8 = tryDecode(buf, 'utf-8', true);
  if (utf8 !== undefined) return done(utf8, 'utf-8');
  // One bad byte in a UTF-8 file (a cut sequence, a stray Latin-1 letter) must not turn the whole file
  // into mojibake: when valid multi-byte sequences outnumber the invalid bytes, the file is UTF-8.
  const v = utf8Validity(buf);
  if (v.multibyte > v.invalid) {
    repairs.push({
      line: lineAt(buf, v.firstInvalid),
      message: `${v.invalid} invalid UTF-8 byte${v.invalid > 1 ? 's' : ''} replaced with U+FFFD`,
    });
    return done(new TextDecoder('utf-8').decode(buf), 'utf-8');
  }
  if (kind === 'html') {
    const declared = declaredCharset(new TextDecoder('latin1').decode(buf.subarray(0, 2048)));
    if (declared && !/^utf-?8$/.test(declared)) {
      const text = tryDecode(buf, declared, false);
      if (text !== undefined) return done(fixC1(text), declared);
    }
  }
  const legacy = tryDecode(buf, 'windows-1252', false);
  if (legacy !== undefined) return done(fixC1(legacy), 'windows-1252');
  return { error: 'undecodable text' };
}

// Windows-1252 assigns printable characters to 0x80–0x9F, where Latin-1 has C1 controls. Node 20's decoder
// treats "windows-1252" as Latin-1, so those bytes arrive as controls; map them to what the page meant.
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Replace C1 control characters left by a Latin-1 decode with their Windows-1252 characters. */
export function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
}
