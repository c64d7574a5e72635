/**
 * `newsfuse eval disagreements --data data/gold/disagreements.jsonl [--shared DIR] [--json]`: the figure
 * disagreements the shipped detector reports, scored against hand-labelled figure pairs (protocol:
 * data/gold/disagreements.md). Each labelled story is rebuilt from ../shared/data (or --shared DIR) and run
 * through the detector; a labelled pair is reported when the detector sets its two figures against each
 * other (both in one disagreement, on different sides, from different reports).
 *
 * precision: conflicts among the labelled pairs reported; recall: labelled conflicts reported;
 * recall_loose: the same over conflicts drawn by the looser samples only (the detector's own sample cannot
 * miss). `reported_<label>` / `pairs_<label>`: the confusion, per label. `unlabelled`: pairs the detector
 * reports that the set does not label (a large number means the set no longer covers what it reports).
 */
import { readFileSync } from 'node:fs';
import { figureConflicts } from '../analyse/disagreements.js';
import type { EvalTask, Metrics } from './contract.js';
import { datasetOf, figureKey, pairKey, storyLoader } from './disagreement-stories.js';
import { sharedDir } from './shared-docs.js';

export const LABELS = ['conflict', 'different', 'update', 'parse', 'agree'] as const;
export type Label = (typeof LABELS)[number];

export interface GoldPair {
  id: string;
  story: string;
  a: { article: string; start: number; end: number };
  b: { article: string; start: number; end: number };
  from: string[];
  label: Label;
  note?: string;
}

export function readGold(file: string): GoldPair[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldPair);
}

/** The pairs of figures the detector sets against each other in one story. */
export function reportedPairs(story: ReturnType<ReturnType<typeof storyLoader>>): Set<string> {
  const out = new Set<string>();
  for (const c of figureConflicts(story.sentences, story.reportOf, story.dayOf))
    for (let i = 0; i < c.values.length; i++)
      for (let j = i + 1; j < c.values.length; j++)
        for (const x of c.values[i])
          for (const y of c.values[j]) {
            if (x.reportId === y.reportId && x.sentence !== y.sentence) continue;
            // A figure is found at its own place and at its conversions' ("5,000 barrels (210,000 gallons)").
            for (const xs of [x.q.start, ...x.alsoAt])
              for (const ys of [y.q.start, ...y.alsoAt])
                out.add(
                  pairKey(
                    figureKey(x.sentence.articleId, x.sentence.start + xs),
                    figureKey(y.sentence.articleId, y.sentence.start + ys),
                  ),
                );
          }
  return out;
}

/** Precision, recall and the confusion of one set of scored pairs. */
export function score(pairs: Array<{ pair: GoldPair; reported: boolean }>): Metrics {
  const m: Metrics = {};
  const conflicts = pairs.filter((p) => p.pair.label === 'conflict');
  const reported = pairs.filter((p) => p.reported);
  const tp = reported.filter((p) => p.pair.label === 'conflict').length;
  const looseConflicts = conflicts.filter((p) => p.pair.from.some((f) => f === 'loose' || f === 'toll'));
  m.pairs = pairs.length;
  m.conflicts = conflicts.length;
  m.reported = reported.length;
  m.precision = reported.length ? tp / reported.length : 1;
  m.recall = conflicts.length ? tp / conflicts.length : 1;
  m.recall_loose = looseConflicts.length
    ? looseConflicts.filter((p) => p.reported).length / looseConflicts.length
    : 1;
  for (const label of LABELS) {
    m[`pairs_${label}`] = pairs.filter((p) => p.pair.label === label).length;
    m[`reported_${label}`] = reported.filter((p) => p.pair.label === label).length;
  }
  return m;
}

export const task: EvalTask = {
  name: 'disagreements',
  description: 'figure disagreements against hand-labelled figure pairs (precision, recall, confusion)',
  flags: { shared: 'folder of the shared datasets (default ../shared/data)' },
  async run({ data, flags, log }) {
    const t0 = performance.now();
    const gold = readGold(data);
    const load = storyLoader(sharedDir(flags.shared, data));
    const byStory = new Map<string, GoldPair[]>();
    for (const p of gold) {
      const list = byStory.get(p.story);
      if (list) list.push(p);
      else byStory.set(p.story, [p]);
    }
    const scored: Array<{ pair: GoldPair; reported: boolean }> = [];
    let unlabelled = 0;
    for (const [id, pairs] of byStory) {
      const story = load(id);
      const reported = reportedPairs(story);
      const labelled = new Set<string>();
      for (const p of pairs) {
        const key = pairKey(figureKey(p.a.article, p.a.start), figureKey(p.b.article, p.b.start));
        labelled.add(key);
        scored.push({ pair: p, reported: reported.has(key) });
      }
      for (const k of reported) if (!labelled.has(k)) unlabelled++;
    }
    log(`${byStory.size} stories, ${gold.length} labelled pairs`);
    const details: Record<string, Metrics> = {};
    for (const dataset of [...new Set(gold.map((p) => datasetOf(p.story)))].sort())
      details[dataset] = score(scored.filter((s) => datasetOf(s.pair.story) === dataset));
    return {
      task: 'disagreements',
      data,
      items: gold.length,
      seconds: (performance.now() - t0) / 1000,
      metrics: { ...score(scored), unlabelled },
      details,
    };
  },
};
