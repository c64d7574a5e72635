/**
 * Leave-one-dataset-out choice of clusterer options (issue 22): every option set of a grid is run on the
 * three labelled streams (ECB+ dev, DUC 2006 pooled, Multi-News dev pooled); for each set, the option set with
 * the best mean B³ F1 on the other two (ties: the earlier in the grid) is applied to it. Prints the grid and
 * the held-out table.
 *
 *   npx tsx bench/cluster-lodo.ts '[{"mergeSingle":0.3},{"mergeSingle":0.2}]'
 *   npx tsx bench/cluster-lodo.ts mergeSingle=0.3,0.25,0.2 [textYearPenalty=0.5,1 ...]   # a product grid
 */
import { fileURLToPath } from 'node:url';
import { type ClustererOptions, StoryClusterer } from '../src/cluster/stream.js';
import { bcubed, clusterSetFiles, readLabelledStream } from '../src/eval/cluster.js';

const data = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const sets = clusterSetFiles(data).map((s) => readLabelledStream(s.name, s.file, s.pooled));
const args = process.argv.slice(2);

function parseGrid(): ClustererOptions[] {
  if (args.length === 1 && args[0].startsWith('[')) return JSON.parse(args[0]);
  let grid: Record<string, number>[] = [{}];
  for (const a of args) {
    const [name, values] = a.split('=');
    grid = grid.flatMap((g) => values.split(',').map((v) => ({ ...g, [name]: Number(v) })));
  }
  return grid as ClustererOptions[];
}

const grid = parseGrid();
const scores = grid.map((options) =>
  sets.map((set) => {
    const c = new StoryClusterer(options);
    for (const a of set.articles) c.add(a);
    return bcubed(
      set.articles.map((a) => c.storyOf(a.id)!),
      set.gold,
    );
  }),
);
const label = (o: ClustererOptions) => JSON.stringify(o).replace(/"/g, '');
console.log(`| options | ${sets.map((s) => `${s.name} B³ F1 (P / R)`).join(' | ')} | mean |`);
console.log(`|---|${sets.map(() => '---:|').join('')}---:|`);
grid.forEach((o, g) => {
  const cells = scores[g].map((b) => `${b.f1.toFixed(4)} (${b.p.toFixed(3)} / ${b.r.toFixed(3)})`);
  const mean = scores[g].reduce((x, b) => x + b.f1, 0) / sets.length;
  console.log(`| ${label(o)} | ${cells.join(' | ')} | ${mean.toFixed(4)} |`);
});
console.log('\nLeave-one-dataset-out (options by the mean B³ F1 of the other two sets; ties: the earlier)\n');
console.log('| held-out set | chosen | B³ P | B³ R | B³ F1 held out |');
console.log('|---|---|---:|---:|---:|');
sets.forEach((set, k) => {
  let best = 0;
  let bestMean = -1;
  grid.forEach((_, g) => {
    const others = sets.map((__, j) => j).filter((j) => j !== k);
    const m = others.reduce((x, j) => x + scores[g][j].f1, 0) / others.length;
    if (m > bestMean + 1e-9) {
      bestMean = m;
      best = g;
    }
  });
  const b = scores[best][k];
  console.log(
    `| ${set.name} | ${label(grid[best])} | ${b.p.toFixed(4)} | ${b.r.toFixed(4)} | ${b.f1.toFixed(4)} |`,
  );
});
