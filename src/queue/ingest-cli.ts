/**
 * `newsfuse ingest` against shared services: with `--queue`, local inputs are read and queued as extract
 * jobs and URLs as fetch jobs (the workers fetch them), with back-pressure when the queue is long; without
 * `--queue`, a `postgres://` store is ingested into in this process, as the SQLite store is.
 */

import { changedLines, isLostInput } from '../cli/commands/ingest.js';
import { CliError } from '../cli/errors.js';
import { positiveInt } from '../cli/options.js';
import { reportDiagnostics } from '../cli/output.js';
import { readSources } from '../feeds/index.js';
import type { NewsStore } from '../store/store.js';

export interface SharedIngestOptions {
  db: string;
  queue?: string;
  allowPrivate?: boolean;
  keepAll?: boolean;
  fetch: boolean;
  maxWaiting: string;
  wait?: boolean;
}

const isUrl = (p: string) => /^https?:\/\//i.test(p);

/** Inputs queued per back-pressure check. */
const CHUNK = 500;

export async function ingestShared(sources: string[], opts: SharedIngestOptions): Promise<void> {
  const { openNewsStore, isPostgresUrl } = await import('../store/store.js');
  if (!opts.queue) {
    let store: NewsStore;
    try {
      store = await openNewsStore(opts.db);
    } catch (e) {
      throw new CliError(`--db: ${(e as Error).message}`, 2);
    }
    try {
      const input = await readSources(sources, { allowPrivate: opts.allowPrivate, fetchLinks: opts.fetch });
      const missing = input.diagnostics.find((d) => d.level === 'error');
      if (missing) throw new CliError(`${missing.origin.path}: ${missing.message}`, 2);
      reportDiagnostics(input.diagnostics.filter((d) => !isLostInput(d)));
      const { ingestInto } = await import('../store/shared-ingest.js');
      const report = await ingestInto(store, input.docs, { keepAll: opts.keepAll });
      const failed = [...input.failed, ...report.failed];
      for (const f of failed) process.stderr.write(`failed: ${f.source}: ${f.reason}\n`);
      const total = await store.counts();
      process.stdout.write(
        `${report.added} new, ${report.duplicate} duplicate, ${failed.length} failed; store: ${total.articles} articles in ${total.stories} stories\n`,
      );
      for (const line of changedLines(report.changed)) process.stdout.write(`${line}\n`);
      if (report.added === 0 && report.duplicate === 0 && failed.length > 0) process.exitCode = 1;
    } finally {
      await store.close();
    }
    return;
  }
  const maxWaiting = positiveInt(opts.maxWaiting, '--max-waiting');
  if (opts.wait && !isPostgresUrl(opts.db))
    throw new CliError('--wait needs the shared store: --db postgres://…', 2);
  const { JobQueue } = await import('./queue.js');
  let queue: InstanceType<typeof JobQueue>;
  try {
    queue = JobQueue.open(opts.queue);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
  try {
    const urls = sources.filter(isUrl);
    const local = sources.filter((s) => !isUrl(s));
    const input = local.length ? await readSources(local) : { docs: [], diagnostics: [], failed: [] };
    const missing = input.diagnostics.find((d) => d.level === 'error');
    if (missing) throw new CliError(`${missing.origin.path}: ${missing.message}`, 2);
    reportDiagnostics(input.diagnostics.filter((d) => !isLostInput(d)));
    let waited = 0;
    for (let i = 0; i < input.docs.length; i += CHUNK) {
      waited += await queue.waitForRoom(maxWaiting);
      await queue.enqueueDocs(input.docs.slice(i, i + CHUNK), { keepAll: opts.keepAll });
    }
    await queue.enqueueUrls(urls, {
      allowPrivate: opts.allowPrivate,
      fetchLinks: opts.fetch,
      keepAll: opts.keepAll,
    });
    const lost = input.diagnostics.filter(isLostInput);
    for (const d of lost) process.stderr.write(`failed: ${d.origin.path}: ${d.message}\n`);
    process.stdout.write(
      `queued ${input.docs.length} documents and ${urls.length} fetches` +
        (waited ? ` (waited ${Math.round(waited / 1000)} s for room)` : '') +
        '\n',
    );
    if (opts.wait) {
      const store = await openNewsStore(opts.db);
      try {
        const { waitUntilSettled } = await import('./worker.js');
        await waitUntilSettled(store, queue);
        const total = await store.counts();
        const dead = (await store.deadLetters()).length;
        process.stdout.write(
          `store: ${total.articles} articles in ${total.stories} stories; ${dead} inputs dead-lettered\n`,
        );
      } finally {
        await store.close();
      }
    }
  } finally {
    await queue.close();
  }
}
