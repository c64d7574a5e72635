/**
 * Trains the same-story model (src/cluster/same-story.ts) and writes models/same-story.json: a logistic
 * regression over article–story features, from pairs of three labelled streams — ECB+ dev, the DUC 2006
 * topics pooled, the Multi-News dev clusters pooled (../shared/data). Each stream is fed to the clusterer
 * with joins following the gold stories (teacher forcing); every candidate story the index offers an
 * article is a pair, labelled same story or not. Each set weighs the same in the fit, whatever its size.
 * L2 strength and join threshold are chosen by leave-one-dataset-out validation: for each set, a model
 * fitted on the other two clusters it, and the setting with the best mean held-out B³ F1 wins (no set ever
 * picks its own threshold). The shipped model is fitted on all three with that setting; its header records
 * the held-out figures of each set. Deterministic (Newton's method, fixed order).
 *   npm run train:same-story [-- --shared DIR --out DIR --models DIR]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitSameStory, SAME_STORY_FEATURES, type SameStoryWeights } from '../../src/cluster/same-story.js';
import { StoryClusterer, teacherPairs } from '../../src/cluster/stream.js';
import { bcubed, clusterSetFiles, readLabelledStream } from '../../src/eval/cluster.js';
import { inputModelHash, trainerArgs, writeModel } from './model-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { arg, out } = trainerArgs();
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
const L2_GRID = [1, 10];
const THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
const t0 = Date.now();

const sets = clusterSetFiles(shared).map((s) => readLabelledStream(s.name, s.file, s.pooled));
const pairs = sets.map((s) => {
  const gold = new Map(s.articles.map((a, i) => [a.id, s.gold[i]]));
  const p = teacherPairs(s.articles, gold);
  console.error(
    `same-story: ${s.name}: ${p.rows.length} pairs, ${p.labels.filter((l) => l === 1).length} same story`,
  );
  return p;
});

/** A fit on some sets, each set weighing 1 in total. */
function fit(use: number[], l2: number) {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const i of use) {
    const p = pairs[i];
    rows.push(...p.rows);
    labels.push(...p.labels);
    for (let k = 0; k < p.rows.length; k++) weights.push(1000 / p.rows.length);
  }
  return fitSameStory(rows, labels, weights, l2);
}

function clusterF1(set: (typeof sets)[number], model: SameStoryWeights) {
  const c = new StoryClusterer({ learned: true }, model);
  c.addAll(set.articles);
  return bcubed(
    set.articles.map((a) => c.storyOf(a.id)!),
    set.gold,
  );
}

let best = {
  l2: L2_GRID[0],
  threshold: THRESHOLDS[0],
  mean: -1,
  held: [] as Array<{ p: number; f1: number }>,
};
for (const l2 of L2_GRID) {
  const models = sets.map((_, h) =>
    fit(
      [0, 1, 2].filter((i) => i !== h),
      l2,
    ),
  );
  for (const threshold of THRESHOLDS) {
    const held = sets.map((s, h) => clusterF1(s, { ...models[h], threshold }));
    const mean = held.reduce((a, b) => a + b.f1, 0) / held.length;
    console.error(
      `same-story: l2 ${l2} threshold ${threshold}: held-out B³ F1 ${held.map((b) => b.f1.toFixed(4)).join(' ')} (mean ${mean.toFixed(4)})`,
    );
    if (mean > best.mean) best = { l2, threshold, mean, held };
  }
}
console.log(
  `same-story: leave-one-dataset-out B³ F1 ${best.held.map((b, i) => `${sets[i].name} ${b.f1.toFixed(4)}`).join(', ')} ` +
    `(L2 ${best.l2}, threshold ${best.threshold})`,
);

const model = fit([0, 1, 2], best.l2);
const round = (x: number) => Number(x.toPrecision(10));
const key = ['ecbplus', 'duc2006', 'multinews'];
const results: Record<string, number> = {};
sets.forEach((_set, i) => {
  results[`${key[i]}_pairs`] = pairs[i].rows.length;
  results[`${key[i]}_heldout_bcubed_f1`] = round(best.held[i].f1);
  results[`${key[i]}_heldout_bcubed_p`] = round(best.held[i].p);
});
const path = writeModel(
  out,
  sets[0].file,
  {
    name: 'same-story',
    about:
      'Same story or not, for an arriving article and a candidate story of the stream clusterer: logistic ' +
      'regression over cosine (by kind of term), title, name/number overlap by kind, date, near-duplicate and ' +
      'story-spread features, fitted on ECB+ dev, DUC 2006 and Multi-News dev pairs; threshold by ' +
      'leave-one-dataset-out validation.',
    trainer: 'scripts/train/same-story.ts',
    features: SAME_STORY_FEATURES,
    settings: { l2: best.l2, threshold: best.threshold, sets: sets.map((s) => s.name).join(', ') },
    inputs: { ner: inputModelHash('ner') },
    results,
  },
  {
    columns: SAME_STORY_FEATURES.slice(1).map((f) => f.slice(0, f.indexOf(':'))),
    mean: model.mean.map(round),
    sd: model.sd.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    threshold: best.threshold,
  },
);
console.log(`same-story: wrote ${path} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
