/**
 * Trains the extractor's container ranker (src/extract/containers.ts) and writes models/extract-containers.json:
 * a linear ranker over the features of each candidate container, fitted pairwise (each candidate against the
 * page's best one, an L2 logistic regression by Newton's method on feature differences) on the four extraction
 * dev sets (../shared/data/extraction/SET: trafilatura-dev, l3s-gn1, dragnet, readability), each set weighing
 * the same. A candidate's worth is the end-to-end score of the page's text with it as the container (shingle
 * F1, or segment accuracy on trafilatura-dev's snippets), the text as `extractArticle` makes it less the block
 * classifier (trained after this model, on its containers) and the non-article judgement.
 * The margin (take another candidate than the rules' only when it scores that much more) is chosen
 * leave-one-set-out: each set scored by the model fitted on the others, best mean among the margins losing at
 * most MAX_LOSS on every set against the rules. The table printed is nested: for each held-out set, the margin
 * is chosen on the other three (each scored by a model of the remaining two).
 *   npx tsx scripts/train/extract-containers.ts [--shared DIR] [--out DIR] [--analyse [--worst N]] [--max N]
 *     [--l2 X] [--min-gap X] [--pairs best|all] [--switches MARGIN --ratio R] [--cache FILE]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPages, type PageScore, scorePage, segmentMetrics } from '../../src/eval/extract.js';
import { useBlockModel } from '../../src/extract/blocks.js';
import {
  CONTAINER_FEATURE_COUNT,
  CONTAINER_FEATURES,
  type ContainerModel,
  containerCandidates,
  containerScore,
  useContainerModel,
} from '../../src/extract/containers.js';
import { type BodyChoice, readHtmlPage, rulesKeep } from '../../src/extract/html.js';
import { MIN_BODY_WORDS } from '../../src/extract/index.js';
import { unglueSentences } from '../../src/extract/text-cleanup.js';
import { wordCount } from '../../src/extract/text-length.js';
import { formatModel } from '../../src/models/format.js';
import { featureHash, MODEL_FORMAT } from '../../src/models/load.js';
import { newtonLogistic, standardization } from '../../src/models/newton.js';
import { trainerArgs } from './model-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { arg, out, argv } = trainerArgs();
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
const SETS = ['trafilatura-dev', 'l3s-gn1', 'dragnet', 'readability'];
/** Candidates listed per page. */
const MAX = Number(arg('--max') ?? 12);
const L2 = Number(arg('--l2') ?? 10);
/** Pairs whose worths differ by less than this teach nothing. */
const MIN_GAP = Number(arg('--min-gap') ?? 0.02);
/** Which pairs teach the ranker: `best` (each candidate against the page's best) or `all` (every better one). */
const PAIRS = arg('--pairs') ?? 'best';
/** A margin is refused when it loses more than this on any set it is chosen on. */
const MAX_LOSS = 0.002;
const OFF = 1e4;
const MARGINS = [OFF, 6, 4, 3, 2.5, 2, 1.5, 1, 0.5, 0];
/** Another candidate must hold at least this share of the rules' container's words. */
const RATIOS = [0, 0.2, 0.3, 0.5];
interface Setting {
  margin: number;
  ratio: number;
}

useBlockModel(null);
useContainerModel(null);

interface Cand {
  x: number[];
  worth: number;
  score: PageScore;
  rules: boolean;
  words: number;
}

interface PageData {
  id: string;
  set: number;
  cands: Cand[];
  /** The rules' result when there are no candidates (the fallback). */
  rules: PageScore;
}

function textOf(body: BodyChoice): string {
  const paragraphs = body.finish(rulesKeep(body)).map(unglueSentences);
  const text = paragraphs.join('\n\n');
  return wordCount(text) < MIN_BODY_WORDS ? '' : text;
}

function worth(s: PageScore): number {
  if (s.segments) {
    const { tp, fn, fp, tn } = s.segments;
    const n = tp + fn + fp + tn;
    return n ? (tp + tn) / n : 0;
  }
  return s.shingle?.f ?? 0;
}

