/**
 * Scale benchmark of StoryClusterer: throughput and memory at 1k / 10k / 100k articles on one core,
 * over the synthetic Timeline17-based stream of `cluster-stream.ts`.
 *
 *   node --expose-gc --import tsx bench/cluster-scale.ts [sizes, default 1000,10000,100000]
 * Memory is the V8 heap growth after a full GC (needs --expose-gc), with the clusterer still alive.
 */
import { StoryClusterer } from '../src/cluster/stream.js';
import { buildStream } from './cluster-stream.js';

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return process.memoryUsage().heapUsed / 1e6;
}

const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const max = Math.max(...sizes);
const stream = buildStream(max);
const words = stream.reduce((s, a) => s + a.text.split(/\s+/).length, 0) / stream.length;
console.log(`stream: ${stream.length} articles, ${words.toFixed(0)} words on average`);
console.log('| articles | seconds | articles/s | stories | heap MB (after GC) | heap KB / article |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const before = heapMb();
  const clusterer = new StoryClusterer();
  const start = performance.now();
  for (let i = 0; i < n; i++) clusterer.add(stream[i]);
  const seconds = (performance.now() - start) / 1000;
  const stories = clusterer.stories().length;
  const heap = heapMb() - before;
  console.log(
    `| ${n} | ${seconds.toFixed(2)} | ${Math.round(n / seconds)} | ${stories} | ${heap.toFixed(1)} | ${((heap * 1000) / n).toFixed(2)} |`,
  );
}
