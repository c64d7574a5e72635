/**
 * `newsfuse eval entities --data data/gold/entities-shown.jsonl [--shared DIR] [--half tune|held] [--json]`:
 * the entities briefs list, against hand labels (protocol: data/gold/entities-shown.md). The briefs of every
 * labelled story of the brief dev set are made again by the pipeline (as `eval brief` makes them) and each
 * entity they list is matched to a label by story and name. Its kind is judged again: a name labelled with its
 * true kind is `ok` when shown with that kind and `wrong-kind` otherwise.
 *
 * Precision is the share of labelled shown entities that are `ok` (a real name of the kind shown); kind
 * accuracy the share of real names (`ok` or `wrong-kind`) shown with their kind. Beside them: the count per
 * label, how many shown entities have no label (a change that shows new names cannot score well unseen) and
 * how many labelled entities are no longer shown, `ok` ones apart (what a filter cost).
 */

import { documentsFromBytes } from '../ingest/index.js';
import type { Article, Brief, EntityKind } from '../model.js';
import { briefArticles, extractAll } from '../pipeline.js';
import { type Half, halfOf, labelledStories } from './brief.js';
import { BRIEF_WORDS, briefsKept } from './brief-stories.js';
import type { EvalResult, EvalTask, Metrics } from './contract.js';
import type { SharedDoc } from './shared-docs.js';
import { sharedDir } from './shared-docs.js';

