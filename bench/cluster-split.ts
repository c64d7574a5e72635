/**
 * Story splitting (issue 22 item 2): what the split checks see on each set, and the split threshold chosen
 * leave-one-dataset-out. For every set: the cuts the 2-means proposes (features, score, and whether the two
 * groups are different gold stories), then B³ per set over a grid of thresholds; for each set the threshold
 * that maximizes the mean B³ F1 of the other two sets is applied to it (leave-one-dataset-out).
 *
 *   npx tsx bench/cluster-split.ts [--cuts]
 */
import { fileURLToPath } from 'node:url';
import { type ClustererOptions, type SplitCut, StoryClusterer } from '../src/cluster/stream.js';
import { bcubed, clusterSetFiles, type LabelledStream, readLabelledStream } from '../src/eval/cluster.js';

const data = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const sets: LabelledStream[] = clusterSetFiles(data).map((s) => readLabelledStream(s.name, s.file, s.pooled));
const FLOORS = (process.env.FLOORS ?? '0,0.15,0.2,0.25').split(',').map(Number);
const THRESHOLDS = [
  Number.POSITIVE_INFINITY,
  ...(process.env.GRID ?? '0.3,0.35,0.4,0.45,0.5').split(',').map(Number),
];
/** Every (floor, threshold) pair; the first is "never split". */
const GRID: Array<[number, number]> = [
  [0, Number.POSITIVE_INFINITY],
  ...FLOORS.flatMap((f) => THRESHOLDS.slice(1).map((t): [number, number] => [f, t])),
];

function run(set: LabelledStream, options: ClustererOptions) {
  const c = new StoryClusterer(options);
  for (const a of set.articles) c.add(a);
  const pred = set.articles.map((a) => c.storyOf(a.id)!);
  return bcubed(pred, set.gold);
}

const majority = (ids: string[], gold: Map<string, string>) => {
  const n = new Map<string, number>();
  for (const id of ids) n.set(gold.get(id)!, (n.get(gold.get(id)!) ?? 0) + 1);
  const [g, k] = [...n].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0];
  return { g, purity: k / ids.length };
};

if (process.argv.includes('--cuts')) {
  console.log('set\tgood\tscore\tnA\tnB\twithinA\twithinB\tcross\tnamesCos\tcontentCos\tyearGap\tdayGap');
  for (const set of sets) {
    const gold = new Map(set.articles.map((a, i) => [a.id, set.gold[i]]));
    StoryClusterer.splitProbe = (cut: SplitCut, score: number) => {
      const ids = (ms: SplitCut['a']) => ms.flatMap((m) => m.report.articleIds);
      const a = majority(ids(cut.a), gold);
      const b = majority(ids(cut.b), gold);
      const f = cut.features;
      const good = a.g !== b.g ? 1 : 0;
      console.log(
        [
          set.name.split(' ')[0],
          good,
          score,
          f.nA,
          f.nB,
          f.withinA,
          f.withinB,
          f.cross,
          f.namesCos,
          f.contentCos,
          f.yearGap,
          f.dayGap,
        ]
          .map((x) => (typeof x === 'number' && !Number.isInteger(x) ? x.toFixed(3) : x))
          .join('\t'),
      );
    };
    run(set, { split: 9 });
  }
  StoryClusterer.splitProbe = undefined;
  process.exit(0);
}

const table: number[][] = sets.map(() => []);
const prec: number[][] = sets.map(() => []);
const rec: number[][] = sets.map(() => []);
console.log(`| floor | split ≥ | ${sets.map((s) => `${s.name} B³ F1 (P / R)`).join(' | ')} | mean |`);
console.log(`|---:|---:|${sets.map(() => '---:|').join('')}---:|`);
for (const [floor, t] of GRID) {
  const cells: string[] = [];
  sets.forEach((set, k) => {
    const b = run(set, { split: t, splitFloor: floor });
    table[k].push(b.f1);
    prec[k].push(b.p);
    rec[k].push(b.r);
    cells.push(`${b.f1.toFixed(4)} (${b.p.toFixed(3)} / ${b.r.toFixed(3)})`);
  });
  const mean = table.reduce((x, col) => x + col[col.length - 1], 0) / sets.length;
  console.log(`| ${floor} | ${Number.isFinite(t) ? t : 'off'} | ${cells.join(' | ')} | ${mean.toFixed(4)} |`);
}
console.log(
  '\nLeave-one-dataset-out: threshold by the mean B³ F1 of the other two sets, applied to the third\n',
);
console.log('| held-out set | floor | threshold | B³ P | B³ R | B³ F1 | off |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
sets.forEach((set, k) => {
  let best = 0;
  let bestMean = -1;
  GRID.forEach((_, g) => {
    const others = sets.map((__, j) => j).filter((j) => j !== k);
    const m = others.reduce((x, j) => x + table[j][g], 0) / others.length;
    if (m > bestMean + 1e-12) {
      bestMean = m;
      best = g;
    }
  });
  const [floor, t] = GRID[best];
  console.log(
    `| ${set.name} | ${floor} | ${Number.isFinite(t) ? t : 'off'} | ${prec[k][best].toFixed(4)} | ${rec[k][best].toFixed(4)} | ${table[k][best].toFixed(4)} | ${table[k][0].toFixed(4)} |`,
  );
});
