/**
 * The worker thread of the server's ingest queue (jobs.ts): it opens the store on its own connection and
 * runs each posted batch through `ingestDocuments`, one at a time, so the server's event loop keeps answering
 * while pages are extracted, clustered and briefed. Messages in: { id, docs, words }; out: { id, report } or
 * { id, error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RawDocument } from '../model.js';
import { openStore } from '../store/db.js';
import { ingestDocuments } from '../store/ingest.js';

const { path } = workerData as { path: string };
const db = openStore(path);

parentPort?.on('message', (m: { id: string; docs: RawDocument[]; words?: number }) => {
  try {
    const report = ingestDocuments(db, m.docs, { words: m.words });
    parentPort?.postMessage({ id: m.id, report });
  } catch (err) {
    parentPort?.postMessage({ id: m.id, error: (err as Error).message ?? String(err) });
  }
});
