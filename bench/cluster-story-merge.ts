/**
 * Stories split in pieces, and whether a story-to-story stage could join them (issue 22). Per set (ECB+ dev,
 * DUC 2006 pooled, Multi-News dev pooled), with the clusterer's defaults:
 *  1. ceilings: B³ when every candidate story pair (`StoryClusterer.storyPairs`) of one gold story is merged,
 *     and when every story is merged with all stories of its majority gold story;
 *  2. the pieces: for every gold story in several stories, each piece beside the largest one — its size, whether
 *     the largest piece is among its candidates, and its features with the largest piece against those with
 *     the closest story of another gold story;
 *  3. a learned story-pair merge: a logistic regression over story-level features, fitted on the story pairs of
 *     runs at join 0.15, 0.2, 0.25 and 0.3 of two sets (each set weighing the same), its probability threshold
 *     chosen on those two sets' default runs; the third set's default run merged at that threshold (pairs
 *     taken together, union-find). Leave-one-dataset-out;
 *  4. one-report stories attached to their candidate of highest content cosine when it reaches a floor and
 *     beats the runner-up by a ratio, floor and ratio chosen leave-one-dataset-out.
 *
 *   npx tsx bench/cluster-story-merge.ts
 */
import { fileURLToPath } from 'node:url';
import { fitSameStory, type SameStoryWeights, sameStoryProbability } from '../src/cluster/same-story.js';
import { StoryClusterer, type StoryPair, type StoryPairFeatures } from '../src/cluster/stream.js';
import { bcubed, clusterSetFiles, readLabelledStream } from '../src/eval/cluster.js';

const data = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const sets = clusterSetFiles(data).map((s) => readLabelledStream(s.name, s.file, s.pooled));
const JOINS = [0.15, 0.2, 0.25, 0.3];
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01];
const L2 = [1, 10];

interface Run {
  clusterer: StoryClusterer;
  /** Each article's story, in stream order. */
  pred: string[];
  /** Each story's majority gold story. */
  majority: Map<string, string>;
  pairs: Array<StoryPair & { label: number }>;
}

function run(k: number, join: number): Run {
  const set = sets[k];
  const clusterer = new StoryClusterer({ join });
  clusterer.addAll(set.articles);
  const pred = set.articles.map((a) => clusterer.storyOf(a.id)!);
  const counts = new Map<string, Map<string, number>>();
  pred.forEach((p, i) => {
    const m = counts.get(p) ?? new Map<string, number>();
    m.set(set.gold[i], (m.get(set.gold[i]) ?? 0) + 1);
    counts.set(p, m);
  });
  const majority = new Map(
    [...counts].map(([p, m]) => [p, [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0]]),
  );
  const pairs = clusterer
    .storyPairs()
    .map((p) => ({ ...p, label: majority.get(p.a) === majority.get(p.b) ? 1 : 0 }));
  return { clusterer, pred, majority, pairs };
}

/** The articles' stories after merging the given story pairs (union-find, the smaller id kept). */
function merged(pred: string[], joins: Iterable<[string, string]>): string[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r)) r = parent.get(r)!;
    return r;
  };
  for (const [a, b] of joins) {
    const x = find(a);
    const y = find(b);
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  }
  return pred.map(find);
}

const f4 = (x: number) => x.toFixed(4);
const cell = (b: { p: number; r: number; f1: number }) =>
  `${f4(b.f1)} (${b.p.toFixed(3)} / ${b.r.toFixed(3)})`;
const quantiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return [0.25, 0.5, 0.75]
    .map((q) => (s.length ? s[Math.floor(q * (s.length - 1))].toFixed(3) : '–'))
    .join(' / ');
};

const runs = sets.map((_, k) => new Map(JOINS.map((j) => [j, run(k, j)])));
const base = (k: number) => runs[k].get(0.15)!;

console.log('## Ceilings of merging (defaults)\n');
console.log(
  '| set | defaults | every candidate pair of one gold story merged | every story merged by majority gold |',
);
console.log('|---|---:|---:|---:|');
sets.forEach((set, k) => {
  const r = base(k);
  const pairs = r.pairs.filter((p) => p.label).map((p): [string, string] => [p.a, p.b]);
  const all = r.pred.map((p) => r.majority.get(p)!);
  console.log(
    `| ${set.name} | ${cell(bcubed(r.pred, set.gold))} | ${cell(bcubed(merged(r.pred, pairs), set.gold))} | ${cell(bcubed(all, set.gold))} |`,
  );
});

