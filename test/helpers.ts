/**
 * Shared test helpers: paths to the repo and the shared dev data, the skip reasons of the data and browser
 * tiers, temporary directories that are removed when the test file ends, and a CLI runner.
 */

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { extractArticle } from '../src/extract/index.js';
import { documentsFromBytes } from '../src/ingest/index.js';
import { INGEST_LIMITS, type IngestLimits } from '../src/ingest/limits.js';
import type { Article, Sentence } from '../src/model.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const sharedData = fileURLToPath(new URL('../../shared/data/', import.meta.url));
export const samplesDir = `${sharedData}samples/aleppo-talks`;
/** The example pages shipped in the repo (own text): what unit tests brief, cluster and serve. */
export const examplesDir = `${repoRoot}examples/harbor-fire`;

/**
 * Why the data tier skips, or false when ../shared/data is there. Pass as `test(name, { skip: NO_DATA }, …)`:
 * each check then prints one line saying what is missing instead of failing.
 */
export const NO_DATA: string | false = existsSync(sharedData)
  ? false
  : '../shared/data not found — dev-set checks need it beside the repo';

/** The browser the UI test drives: Debian's chromium, or CHROMIUM_PATH (set it to a missing path to skip). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tier skips, or false when the browser is there. */
export const NO_BROWSER: string | false = isExecutable(chromiumPath)
  ? false
  : `${chromiumPath} not found — the browser test needs chromium (apt-get install chromium)`;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const made: string[] = [];
const removeAll = () => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
};
// After the file's last test; the exit hook catches a file whose tests did not all run.
after(removeAll);
process.once('exit', removeAll);

/**
 * A fresh directory under the system temp dir, removed with everything in it (SQLite -wal and -shm files
 * included) when the test file ends. Every test that writes files uses this, so no run leaves /tmp fuller.
 */
export function tempDir(prefix = 'nf-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Writes into `dir` three pages of the example fire story and a fourth, poisoned.txt, carrying the marker
 * the injected fault (INJECT_FAULT) throws on.
 */
export function poisonedStory(dir: string): void {
  for (const f of [
    'courier-warehouse-fire.html',
    'nws-wire-calderwick-fire.txt',
    'coastline-daily-fire.html',
  ])
    copyFileSync(join(examplesDir, f), join(dir, f));
  const radio = readFileSync(join(examplesDir, 'harbour-radio-fire-investigation.txt'), 'utf8');
  const marked = radio.replace('Fire investigators began', 'INJECTED-FAULT Fire investigators began');
  assert.notEqual(marked, radio);
  writeFileSync(join(dir, 'poisoned.txt'), marked);
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

type Write = typeof process.stdout.write;

/** A stream's write that keeps the strings written and passes anything else on (the test runner's reports). */
function keepStrings(kept: string[], original: Write): Write {
  return function (this: unknown, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'string')
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    kept.push(chunk);
    const done = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
    done?.();
    return true;
  } as Write;
}

/**
 * Run `newsfuse <args>` inside the test process: the CLI's own `main()`, with what it writes to stdout and
 * stderr captured and its exit code returned. A child process would load every module again (about 2 s of
 * CPU under tsx, most of a CLI test); `runCli` is for what needs one (stdin, the entry point, node options).
 */
export async function cli(args: string[]): Promise<CliRun> {
  const { main } = await import('../src/cli/main.js');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const saved = { out: process.stdout.write, err: process.stderr.write, exitCode: process.exitCode };
  process.stdout.write = keepStrings(stdout, saved.out);
  process.stderr.write = keepStrings(stderr, saved.err);
  process.exitCode = undefined;
  try {
    const status = await main(args);
    return { status, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exitCode = saved.exitCode;
  }
}

/** Node options that make the quotation scanner throw on pages containing INJECTED-FAULT. */
export const INJECT_FAULT = ['--import', `${repoRoot}test/fault-loader.mjs`];

/** Run `newsfuse <args>` from the TypeScript sources in a child process (with extra node options). */
export function runCli(args: string[], input?: string, nodeOptions: string[] = []): CliRun {
  const node = ['--import', 'tsx', ...nodeOptions];
  const r = spawnSync(process.execPath, [...node, `${repoRoot}src/cli/main.ts`, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Extract one page given by name and content, with every message its reading and extraction gave. */
export function extractPage(
  name: string,
  content: string | Buffer,
  limits: IngestLimits = INGEST_LIMITS,
): { article?: Article; messages: string[] } {
  const { docs, diagnostics } = documentsFromBytes(
    name,
    typeof content === 'string' ? Buffer.from(content) : content,
    limits,
  );
  const messages = diagnostics.map((d) => d.message);
  if (!docs.length) return { messages };
  const r = extractArticle(docs[0]);
  return { article: r.article, messages: [...messages, ...r.diagnostics.map((d) => d.message)] };
}

/** Headless Debian chromium for the browser tier (no browser download, no background traffic). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A sentence of article `articleId` at `index`, with optional marks (caption, dateline), for pure stage tests. */
export const sentenceOf = (
  text: string,
  articleId = 'a',
  index = 0,
  marks: Partial<Sentence> = {},
): Sentence => ({ articleId, index, paragraph: 0, start: 0, end: text.length, text, ...marks });

/**
 * Serve an app on a free loopback port for the browser tier: call in `before`; the returned `close` goes in
 * `after`. `base` is the address to open.
 */
export async function serveOnLoopback(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ base: string; close: () => void }> {
  const { serve } = await import('@hono/node-server');
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as import('node:net').AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/** An invented one-source article of the given paragraphs, published on `published` (YYYY-MM-DD). */
export function datedArticle(id: string, published: string, paragraphs: string[]): Article {
  return {
    id,
    source: `${id}.txt`,
    title: id,
    published,
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    hash: id,
  };
}
