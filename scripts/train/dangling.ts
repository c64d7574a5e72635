/**
 * Trains the dangling-reference gate of the summary (src/summarize/dangling.ts) and writes models/dangling.json:
 * a logistic regression over DANGLING_FEATURES, fitted on the brief dev set's labels (data/gold/briefs.jsonl)
 * `dangling-reference` (1) and `usable` (0) of the **tune half** (`halfOf`), each in the context it was labelled
 * in (`before`: the summary sentences shown before it), of the rounds labelled before this gate (1-28; not the
 * blind round 29 nor the round-30 labels of the gate's own briefs). The held half and round 29 are never read
 * here: they measure the gate. The model's header hashes those lines alone (written to a temporary file), so a
 * later round appended to the gold file leaves the model as it is.
 * Each labelled sentence and the sentences of its `before` are found among their story's sentences as a brief
 * makes them (ingest, extract, sentences) by their hashes; a line whose context cannot be rebuilt is skipped.
 * L2 strength and threshold by 5-fold cross-validation grouped by story: the best out-of-fold recall of dangling
 * references among the settings whose refusals are dangling references at least MIN_PRECISION of the time (a
 * refused sentence is replaced by the next candidate, itself gated; ties: the higher threshold).
 *   npm run train:dangling [-- --data FILE --shared DIR --out DIR --models DIR --curve --list]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GoldSentence, halfOf } from '../../src/eval/brief.js';
import { briefStoryLoader, sentenceHash } from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { documentsFromBytes } from '../../src/ingest/index.js';
import { articleSentences } from '../../src/language/sentences.js';
import type { Sentence } from '../../src/model.js';
import { fitStandardized, outOfFold } from '../../src/models/newton.js';
import { extractAll } from '../../src/pipeline.js';
import {
  DANGLING_FEATURES,
  type DanglingWeights,
  danglingFeatures,
  danglingProbability,
} from '../../src/summarize/dangling.js';
import { withoutDateline } from '../../src/text/candidates.js';
import { trainerArgs, writeModel } from './model-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { arg, argv, out } = trainerArgs();
const data = resolve(arg('--data') ?? resolve(ROOT, 'data/gold/briefs.jsonl'));
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
/** The last round fitted on: those labelled before this gate (round 29 is its blind round, 30 its own briefs'). */
const LAST_ROUND = 28;
const L2_GRID = [1, 3, 10, 30];
const THRESHOLDS = Array.from({ length: 51 }, (_, i) => Number((0.3 + i * 0.01).toFixed(2)));
const MIN_PRECISION = 0.5;
const FOLDS = 5;
const t0 = Date.now();

interface Row {
  story: string;
  features: number[];
  y: number;
  fold: number;
  text: string;
}

const fitted = (g: GoldSentence) =>
  (g.label === 'usable' || g.label === 'dangling-reference') &&
  g.before !== undefined &&
  (g.round ?? 1) <= LAST_ROUND &&
  halfOf(g.story) === 'tune';
const lines = readJsonl<GoldSentence>(data).filter(fitted);
/** The gold lines fitted on, as they stand in the file: what the model header names and hashes. */
const fittedText = readFileSync(data, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && fitted(JSON.parse(l) as GoldSentence))
  .map((l) => `${l}\n`)
  .join('');