console.log('\n## Pieces beside the largest piece of a gold story (defaults)\n');
console.log(
  '| set | pieces | of one report | non-article pages only | largest piece among its candidates | closer (cos) to it than to any other gold story | cos with it (q1 / median / q3) | content cos | names cos | best other story: cos | content | names |',
);
console.log('|---|---:|---:|---:|---:|---:|---|---|---|---|---|---|');
sets.forEach((set, k) => {
  const r = base(k);
  const sizes = new Map<string, number>();
  for (const p of r.pred) sizes.set(p, (sizes.get(p) ?? 0) + 1);
  const byGold = new Map<string, string[]>();
  for (const [p, g] of r.majority) byGold.set(g, [...(byGold.get(g) ?? []), p]);
  const candidate = new Set(r.pairs.flatMap((p) => [`${p.a}\u0000${p.b}`, `${p.b}\u0000${p.a}`]));
  const own: StoryPairFeatures[] = [];
  const other: StoryPairFeatures[] = [];
  let single = 0;
  let nonArticle = 0;
  let found = 0;
  let closer = 0;
  for (const [g, pieces] of byGold) {
    if (pieces.length < 2) continue;
    pieces.sort((x, y) => sizes.get(y)! - sizes.get(x)! || (x < y ? -1 : 1));
    for (const piece of pieces.slice(1)) {
      const f = r.clusterer.storyPair(piece, pieces[0]);
      if (!f) continue;
      own.push(f);
      if (sizes.get(piece) === 1) single++;
      if (r.pred.every((p, i) => p !== piece || set.articles[i].nonArticle)) nonArticle++;
      if (candidate.has(`${piece}\u0000${pieces[0]}`)) found++;
      let best: StoryPairFeatures | undefined;
      for (const [o, og] of r.majority) {
        if (og === g) continue;
        const h = r.clusterer.storyPair(piece, o);
        if (h && (!best || h.cos > best.cos)) best = h;
      }
      if (best) other.push(best);
      if (!best || f.cos > best.cos) closer++;
    }
  }
  const q = (xs: StoryPairFeatures[], key: keyof StoryPairFeatures) =>
    quantiles(xs.map((x) => x[key] as number));
  console.log(
    `| ${set.name} | ${own.length} | ${single} | ${nonArticle} | ${found} | ${closer} | ${q(own, 'cos')} | ${q(own, 'content')} | ${q(own, 'names')} | ${q(other, 'cos')} | ${q(other, 'content')} | ${q(other, 'names')} |`,
  );
});

// ECB+'s twin events (two gold stories of one topic) as stories of their own: the clusterer fed with joins
// following the gold stories (teacher forcing), then the pairs of its stories that are one topic's two events.
{
  const set = sets[0];
  const gold = new Map(set.articles.map((a, i) => [a.id, set.gold[i]]));
  const forced = new StoryClusterer({}, undefined, { gold, rows: [], labels: [] });
  forced.addAll(set.articles);
  const eventOf = new Map(set.articles.map((a) => [forced.storyOf(a.id)!, gold.get(a.id)!]));
  const topic = (e: string) => e.replace(/ecb(plus)?$/, '');
  const twins = forced
    .storyPairs()
    .filter(
      (p) => eventOf.get(p.a) !== eventOf.get(p.b) && topic(eventOf.get(p.a)!) === topic(eventOf.get(p.b)!),
    )
    .map((p) => p.features);
  const q = (key: keyof StoryPairFeatures) => quantiles(twins.map((x) => x[key] as number));
  console.log('\n## ECB+ twin events, each a story (gold joins), as candidate pairs\n');
  console.log(
    '| pairs | cos (q1 / median / q3) | content cos | names cos | cross | cross over looser within |',
  );
  console.log('|---:|---|---|---|---|---|');
  console.log(
    `| ${twins.length} | ${q('cos')} | ${q('content')} | ${q('names')} | ${q('cross')} | ${q('crossRel')} |`,
  );
}

/** The model's inputs for a story pair. */
function row(f: StoryPairFeatures): number[] {
  return [
    f.cos,
    f.content,
    f.names,
    f.numbers,
    f.people,
    f.orgs,
    f.places,
    f.cross,
    f.crossRel,
    Math.log1p(f.small),
    Math.log1p(f.large),
    f.dayGap === undefined ? 0 : Math.log1p(f.dayGap),
    f.yearGap === undefined ? 0 : Math.min(f.yearGap, 5),
  ];
}

