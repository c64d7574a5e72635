import { createHash } from 'node:crypto';

/** SHA-256 hex digest of text or bytes: the identity of a raw input. */
export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
