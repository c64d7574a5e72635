/** Dataset readers shared by the evaluation tasks: JSON Lines, plain or gzipped. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Read a `.jsonl` or `.jsonl.gz` file into objects, one per non-empty line. Throws with file:line on bad JSON. */
export function readJsonl<T>(path: string): T[] {
  let buf = readFileSync(path);
  if (path.endsWith('.gz') || (buf[0] === 0x1f && buf[1] === 0x8b)) buf = gunzipSync(buf);
  const out: T[] = [];
  const lines = buf.toString('utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch (err) {
      throw new Error(`${path}:${i + 1}: invalid JSON (${(err as Error).message})`);
    }
  }
  return out;
}

/** Read a possibly gzipped file as bytes. */
export function readMaybeGzip(path: string): Buffer {
  const buf = readFileSync(path);
  return path.endsWith('.gz') || (buf[0] === 0x1f && buf[1] === 0x8b) ? gunzipSync(buf) : buf;
}
