/**
 * Summarization speed of the default method, one core: median seconds per cluster over the 50 DUC 2006
 * clusters (25 articles each), and over 100-article clusters built by pooling four DUC topics at a time
 * (12 of them). Run: npx tsx bench/summarize-speed.ts
 */
import { readJsonl } from '../src/eval/data.js';
import { summarizeCluster } from '../src/eval/summarize.js';

type Cluster = Parameters<typeof summarizeCluster>[0];
const data = new URL('../../shared/data/summarization/duc2006.jsonl.gz', import.meta.url).pathname;
const clusters = readJsonl<Cluster>(data);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

summarizeCluster(clusters[0], 'newsfuse', true); // warm-up (loads HiGHS, JIT)
const small = clusters.map((c) => summarizeCluster(c, 'newsfuse', true).seconds);
const big: number[] = [];
for (let i = 0; i + 4 <= 48; i += 4) {
  const group = clusters.slice(i, i + 4);
  const pooled: Cluster = {
    ...group[0],
    id: `pool-${i}`,
    docs: group.flatMap((c) => c.docs.map((d) => ({ ...d, id: `${c.id}-${d.id}` }))),
  };
  big.push(summarizeCluster(pooled, 'newsfuse', true).seconds);
}
console.log(
  JSON.stringify({
    duc25_clusters: small.length,
    duc25_median_s: Number(median(small).toFixed(3)),
    duc25_max_s: Number(Math.max(...small).toFixed(3)),
    pooled100_clusters: big.length,
    pooled100_docs: 100,
    pooled100_median_s: Number(median(big).toFixed(3)),
    pooled100_max_s: Number(Math.max(...big).toFixed(3)),
  }),
);
