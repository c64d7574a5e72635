/**
 * A learned citation decision for the overlap band (src/brief/cite-band.ts), measured, not shipped. Reads the
 * hand-labelled pairs of data/gold/cite-pairs.jsonl (protocol data/gold/cite-pairs.md: DUC 2006 topics outside
 * the brief dev set), rebuilds each band pair's features as `findSupport` computes them (the topic's articles
 * through the product's pipeline, each brief's summary sentences against its story's sentences), and scores an
 * L2 logistic regression leave-one-topic-out: for each L2 strength, the lowest out-of-fold probability from
 * which the pooled precision is at least TARGET_PRECISION (with at least MIN_CITED pairs cited), and the
 * labels of the 30 pairs ranked highest. BENCHMARKS.md, "Citations: a learned decision for the overlap band".
 *
 *   npx tsx scripts/gold/cite-band-cv.ts [--shared DIR] [--dump ROWS.jsonl]
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { briefSentences } from '../../src/brief/build.js';
import { findSupport, sentenceFrequencies } from '../../src/brief/cite.js';
import { bandRow, CITE_PAIR_FEATURES } from '../../src/brief/cite-band.js';
import {
  BRIEF_OPTIONS,
  briefStoryLoader,
  sentenceHash,
  storyPipeline,
} from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { fitLogistic, predict } from '../../src/language/paraphrase/fit.js';
import { withoutDateline } from '../../src/text/candidates.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const data = resolve(ROOT, 'data/gold/cite-pairs.jsonl');
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
const TARGET_PRECISION = 0.97;
const MIN_CITED = 3;
const L2S = [0.3, 1, 3, 10, 30];
const t0 = Date.now();

interface LabelledPair {
  story: string;
  hash: string;
  article: string;
  sentence: number;
  sentenceHash: string;
  rule: number;
  label: 'supports' | 'not';
}
const pairs = readJsonl<LabelledPair>(data);
const key = (story: string, hash: string, article: string, sentence: number) =>
  `${story}#${hash}#${article}#${sentence}`;
const labelOf = new Map(pairs.map((p) => [key(p.story, p.hash, p.article, p.sentence), p]));

/** Feature rows of the labelled band pairs, by topic. */
const rows: { story: string; row: number[]; label: number }[] = [];
const found = new Set<string>();
const load = briefStoryLoader(shared);
for (const story of [...new Set(pairs.map((p) => p.story))]) {
  const docs = load(story);
  if (!docs) throw new Error(`cite-pairs: no data for ${story} under ${shared}`);
  const { articles, name, briefed } = storyPipeline(story, docs);
  const byId = new Map(articles.map((a) => [a.id, a]));
  briefed.briefs.forEach((b, k) => {
    const ss = briefSentences(briefed.stories[k], byId, briefed.sentences, BRIEF_OPTIONS);
    const df = sentenceFrequencies(ss);
    for (const sm of b.summary) {
      const src = ss.find((s) => s.articleId === sm.from.articleId && s.index === sm.from.sentenceIndex);
      if (!src) continue;
      const hash = sentenceHash(withoutDateline(src));
      let last: number[] | undefined;
      findSupport(
        src,
        ss,
        df,
        ss.length,
        (s, _score, verdict) => {
          const p = labelOf.get(key(story, hash, name(s.articleId), s.index));
          if (p && verdict === 'band' && last && p.sentenceHash === sentenceHash(s.text)) {
            const id = key(story, hash, name(s.articleId), s.index);
            if (!found.has(id)) {
              found.add(id);
              rows.push({ story, row: last, label: p.label === 'supports' ? 1 : 0 });
            }
          }
          last = undefined;
        },
        (a, c, pair) => {
          last = bandRow(a, c, pair);
          return false;
        },
      );
    }
  });
}
const band = pairs.filter((p) => !p.rule).length;
console.log(
  `cite-pairs: ${rows.length} of ${band} labelled band pairs found, ${rows.filter((r) => r.label).length} supporting`,
);

const dump = arg('--dump');
if (dump) writeFileSync(dump, rows.map((r) => JSON.stringify(r)).join('\n'));
const use = CITE_PAIR_FEATURES.map(() => true);
const stories = [...new Set(rows.map((r) => r.story))];
/** Out-of-fold probabilities, each topic predicted by a model fitted on the others. */
function outOfFold(l2: number): number[] {
  const probs = new Array<number>(rows.length).fill(0);
  for (const held of stories) {
    const train = rows.filter((r) => r.story !== held);
    const m = fitLogistic(
      train.map((r) => r.row),
      train.map((r) => r.label),
      l2,
      use,
    );
    rows.forEach((r, i) => {
      if (r.story === held) probs[i] = predict(m, r.row);
    });
  }
  return probs;
}
/** The lowest threshold at which the pooled out-of-fold precision is at least TARGET_PRECISION. */
function pick(probs: number[]) {
  const order = probs.map((p, i) => [p, rows[i].label] as const).sort((a, b) => b[0] - a[0]);
  let right = 0;
  let best = { threshold: 2, cited: 0, right: 0 };
  for (let i = 0; i < order.length; i++) {
    if (order[i][1]) right++;
    // a threshold can sit only between distinct probabilities
    if (i + 1 < order.length && order[i + 1][0] === order[i][0]) continue;
    if (i + 1 >= MIN_CITED && right / (i + 1) >= TARGET_PRECISION)
      best = { threshold: order[i][0], cited: i + 1, right };
  }
  return best;
}
const positives = rows.filter((r) => r.label).length;
for (const l2 of L2S) {
  const probs = outOfFold(l2);
  const r = pick(probs);
  const top = probs
    .map((p, i) => [p, rows[i].label] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 30)
    .map(([, y]) => y)
    .join('');
  console.log(
    `  l2 ${l2}: threshold ${r.threshold <= 1 ? r.threshold.toFixed(4) : 'none'}, cited ${r.cited}, right ${r.right} of ${positives}; top 30 ${top}`,
  );
}
console.log(`cite-band-cv: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
