/**
 * Where the clustering errors are (issue 22): per set, B³ recall lost to singletons versus to larger
 * pieces, the gold stories split most (the sizes of their pieces) and the predicted stories mixing golds.
 *
 *   npx tsx bench/cluster-errors.ts [--top N] [--join X ...any ClustererOptions as --name value]
 */
import { fileURLToPath } from 'node:url';
import { type ClustererOptions, StoryClusterer } from '../src/cluster/stream.js';
import { bcubed, clusterSetFiles, type LabelledStream, readLabelledStream } from '../src/eval/cluster.js';

const data = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1] || 8) || 8;
const options: Record<string, number | boolean> = {};
for (let i = 0; i < args.length; i++)
  if (args[i].startsWith('--') && args[i] !== '--top')
    options[args[i].slice(2)] = args[i + 1] === 'true' ? true : Number(args[++i]);

function run(set: LabelledStream, o: ClustererOptions): string[] {
  const c = new StoryClusterer(o);
  for (const a of set.articles) c.add(a);
  return set.articles.map((a) => c.storyOf(a.id)!);
}

for (const s of clusterSetFiles(data)) {
  const set = readLabelledStream(s.name, s.file, s.pooled);
  const pred = run(set, options as ClustererOptions);
  const b = bcubed(pred, set.gold);
  const n = set.gold.length;
  const byGold = new Map<string, Map<string, number>>();
  const byPred = new Map<string, Map<string, number>>();
  set.gold.forEach((g, i) => {
    const m = byGold.get(g) ?? new Map<string, number>();
    m.set(pred[i], (m.get(pred[i]) ?? 0) + 1);
    byGold.set(g, m);
    const q = byPred.get(pred[i]) ?? new Map<string, number>();
    q.set(g, (q.get(g) ?? 0) + 1);
    byPred.set(pred[i], q);
  });
  const predSize = new Map<string, number>();
  for (const p of pred) predSize.set(p, (predSize.get(p) ?? 0) + 1);
  // Recall lost per article = 1 − |own piece| / |gold|; attribute to singletons (pred size 1) or pieces.
  let lostSingle = 0;
  let lostPiece = 0;
  let lostP = 0;
  set.gold.forEach((g, i) => {
    const gs = [...byGold.get(g)!.values()].reduce((x, y) => x + y, 0);
    const own = byGold.get(g)!.get(pred[i])!;
    const loss = 1 - own / gs;
    if (predSize.get(pred[i]) === 1) lostSingle += loss;
    else lostPiece += loss;
    lostP += 1 - own / predSize.get(pred[i])!;
  });
  console.log(
    `\n## ${set.name}: B³ P ${b.p.toFixed(4)} R ${b.r.toFixed(4)} F1 ${b.f1.toFixed(4)}; recall lost by articles left alone ${(lostSingle / n).toFixed(4)}, by articles in a piece ${(lostPiece / n).toFixed(4)}; precision lost ${(lostP / n).toFixed(4)}; singletons ${[...predSize.values()].filter((v) => v === 1).length}`,
  );
  const split = [...byGold]
    .map(([g, m]) => {
      const sizes = [...m.values()].sort((x, y) => y - x);
      const total = sizes.reduce((x, y) => x + y, 0);
      const lost = total - sizes.reduce((x, y) => x + (y * y) / total, 0);
      return { g, sizes, lost };
    })
    .sort((x, y) => y.lost - x.lost);
  console.log('most split gold stories (recall lost in articles; piece sizes):');
  for (const x of split.slice(0, top)) console.log(`  ${x.g}\t${x.lost.toFixed(1)}\t${x.sizes.join(' ')}`);
  const mixed = [...byPred]
    .map(([p, m]) => {
      const sizes = [...m].sort((x, y) => y[1] - x[1]);
      const total = sizes.reduce((x, y) => x + y[1], 0);
      const lost = total - sizes.reduce((x, y) => x + (y[1] * y[1]) / total, 0);
      return { p, sizes, lost };
    })
    .filter((x) => x.sizes.length > 1)
    .sort((x, y) => y.lost - x.lost);
  console.log(`mixed predicted stories: ${mixed.length} (precision lost in articles; gold: count)`);
  for (const x of mixed.slice(0, top))
    console.log(`  ${x.p}\t${x.lost.toFixed(1)}\t${x.sizes.map(([g, k]) => `${g}:${k}`).join(' ')}`);
}
