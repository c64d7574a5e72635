/**
 * Load test of `newsfuse serve`: story pages (and the brief JSON) from a store of ≥ 10,000 articles.
 *
 *   npx tsx bench/load.ts [--articles 12000] [--db .tmp/load.db] [--seconds 20] [--concurrency 4[,16,64]]
 *   npx tsx bench/load.ts --story 1000 --articles 2000 --seconds 10 --concurrency 4,16,64
 *
 * With `--story N` (issue 24's benchmark) the store (default .tmp/load-story.db) also holds one story of N
 * articles (copies of one report, each missing a different fifth of its lines, over three days), and the
 * routes are that story's page, the story list and a search. 503 answers (the server's deliberate refusal
 * when saturated) are counted apart from errors.
 *
 * 1. Builds the store once (reused while it holds enough articles): the synthetic Timeline17-based stream
 *    of `cluster-stream.ts` (real news text, fictional copies), stored with its sentences, then clustered
 *    and briefed exactly as `newsfuse ingest` does.
 * 2. Starts `newsfuse serve` in a child process: one Node process, so the server uses one core; this
 *    process (the client, on the other core) keeps `concurrency` keep-alive requests in flight.
 * 3. For each route, warms up for 3 s, then requests story ids in a fixed shuffled order for `seconds`
 *    and prints requests/s and latency percentiles (ms, measured at the client).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { articleSentences } from '../src/language/sentences.js';
import type { Article } from '../src/model.js';
import { openStore } from '../src/store/db.js';
import { updateStories } from '../src/store/ingest.js';
import { addArticle, counts } from '../src/store/repository.js';
import { buildStream } from './cluster-stream.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '12000' },
    db: { type: 'string', default: resolve(root, '.tmp/load.db') },
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4' },
    port: { type: 'string', default: '8791' },
    story: { type: 'string' },
  },
});
const wanted = Number(values.articles);
const seconds = Number(values.seconds);
const levels = values.concurrency.split(',').map(Number);
const storySize = values.story ? Number(values.story) : 0;
if (storySize && values.db === resolve(root, '.tmp/load.db')) values.db = resolve(root, '.tmp/load-story.db');
const port = Number(values.port);

function buildStore(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const db = openStore(path);
  const have = counts(db).articles;
  if (have >= wanted) {
    db.close();
    return;
  }
  const started = performance.now();
  const stream = buildStream(wanted);
  for (const a of stream.slice(have)) addArticle(db, a, articleSentences(a));
  if (storySize) for (const a of bigStory(stream, storySize)) addArticle(db, a, articleSentences(a));
  const stored = performance.now();
  const stories = updateStories(db, 120);
  console.error(
    `store: ${wanted} articles stored in ${((stored - started) / 1000).toFixed(1)} s; ` +
      `${stories.stories} stories clustered and briefed in ${((performance.now() - stored) / 1000).toFixed(1)} s`,
  );
  db.close();
}

/** N copies of the stream's first long report, each missing a different fifth of its lines (seeded). */
function bigStory(stream: Article[], n: number): Article[] {
  const base = stream.find((a) => a.paragraphs.length >= 12) ?? stream[0];
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  return Array.from({ length: n }, (_, i) => {
    const paragraphs = base.paragraphs.filter((_, j) => j === 0 || rand() >= 0.2);
    return {
      ...base,
      id: `big/${i}`,
      source: `big-${i}`,
      hash: `big/${i}`,
      publisher: `Outlet ${i % 97}`,
      published: base.published,
      paragraphs,
      text: paragraphs.join('\n'),
    };
  });
}

/** The id of the story with the most articles. */
function biggestStory(path: string): { id: string; articles: number } {
  const db = openStore(path);
  const r = db
    .prepare(
      'SELECT story_id AS id, COUNT(*) AS n FROM story_articles GROUP BY story_id ORDER BY n DESC LIMIT 1',
    )
    .get() as { id: string; n: number };
  db.close();
  return { id: r.id, articles: r.n };
}

