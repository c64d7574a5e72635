/**
 * Chooses the comment-stream cut's settings (`COMMENT_STREAM` in src/extract/comment-stream.ts) by
 * leave-one-set-out validation over the four extraction dev sets (../shared/data/extraction: trafilatura-dev
 * scored by segment F, the other three by 4-gram shingle F1). Each page is extracted once with the cut off;
 * each setting then cuts the page's paragraphs and judges them as `extractArticle` does (the word floor and
 * the non-article judgement), so every setting's scores are those `eval extract` would give. For each
 * held-out set, the setting with the best mean on the other three, none of them losing more than MAX_LOSS
 * against the cut off, is scored on the held-out set. Prints the table BENCHMARKS.md carries and every
 * setting's plain scores. Nothing is written: the settings are code constants, set by hand to what this
 * reports (the line "all four").
 *   npx tsx scripts/train/extract-comment-stream.ts [--shared DIR]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPages, type PageScore, scorePage, segmentMetrics } from '../../src/eval/extract.js';
import { COMMENT_STREAM, cutCommentStream } from '../../src/extract/comment-stream.js';
import { extractHtml } from '../../src/extract/html.js';
import { MIN_BODY_WORDS } from '../../src/extract/index.js';
import { nonArticleReason } from '../../src/extract/non-article.js';
import { unglueSentences } from '../../src/extract/text-cleanup.js';
import { wordCount } from '../../src/extract/text-length.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
const SETS = ['trafilatura-dev', 'l3s-gn1', 'dragnet', 'readability'];
/** A setting is refused when it loses more than this on any set it is chosen on (the rule). */
const MAX_LOSS = 0.005;

type Setting = typeof COMMENT_STREAM;
const shipped: Setting = { ...COMMENT_STREAM };
const grid: Setting[] = [{ ...shipped, on: false }];
for (const notSentence of [false, true])
  for (const minHeads of [2, 3, 5, 8])
    for (const minShare of [0.2, 0.3, 0.4, 0.5])
      grid.push({ ...shipped, on: true, notSentence, minHeads, minShare });

const t0 = Date.now();
COMMENT_STREAM.on = false;
const pages = SETS.map((name) => {
  const out = loadPages(resolve(shared, 'extraction', name, 'index.jsonl')).map((page) => ({
    expected: page.expected,
    paragraphs: extractHtml(page.html).paragraphs.map(unglueSentences),
  }));
  console.error(`${name}: read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return out;
});

/** The text `extractArticle` keeps for these paragraphs ('' when under the floor or not an article). */
function keptText(paragraphs: string[]): string {
  const text = paragraphs.join('\n\n');
  if (wordCount(text) < MIN_BODY_WORDS) return '';
  return nonArticleReason(paragraphs, { wholeText: false }) ? '' : text;
}

function setScore(scores: PageScore[]): number {
  const segs = scores.flatMap((s) => (s.segments ? [s.segments] : []));
  if (segs.length) return segmentMetrics(segs).seg_f1 as number;
  return scores.reduce((n, s) => n + (s.shingle?.f ?? 0), 0) / scores.length;
}

const results = grid.map((setting) => {
  Object.assign(COMMENT_STREAM, setting);
  return pages.map((set) =>
    setScore(set.map((p) => scorePage({ text: keptText(cutCommentStream(p.paragraphs)) }, p.expected))),
  );
});
Object.assign(COMMENT_STREAM, shipped);

const label = (s: Setting) =>
  s.on
    ? `${s.minHeads}+ dated lines${s.notSentence ? ', not sentences' : ''}, after ${s.minShare} of the words`
    : 'off';
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const off = results[0];
grid.forEach((s, j) => {
  console.error(`${label(s).padEnd(52)} ${results[j].map((x) => x.toFixed(4)).join(' / ')}`);
});

/** The best setting on `sets`: best mean among those losing at most MAX_LOSS on each against the cut off. */
function pick(sets: number[]): number {
  let best = 0;
  grid.forEach((_, j) => {
    if (sets.some((s) => results[j][s] < off[s] - MAX_LOSS)) return;
    const m = mean(sets.map((s) => results[j][s]));
    if (m > mean(sets.map((s) => results[best][s])) + 1e-9) best = j;
  });
  return best;
}

const signed = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(4);
console.log('| held out | chosen on the other three | their scores | off | held-out score | change |');
console.log('|---|---|---|---:|---:|---:|');
SETS.forEach((set, h) => {
  const others = SETS.map((_, i) => i).filter((i) => i !== h);
  const j = pick(others);
  console.log(
    `| ${set} | ${label(grid[j])} | ${others.map((i) => results[j][i].toFixed(4)).join(' / ')} | ${off[h].toFixed(4)} | **${results[j][h].toFixed(4)}** | ${signed(results[j][h] - off[h])} |`,
  );
});
const all = pick([0, 1, 2, 3]);
console.log(
  `\nall four: ${label(grid[all])}: ${results[all].map((x) => x.toFixed(4)).join(' / ')} (off ${off.map((x) => x.toFixed(4)).join(' / ')})`,
);
