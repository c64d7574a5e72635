/**
 * `newsfuse eval brief --data data/gold/briefs.jsonl [--shared DIR] [--json]`: briefs measured the way a
 * reader would (protocol: data/gold/briefs.md). The briefs of every labelled story are made again by the
 * pipeline (brief-stories.ts) and their summary sentences matched to the labelled ones by story and text
 * hash. Only matched sentences are scored; how many labelled sentences are gone and how many shown sentences
 * have no label is reported beside the scores, so that a changed summary cannot score well unseen, and the
 * usable rate is also given with every unlabelled sentence counted as not usable (`usable_lower`).
 *
 * Citations (stories labelled with supporters): precision and recall of the cited articles against the
 * articles that state the sentence's fact, pooled over sentences; corroboration: the share of sentences whose
 * shown report count equals the labelled one (and how many are too high or too low). The same figures as
 * `every_*` score every labelled sentence with supporters, each cited and counted as its story's brief would
 * had the summary chosen it (`citeInStory`), so that they do not move when the summary picks other sentences;
 * `every_not_found` counts the labelled sentences no story holds any more.
 *
 * The stories are split in two halves by a hash of their id (`halfOf`): changes are tuned on `tune` and judged
 * on `held`; both are always reported in the details, and `--half` scores one alone.
 */
import { createHash } from 'node:crypto';
import { type BriefSentence, briefStoryLoader, storyBriefs } from './brief-stories.js';
import type { EvalResult, EvalTask, Metrics } from './contract.js';
import { readJsonl } from './data.js';
import { type SharedDoc, sharedDir } from './shared-docs.js';

/** Why a summary sentence is not usable on its own (data/gold/briefs.md). */
export const REASONS = [
  'furniture',
  'caption',
  'byline-glued',
  'title-run-in',
  'joined-sentences',
  'dangling-reference',
  'unattributed-quote',
  'fragment-or-list',
  'trivia-or-slogan',
  'non-article',
] as const;

export type Label = 'usable' | (typeof REASONS)[number];

/** One labelled summary sentence (no text: the hash names it). */
export interface GoldSentence {
  story: string;
  brief: number;
  index: number;
  hash: string;
  /** The article the sentence was taken from, and its offset there (-1 when not found verbatim). */
  from: string;
  offset: number;
  label: Label;
  /** Citation stories only: the articles that state the sentence's fact, and the independent reports among them. */
  supporters?: string[];
  reports?: number;
  /** What the brief showed when the line was labelled (a record of the baseline; not read by the eval). */
  cited?: string[];
  shown?: number;
  /**
   * The labelling context: the hashes of the summary sentences its brief showed before it when it was labelled
   * (`[]` for a brief's first sentence). Absent when it could not be rebuilt: the line is then matched by hash
   * alone, as before contexts were recorded (`context_unknown`).
   */
  before?: string[];
  /**
   * Usable labels only: the sentences of `before` whose presence the label relies on (an antecedent: "he said"
   * after the sentence naming him); `[]` when it stands alone. Absent on labels that did not record it.
   */
  needs?: string[];
  /** The labelling round (data/gold/briefs.md); absent on round 1. */
  round?: number;
  /** The branch a line was labelled after (not blind), where a round has blind and later lines. */
  after?: string;
  /** Labelled again where none of the sentence's earlier lines held. */
  again?: boolean;
}

/** What the brief shows for a summary sentence: enough to score it (`brief` and `index` give its context). */
export type Shown = Pick<BriefSentence, 'story' | 'hash' | 'cited' | 'shown'> &
  Partial<Pick<BriefSentence, 'brief' | 'index'>>;

const key = (story: string, hash: string) => `${story}#${hash}`;

/** A story's labelled lines by `story#hash`, each sentence's lines in file order. */
export function linesByKey(gold: readonly GoldSentence[]): Map<string, GoldSentence[]> {
  const lines = new Map<string, GoldSentence[]>();
  for (const g of gold) {
    const k = key(g.story, g.hash);
    const ls = lines.get(k);
    if (ls) ls.push(g);
    else lines.set(k, [g]);
  }
  return lines;
}

/** The lines of the shown sentence `s` (none when unlabelled). */
export const linesOf = (lines: Map<string, GoldSentence[]>, s: { story: string; hash: string }) =>
  lines.get(key(s.story, s.hash)) ?? [];

