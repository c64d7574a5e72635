/**
 * Reading an HTTP response body within a size limit, undoing its Content-Encoding (gzip, deflate, br).
 * The limit holds on the bytes received and again on the decoded bytes, counted as they come out of the
 * decoder, so a small compressed body that would inflate to gigabytes (a "zip bomb") is dropped as soon as
 * it passes the limit instead of being inflated first.
 */
import type { Readable } from 'node:stream';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** More stacked encodings than this is not something a real server sends. */
const MAX_ENCODINGS = 3;

// Like browsers, accept a compressed body that ends early rather than fail on the missing trailer.
const LENIENT_ZLIB: zlib.ZlibOptions = {
  flush: zlib.constants.Z_SYNC_FLUSH,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
};
const LENIENT_BROTLI: zlib.BrotliOptions = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};

/** A zlib stream starts with a header whose low nibble is 8 (deflate) and whose two bytes are a multiple of 31. */
function zlibWrapped(chunk: Buffer): boolean {
  return (chunk[0] & 0x0f) === 8 && (chunk.length < 2 || ((chunk[0] << 8) | chunk[1]) % 31 === 0);
}

/**
 * HTTP "deflate" is meant to be zlib-wrapped, but some servers send bare deflate data; the first bytes tell
 * which, so the real decoder is chosen when they arrive.
 */
class DeflateDecoder extends Transform {
  private inner?: zlib.Inflate | zlib.InflateRaw;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    if (!this.inner) {
      if (chunk.length === 0) {
        done();
        return;
      }
      const inner = zlibWrapped(chunk)
        ? zlib.createInflate(LENIENT_ZLIB)
        : zlib.createInflateRaw(LENIENT_ZLIB);
      inner.on('data', (out: Buffer) => this.push(out));
      inner.on('error', (error) => this.destroy(error));
      this.inner = inner;
    }
    this.inner.write(chunk, () => done());
  }

  override _flush(done: (error?: Error | null) => void): void {
    if (!this.inner) {
      done();
      return;
    }
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.inner?.destroy();
    done(error);
  }
}

/** The decoders for a Content-Encoding header, in the order to apply them (the last encoding first). */
function decodersFor(contentEncoding: string | undefined, href: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length > MAX_ENCODINGS) throw new Error(`${href}: too many content encodings`);
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip(LENIENT_ZLIB);
    if (coding === 'deflate') return new DeflateDecoder();
    if (coding === 'br') return zlib.createBrotliDecompress(LENIENT_BROTLI);
    throw new Error(`${href}: unsupported content encoding ${coding}`);
  });
}

/** A pass-through stage that fails once more than `maxBytes` have gone through it. */
function capped(maxBytes: number, tooLarge: () => Error): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(tooLarge());
      else done(null, chunk);
    },
  });
}

/**
 * The decoded body of a response, at most `maxBytes` on the wire and at most `maxBytes` decoded; fails on a
 * larger body, an unknown encoding, corrupt compressed data, or when `signal` aborts.
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  href: string,
  signal: AbortSignal,
): Promise<Buffer> {
  const tooLarge = () => new Error(`${href}: larger than ${maxBytes} bytes`);
  let decoders: Transform[];
  try {
    decoders = decodersFor(contentEncoding, href);
  } catch (error) {
    body.destroy();
    throw error;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(tooLarge());
      chunks.push(chunk);
      done();
    },
  });
  await pipeline([body, capped(maxBytes, tooLarge), ...decoders, collect], { signal });
  return Buffer.concat(chunks);
}
