/**
 * The learned same-story decision: the probability that an article belongs to a candidate story, from a
 * logistic regression over article–story features (src/cluster/stream.ts computes them; their names and
 * order are SAME_STORY_FEATURES). The weights and the join threshold are models/same-story.json, written by
 * scripts/train/same-story.ts. Pure functions, plus the fitting used by the trainer.
 */

import { derived, loadModel, type ModelFile } from '../models/load.js';
import { newtonLogistic } from '../models/newton.js';

/** The article–story features, in row order (bump the version when their meaning changes). */
export const SAME_STORY_FEATURES: readonly string[] = [
  'version 1',
  'cos: cosine of the article vector with the story centroid (content terms, names, numbers)',
  'cos-content: the part of that cosine carried by content terms',
  'cos-names: the part carried by capitalized names',
  'cos-numbers: the part carried by numbers',
  'title: share of the article title terms found in the story titles (0 without titles)',
  'titled: both the article and the story have titles',
  'names-missing: share of the article name weight (squared) absent from the story',
  'people-missing: the same for the names the NER lists type as people',
  'orgs-missing: the same for organizations',
  'places-missing: the same for places',
  'numbers-missing: share of the article number weight (squared) absent from the story',
  'day-gap: ln(1 + days between the article date and the story dates), 0 when either is undated',
  'undated: the article or the story has no date',
  'year-off: the article year lies over a year outside the story years',
  'near-duplicate: the highest estimated containment with one of the story reports',
  'cohesion: centroid norm over the number of reports (mean similarity of the members)',
  'size: ln(1 + reports in the story)',
];

export interface SameStoryWeights {
  /** Standardization of each feature (row order of SAME_STORY_FEATURES). */
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
  /** Join a story when the probability reaches this. */
  threshold: number;
}

export interface SameStoryModel extends ModelFile, SameStoryWeights {}

/** The shipped model (read on first use). */
export const sameStoryModel = derived(
  () =>
    loadModel<SameStoryModel>({
      name: 'same-story',
      features: SAME_STORY_FEATURES,
      declaredIn: 'src/cluster/same-story.ts',
      retrain: 'npm run train:same-story',
    }),
  (m): SameStoryWeights => ({
    mean: m.mean,
    sd: m.sd,
    weights: m.weights,
    bias: m.bias,
    threshold: m.threshold,
  }),
);

/** Probability that the article of `row` belongs to the story of `row`. */
export function sameStoryProbability(model: SameStoryWeights, row: ArrayLike<number>): number {
  let z = model.bias;
  const { mean, sd, weights } = model;
  for (let j = 0; j < weights.length; j++) z += (weights[j] * (row[j] - mean[j])) / sd[j];
  return 1 / (1 + Math.exp(-z));
}

/**
 * Weighted L2-regularized logistic regression by Newton's method (deterministic): features standardized by
 * the weighted mean and deviation, the bias not regularized.
 */
export function fitSameStory(
  rows: readonly ArrayLike<number>[],
  labels: readonly number[],
  sampleWeights: readonly number[],
  l2: number,
): Omit<SameStoryWeights, 'threshold'> {
  const d = rows[0].length;
  let total = 0;
  for (const w of sampleWeights) total += w;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) mean[j] += (sampleWeights[i] * r[j]) / total;
  });
  rows.forEach((r, i) => {
    for (let j = 0; j < d; j++) sd[j] += (sampleWeights[i] * (r[j] - mean[j]) ** 2) / total;
  });
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) > 1e-9 ? Math.sqrt(sd[j]) : 1;
  const k = d + 1;
  const x = rows.map((r) => {
    const xi = new Float64Array(k);
    for (let j = 0; j < d; j++) xi[j] = (r[j] - mean[j]) / sd[j];
    xi[d] = 1;
    return xi;
  });
  const w = newtonLogistic(x, labels, l2, { sampleWeights, maxIterations: 60, tolerance: 1e-10 });
  return { mean, sd, weights: w.slice(0, d), bias: w[d] };
}