export const LABELS = ['ok', 'wrong-kind', 'not-a-name', 'fragment', 'bad-merge'] as const;
export type EntityLabel = (typeof LABELS)[number];
const KINDS: EntityKind[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

/** One labelled shown entity (names are short facts; no article text). */
export interface GoldEntity {
  story: string;
  half?: Half;
  /** The brief it was listed in at labelling time (informative: entities are matched by story + name). */
  brief?: number;
  name: string;
  /** The kind shown at labelling time. */
  kind: EntityKind;
  label: EntityLabel;
  /** `ok` and `wrong-kind`: the kind the name truly is (OTHER: none of the four, e.g. a product). */
  true_kind?: EntityKind | 'OTHER';
  /** One mention: the article's id in the shared data and the offsets of the name there. */
  doc?: string;
  start?: number;
  end?: number;
  note?: string;
}

/** A listed entity as the eval sees it. */
export interface ShownEntity {
  story: string;
  brief: number;
  name: string;
  kind: EntityKind;
}

/** Checks a gold line; returns the problem or undefined. */
export function goldProblem(g: Partial<GoldEntity>): string | undefined {
  if (typeof g.story !== 'string' || typeof g.name !== 'string') return 'needs "story" and "name"';
  if (!LABELS.includes(g.label as EntityLabel)) return `unknown label "${String(g.label)}"`;
  if (!KINDS.includes(g.kind as EntityKind)) return `unknown kind "${String(g.kind)}"`;
  if (
    (g.label === 'ok' || g.label === 'wrong-kind') &&
    !KINDS.includes(g.true_kind as EntityKind) &&
    !(g.label === 'wrong-kind' && g.true_kind === 'OTHER')
  )
    return `"${g.label}" needs "true_kind"`;
  return undefined;
}

const key = (story: string, name: string) => `${story}\u0000${name}`;
const ratio = (a: number, b: number) => (b ? a / b : 0);
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** The label of a shown entity given its gold line: a real name's label follows the kind shown today. */
export function labelOf(g: GoldEntity, kind: EntityKind): EntityLabel {
  if ((g.label === 'ok' || g.label === 'wrong-kind') && g.true_kind)
    return kind === g.true_kind ? 'ok' : 'wrong-kind';
  return g.label;
}

/** Scores shown entities against labelled ones (pure). Only the labelled stories' entities count. */
export function scoreEntities(gold: GoldEntity[], shown: ShownEntity[]): Metrics {
  const labelled = new Map<string, GoldEntity>();
  for (const g of gold) if (!labelled.has(key(g.story, g.name))) labelled.set(key(g.story, g.name), g);
  const stories = new Set(gold.map((g) => g.story));
  const counts: Record<EntityLabel, number> = Object.fromEntries(LABELS.map((l) => [l, 0])) as Record<
    EntityLabel,
    number
  >;
  const seen = new Set<string>();
  let unlabelled = 0;
  let matched = 0;
  for (const s of shown) {
    if (!stories.has(s.story)) continue;
    const g = labelled.get(key(s.story, s.name));
    if (!g) {
      unlabelled++;
      continue;
    }
    seen.add(key(s.story, s.name));
    matched++;
    counts[labelOf(g, s.kind)]++;
  }
  let gone = 0;
  let okGone = 0;
  for (const [k, g] of labelled)
    if (!seen.has(k)) {
      gone++;
      if (g.label === 'ok') okGone++;
    }
  const okLabelled = [...labelled.values()].filter((g) => g.label === 'ok').length;
  return {
    labelled: labelled.size,
    shown: matched + unlabelled,
    matched,
    unlabelled,
    precision: round4(ratio(counts.ok, matched)),
    precision_lower: round4(ratio(counts.ok, matched + unlabelled)),
    kind_accuracy: round4(ratio(counts.ok, counts.ok + counts['wrong-kind'])),
    labels: { ...counts },
    gone,
    ok_gone: okGone,
    ok_kept: round4(ratio(okLabelled - okGone, okLabelled)),
  };
}

/**
 * The briefs of one story (as `storyBriefs` makes them: JSON Lines records through the whole pipeline, 120
 * words), with each brief's member articles and the shared data's id of a pipeline article.
 */
export function storyEntityBriefs(
  story: string,
  docs: SharedDoc[],
): { briefs: Brief[]; members: Article[][]; docOf: (articleId: string) => string } {
  const file = `${story.replace(/\//g, '_')}.jsonl`;
  const records = docs.map((d) => JSON.stringify({ title: d.title, date: d.date, text: d.text }));
  const ingest = documentsFromBytes(file, Buffer.from(`${records.join('\n')}\n`));
  const { articles } = extractAll(ingest.docs);
  const ids = new Map(
    articles.map((a) => [a.id, docs[Number(a.source.slice(file.length + 1)) - 1]?.id ?? a.id]),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const briefs = briefArticles(articles, { words: BRIEF_WORDS, fixedWords: true }).briefs.slice(
    0,
    briefsKept(story),
  );
  const members = briefs.map((b) => b.sources.map((s) => byId.get(s.articleId)!).filter(Boolean));
  return { briefs, members, docOf: (id) => ids.get(id) ?? id };
}

/** The entities listed by the briefs of one story. */
export function shownEntities(story: string, docs: SharedDoc[]): ShownEntity[] {
  return storyEntityBriefs(story, docs).briefs.flatMap((b, k) =>
    (b.entities ?? []).map((e) => ({ story, brief: k, name: e.name, kind: e.kind })),
  );
}

/** What differs from the labels: entities gone, relabelled by their kind, and shown without a label. */
export function changes(gold: GoldEntity[], shown: ShownEntity[]): string[] {
  const labelled = new Map<string, GoldEntity>();
  for (const g of gold) if (!labelled.has(key(g.story, g.name))) labelled.set(key(g.story, g.name), g);
  const stories = new Set(gold.map((g) => g.story));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of shown) {
    if (!stories.has(s.story)) continue;
    const k = key(s.story, s.name);
    const g = labelled.get(k);
    if (!g) out.push(`new\t${halfOf(s.story)}\t${s.story}\t${s.name}\t${s.kind}`);
    else if (!seen.has(k) && labelOf(g, s.kind) !== labelOf(g, g.kind))
      out.push(
        `relabelled\t${halfOf(s.story)}\t${s.story}\t${s.name}\t${labelOf(g, g.kind)} -> ${labelOf(g, s.kind)}`,
      );
    seen.add(k);
  }
  for (const [k, g] of labelled)
    if (!seen.has(k)) out.push(`gone\t${halfOf(g.story)}\t${g.story}\t${g.name}\t${labelOf(g, g.kind)}`);
  return out;
}

const datasetOf = (story: string) => story.split('/')[0];

export const task: EvalTask = {
  name: 'entities',
  description: 'entities listed in briefs against hand labels: precision, kind accuracy, ok entities lost',
  flags: {
    shared: 'folder of the shared data (default ../shared/data beside the repository)',
    half: 'score only one half of the stories: tune or held (both are always in the details)',
    changes:
      'list on stderr the labelled entities no longer shown, those shown with another label, and the unlabelled',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    const started = Date.now();
    const shown: ShownEntity[] = [];
    const { gold, stories, missing } = labelledStories<GoldEntity>(
      data,
      flags.half,
      sharedDir(flags.shared, data),
      goldProblem,
      log,
      (story, docs) => shown.push(...shownEntities(story, docs)),
    );
    const scored = gold.filter((g) => !missing.has(g.story));
    if (flags.changes) for (const line of changes(scored, shown)) log(line);
    const details: Record<string, Metrics> = {};
    const part = (pick: (story: string) => boolean) =>
      scoreEntities(
        scored.filter((g) => pick(g.story)),
        shown.filter((s) => pick(s.story)),
      );
    for (const set of [...new Set(scored.map((g) => datasetOf(g.story)))].sort())
      details[set] = part((s) => datasetOf(s) === set);
    for (const h of ['tune', 'held'] as const)
      if (scored.some((g) => halfOf(g.story) === h)) details[h] = part((s) => halfOf(s) === h);
    return {
      task: 'entities',
      data,
      items: stories.length - missing.size,
      seconds: (Date.now() - started) / 1000,
      metrics: scoreEntities(scored, shown),
      details,
    };
  },
};