/** Checks a gold line; returns the problem or undefined. */
export function goldProblem(g: Partial<GoldSentence>): string | undefined {
  if (typeof g.story !== 'string' || typeof g.hash !== 'string') return 'needs "story" and "hash"';
  if (g.label !== 'usable' && !REASONS.includes(g.label as (typeof REASONS)[number]))
    return `unknown label "${String(g.label)}"`;
  if ((g.supporters === undefined) !== (g.reports === undefined))
    return '"supporters" and "reports" go together';
  if (g.supporters && (!Array.isArray(g.supporters) || !g.supporters.length))
    return '"supporters" must name at least one article';
  if (g.before !== undefined && !Array.isArray(g.before)) return '"before" is a list of hashes';
  if (g.needs !== undefined) {
    if (g.label !== 'usable') return '"needs" goes with a usable label';
    if (!Array.isArray(g.needs) || !g.before || g.needs.some((h) => !g.before?.includes(h)))
      return '"needs" names sentences of "before"';
  }
  return undefined;
}

/**
 * Whether a label still holds where the brief now shows its sentence, after the sentences `shownBefore` (the
 * hashes its brief shows before it today; undefined when not known). Only context-dependent labels can lapse:
 * - `dangling-reference` holds while nothing is shown before the sentence that was not before it at labelling
 *   time (a sentence new in front of it may hold the antecedent; one gone from in front cannot);
 * - `usable` with `needs` holds while every sentence it needs is still shown before it;
 * - every other label (`usable` without `needs` too: a label that did not record what it relies on, counted
 *   in `usable_context_changed` when a sentence of its labelling context is no longer shown before it), a
 *   line without a recorded context, or a sentence whose context is not known, holds.
 * A labelled sentence none of whose labels holds is unlabelled in its context (`context_unlabelled`): it must
 * be labelled again, with its new context (data/gold/briefs.md, "Labels in context").
 */
export function labelHolds(g: GoldSentence, shownBefore: readonly string[] | undefined): boolean {
  if (!g.before || !shownBefore) return true;
  if (g.label === 'dangling-reference') {
    const then = new Set(g.before);
    return shownBefore.every((h) => then.has(h));
  }
  if (g.label === 'usable' && g.needs) {
    const now = new Set(shownBefore);
    return g.needs.every((h) => now.has(h));
  }
  return true;
}

const sameContext = (g: GoldSentence, shownBefore: readonly string[] | undefined) =>
  !!g.before &&
  !!shownBefore &&
  g.before.length === shownBefore.length &&
  g.before.every((h, i) => h === shownBefore[i]);

/**
 * The line that scores a shown sentence, among its lines (file order), given the hashes shown before it: the first
 * that holds (`labelHolds`), except that an old `usable` line without `needs` labelled in another context gives way
 * to a later holding line labelled in exactly this context, or failing that to one that records `needs` (a label
 * made again in context, data/gold/briefs.md "Labels in context"). Undefined when none holds.
 */
export function scoringLine(
  lines: readonly GoldSentence[],
  shownBefore: readonly string[] | undefined,
): GoldSentence | undefined {
  const holding = lines.filter((l) => labelHolds(l, shownBefore));
  const first = holding[0];
  if (first?.label !== 'usable' || first.needs || !first.before || sameContext(first, shownBefore))
    return first;
  return holding.find((l) => sameContext(l, shownBefore)) ?? holding.find((l) => l.needs) ?? first;
}

/** A usable label that did not record `needs`, shown without some sentence it was labelled after. */
export const contextChanged = (g: GoldSentence, shownBefore: readonly string[] | undefined) =>
  g.label === 'usable' &&
  !g.needs &&
  !!g.before &&
  !!shownBefore &&
  g.before.some((h) => !shownBefore.includes(h));

/**
 * The hashes each shown sentence's brief shows before it (by story, brief and index), or undefined for a
 * sentence without a place (`brief`/`index` missing or negative).
 */