const t0 = Date.now();
const pages: PageData[] = [];
/** `--cache FILE`: the pages read once and kept in FILE (for exploring; stale once features change). */
const cache = arg('--cache');
if (cache && existsSync(cache)) pages.push(...(JSON.parse(readFileSync(cache, 'utf8')) as PageData[]));
else
  SETS.forEach((name, set) => {
    for (const page of loadPages(resolve(shared, 'extraction', name, 'index.jsonl'))) {
      const read = readHtmlPage(page.html, 0);
      if ('refused' in read) {
        pages.push({ id: page.id, set, cands: [], rules: scorePage({ text: '' }, page.expected) });
        continue;
      }
      const { containers } = read;
      const rules = scorePage({ text: textOf(read.body) }, page.expected);
      const texts = new Map<string, PageScore>();
      const cands = containerCandidates(containers.page, containers.rules, MAX).map((c) => {
        const text = textOf(containers.bodyOf(c.node));
        let score = texts.get(text);
        if (!score) texts.set(text, (score = scorePage({ text }, page.expected)));
        return {
          x: c.x,
          worth: worth(score),
          score,
          rules: c.node === containers.rules,
          words: wordCount(text),
        };
      });
      pages.push({ id: page.id, set, cands, rules });
    }
    console.error(`${name}: read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
if (cache && !existsSync(cache)) writeFileSync(cache, JSON.stringify(pages));

function setScore(scores: PageScore[]): number {
  const segs = scores.flatMap((s) => (s.segments ? [s.segments] : []));
  if (segs.length) return segmentMetrics(segs).seg_f1 as number;
  return scores.reduce((n, s) => n + (s.shingle?.f ?? 0), 0) / scores.length;
}

/** Scores per set when `pick` names each page's candidate (-1: the rules'); NaN for sets left out. */
function evaluateBy(pick: (p: PageData) => number | false): number[] {
  const per: PageScore[][] = SETS.map(() => []);
  for (const p of pages) {
    const k = pick(p);
    if (k === false) continue;
    per[p.set].push(k < 0 || !p.cands.length ? p.rules : p.cands[k].score);
  }
  return per.map((s) => (s.length ? setScore(s) : Number.NaN));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

type Fitted = Pick<ContainerModel, 'mean' | 'scale' | 'weights'>;

/** Fit pairwise on the pages of `sets`: each candidate against its page's best, each set weighing the same. */
function fit(sets: number[]): Fitted {
  const all = pages.filter((p) => sets.includes(p.set)).flatMap((p) => p.cands.map((c) => c.x));
  const { mean: mu, sd } = standardization(all, CONTAINER_FEATURE_COUNT);
  const std = (x: number[]) => x.map((v, j) => (v - mu[j]) / sd[j]);
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const set of sets) {
    const start = rows.length;
    let total = 0;
    for (const p of pages) {
      if (p.set !== set || p.cands.length < 2) continue;
      let top = 0;
      p.cands.forEach((c, k) => {
        if (c.worth > p.cands[top].worth) top = k;
      });
      // Each candidate against the page's best one (`--pairs all`: against every better one).
      const better = PAIRS === 'all' ? p.cands.map((_, k) => k) : [top];
      for (const b of better) {
        const best = std(p.cands[b].x);
        p.cands.forEach((c) => {
          const gap = p.cands[b].worth - c.worth;
          if (gap < MIN_GAP) return;
          const d = std(c.x).map((v, j) => best[j] - v);
          // Alternate the orientation so both labels occur (the bias stays near 0).
          const flip = rows.length % 2 === 1;
          rows.push([...(flip ? d.map((v) => -v) : d), 1]);
          labels.push(flip ? 0 : 1);
          weights.push(gap);
          total += gap;
        });
      }
    }
    for (let i = start; i < rows.length; i++) weights[i] = (weights[i] / (total || 1)) * 1000;
  }
  const w = newtonLogistic(rows, labels, L2, { sampleWeights: weights, maxIterations: 30, tolerance: 1e-7 });
  return { mean: mu.map(round), scale: sd.map(round), weights: w.slice(0, -1).map(round) };
}

const fits = new Map<string, Fitted>();
function fitOnce(sets: number[]): Fitted {
  const key = sets.join(',');
  let f = fits.get(key);
  if (!f) fits.set(key, (f = fit(sets)));
  return f;
}

/** The candidate a fitted ranker picks on a page at this margin (-1: the rules'). */
function choose(model: Fitted, { margin, ratio }: Setting, p: PageData): number {
  if (margin >= OFF || p.cands.length < 2) return -1;
  const floor = ratio > 0 ? Math.log(ratio) : Number.NEGATIVE_INFINITY;
  const m = model as ContainerModel;
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  let rulesScore = 0;
  p.cands.forEach((c, k) => {
    if (!c.rules && c.x[RATIO_FEATURE] < floor) return;
    const s = containerScore(m, c.x);
    if (c.rules) rulesScore = s;
    if (s > bestScore) {
      best = k;
      bestScore = s;
    }
  });
  return bestScore - rulesScore >= margin ? best : -1;
}

const RATIO_FEATURE = CONTAINER_FEATURES.indexOf('log_rules_ratio') - 1;
const ALL = [0, 1, 2, 3];
const base = evaluateBy(() => -1);
console.error(`rules alone: ${base.map((x) => x.toFixed(4)).join('  ')}`);

if (argv.includes('--analyse')) {
  const oracle = evaluateBy((p) => {
    let top = -1;
    let w = Number.NEGATIVE_INFINITY;
    p.cands.forEach((c, k) => {
      if (c.worth > w + 1e-9 || (c.rules && c.worth >= w - 1e-9)) {
        top = k;
        w = c.worth;
      }
    });
    return top;
  });
  console.log(`oracle (best of ${MAX} candidates): ${oracle.map((x) => x.toFixed(4)).join('  ')}`);
  for (const set of ALL) {
    const mine = pages.filter((p) => p.set === set);
    const lossOf = (p: PageData) => 1 - worth(p.rules);
    const gainOf = (p: PageData) => Math.max(0, ...p.cands.map((c) => c.worth)) - worth(p.rules);
    const kinds = { empty: 0, wrong: 0, small: 0, large: 0, other: 0 };
    const lost = { empty: 0, wrong: 0, small: 0, large: 0, other: 0 };
    for (const p of mine) {
      const l = lossOf(p);
      if (l < 0.1) continue;
      const s = p.rules;
      let kind: keyof typeof kinds;
      if (s.empty) kind = 'empty';
      else if (gainOf(p) >= 0.1) kind = 'wrong';
      else {
        const pr = s.shingle ?? {
          p: s.segments!.tp / Math.max(1, s.segments!.tp + s.segments!.fp),
          r: s.segments!.tp / Math.max(1, s.segments!.tp + s.segments!.fn),
          f: 0,
        };
        kind = pr.r < pr.p - 0.1 ? 'small' : pr.p < pr.r - 0.1 ? 'large' : 'other';
      }
      kinds[kind]++;
      lost[kind] += l;
    }
    console.log(
      `${SETS[set]}: ${mine.length} pages, ${mine.filter((p) => lossOf(p) >= 0.1).length} losing ≥ 0.1; ` +
        Object.entries(kinds)
          .map(([k, n]) => `${k} ${n} (loss ${lost[k as keyof typeof lost].toFixed(1)})`)
          .join(', '),
    );
    const worst = [...mine].sort((a, b) => lossOf(b) - lossOf(a)).slice(0, Number(arg('--worst') ?? 0));
    for (const p of worst)
      console.log(
        `  ${p.id} worth ${worth(p.rules).toFixed(3)} best cand ${Math.max(0, ...p.cands.map((c) => c.worth)).toFixed(3)} cands ${p.cands.length} empty ${p.rules.empty} words ${p.cands.map((c) => `${c.words}${c.rules ? '*' : ''}:${c.worth.toFixed(2)}`).join(' ')}`,
      );
  }
}

const SETTINGS: Setting[] = MARGINS.flatMap((margin) =>
  margin >= OFF ? [{ margin, ratio: 0 }] : RATIOS.map((ratio) => ({ margin, ratio })),
);

/** Each of `sets` scored by the model fitted on the others of `sets`, at each setting. */
function crossScores(sets: number[]): Array<[Setting, number[]]> {
  return SETTINGS.map((setting) => {
    const scores = base.map(() => Number.NaN);
    for (const s of sets) {
      const f = fitOnce(sets.filter((t) => t !== s));
      scores[s] = evaluateBy((p) => (p.set === s ? choose(f, setting, p) : false))[s];
    }
    return [setting, scores];
  });
}

function pickSetting(sets: number[]): Setting & { scores: number[] } {
  let best = { margin: OFF, ratio: 0, scores: base, mean: mean(sets.map((s) => base[s])) };
  for (const [setting, scores] of crossScores(sets)) {
    if (sets.some((s) => scores[s] < base[s] - MAX_LOSS)) continue;
    const m = mean(sets.map((s) => scores[s]));
    if (m > best.mean + 1e-9) best = { ...setting, scores, mean: m };
  }
  return best;
}

const SWITCHES = arg('--switches');
if (SWITCHES !== undefined)
  for (const set of ALL) {
    const f = fitOnce(ALL.filter((t) => t !== set));
    let gain = 0;
    let n = 0;
    for (const p of pages) {
      if (p.set !== set) continue;
      const k = choose(f, { margin: Number(SWITCHES), ratio: Number(arg('--ratio') ?? 0) }, p);
      if (k < 0 || p.cands[k].rules) continue;
      const r = p.cands.find((c) => c.rules)!;
      n++;
      gain += p.cands[k].worth - r.worth;
      console.log(
        `${SETS[set]} ${p.id}: rules ${r.words}w ${r.worth.toFixed(2)} -> ${p.cands[k].words}w ${p.cands[k].worth.toFixed(2)}`,
      );
    }
    console.log(`${SETS[set]}: ${n} switches, worth gained ${gain.toFixed(2)}`);
  }

const fmt = (t: Setting) => (t.margin >= OFF ? 'off' : `margin ${t.margin}, ratio ≥ ${t.ratio}`);
const loso: number[] = [];
const rows: string[] = [];
for (const held of ALL) {
  const train = ALL.filter((s) => s !== held);
  const t = pickSetting(train);
  const h = evaluateBy((p) => (p.set === held ? choose(fitOnce(train), t, p) : false))[held];
  loso.push(h);
  rows.push(
    `| ${SETS[held]} | ${fmt(t)} | ${train.map((s) => t.scores[s].toFixed(4)).join(' / ')} | ${base[held].toFixed(4)} | **${h.toFixed(4)}** | ${(h - base[held] >= 0 ? '+' : '') + (h - base[held]).toFixed(4)} |`,
  );
  console.error(rows[rows.length - 1]);
}
const cross = crossScores(ALL);
for (const [setting, scores] of cross)
  console.error(`  ${fmt(setting)}: LOSO ${scores.map((x) => x.toFixed(4)).join(' / ')}`);
const chosen = pickSetting(ALL);
const fitted = fitOnce(ALL);
const plain = evaluateBy((p) => choose(fitted, chosen, p));
console.log(
  '| held out | margin chosen on the other three | their scores | rules alone | held-out score | change |',
);
console.log('|---|---|---|---:|---:|---:|');
for (const r of rows) console.log(r);
console.log(
  `\nshipped: ${fmt(chosen)}, chosen leave-one-set-out (${chosen.scores.map((x) => x.toFixed(4)).join(' / ')}); trained on all four, plain: ${plain.map((x) => x.toFixed(4)).join(' / ')} (rules ${base.map((x) => x.toFixed(4)).join(' / ')})`,
);
if (argv.includes('--weights'))
  CONTAINER_FEATURES.slice(1).forEach((f, j) => {
    console.log(`  ${f.padEnd(20)} ${fitted.weights[j].toFixed(3)}`);
  });

const indexes = SETS.map((s) => readFileSync(resolve(shared, 'extraction', s, 'index.jsonl')));
const model = {
  header: {
    format: MODEL_FORMAT,
    name: 'extract-containers',
    about:
      'Which candidate element is the article container: a linear ranker over text, link, paragraph, tag, class/id-name, position, headline and JSON-LD features of the best-scoring elements, fitted pairwise against each page’s best candidate on the four extraction dev sets (each weighing the same); the margin over the rules’ choice chosen leave-one-set-out, no set losing over 0.002.',
    trainer: 'scripts/train/extract-containers.ts',
    data: {
      file: SETS.map((s) => `extraction/${s}/index.jsonl`).join(' '),
      sha256: createHash('sha256').update(Buffer.concat(indexes)).digest('hex'),
    },
    features: featureHash(CONTAINER_FEATURES),
    settings: { candidates: MAX, l2: L2, min_gap: MIN_GAP, max_loss: MAX_LOSS },
    results: Object.fromEntries([
      ...SETS.map((s, i) => [`rules_${s}`, round(base[i])]),
      ...SETS.map((s, i) => [`loso_nested_${s}`, round(loso[i])]),
      ...SETS.map((s, i) => [`loso_${s}`, round(chosen.scores[i])]),
      ...SETS.map((s, i) => [`plain_${s}`, round(plain[i])]),
    ]),
  },
  mean: fitted.mean,
  scale: fitted.scale,
  weights: fitted.weights,
  candidates: MAX,
  margin: chosen.margin,
  ratio: chosen.ratio,
};
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'extract-containers.json'), formatModel(model));
console.error(
  `wrote ${resolve(out, 'extract-containers.json')} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
