/** Bytes → text: BOMs, declared charsets, lenient UTF-8 with a legacy fallback, and binary detection. */

export type Decoded = { text: string; encoding: string } | { error: string };

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

/** True when the bytes look like binary data rather than text (NUL bytes or many control characters). */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.05;
}

function tryDecode(buf: Uint8Array, encoding: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal }).decode(buf);
  } catch {
    return undefined;
  }
}

/**
 * Decode raw bytes. Order: BOM, then strict UTF-8, then the charset the page declares, then windows-1252.
 * Binary input gives `{ error }`.
 */
export function decodeBytes(buf: Uint8Array, kind: 'html' | 'text' = 'text'): Decoded {
  for (const [bom, enc] of BOMS) {
    if (bom.every((b, i) => buf[i] === b)) {
      const text = tryDecode(buf.subarray(bom.length), enc, false);
      if (text !== undefined) return { text, encoding: enc };
    }
  }
  if (looksBinary(buf)) return { error: 'binary data, not text' };
  const utf8 = tryDecode(buf, 'utf-8', true);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  if (kind === 'html') {
    const declared = declaredCharset(new TextDecoder('latin1').decode(buf.subarray(0, 2048)));
    if (declared && !/^utf-?8$/.test(declared)) {
      const text = tryDecode(buf, declared, false);
      if (text !== undefined) return { text: fixC1(text), encoding: declared };
    }
  }
  const legacy = tryDecode(buf, 'windows-1252', false);
  if (legacy !== undefined) return { text: fixC1(legacy), encoding: 'windows-1252' };
  return { error: 'undecodable text' };
}

// Windows-1252 assigns printable characters to 0x80–0x9F, where Latin-1 has C1 controls. Node 20's decoder
// treats "windows-1252" as Latin-1, so those bytes arrive as controls; map them to what the page meant.
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Replace C1 control characters left by a Latin-1 decode with their Windows-1252 characters. */
export function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
}
