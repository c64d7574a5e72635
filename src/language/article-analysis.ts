/**
 * Per-article analysis computed once and kept. A result that depends on one text alone (the named mentions
 * the tagger finds in an article: the costliest per-article step of a brief) is computed once per text and
 * kept as JSON, in memory (the latest MEMORY_ENTRIES texts, so a server or a bench re-briefing a story does
 * not tag its articles again) and, while a store is attached, in the store's `analysis` table (so the next
 * ingest, a new process, briefs a changed story without tagging its old articles again).
 *
 * A key is the kind of result, its version and a hash of the text. The version names the code and the
 * model the result comes from: a kept result is used only by the same version, so a changed tagger never
 * reads results of the old one. Every call returns fresh objects (parsed from the kept JSON), so callers may
 * change what they get. The results are the same whether kept or computed: keeping changes no brief.
 */
import { createHash } from 'node:crypto';

/** Where results outlive the process (the store's `analysis` table, see store/ingest.ts). */
export interface AnalysisStore {
  get(key: string): string | undefined;
  put(key: string, value: string): void;
}

/** Texts whose results are kept in memory (about 1–5 KB each). */
const MEMORY_ENTRIES = 4096;

const memory = new Map<string, string>();
let attached: AnalysisStore | undefined;

/** Keep results in `store` too (undefined: memory only). Returns the store attached before. */
export function attachAnalysisStore(store: AnalysisStore | undefined): AnalysisStore | undefined {
  const before = attached;
  attached = store;
  return before;
}

/** How many results were computed and how many found kept, since the process started (tests, benches). */
export const analysisStats = { computed: 0, kept: 0 };

/** `compute(text)`, or its kept result for the same kind, version and text. */
export function perText<T>(kind: string, version: string, text: string, compute: (text: string) => T): T {
  const key = `${kind}/${version}/${createHash('sha1').update(text).digest('base64url')}`;
  let json = memory.get(key);
  if (json !== undefined) {
    // Most recently used last: the oldest entry is the first one dropped.
    memory.delete(key);
    memory.set(key, json);
  } else json = attached?.get(key);
  if (json !== undefined) {
    analysisStats.kept++;
    remember(key, json);
    return JSON.parse(json) as T;
  }
  const result = compute(text);
  analysisStats.computed++;
  json = JSON.stringify(result);
  remember(key, json);
  attached?.put(key, json);
  return JSON.parse(json) as T;
}

function remember(key: string, json: string): void {
  memory.set(key, json);
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
}

/** Forget the results kept in memory (tests). */
export function clearAnalysisMemory(): void {
  memory.clear();
}
