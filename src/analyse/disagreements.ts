/**
 * Disagreements: where independent reports of one story state different figures for the same thing
 * (12 injured vs 14; talks "for a week" vs "for about two weeks"; "the second within 24 hours" vs "the second
 * in a week"). Two figures are about the same thing when they measure the same frame (a casualty class, a
 * counted noun, a duration's role, a percentage or a currency) in sentences that share what the figure is
 * about (and, for counts and amounts, no different places: both sentences' names must meet). They disagree
 * when their ranges, widened for rounding and hedges ("about", "more than"), do not meet. Only pages
 * published about the same time are compared (a toll that rose over a week is an update), and counts of only
 * some ("three more deaths") are compared with nothing. Copies of one report never disagree with each other,
 * and never count twice.
 */
import { MONTHS_FULL, WEEKDAYS } from '../language/lexicon.js';
import { tokenize } from '../language/tokens.js';
import type { Disagreement, DisagreementValue, Sentence } from '../model.js';
import { attributionOf } from './attribution.js';
import { conceptOf, concepts } from './concepts.js';
import { isCasualtyFrame, isCasualtyWord, type Quantity, quantities } from './quantities.js';

export interface Mention {
  q: Quantity;
  sentence: Sentence;
  reportId: string;
  /** Concepts before the figure in its clause (what it is about) and just around it. */
  anchors: Set<string>;
  near: Set<string>;
  /** Names in the sentence (words capitalized inside it): the places and parties it is about. */
  names: Set<string>;
}

/** Mentions of one frame compared pairwise: capped so a huge story stays bounded. */
const MAX_GROUP = 300;

/**
 * Figures from pages published more than this many days apart are not compared: a running tally that rose
 * between them ("20 deaths" on Monday, "80" a week later) is an update, not a disagreement.
 */
export const SAME_TIME_DAYS = 2;

/** Relative slack for hedged figures ("about two weeks"). */
const HEDGE = 0.15;

/** Every figure of every sentence, with what it is about. */
export function mentionsOf(sentences: Sentence[], reportOf: Map<string, string>): Mention[] {
  const out: Mention[] = [];
  for (const s of sentences) {
    let names: Set<string> | undefined;
    for (const q of quantities(s.text)) {
      // A duration of no known role, or a count of only some ("three more deaths"), is compared with nothing.
      if ((q.kind === 'duration' && q.frame === 'other') || q.partial) continue;
      const clauseStart = Math.max(
        s.text.lastIndexOf(';', q.start),
        s.text.lastIndexOf(' - ', q.start),
        s.text.lastIndexOf('—', q.start),
        0,
      );
      const anchors = new Set(concepts(s.text.slice(clauseStart, q.start)).slice(-8));
      const near = new Set([
        ...concepts(s.text.slice(Math.max(0, q.start - 60), q.start)).slice(-5),
        ...concepts(s.text.slice(q.end, q.end + 50)).slice(0, 4),
      ]);
      // The counted noun and the frame are compared on their own; context means the other words.
      near.delete(q.frame);
      if (q.noun) near.delete(q.noun);
      names ??= namesIn(s.text);
      out.push({ q, sentence: s, reportId: reportOf.get(s.articleId) ?? s.articleId, anchors, near, names });
    }
  }
  return out;
}

const shared = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

/** Whether two figures measure the same thing. */
export function sameThing(a: Mention, b: Mention): boolean {
  if (a.q.kind !== b.q.kind || a.q.frame !== b.q.frame) return false;
  switch (a.q.kind) {
    case 'duration':
      // "The negotiations have been under way ... for a week" / "The talks have been going for about two weeks"
      return shared(a.anchors, b.anchors) >= 1;
    case 'count':
      // "five children were killed" and "seven civilians were killed" count different people.
      if (a.q.noun && b.q.noun && a.q.noun !== b.q.noun) return false;
      if (!namesMeet(a, b)) return false;
      // A casualty class says most of what is counted; a plain noun needs more shared context.
      return shared(a.near, b.near) >= (isCasualtyFrame(a.q.frame) ? 1 : 2);
    default:
      return namesMeet(a, b) && shared(a.near, b.near) >= 2;
  }
}

