/**
 * Scale benchmark of StoryClusterer: throughput and memory at 1k / 10k / 100k articles on one core,
 * over the synthetic Timeline17-based stream of `cluster-stream.ts`.
 *
 *   node --expose-gc --import tsx bench/cluster-scale.ts [sizes, default 1000,10000,100000] [retainArticles|-] [learned|-] [nosplit]
 * The optional second argument sets the clusterer's `retainArticles` ("Infinity": stories never close);
 * `nosplit` turns story splitting off. Besides wall-clock time, the process CPU time of the clustering loop
 * is given (user + system), which a loaded machine blurs less.
 * Each size runs in its own process. Memory is the V8 heap growth over the run, measured after a full
 * GC with the clusterer alive (needs --expose-gc); it includes the shared stem cache (capped at 200k).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nameKind } from '../src/cluster/name-kinds.js';
import { StoryClusterer } from '../src/cluster/stream.js';
import type { Article } from '../src/model.js';
import { buildStream } from './cluster-stream.js';

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return process.memoryUsage().heapUsed / 1e6;
}

const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const retainArticles =
  process.argv[3] === undefined || process.argv[3] === '-' ? undefined : Number(process.argv[3]);
/** `learned` as the fourth argument: the same-story model vetoes joins (its name lists load before the clock). */
const learned = process.argv[4] === 'learned' ? true : undefined;
/** `nosplit` as the fifth argument: stories are never split. */
const split = process.argv[5] === 'nosplit' ? Number.POSITIVE_INFINITY : undefined;

/** Cluster the first n articles; returns the heap growth (after GC) with the clusterer still alive. */
function run(stream: Article[], n: number): { seconds: number; cpu: number; stories: number; heap: number } {
  if (learned) nameKind('warm');
  const before = heapMb();
  const clusterer = new StoryClusterer({ retainArticles, learned, split });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < n; i++) clusterer.add(stream[i]);
  const used = process.cpuUsage(cpuStart);
  const seconds = (performance.now() - start) / 1000;
  const cpu = (used.user + used.system) / 1e6;
  return { seconds, cpu, stories: clusterer.stories().length, heap: heapMb() - before };
}

if (sizes.length === 1) {
  // One size per process, so caches and garbage of another run never blur the memory figure.
  const n = sizes[0];
  const stream = buildStream(n);
  const { seconds, cpu, stories, heap } = run(stream, n);
  const words = stream.reduce((s, a) => s + a.text.split(/\s+/).length, 0) / stream.length;
  console.log(
    `| ${n} | ${words.toFixed(0)} | ${seconds.toFixed(2)} | ${Math.round(n / seconds)} | ${cpu.toFixed(2)} | ${Math.round(n / cpu)} | ${stories} | ${heap.toFixed(1)} | ${((heap * 1000) / n).toFixed(2)} |`,
  );
} else {
  console.log(
    '| articles | words/article | seconds | articles/s | CPU s | articles/CPU s | stories | heap growth MB | KB / article |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), String(n), ...process.argv.slice(3)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    process.stdout.write(r.stdout);
  }
}