export function shownBefore(shown: readonly Shown[]): (s: Shown) => string[] | undefined {
  const byBrief = new Map<string, Shown[]>();
  for (const s of shown) {
    if (s.brief === undefined || s.index === undefined || s.index < 0) continue;
    const k = `${s.story}#${s.brief}`;
    byBrief.set(k, [...(byBrief.get(k) ?? []), s]);
  }
  return (s) => {
    if (s.brief === undefined || s.index === undefined || s.index < 0) return undefined;
    const index = s.index;
    return (byBrief.get(`${s.story}#${s.brief}`) ?? [])
      .filter((o) => (o.index ?? 0) < index)
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
      .map((o) => o.hash);
  };
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
const round4 = (x: number) => Math.round(x * 10000) / 10000;

/**
 * Scores shown summary sentences against labelled ones (pure). A shown sentence is matched by story and
 * hash; a labelled sentence matched more than once (the same text twice in one story) counts once. A
 * sentence labelled twice keeps its first label, and takes supporters from a later line if it had none.
 */
/** Citation and report-count tallies over labelled sentences with supporters. */
class CitationTally {
  sentences = 0;
  private tp = 0;
  private cited = 0;
  private truth = 0;
  private exact = 0;
  high = 0;
  low = 0;

  add(g: GoldSentence, s: Shown): void {
    if (!g.supporters || g.reports === undefined) return;
    this.sentences++;
    const support = new Set(g.supporters);
    const ids = new Set(s.cited);
    this.cited += ids.size;
    this.truth += support.size;
    for (const id of ids) if (support.has(id)) this.tp++;
    if (s.shown === g.reports) this.exact++;
    else if (s.shown > g.reports) this.high++;
    else this.low++;
  }

  get precision(): number {
    return round4(ratio(this.tp, this.cited));
  }
  get recall(): number {
    return round4(ratio(this.tp, this.truth));
  }
  get exactRate(): number {
    return round4(ratio(this.exact, this.sentences));
  }
}

/**
 * Scores shown summary sentences against labelled ones (pure). A shown sentence is matched by story and
 * hash; a labelled sentence matched more than once (the same text twice in one story) counts once. A
 * sentence labelled twice keeps its first label, and takes supporters from a later line if it had none.
 * Citations and report counts are scored by hash alone (`citation_*`, `usable_by_hash`: the usable rate as it
 * was read before labels had contexts); the usable rate and the reasons by the first line whose label still
 * holds where the sentence is shown (`labelHolds`), over `matched_in_context` sentences: a sentence none of
 * whose labels holds counts in `context_unlabelled` (by its first label in `context_stale`) and, like an
 * unlabelled one, as not usable in `usable_lower`.
 * `everyCited` (optional) holds every labelled sentence cited as if its summary had chosen it: the `every_*`
 * figures score citations and report counts on all sentences with supporters, whatever the summary shows.
 */
export function scoreBriefs(gold: GoldSentence[], shown: Shown[], everyCited: Shown[] = []): Metrics {
  const labelled = new Map<string, GoldSentence>();
  const lines = linesByKey(gold);
  for (const g of gold) {
    const k = key(g.story, g.hash);
    const first = labelled.get(k);
    if (!first) labelled.set(k, g);
    // A later round may add supporters to a sentence labelled before for usability only: the first usable
    // label stays (append, never relabel), the supporters and report count are added.
    else if (!first.supporters && g.supporters)
      labelled.set(k, { ...first, supporters: g.supporters, reports: g.reports });
  }
  const stories = new Set(gold.map((g) => g.story));
  const before = shownBefore(shown);
  const seen = new Set<string>();
  let unlabelled = 0;
  const onShown = new CitationTally();
  let usable = 0;
  let usableByHash = 0;
  let inContext = 0;
  let contextUnknown = 0;
  let changed = 0;
  const stale: Record<string, number> = {};
  const reasons: Record<string, number> = Object.fromEntries(REASONS.map((r) => [r, 0]));
  for (const s of shown) {
    if (!stories.has(s.story)) continue;
    const k = key(s.story, s.hash);
    const g = labelled.get(k);
    if (!g) {
      unlabelled++;
      continue;
    }
    if (seen.has(k)) continue;
    seen.add(k);
    if (g.label === 'usable') usableByHash++;
    onShown.add(g, s);
    // The label that scores the sentence: the first line whose context still holds where it is shown, an old
    // context-free usable line giving way to one labelled in this context (`scoringLine`).
    const context = before(s);
    const holding = scoringLine(linesOf(lines, s), context);
    if (!holding) {
      stale[g.label] = (stale[g.label] ?? 0) + 1;
      continue;
    }
    inContext++;
    if (!holding.before || !context) contextUnknown++;
    if (contextChanged(holding, context)) changed++;
    if (holding.label === 'usable') usable++;
    else reasons[holding.label]++;
  }
  const every = new CitationTally();
  const everySeen = new Set<string>();
  for (const s of everyCited) {
    const k = key(s.story, s.hash);
    const g = labelled.get(k);
    if (!g || everySeen.has(k)) continue;
    everySeen.add(k);
    every.add(g, s);
  }
  const withSupporters = [...labelled.values()].filter((g) => g.supporters).length;
  const matched = seen.size;
  return {
    labelled: labelled.size,
    matched,
    gone: labelled.size - matched,
    unlabelled,
    citation_sentences: onShown.sentences,
    citation_precision: onShown.precision,
    citation_recall: onShown.recall,
    corroboration_exact: onShown.exactRate,
    corroboration_high: onShown.high,
    corroboration_low: onShown.low,
    usable: round4(ratio(usable, inContext)),
    usable_lower: round4(ratio(usable, matched + unlabelled)),
    not_usable: Object.fromEntries(Object.entries(reasons).map(([r, n]) => [r, round4(ratio(n, inContext))])),
    matched_in_context: inContext,
    context_unlabelled: matched - inContext,
    context_stale: stale,
    context_unknown: contextUnknown,
    usable_context_changed: changed,
    usable_by_hash: round4(ratio(usableByHash, matched)),
    ...(everyCited.length
      ? {
          every_citation_sentences: every.sentences,
          every_not_found: withSupporters - every.sentences,
          every_citation_precision: every.precision,
          every_citation_recall: every.recall,
          every_corroboration_exact: every.exactRate,
          every_corroboration_high: every.high,
          every_corroboration_low: every.low,
        }
      : {}),
  };
}

const datasetOf = (story: string) => story.split('/')[0];

export type Half = 'tune' | 'held';

/**
 * The half of the set a story belongs to, fixed by its id alone (the first hex digit of SHA-256 over the id:
 * 0–7 tune, 8–f held out), so that changes are tuned and analysed on one half and judged on the other.
 */
export function halfOf(story: string): Half {
  return createHash('sha256').update(story).digest()[0] < 128 ? 'tune' : 'held';
}

/**
 * The labels of a gold file over the briefs of its stories, as `eval brief` and `eval entities` read them: the
 * lines of one `--half` (all without one), a line `problemOf` rejects warned of with its file:line and skipped;
 * then each labelled story's documents, from the shared data, handed to `visit`. A story not in the shared data
 * is warned of and returned in `missing` (`stories` has them all): its labels are not scored.
 */
export function labelledStories<T extends { story: string }>(
  data: string,
  half: unknown,
  shared: string,
  problemOf: (g: Partial<T>) => string | undefined,
  log: (line: string) => void,
  visit: (story: string, docs: SharedDoc[]) => void,
): { gold: T[]; stories: string[]; missing: Set<string> } {
  if (half !== undefined && half !== 'tune' && half !== 'held')
    throw new Error(`--half is tune or held, not "${String(half)}"`);
  const gold: T[] = [];
  readJsonl<Partial<T>>(data).forEach((g, i) => {
    const problem = problemOf(g);
    if (problem) log(`warning: ${data}:${i + 1}: ${problem}; skipped`);
    else if (!half || halfOf(g.story as string) === half) gold.push(g as T);
  });
  const load = briefStoryLoader(shared);
  const missing = new Set<string>();
  const stories = [...new Set(gold.map((g) => g.story))];
  for (const story of stories) {
    const docs = load(story);
    if (!docs) {
      log(`warning: story ${story} is not in ${shared}; its labels are not scored`);
      missing.add(story);
    } else visit(story, docs);
  }
  return { gold, stories, missing };
}

export const task: EvalTask = {
  name: 'brief',
  description: 'briefs against hand-labelled summary sentences: citations, report counts, usable rate',
  flags: {
    shared: 'folder of the shared data (default ../shared/data beside the repository)',
    half: 'score only one half of the stories: tune or held (both are always in the details)',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    const started = Date.now();
    const shown: Shown[] = [];
    const everyCited: Shown[] = [];
    const docsOf = new Map<string, SharedDoc[]>();
    const { gold, stories, missing } = labelledStories<GoldSentence>(
      data,
      flags.half,
      sharedDir(flags.shared, data),
      goldProblem,
      log,
      (story, docs) => docsOf.set(story, docs),
    );
    for (const [story, docs] of docsOf) {
      const refs = gold
        .filter((g) => g.story === story && g.supporters)
        .map((g) => ({ from: g.from, hash: g.hash }));
      const r = storyBriefs(story, docs, refs);
      shown.push(...r.sentences);
      everyCited.push(...r.everyCited);
    }
    const scored = gold.filter((g) => !missing.has(g.story));
    const details: Record<string, Metrics> = {};
    for (const set of [...new Set(scored.map((g) => datasetOf(g.story)))].sort())
      details[set] = scoreBriefs(
        scored.filter((g) => datasetOf(g.story) === set),
        shown.filter((s) => datasetOf(s.story) === set),
        everyCited.filter((s) => datasetOf(s.story) === set),
      );
    for (const h of ['tune', 'held'] as const) {
      const part = scored.filter((g) => halfOf(g.story) === h);
      if (part.length)
        details[h] = scoreBriefs(
          part,
          shown.filter((s) => halfOf(s.story) === h),
          everyCited.filter((s) => halfOf(s.story) === h),
        );
    }
    return {
      task: 'brief',
      data,
      items: stories.length - missing.size,
      seconds: (Date.now() - started) / 1000,
      metrics: scoreBriefs(scored, shown, everyCited),
      details,
    };
  },
};