/**
 * Whether two figures' sentences can be about the same place or party: true unless both name some (words
 * capitalized inside the sentence) and share none ("Canada and Costa Rica, both with one death" vs "the
 * United States ... including 3 deaths").
 */
function namesMeet(a: Mention, b: Mention): boolean {
  return a.names.size === 0 || b.names.size === 0 || shared(a.names, b.names) > 0;
}

/** Weekdays and months are capitalized without naming a place or party. */
const CALENDAR_WORD = new Set<string>([...WEEKDAYS, ...MONTHS_FULL]);

function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:'"”’)]\s+)\p{Lu}[\p{Ll}\p{Lu}'’-]+/gu))
    if (!CALENDAR_WORD.has(m[0])) out.add(m[0].toLowerCase());
  return out;
}

/** The range a figure allows: hedges widen it, bounds open it, round figures allow for rounding. */
export function rangeOf(q: Quantity): [number, number] {
  let low = q.low;
  let high = q.high;
  const rounding = Math.min(roundingUnit(q.low) / 2, q.low * 0.05);
  low -= rounding;
  high += rounding;
  if (q.approximate) {
    low *= 1 - HEDGE;
    high *= 1 + HEDGE;
  }
  if (q.atLeast) high = Number.POSITIVE_INFINITY;
  if (q.atMost) low = 0;
  return [low, high];
}

/** 300,000 → 100,000; 1,250 → 10; 12 → 1; 3.5 → 0.1. */
function roundingUnit(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 0;
  if (!Number.isInteger(x)) {
    const decimals = String(x).split('.')[1]?.length ?? 0;
    return 10 ** -decimals;
  }
  let unit = 1;
  while (x % (unit * 10) === 0) unit *= 10;
  return unit;
}

export function compatible(a: Quantity, b: Quantity): boolean {
  const [al, ah] = rangeOf(a);
  const [bl, bh] = rangeOf(b);
  return al <= bh && bl <= ah;
}

/**
 * The disagreements among a story's sentences. `reportOf` maps an article id to its report id; `dayOf`, when
 * given, an article id to its publication day (days since the epoch, or undefined when unknown).
 */
export function findDisagreements(
  sentences: Sentence[],
  reportOf: Map<string, string>,
  dayOf: (articleId: string) => number | undefined = () => undefined,
): Disagreement[] {
  return figureConflicts(sentences, reportOf, dayOf).map((c) => describe(c.head.q, c.values));
}

/** Alternative values of one thing (mentions grouped by value); `head` is the mention that names it. */
export interface FigureConflict {
  head: Mention;
  values: Mention[][];
}

/**
 * The figure conflicts of a story, each as its alternative values (mentions grouped by value, at least two
 * groups): what `findDisagreements` describes, and what `newsfuse eval disagreements` scores pair by pair.
 */