const load = briefStoryLoader(shared);
const rows: Row[] = [];
let skipped = 0;
for (const story of [...new Set(lines.map((g) => g.story))].sort()) {
  const docs = load(story);
  if (!docs) continue;
  const file = `${story.replace(/\//g, '_')}.jsonl`;
  const records = docs.map((d) => JSON.stringify({ title: d.title, date: d.date, text: d.text }));
  const { articles } = extractAll(documentsFromBytes(file, Buffer.from(`${records.join('\n')}\n`)).docs);
  const byArticle = new Map<string, Sentence[]>();
  const byHash = new Map<string, Sentence>();
  for (const a of articles) {
    const sentences = articleSentences(a);
    byArticle.set(a.id, sentences);
    for (const s of sentences) {
      const h = sentenceHash(withoutDateline(s));
      if (!byHash.has(h)) byHash.set(h, s);
    }
  }
  const seen = new Set<string>();
  for (const g of lines) {
    if (g.story !== story) continue;
    const key = `${g.hash} ${(g.before ?? []).join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const s = byHash.get(g.hash);
    const shown = (g.before ?? []).map((h) => byHash.get(h));
    if (!s || shown.some((x) => x === undefined)) {
      skipped++;
      continue;
    }
    rows.push({
      story,
      features: danglingFeatures(s, byArticle.get(s.articleId) ?? [s], shown as Sentence[]),
      y: g.label === 'dangling-reference' ? 1 : 0,
      fold: createHash('sha1').update(`fold ${story}`).digest()[0] % FOLDS,
      text: withoutDateline(s),
    });
  }
}
const positives = rows.filter((r) => r.y === 1).length;
console.error(
  `dangling: ${rows.length} tune-half sentences in context (${positives} dangling, ${rows.length - positives} ` +
    `usable; ${skipped} skipped, context not rebuilt)`,
);

const fit = (rs: Row[], l2: number) =>
  fitStandardized(
    rs.map((r) => r.features),
    rs.map((r) => r.y),
    l2,
  );
const probOf = (m: Omit<DanglingWeights, 'threshold'>, r: Row) =>
  danglingProbability({ ...m, threshold: 1 }, r.features);

function score(prob: number[], threshold: number) {
  let right = 0;
  let wrong = 0;
  rows.forEach((r, i) => {
    if (prob[i] < threshold) return;
    if (r.y) right++;
    else wrong++;
  });
  return {
    refused: right + wrong,
    wrong,
    precision: right + wrong ? right / (right + wrong) : 1,
    recall: positives ? right / positives : 0,
  };
}

let best = { l2: L2_GRID[0], threshold: 1, recall: -1, prob: [] as number[] };
for (const l2 of L2_GRID) {
  const prob = outOfFold(rows, rows, FOLDS, (train) => fit(train, l2), probOf);
  for (const threshold of THRESHOLDS) {
    const s = score(prob, threshold);
    if (argv.includes('--curve') && Math.round(threshold * 100) % 5 === 0)
      console.error(
        `  L2 ${l2} t ${threshold}: refused ${s.refused} wrong ${s.wrong} P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}`,
      );
    if (s.precision < MIN_PRECISION || s.refused === 0) continue;
    if (s.recall > best.recall || (s.recall === best.recall && threshold > best.threshold))
      best = { l2, threshold, recall: s.recall, prob };
  }
}
if (best.recall < 0) throw new Error(`dangling: no setting reaches precision ${MIN_PRECISION}`);
const cv = score(best.prob, best.threshold);
console.log(
  `dangling: ${FOLDS}-fold CV by story: refuses ${cv.refused} (${cv.wrong} usable), precision ` +
    `${cv.precision.toFixed(4)}, recall ${cv.recall.toFixed(4)} of ${positives} (L2 ${best.l2}, threshold ${best.threshold})`,
);
if (argv.includes('--list'))
  rows
    .map((r, i) => ({ r, p: best.prob[i] }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 80)
    .forEach(({ r, p }) => {
      console.error(`  ${p.toFixed(3)} ${r.y ? 'DANGLING' : 'usable  '} | ${r.text.slice(0, 150)}`);
    });

const model = fit(rows, best.l2);
if (argv.includes('--curve'))
  DANGLING_FEATURES.slice(1).forEach((f, j) => {
    console.error(`  weight ${model.weights[j].toFixed(3)} ${f.slice(0, f.indexOf(':'))}`);
  });
const round = (x: number) => Number(x.toPrecision(10));
const tmp = mkdtempSync(join(tmpdir(), 'newsfuse-dangling-'));
const fittedFile = join(tmp, 'briefs-dangling.jsonl');
writeFileSync(fittedFile, fittedText);
const path = writeModel(
  out,
  fittedFile,
  {
    name: 'dangling',
    about:
      'Dangling reference or usable, for a summary candidate after the sentences shown before it: logistic ' +
      'regression over its place in its article, what of its article before it the summary showed, names and ' +
      'words it shares with that, short names, pronouns, definite descriptions and openers; fitted on the tune ' +
      'half of the brief dev set in context; threshold by 5-fold cross-validation grouped by story.',
    trainer: 'scripts/train/dangling.ts',
    features: DANGLING_FEATURES,
    settings: { l2: best.l2, threshold: best.threshold, folds: FOLDS, min_precision: MIN_PRECISION },
    results: {
      rows: rows.length,
      dangling: positives,
      skipped,
      cv_refused: cv.refused,
      cv_precision: round(cv.precision),
      cv_recall: round(cv.recall),
    },
  },
  {
    columns: DANGLING_FEATURES.slice(1).map((f) => f.slice(0, f.indexOf(':'))),
    mean: model.mean.map(round),
    sd: model.sd.map(round),
    weights: model.weights.map(round),
    bias: round(model.bias),
    threshold: best.threshold,
  },
);
rmSync(tmp, { recursive: true, force: true });
console.log(`dangling: wrote ${path} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