/** Story ids in a fixed shuffled order, and one search word from each story's headline. */
function storyIds(path: string): { ids: string[]; words: string[] } {
  const db = openStore(path);
  const rows = db.prepare('SELECT id, headline FROM stories ORDER BY id').all() as {
    id: string;
    headline: string;
  }[];
  db.close();
  const ids = rows.map((r) => r.id);
  const words = rows.map((r) => r.headline.match(/\p{L}{5,}/u)?.[0] ?? 'news');
  // A fixed pseudo-random order (LCG), so runs are comparable and no page is favoured by the cache.
  let s = 12345;
  for (let i = ids.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [ids[i], ids[j]] = [ids[j], ids[i]];
    [words[i], words[j]] = [words[j], words[i]];
  }
  return { ids, words };
}

async function startServer(path: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(root, 'src/cli/main.ts'), 'serve', '--db', path, '--port', String(port)],
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: root },
  );
  await new Promise<void>((ok, fail) => {
    child.stderr?.on('data', (b: Buffer) => {
      if (b.toString().includes('serving')) ok();
    });
    child.on('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
}

interface Run {
  requests: number;
  errors: number;
  busy: number;
  seconds: number;
  latencies: number[];
  bytes: number;
}

async function hammer(urls: string[], forSeconds: number, concurrency: number): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let busy = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + forSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const url = urls[next++ % urls.length];
      const t = performance.now();
      try {
        const res = await fetch(url);
        const body = await res.arrayBuffer();
        latencies.push(performance.now() - t);
        bytes += body.byteLength;
        if (res.status === 503) busy++;
        else if (res.status !== 200) errors++;
      } catch {
        // A connection reset or refused: an error, timed like any other answer.
        latencies.push(performance.now() - t);
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    requests: latencies.length,
    errors,
    busy,
    seconds: (performance.now() - started) / 1000,
    latencies,
    bytes,
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main(): Promise<void> {
  const path = values.db;
  buildStore(path);
  const db = openStore(path);
  const { articles, stories } = counts(db);
  db.close();
  const { ids, words } = storyIds(path);
  const big = storySize ? biggestStory(path) : undefined;
  const routes: [string, (id: string, i: number) => string][] = big
    ? [
        [
          `GET /stories/:id (story of ${big.articles} articles)`,
          () => `/stories/${encodeURIComponent(big.id)}`,
        ],
        ['GET / (story list)', () => '/'],
        ['GET /?q=WORD (search)', (_, i) => `/?q=${encodeURIComponent(words[i])}`],
      ]
    : [
        ['GET /stories/:id (story page)', (id) => `/stories/${encodeURIComponent(id)}`],
        ['GET /api/stories/:id (brief JSON)', (id) => `/api/stories/${encodeURIComponent(id)}`],
        ['GET /?q=WORD (story list, FTS5 search)', (_, i) => `/?q=${encodeURIComponent(words[i])}`],
      ];
  const server = await startServer(path);
  try {
    console.log(`store: ${articles} articles, ${stories} stories; ${seconds} s per route and level`);
    console.log(
      '| route | in flight | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | 503 | errors | KB/response |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const concurrency of levels)
      for (const [name, make] of routes) {
        const urls = ids.map((id, i) => `http://127.0.0.1:${port}${make(id, i)}`);
        await hammer(urls, 3, concurrency);
        const r = await hammer(urls, seconds, concurrency);
        const l = r.latencies.sort((x, y) => x - y);
        console.log(
          `| ${name} | ${concurrency} | ${r.requests} | ${Math.round(r.requests / r.seconds)} | ${pct(l, 0.5).toFixed(1)} | ${pct(l, 0.9).toFixed(1)} | ${pct(l, 0.99).toFixed(1)} | ${l[l.length - 1].toFixed(1)} | ${r.busy} | ${r.errors} | ${(r.bytes / r.requests / 1024).toFixed(1)} |`,
        );
      }
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