export function figureConflicts(
  sentences: Sentence[],
  reportOf: Map<string, string>,
  dayOf: (articleId: string) => number | undefined = () => undefined,
): FigureConflict[] {
  const mentions = withoutParallelFigures(mentionsOf(sentences, reportOf));
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${m.q.kind}:${m.q.frame}`;
    const g = groups.get(key);
    if (!g) groups.set(key, [m]);
    else if (g.length < MAX_GROUP) g.push(m);
  }
  const out: FigureConflict[] = [];
  for (const group of [...groups.values()].sort((a, b) => b.length - a.length)) {
    if (new Set(group.map((m) => m.reportId)).size < 2) continue;
    for (const component of components(group, dayOf)) {
      const values = valueGroups(component);
      if (values.length < 2) continue;
      const reportsPerValue = values.map((v) => new Set(v.map((m) => m.reportId)));
      // Each side must rest on a report the other side does not share.
      if (
        reportsPerValue.every((r, i) =>
          reportsPerValue.every((o, j) => i === j || [...r].every((x) => o.has(x))),
        )
      )
        continue;
      out.push({ head: component[0], values });
    }
  }
  return out;
}

/**
 * Mentions without the figures of sentences that state several different values of one frame ("Hong Kong's
 * economy shrank 2.6 percent and Singapore's 2 percent", "Italy 7, Germany 11"): each measures something
 * else, which the words around a figure cannot tell apart, so none is compared.
 */
export function withoutParallelFigures(mentions: Mention[]): Mention[] {
  const bySentence = new Map<Sentence, Mention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  return mentions.filter((m) =>
    bySentence
      .get(m.sentence)!
      .every((o) => o === m || o.q.kind !== m.q.kind || o.q.frame !== m.q.frame || compatible(o.q, m.q)),
  );
}

/** Connected groups of mentions about the same thing, from different reports. */
function components(group: Mention[], dayOf: (articleId: string) => number | undefined): Mention[][] {
  const parent = group.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const days = group.map((m) => dayOf(m.sentence.articleId));
  const sameTime = (i: number, j: number) =>
    days[i] === undefined || days[j] === undefined || Math.abs(days[i]! - days[j]!) <= SAME_TIME_DAYS;
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++)
      if (group[i].reportId !== group[j].reportId && sameTime(i, j) && sameThing(group[i], group[j]))
        parent[find(i)] = find(j);
  const byRoot = new Map<number, Mention[]>();
  group.forEach((m, i) => {
    const r = find(i);
    const list = byRoot.get(r);
    if (list) list.push(m);
    else byRoot.set(r, [m]);
  });
  return [...byRoot.values()].filter((c) => new Set(c.map((m) => m.reportId)).size >= 2);
}

/** Mentions grouped by value: figures that are compatible with each other go together. */
function valueGroups(mentions: Mention[]): Mention[][] {
  const sorted = [...mentions].sort((a, b) => a.q.low - b.q.low || a.q.high - b.q.high);
  const groups: Mention[][] = [];
  for (const m of sorted) {
    const last = groups[groups.length - 1];
    if (last?.some((o) => compatible(o.q, m.q))) last.push(m);
    else groups.push([m]);
  }
  // Only groups that are incompatible with each other are real alternatives.
  return groups;
}

function describe(q: Quantity, values: Mention[][]): Disagreement {
  return {
    kind: q.kind,
    about: aboutLabel(q, values.flat()),
    values: values.map((ms): DisagreementValue => {
      const articleIds = [...new Set(ms.map((m) => m.sentence.articleId))].sort();
      const attributedTo = [
        ...new Set(ms.map((m) => attributionOf(m.sentence.text)).filter((x): x is string => !!x)),
      ];
      const first = ms[0];
      return {
        value: first.q.hedge ? `${first.q.hedge} ${first.q.text}` : first.q.text,
        articleIds,
        ...(attributedTo.length ? { attributedTo } : {}),
        evidence: ms.map((m) => ({
          articleId: m.sentence.articleId,
          sentenceIndex: m.sentence.index,
          text: m.sentence.text,
        })),
      };
    }),
  };
}

const KIND_LABEL: Record<string, string> = {
  killed: 'number killed',
  injured: 'number injured',
  missing: 'number missing',
  arrested: 'number arrested',
  displaced: 'number displaced',
  lasting: 'how long',
  window: 'time window',
  ago: 'how long ago',
  percent: 'percentage',
};

/** A short label of what the figures measure: the frame, and the words all sides share (as first written). */
function aboutLabel(q: Quantity, mentions: Mention[]): string {
  const base =
    KIND_LABEL[q.frame] ??
    (q.kind === 'money' ? `amount (${q.frame})` : `number of ${q.nounWord ?? q.frame}`);
  let common = new Set(mentions[0].anchors);
  for (const m of mentions.slice(1)) common = new Set([...common].filter((c) => m.anchors.has(c)));
  const first = mentions[0];
  const surface = tokenize(first.sentence.text.slice(0, first.q.start), 'lettered')
    .map((t) => t.text)
    .filter((w) => common.has(conceptOf(w)) && !isCasualtyWord(w));
  const topic = [...new Set(surface.map((w) => w.toLowerCase()))].slice(0, 3).join(' ');
  return topic ? `${base}: ${topic}` : base;
}