function fit(train: number[], l2: number): Omit<SameStoryWeights, 'threshold'> {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const k of train) {
    const pairs = [...runs[k].values()].flatMap((r) => r.pairs);
    for (const p of pairs) {
      rows.push(row(p.features));
      labels.push(p.label);
      weights.push(1000 / pairs.length);
    }
  }
  return fitSameStory(rows, labels, weights, l2);
}

function mergedF1(k: number, model: Omit<SameStoryWeights, 'threshold'>, t: number) {
  const r = base(k);
  const joins = r.pairs
    .filter((p) => sameStoryProbability({ ...model, threshold: t }, row(p.features)) >= t)
    .map((p): [string, string] => [p.a, p.b]);
  return bcubed(merged(r.pred, joins), sets[k].gold);
}

console.log('\n## Learned story-pair merge, leave-one-dataset-out\n');
console.log(
  '| held-out set | L2 | pairs (same story) in training | threshold chosen on the other two | held out | defaults |',
);
console.log('|---|---:|---|---:|---:|---:|');
for (const l2 of L2)
  sets.forEach((set, h) => {
    const train = [0, 1, 2].filter((k) => k !== h);
    const model = fit(train, l2);
    let best = THRESHOLDS[0];
    let bestMean = -1;
    for (const t of THRESHOLDS) {
      const m = train.reduce((x, k) => x + mergedF1(k, model, t).f1, 0) / train.length;
      if (m > bestMean + 1e-9) {
        bestMean = m;
        best = t;
      }
    }
    const counts = train
      .map((k) => {
        const pairs = [...runs[k].values()].flatMap((r) => r.pairs);
        return `${pairs.length} (${pairs.filter((p) => p.label).length})`;
      })
      .join(', ');
    console.log(
      `| ${set.name} | ${l2} | ${counts} | ${best} | ${cell(mergedF1(h, model, best))} | ${f4(bcubed(base(h).pred, set.gold).f1)} |`,
    );
  });

console.log('\n## One-report stories attached by content cosine and margin, leave-one-dataset-out\n');
const FLOORS = [Number.POSITIVE_INFINITY, 0.2, 0.16, 0.14, 0.12, 0.1, 0.08];
const RATIOS = [1, 1.25, 1.5, 2, 3];
const grid: Array<{ floor: number; ratio: number; b: Array<{ p: number; r: number; f1: number }> }> = [];
for (const floor of FLOORS)
  for (const ratio of RATIOS) {
    const b = sets.map((set, k) => {
      const r = base(k);
      const sizes = new Map<string, number>();
      for (const p of r.pred) sizes.set(p, (sizes.get(p) ?? 0) + 1);
      const options = new Map<string, Array<{ to: string; content: number; large: number }>>();
      for (const p of r.pairs)
        for (const [s, o] of [
          [p.a, p.b],
          [p.b, p.a],
        ])
          if (p.features.small === 1 && r.clusterer.storyPair(s, o) && sizes.get(s) === 1)
            options.set(s, [
              ...(options.get(s) ?? []),
              { to: o, content: p.features.content, large: p.features.large },
            ]);
      const joins: Array<[string, string]> = [];
      for (const [s, list] of options) {
        list.sort((x, y) => y.content - x.content || (x.to < y.to ? -1 : 1));
        const [first, second] = list;
        if (first.large < 2) continue;
        if (first.content >= floor && first.content >= ratio * (second?.content ?? 0))
          joins.push([s, first.to]);
      }
      return bcubed(merged(r.pred, joins), set.gold);
    });
    grid.push({ floor, ratio, b });
  }
console.log(`| floor | ratio | ${sets.map((s) => s.name).join(' | ')} |`);
console.log(`|---:|---:|${sets.map(() => '---:|').join('')}`);
for (const g of grid) console.log(`| ${g.floor} | ${g.ratio} | ${g.b.map(cell).join(' | ')} |`);
console.log('\n| held-out set | floor, ratio chosen on the other two | held out | defaults |');
console.log('|---|---|---:|---:|');
sets.forEach((set, h) => {
  let best = grid[0];
  let bestMean = -1;
  for (const g of grid) {
    const m = g.b.reduce((x, b, k) => x + (k === h ? 0 : b.f1), 0) / (sets.length - 1);
    if (m > bestMean + 1e-9) {
      bestMean = m;
      best = g;
    }
  }
  console.log(`| ${set.name} | ${best.floor}, ${best.ratio} | ${cell(best.b[h])} | ${f4(grid[0].b[h].f1)} |`);
});
