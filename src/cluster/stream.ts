/**
 * Incremental story clustering. Articles arrive one at a time; each either
 *  1. is a near-duplicate of an earlier report (MinHash + LSH, containment ≥ DUPLICATE) and joins that
 *     report and its story, or
 *  2. joins the most similar story — cosine between its TF-IDF vector (content terms, names, numbers)
 *     and the story centroid, raised a little when its date falls within the story's dates and halved
 *     when its year lies over a year outside the story's years — when that similarity reaches `join`, or
 *  3. starts a new story.
 * After a join, other stories the article also matched merge into it when the two centroids have come
 * close (cosine ≥ `merge`): evidence accumulated for both being one story. A story of one report among the
 * article's candidates merges when it would join the grown story now (`mergeSingle`, see `attaches`).
 * Stories are found through an inverted index from salient terms to stories with capped posting lists,
 * and only the best few candidates are scored, so the work per article is bounded whatever the stream
 * length. IDF is learned online from the reports seen so far. A story that has gone quiet (by arrivals
 * and by date, see `retainArticles`) closes: it leaves both indexes, so memory follows the live stories.
 * The result depends only on the order of the articles, never on how they are batched.
 */
import { deserialize, serialize } from 'node:v8';
import { contentTerms } from '../language/tokens.js';
import type { Article, Report, Story } from '../model.js';
import { dayOf } from '../text/days.js';
import { analyze, articleText, type FeatureBag, NAME_BOOST } from './features.js';
import { bandKeys, containment, LshIndex, type Signature, signature } from './minhash.js';
import { nameKind, ORG, PERSON, PLACE } from './name-kinds.js';
import {
  SAME_STORY_FEATURES,
  type SameStoryWeights,
  sameStoryModel,
  sameStoryProbability,
} from './same-story.js';

export interface ClustererOptions {
  /** Minimum similarity between an article and a story for the article to join it. */
  join?: number;
  /** Minimum estimated containment for two texts to be one report. */
  duplicate?: number;
  /** Relative similarity bonus for an article dated within a story's date range (± windowDays). */
  timeBonus?: number;
  /** Days an article may lie outside a story's date range and still get the full time bonus. */
  windowDays?: number;
  /** Beyond the window, the time bonus halves every `halfLifeDays`. */
  halfLifeDays?: number;
  /** Minimum centroid cosine for two stories that both match an article to merge (> 1: never). */
  merge?: number;
  /**
   * Merge threshold when the smaller of the two stories holds a single report: the centroid cosine is then
   * the report's own cosine with the other story, which is what a join compares with `join` (default: `merge`).
   */
  mergeSingle?: number;
  /** Weight of name and number features relative to content terms (0: not used). */
  nameBoost?: number;
  /** Similarity factor for an article dated more than a year outside the story's years (1: off). */
  yearPenalty?: number;
  /** The same factor when the article is undated and its year is the latest its text mentions (default: `yearPenalty`). */
  textYearPenalty?: number;
  /**
   * A story closes (no later article can join it or be found a copy of its reports, and its term vector is
   * freed) once this many articles have arrived since its latest one, and — when the stream and the story
   * carry dates — its latest date lies more than `retainDays` before the latest date seen. Bounds memory on
   * an endless stream. Infinity: never.
   */
  retainArticles?: number;
  retainDays?: number;
  /**
   * Let the learned same-story model (models/same-story.json) veto joins: a candidate story is joined
   * only when the cosine score reaches `join` and the model's probability reaches `threshold`.
   */
  learned?: boolean;
  /** Probability below which the learned model vetoes a join (0: the model's own, chosen by validation). */
  threshold?: number;
  /**
   * Story splitting: when a story of at most SPLIT_MAX reports has grown by half since its last check, its
   * reports are cut in two by a seeded 2-means, and the group without the story's first report becomes a
   * story of its own when the cut's separation score (see `splitScore`) reaches this. Infinity: never.
   */
  split?: number;
  /** Cuts whose looser group has a mean within-group cosine below this are not split. */
  splitFloor?: number;
}

export const DEFAULTS: Required<ClustererOptions> = {
  join: 0.15,
  duplicate: 0.5,
  timeBonus: 0.1,
  windowDays: 3,
  halfLifeDays: 14,
  merge: 0.3,
  mergeSingle: 0.2,
  nameBoost: NAME_BOOST,
  yearPenalty: 0.5,
  textYearPenalty: 0.9,
  retainArticles: 20_000,
  retainDays: 30,
  learned: false,
  threshold: 0,
  split: 0.4,
  splitFloor: 0.3,
};

/** Stories are checked for closing every this many arrivals (or every `retainArticles`, if fewer). */
const SWEEP_EVERY = 1000;

/** Share of the join threshold an article must reach with a second story to trigger a merge check. */
const MERGE_EVIDENCE = 0.75;
/** Features an article is represented by (its heaviest by TF-IDF): bounds the work on long articles. */
const ARTICLE_TERMS = 250;
/** Years outside a story's year range tolerated without penalty. */
const YEAR_SLACK = 1;
/** Salient terms of an article used to look up (and index) stories. */
const QUERY_TERMS = 24;
/** Stories scored exactly per article, and the share of the best one's shared salient weight they need. */
const CANDIDATES = 8;
const CANDIDATE_FLOOR = 0.25;
/** Most recent stories kept per term in the inverted index. */
const POSTING_CAP = 64;
/** Terms a story is indexed under, at most. */
const STORY_INDEX_CAP = 256;
/** A story's term vector is pruned back to PRUNE_TO terms when it exceeds MAX_TERMS. */
const MAX_TERMS = 1000;
const PRUNE_TO = 500;

export interface AddResult {
  articleId: string;
  storyId: string;
  reportId: string;
  /** The article was a near-duplicate of an earlier publication (this report's first article). */
  duplicateOf?: string;
  /** Similarity to the story joined (containment for duplicates, 0 for a new story). */
  similarity: number;
  /** A new story was started. */
  created: boolean;
}

interface ReportState {
  id: string;
  articleIds: string[];
  /** MinHash signature; dropped when the story closes. */
  sig?: Signature;
  story: number;
}

interface StoryState {
  index: number;
  id: string;
  articleIds: string[];
  reports: ReportState[];
  /** Centroid: the sum of the members' unit TF-IDF vectors (IDF as when each joined), pruned. */
  terms: Map<string, number>;
  /** Squared L2 norm of `terms`, kept up to date incrementally. */
  norm2: number;
  indexed: Set<string>;
  firstDay?: number;
  lastDay?: number;
  /** Range of the members' years (publication year, else the latest year their text mentions). */
  firstYear?: number;
  lastYear?: number;
  headline: string;
  headlineScore: number;
  /** Story this one was merged into (union-find parent), or its own index. */
  parent: number;
  /** Stories merged into this one (their indices), whose index entries go when it closes. */
  merged: number[];
  /** Arrival number of its latest article. */
  lastSeq: number;
  /** Closed: out of the indexes, its centroid freed (see `retainArticles`). */
  closed?: boolean;
  /** Content terms of its members' titles (at most TITLE_TERMS). */
  titleTerms: Set<string>;
  /** Gold story of its first article (training only). */
  gold?: string;
  /**
   * Held by a page marked not an article (kept with keepAll) that found no story to join: it starts none.
   * Never indexed, so nothing joins it, and left out of `stories()`.
   */
  unseeded?: boolean;
  /**
   * Its reports' vectors, in arrival order, while it may still be split (see `split`); dropped for good once
   * it holds more than SPLIT_MAX reports.
   */
  members?: Member[];
  /** Number of members at which the next split check runs. */
  nextCheck?: number;
  /** Stories split from this one or it from them (indices): never merged with it again. */
  apart?: number[];
}

/** A report's vector and dates, kept by its story while the story may be split. */
interface Member {
  report: ReportState;
  vector: ArticleVector;
  day?: number;
  year?: number;
  title?: string;
}

/** Stories of more reports than this are never split (and stop keeping their reports' vectors). */
const SPLIT_MAX = 32;
/** First split check at this many reports; then each time the story has grown by half. */
const SPLIT_FIRST = 4;
/** Assignment rounds of the 2-means. */
const SPLIT_ROUNDS = 8;

/** A 2-way cut of a story's members and what tells how well it separates them. */
export interface SplitCut {
  a: Member[];
  b: Member[];
  features: SplitFeatures;
}

export interface SplitFeatures {
  /** Group sizes (a holds the story's first report). */
  nA: number;
  nB: number;
  /** Mean pairwise cosine within each group (1 for a single member) and across the groups. */
  withinA: number;
  withinB: number;
  cross: number;
  /** Cosine of the two groups' centroids over names only, and over content terms only. */
  namesCos: number;
  contentCos: number;
  /** Years between the groups' year ranges (0: overlapping or unknown). */
  yearGap: number;
  /** Days between the groups' date ranges (0: overlapping or undated). */
  dayGap: number;
}

/** Title terms a story keeps. */
const TITLE_TERMS = 64;

/** Pairs collected while training: features of each (article, candidate story) and whether it is the same story. */
export interface TeacherLog {
  gold: ReadonlyMap<string, string>;
  rows: number[][];
  labels: number[];
}

/**
 * Version of the saved state: a snapshot of another version is not restored (the store then replays its
 * articles). Bump it whenever the state layout or the features articles are analysed into change.
 */
const SNAPSHOT_VERSION = 6;

/** Everything a clusterer has learned, as saved by `snapshot` (shared objects stay shared). */
interface ClustererState {
  version: number;
  options: Required<ClustererOptions>;
  df: Map<string, { df: number; idf: number; at: number }>;
  docs: number;
  storyList: StoryState[];
  postings: Map<string, number[]>;
  buckets: Map<number, ReportState[]>;
  reportOf: Map<string, ReportState>;
  seq: Map<string, number>;
  latestDay?: number;
  open: number[];
}

export class StoryClusterer {
  readonly options: Required<ClustererOptions>;
  /** Per feature: number of reports holding it, and its IDF as last computed (at `at` documents). */
  private df = new Map<string, { df: number; idf: number; at: number }>();
  private docs = 0;
  private storyList: StoryState[] = [];
  private postings = new Map<string, number[]>();
  private lsh = new LshIndex<ReportState>();
  private reportOf = new Map<string, ReportState>();
  /** Arrival number of each article. */
  private seq = new Map<string, number>();
  /** Latest publication day seen in the stream. */
  private latestDay?: number;
  /** Indices of the stories not closed yet (merged-away ones drop out at the next sweep). */
  private open: number[] = [];
  /** The same-story model (undefined: cosine threshold). */
  private model?: SameStoryWeights;
  private joinProbability = 0;
  /** Training: joins follow the gold stories, and every candidate pair is logged. */
  private teacher?: TeacherLog;
  /** Stories may be split (`split` is finite). */
  private readonly splitting: boolean;
  /** Benchmarks only: called with every split check's cut (before the decision), its score and the decision. */
  static splitProbe?: (cut: SplitCut, score: number, split: boolean) => void;

  /** `model`: same-story weights to use instead of the shipped models/same-story.json (training). */
  constructor(options: ClustererOptions = {}, model?: SameStoryWeights, teacher?: TeacherLog) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.options = { ...DEFAULTS, ...given };
    if (this.options.learned && !teacher) {
      this.model = model ?? sameStoryModel();
      this.joinProbability = this.options.threshold || this.model.threshold;
    }
    this.teacher = teacher;
    this.splitting = Number.isFinite(this.options.split) && !teacher;
  }

  /**
   * The clusterer's whole state as bytes: restoring it and adding more articles gives exactly what adding
   * every article to one clusterer gives. Lets a store continue a stream instead of replaying it.
   */
  snapshot(): Uint8Array {
    const state: ClustererState = {
      version: SNAPSHOT_VERSION,
      options: this.options,
      df: this.df,
      docs: this.docs,
      storyList: this.storyList,
      postings: this.postings,
      buckets: this.lsh.state,
      reportOf: this.reportOf,
      seq: this.seq,
      latestDay: this.latestDay,
      open: this.open,
    };
    return serialize(state);
  }

  /**
   * A clusterer from a snapshot, or undefined when the bytes are not a snapshot of this version or were
   * taken with other options (the caller then replays the stream).
   */
  static restore(bytes: Uint8Array, options: ClustererOptions = {}): StoryClusterer | undefined {
    let state: ClustererState;
    try {
      state = deserialize(bytes) as ClustererState;
    } catch {
      return undefined;
    }
    const c = new StoryClusterer(options);
    if (state?.version !== SNAPSHOT_VERSION || JSON.stringify(state.options) !== JSON.stringify(c.options))
      return undefined;
    c.df = state.df;
    c.docs = state.docs;
    c.storyList = state.storyList;
    c.postings = state.postings;
    c.lsh = LshIndex.fromState(state.buckets);
    c.reportOf = state.reportOf;
    c.seq = state.seq;
    c.latestDay = state.latestDay;
    c.open = state.open;
    return c;
  }

  /** Whether an article has been added. */
  has(articleId: string): boolean {
    return this.reportOf.has(articleId);
  }

  /** Number of articles added so far. */
  get size(): number {
    return this.reportOf.size;
  }

  /** Add one article; returns where it went. Adding an id twice returns its current placement. */
  add(article: Article): AddResult {
    const known = this.reportOf.get(article.id);
    if (known)
      return {
        articleId: article.id,
        storyId: this.root(known.story).id,
        reportId: known.id,
        similarity: 1,
        created: false,
      };
    const arrival = this.seq.size;
    this.seq.set(article.id, arrival);
    const sweep = Math.max(1, Math.min(SWEEP_EVERY, this.options.retainArticles));
    if (arrival > 0 && arrival % sweep === 0) this.closeQuietStories(arrival);
    const text = articleText(article);
    const { bag, wordHashes, latestYear } = analyze(text, this.options.nameBoost);
    const sig = signature(wordHashes);
    const keys = bandKeys(sig);
    const day = dayOf(article.published);
    if (day !== undefined && (this.latestDay === undefined || day > this.latestDay)) this.latestDay = day;
    const year = day !== undefined ? new Date(day * 86_400_000).getUTCFullYear() : latestYear;

    // 1. Near-duplicate of an earlier report? (The best containment with each story is a feature below.)
    let dup: ReportState | undefined;
    let dupScore = this.options.duplicate;
    const overlap = new Map<number, number>();
    if (sig.shingles > 0)
      for (const r of this.lsh.candidates(keys)) {
        if (!r.sig) continue;
        const c = containment(sig, r.sig);
        if (this.model || this.teacher) {
          const root = this.root(r.story).index;
          if (c > (overlap.get(root) ?? 0)) overlap.set(root, c);
        }
        if (c >= dupScore && (!dup || c > dupScore)) {
          dup = r;
          dupScore = c;
        }
      }
    if (dup) {
      dup.articleIds.push(article.id);
      this.reportOf.set(article.id, dup);
      const story = this.root(dup.story);
      story.articleIds.push(article.id);
      story.lastSeq = arrival;
      this.widenDates(story, day);
      this.widenYears(story, year);
      return {
        articleId: article.id,
        storyId: story.id,
        reportId: dup.id,
        duplicateOf: dup.articleIds[0],
        similarity: dupScore,
        created: false,
      };
    }

    // 2. A new report: learn IDF from it, then find the closest story.
    this.docs++;
    for (const t of bag.keys()) {
      const e = this.df.get(t);
      if (e) {
        e.df++;
        e.at = -1;
      } else this.df.set(t, { df: 1, idf: 0, at: -1 });
    }
    const vector = this.weigh(bag);
    const learned = this.model !== undefined || this.teacher !== undefined;
    const titleTerms = learned && article.title ? [...new Set(contentTerms(article.title))] : [];
    let best: StoryState | undefined;
    let bestScore = this.options.join;
    let bestDot = 0;
    const near: StoryState[] = [];
    const found = this.candidates(vector);
    if (learned) {
      // The learned decision: features of the article against each candidate, the probability of each.
      const parts = found.map((s) => this.dotParts(vector, s));
      const gold = this.teacher?.gold.get(article.id);
      found.forEach((s, i) => {
        const row = this.pairRow(vector, s, parts[i], titleTerms, day, year, overlap.get(s.index) ?? 0);
        if (this.teacher) {
          this.teacher.rows.push(row);
          this.teacher.labels.push(gold !== undefined && s.gold === gold ? 1 : 0);
          return;
        }
        // The cosine score ranks and gates the candidates; the model vetoes those it finds another story.
        const p = sameStoryProbability(this.model!, row);
        if (p < this.joinProbability) return;
        const score = parts[i].cos * this.timeFactor(s, day) * this.yearFactor(s, year, day);
        if (score >= this.options.join * MERGE_EVIDENCE || s.reports.length === 1) near.push(s);
        if (score >= bestScore && (!best || score > bestScore || s.index < best.index)) {
          best = s;
          bestScore = score;
          bestDot = parts[i].dot;
        }
      });
      if (this.teacher && gold !== undefined) {
        // Teacher forcing: the article goes to its gold story (found or not), so the states stay gold.
        best = this.storyList.find((s) => s.gold === gold && s.parent === s.index);
        if (best) bestDot = this.dot(vector, best);
      }
    } else
      for (const s of found) {
        const dot = this.dot(vector, s);
        const score = (dot / Math.sqrt(s.norm2)) * this.timeFactor(s, day) * this.yearFactor(s, year, day);
        if (score >= this.options.join * MERGE_EVIDENCE || s.reports.length === 1) near.push(s);
        if (score >= bestScore && (!best || score > bestScore || s.index < best.index)) {
          best = s;
          bestScore = score;
          bestDot = dot;
        }
      }
    const created = !best;
    // A page marked not an article may join a story, never start one: alone, it stays out of every index.
    const unseeded = created && article.nonArticle !== undefined;
    const story = best ?? this.newStory(article.id);
    if (unseeded) story.unseeded = true;
    if (created && this.teacher) story.gold = this.teacher.gold.get(article.id);
    for (const t of titleTerms) if (story.titleTerms.size < TITLE_TERMS) story.titleTerms.add(t);
    const report: ReportState = {
      id: `r-${article.id}`,
      articleIds: [article.id],
      sig,
      story: story.index,
    };
    this.reportOf.set(article.id, report);
    if (sig.shingles > 0 && !unseeded) this.lsh.add(keys, report);
    story.reports.push(report);
    story.articleIds.push(article.id);
    story.lastSeq = arrival;
    if (!unseeded) this.fold(story, vector, bestDot);
    this.widenDates(story, day);
    this.widenYears(story, year);
    const title = article.nonArticle ? undefined : article.title?.trim();
    if (this.splitting && !unseeded) {
      if (created) {
        story.members = [];
        story.nextCheck = SPLIT_FIRST;
      }
      if (story.members && story.members.length < SPLIT_MAX)
        story.members.push({ report, vector, day, year, title });
      else story.members = undefined;
    }
    if (best && !this.teacher && !article.nonArticle) this.mergeInto(story, near);
    if (title && (created || bestScore > story.headlineScore || !story.headline)) {
      story.headline = title;
      story.headlineScore = created ? 0 : bestScore;
    }
    if (this.splitting && !created) this.checkSplit(this.root(story.index));
    return {
      articleId: article.id,
      storyId: this.root(report.story).id,
      reportId: report.id,
      similarity: created ? 0 : bestScore,
      created,
    };
  }

  /** Add many articles in order (the same as calling `add` on each). */
  addAll(articles: Iterable<Article>): AddResult[] {
    const out: AddResult[] = [];
    for (const a of articles) out.push(this.add(a));
    return out;
  }

  /** The story id an article currently belongs to. */
  storyOf(articleId: string): string | undefined {
    const r = this.reportOf.get(articleId);
    return r ? this.root(r.story).id : undefined;
  }

  /**
   * Current stories, largest first (ties: earliest story first); article ids in arrival order. A page marked
   * not an article that joined no story is in none.
   */
  stories(): Story[] {
    const live = this.storyList.filter((s) => s.parent === s.index && !s.unseeded);
    live.sort((a, b) => b.articleIds.length - a.articleIds.length || a.index - b.index);
    return live.map((s) => ({
      id: s.id,
      articleIds: [...s.articleIds].sort((a, b) => this.seq.get(a)! - this.seq.get(b)!),
      reports: s.reports.map((r): Report => ({ id: r.id, articleIds: [...r.articleIds] })),
      headline: s.headline,
    }));
  }

  /**
   * Story pairs of the current state, for benchmarks (bench/cluster-story-merge.ts): each live story is looked
   * up in the term index by its QUERY_TERMS heaviest centroid terms, as an article is, and each of its best
   * CANDIDATES (stories kept apart by a split left out) makes a pair, listed once, with its features.
   */
  storyPairs(): StoryPair[] {
    const out: StoryPair[] = [];
    const seen = new Set<string>();
    for (const s of this.storyList) {
      if (s.parent !== s.index || s.closed || s.unseeded || !s.reports.length) continue;
      for (const o of this.storyCandidates(s)) {
        const key = s.index < o.index ? `${s.index},${o.index}` : `${o.index},${s.index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ a: s.id, b: o.id, features: storyPairFeatures(s, o) });
      }
    }
    return out;
  }

  /** The features of two live stories given by id (benchmarks; undefined when either is not live). */
  storyPair(a: string, b: string): StoryPairFeatures | undefined {
    const live = (id: string) => this.storyList.find((s) => s.id === id && s.parent === s.index);
    const x = live(a);
    const y = live(b);
    return x && y ? storyPairFeatures(x, y) : undefined;
  }

  /** Other live stories sharing a story's heaviest centroid terms, the best CANDIDATES by shared weight. */
  private storyCandidates(s: StoryState): StoryState[] {
    const top = [...s.terms].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, QUERY_TERMS);
    const acc = new Map<number, number>();
    for (const [t, w] of top) {
      for (const i of this.postings.get(t) ?? []) {
        const root = this.root(i);
        if (root === s || root.closed || root.unseeded) continue;
        acc.set(root.index, (acc.get(root.index) ?? 0) + w);
      }
    }
    return [...acc]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES)
      .map(([i]) => this.storyList[i])
      .filter((o) => !this.keptApart(s, o));
  }

  // --- internals ---

  private root(index: number): StoryState {
    let s = this.storyList[index];
    while (s.parent !== s.index) s = this.storyList[s.parent];
    return s;
  }

  private newStory(articleId: string): StoryState {
    const index = this.storyList.length;
    const s: StoryState = {
      index,
      id: `s-${articleId}`,
      articleIds: [],
      reports: [],
      terms: new Map(),
      norm2: 0,
      indexed: new Set(),
      headline: '',
      headlineScore: 0,
      parent: index,
      merged: [],
      lastSeq: this.seq.size - 1,
      titleTerms: new Set(),
    };
    this.storyList.push(s);
    this.open.push(index);
    return s;
  }

  /**
   * Split check: once a splittable story has grown to `nextCheck` members, cut it in two (`bisect`) and, when
   * the cut separates well enough (`splitScore` ≥ `split`), make the group without its first report a story.
   */
  private checkSplit(s: StoryState): void {
    const members = s.members;
    if (!members || members.length < (s.nextCheck ?? SPLIT_FIRST)) return;
    s.nextCheck = Math.ceil(members.length * 1.5);
    const cut = bisect(members);
    if (!cut) return;
    const score = splitScore(cut.features, this.options.yearPenalty, this.options.splitFloor);
    const split = score >= this.options.split;
    StoryClusterer.splitProbe?.(cut, score, split);
    if (split) this.splitOff(s, cut);
  }

  /** Move the members of `cut.b` out of story `s` into a new story; both centroids rebuilt from members. */
  private splitOff(s: StoryState, cut: SplitCut): void {
    const moved = new Set(cut.b.map((m) => m.report));
    const t = this.newStory(cut.b[0].report.articleIds[0]);
    s.apart = [...(s.apart ?? []), t.index];
    t.apart = [s.index];
    t.lastSeq = s.lastSeq;
    s.reports = s.reports.filter((r) => !moved.has(r));
    s.articleIds = s.reports.flatMap((r) => r.articleIds);
    for (const m of cut.b) {
      m.report.story = t.index;
      t.reports.push(m.report);
      t.articleIds.push(...m.report.articleIds);
    }
    for (const [story, group] of [
      [s, cut.a],
      [t, cut.b],
    ] as const) {
      story.members = group;
      story.nextCheck = Math.max(SPLIT_FIRST, Math.ceil(group.length * 1.5));
      story.terms = new Map();
      story.norm2 = 0;
      story.firstDay = story.lastDay = story.firstYear = story.lastYear = undefined;
      for (const m of group) {
        // The new story is indexed as articles are; the old one keeps its index and only gets its sum back.
        if (story === t) this.fold(t, m.vector, this.dot(m.vector, t));
        else addInto(s.terms, m.vector);
        this.widenDates(story, m.day);
        this.widenYears(story, m.year);
      }
      if (story === s) {
        if (s.terms.size > MAX_TERMS) this.prune(s);
        else for (const w of s.terms.values()) s.norm2 += w * w;
      }
    }
    if (this.model)
      for (const m of cut.b)
        for (const w of m.title ? contentTerms(m.title) : [])
          if (t.titleTerms.size < TITLE_TERMS) t.titleTerms.add(w);
    const headlineOf = (group: Member[]) => group.find((m) => m.title)?.title ?? '';
    t.headline = headlineOf(cut.b);
    if (cut.b.some((m) => m.title === s.headline)) {
      s.headline = headlineOf(cut.a);
      s.headlineScore = 0;
    }
  }

  /**
   * Close the open stories that have been quiet for `retainArticles` arrivals and, by date, for
   * `retainDays`: out of the term index and the near-duplicate index, centroid and signatures freed.
   */
  private closeQuietStories(now: number): void {
    const { retainArticles, retainDays } = this.options;
    if (!Number.isFinite(retainArticles)) return;
    const stillOpen: number[] = [];
    for (const i of this.open) {
      const s = this.storyList[i];
      if (s.parent !== s.index) continue;
      const quiet = now - s.lastSeq >= retainArticles;
      const old =
        this.latestDay === undefined || s.lastDay === undefined || this.latestDay - s.lastDay > retainDays;
      if (!quiet || !old) {
        stillOpen.push(i);
        continue;
      }
      s.closed = true;
      for (const j of [s.index, ...s.merged]) {
        const member = this.storyList[j];
        for (const t of member.indexed) {
          const posting = this.postings.get(t);
          if (!posting) continue;
          const kept = posting.filter((x) => x !== j);
          if (kept.length) this.postings.set(t, kept);
          else this.postings.delete(t);
        }
        member.indexed = new Set();
      }
      for (const r of s.reports) {
        if (r.sig) this.lsh.remove(bandKeys(r.sig), r);
        r.sig = undefined;
      }
      s.terms = new Map();
      s.norm2 = 0;
      s.members = undefined;
    }
    this.open = stillOpen;
  }

  /** Smoothed IDF, ln(1 + N / df); recomputed when df changed or N grew by more than 1 %. */
  private idf(term: string): number {
    const e = this.df.get(term);
    if (!e) return Math.log(1 + this.docs);
    if (e.at < 0 || this.docs > e.at * 1.01 + 1) {
      e.idf = Math.log(1 + this.docs / e.df);
      e.at = this.docs;
    }
    return e.idf;
  }

  /**
   * The article's TF-IDF vector over its ARTICLE_TERMS heaviest features, L2-normalized, and the indices
   * of its QUERY_TERMS heaviest (the salient terms stories are looked up and indexed by).
   */
  private weigh(bag: FeatureBag): ArticleVector {
    const all = bag.size;
    const terms: string[] = new Array(all);
    const raw = new Float64Array(all);
    let i = 0;
    for (const [t, w] of bag) {
      terms[i] = t;
      raw[i++] = w * this.idf(t);
    }
    // Cut-offs by a native numeric sort; ties at a cut-off are taken in text order (deterministic).
    const sorted = raw.slice().sort();
    const cut = all > ARTICLE_TERMS ? sorted[all - ARTICLE_TERMS] : Number.NEGATIVE_INFINITY;
    const queryCut = all > QUERY_TERMS ? sorted[all - QUERY_TERMS] : Number.NEGATIVE_INFINITY;
    const keep: number[] = [];
    for (let j = 0; j < all && keep.length < ARTICLE_TERMS; j++) if (raw[j] > cut) keep.push(j);
    for (let j = 0; j < all && keep.length < ARTICLE_TERMS; j++) if (raw[j] === cut) keep.push(j);
    let norm = 0;
    for (const j of keep) norm += raw[j] * raw[j];
    norm = Math.sqrt(norm) || 1;
    const v: ArticleVector = { terms: [], weights: new Float64Array(keep.length), query: [] };
    keep.forEach((j, k) => {
      v.terms.push(terms[j]);
      v.weights[k] = raw[j] / norm;
      if (raw[j] >= queryCut && v.query.length < QUERY_TERMS) v.query.push(k);
    });
    return v;
  }

  /** Stories sharing salient terms with the article, best CANDIDATES by summed weight of shared terms. */
  private candidates(vector: ArticleVector): StoryState[] {
    const acc = new Map<number, number>();
    for (const q of vector.query) {
      const posting = this.postings.get(vector.terms[q]);
      if (!posting) continue;
      const w = vector.weights[q];
      for (const i of posting) {
        const root = this.root(i);
        if (root.closed) continue;
        acc.set(root.index, (acc.get(root.index) ?? 0) + w);
      }
    }
    const ranked = [...acc].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES);
    // Stories sharing only a sliver of the salient weight the best one shares cannot win: skip them.
    const floor = ranked.length ? ranked[0][1] * CANDIDATE_FLOOR : 0;
    return ranked.filter(([, w]) => w >= floor).map(([i]) => this.storyList[i]);
  }

  /** Dot product of a unit article vector with a story centroid. */
  private dot(vector: ArticleVector, s: StoryState): number {
    return dotWith(vector, s.terms);
  }

  /** The article's dot product with a story centroid, in total and by kind of feature, and the cosine. */
  private dotParts(vector: ArticleVector, s: StoryState): DotParts {
    let content = 0;
    let names = 0;
    let numbers = 0;
    const { terms, weights } = vector;
    const c = s.terms;
    for (let i = 0; i < terms.length; i++) {
      const w = c.get(terms[i]);
      if (w === undefined) continue;
      const x = weights[i] * w;
      const kind = featureKind(terms[i]);
      if (kind === 0) content += x;
      else if (kind === 1) names += x;
      else numbers += x;
    }
    const dot = content + names + numbers;
    const norm = Math.sqrt(s.norm2) || 1;
    return { dot, cos: dot / norm, content: content / norm, names: names / norm, numbers: numbers / norm };
  }

  /** The same-story features (SAME_STORY_FEATURES order) of an article and a candidate story. */
  private pairRow(
    vector: ArticleVector,
    s: StoryState,
    parts: DotParts,
    titleTerms: string[],
    day: number | undefined,
    year: number | undefined,
    nearDuplicate: number,
  ): number[] {
    // Weight (squared) of the article's names and numbers, and the part the story lacks, by kind.
    const all = new Float64Array(5);
    const missing = new Float64Array(5);
    const { terms, weights } = vector;
    for (let i = 0; i < terms.length; i++) {
      const kind = featureKind(terms[i]);
      if (kind === 0) continue;
      // Slots: 0 every name, 1 people, 2 organizations, 3 places, 4 numbers.
      const slot = kind === 2 ? 4 : nameSlot(terms[i]);
      const w2 = weights[i] * weights[i];
      const absent = !s.terms.has(terms[i]);
      all[slot] += w2;
      if (absent) missing[slot] += w2;
      if (slot !== 0 && slot !== 4) {
        all[0] += w2;
        if (absent) missing[0] += w2;
      }
    }
    const share = (k: number) => (all[k] > 0 ? missing[k] / all[k] : 0);
    let titleShare = 0;
    const titled = titleTerms.length > 0 && s.titleTerms.size > 0;
    if (titled) {
      let hit = 0;
      for (const t of titleTerms) if (s.titleTerms.has(t)) hit++;
      titleShare = hit / titleTerms.length;
    }
    const dated = day !== undefined && s.firstDay !== undefined && s.lastDay !== undefined;
    const gap = dated ? Math.max(0, s.firstDay! - day!, day! - s.lastDay!) : 0;
    const n = s.reports.length || 1;
    return [
      parts.cos,
      parts.content,
      parts.names,
      parts.numbers,
      titleShare,
      titled ? 1 : 0,
      share(0),
      share(1),
      share(2),
      share(3),
      share(4),
      Math.log1p(gap),
      dated ? 0 : 1,
      yearOff(s, year) ? 1 : 0,
      nearDuplicate,
      Math.sqrt(s.norm2) / n,
      Math.log1p(n),
    ];
  }

  /** Dot product of two story centroids. */
  private centroidDot(a: StoryState, b: StoryState): number {
    const [small, large] = a.terms.size <= b.terms.size ? [a, b] : [b, a];
    let dot = 0;
    for (const [t, w] of small.terms) {
      const y = large.terms.get(t);
      if (y !== undefined) dot += w * y;
    }
    return dot;
  }

  /**
   * Merge into `story` the other stories the article also matched whose centroids are now close to it.
   * The older story survives (smaller index), so ids stay stable.
   */
  private mergeInto(story: StoryState, near: StoryState[]): void {
    let target = story;
    for (const other of near) {
      const o = this.root(other.index);
      if (o === target || this.keptApart(o, target)) continue;
      const dot = this.centroidDot(target, o);
      const cos = dot / Math.sqrt(target.norm2 * o.norm2);
      if (cos < this.options.merge && !this.attaches(target, o, cos)) continue;
      const [keep, gone] = o.index < target.index ? [o, target] : [target, o];
      gone.parent = keep.index;
      keep.merged.push(gone.index, ...gone.merged);
      gone.merged = [];
      keep.lastSeq = Math.max(keep.lastSeq, gone.lastSeq);
      keep.articleIds.push(...gone.articleIds);
      keep.reports.push(...gone.reports);
      for (const [t, w] of gone.terms) keep.terms.set(t, (keep.terms.get(t) ?? 0) + w);
      keep.norm2 += 2 * dot + gone.norm2;
      if (keep.terms.size > MAX_TERMS) this.prune(keep);
      if (gone.firstDay !== undefined) this.widenDates(keep, gone.firstDay);
      if (gone.lastDay !== undefined) this.widenDates(keep, gone.lastDay);
      if (gone.firstYear !== undefined) this.widenYears(keep, gone.firstYear);
      if (gone.lastYear !== undefined) this.widenYears(keep, gone.lastYear);
      if (gone.headlineScore > keep.headlineScore || !keep.headline) {
        keep.headline = gone.headline;
        keep.headlineScore = gone.headlineScore;
      }
      for (const t of gone.titleTerms) if (keep.titleTerms.size < TITLE_TERMS) keep.titleTerms.add(t);
      gone.titleTerms = new Set();
      if (gone.apart) keep.apart = [...(keep.apart ?? []), ...gone.apart];
      keep.members =
        keep.members && gone.members && keep.members.length + gone.members.length <= SPLIT_MAX
          ? [...keep.members, ...gone.members]
          : undefined;
      gone.members = undefined;
      gone.terms = new Map();
      gone.articleIds = [];
      gone.reports = [];
      target = keep;
    }
  }

  /**
   * Whether a story of a single report joins `target` by the join rule, as if its report arrived now: its cosine
   * with the target, raised by the time bonus and lowered by the year penalty for the report's own date and year,
   * reaches `mergeSingle`.
   */
  private attaches(target: StoryState, o: StoryState, cos: number): boolean {
    if (cos < this.options.mergeSingle * 0.5) return false;
    const [big, small] = o.reports.length === 1 ? [target, o] : [o, target];
    if (small.reports.length !== 1) return false;
    const off = yearOff(big, small.firstYear === small.lastYear ? small.firstYear : undefined);
    const score = cos * this.timeFactor(big, small.firstDay) * (off ? this.options.yearPenalty : 1);
    return score >= this.options.mergeSingle;
  }

  /** Whether one of two (root) stories was split from the other, or from a story merged into it. */
  private keptApart(a: StoryState, b: StoryState): boolean {
    if (!a.apart && !b.apart) return false;
    for (const i of a.apart ?? []) if (this.root(i) === b) return true;
    for (const i of b.apart ?? []) if (this.root(i) === a) return true;
    return false;
  }

  /**
   * Time as evidence for, never against: an article dated within the story's date range (widened by the
   * window) gets its similarity raised by `timeBonus`, and the bonus halves every half-life beyond it.
   * Undated articles or stories get no bonus. A far date is not held against a story, because extracted
   * dates are noisy and long-running stories (a trial, a war) span years.
   */
  private timeFactor(s: StoryState, day: number | undefined): number {
    if (day === undefined || s.firstDay === undefined || s.lastDay === undefined) return 1;
    const gap = Math.max(0, s.firstDay - day, day - s.lastDay, 0) - this.options.windowDays;
    return 1 + this.options.timeBonus * 0.5 ** (Math.max(0, gap) / this.options.halfLifeDays);
  }

  /**
   * Years as evidence against: an article whose year lies more than YEAR_SLACK years outside the story's
   * year range has its similarity multiplied by `yearPenalty`. Two events of one kind (two heavyweight
   * title fights, two emergency patches) are typically years apart; one story rarely jumps years.
   */
  private yearFactor(s: StoryState, year: number | undefined, day: number | undefined): number {
    if (!yearOff(s, year)) return 1;
    return day === undefined ? this.options.textYearPenalty : this.options.yearPenalty;
  }

  private widenYears(s: StoryState, year: number | undefined): void {
    if (year === undefined) return;
    if (s.firstYear === undefined || year < s.firstYear) s.firstYear = year;
    if (s.lastYear === undefined || year > s.lastYear) s.lastYear = year;
  }

  private widenDates(s: StoryState, day: number | undefined): void {
    if (day === undefined) return;
    if (s.firstDay === undefined || day < s.firstDay) s.firstDay = day;
    if (s.lastDay === undefined || day > s.lastDay) s.lastDay = day;
  }

  /**
   * Add a report's unit vector to the story centroid (`dot`: their dot product before, which updates the
   * norm: |c + v|² = |c|² + 2 c·v + 1) and index the story under the report's salient terms.
   */
  private fold(s: StoryState, vector: ArticleVector, dot: number): void {
    addInto(s.terms, vector);
    s.norm2 += 2 * dot + 1;
    if (s.terms.size > MAX_TERMS) this.prune(s);
    for (const q of vector.query) {
      const t = vector.terms[q];
      if (s.indexed.size >= STORY_INDEX_CAP) break;
      if (s.indexed.has(t)) continue;
      s.indexed.add(t);
      let posting = this.postings.get(t);
      if (!posting) this.postings.set(t, (posting = []));
      posting.push(s.index);
      if (posting.length > POSTING_CAP) {
        const dropped = posting.splice(0, posting.length - POSTING_CAP);
        for (const i of dropped) this.storyList[i].indexed.delete(t);
      }
    }
  }

  /** Keep a story's PRUNE_TO heaviest terms (ties in insertion order) and recompute the norm. */
  private prune(s: StoryState): void {
    const sorted = Float64Array.from(s.terms.values()).sort();
    const cut = sorted[sorted.length - PRUNE_TO];
    const keep = new Map<string, number>();
    for (const [t, w] of s.terms) if (w > cut) keep.set(t, w);
    for (const [t, w] of s.terms) if (w === cut && keep.size < PRUNE_TO) keep.set(t, w);
    s.terms = keep;
    s.norm2 = 0;
    for (const w of keep.values()) s.norm2 += w * w;
  }
}

/** A dot product with a story centroid, and its parts over the centroid norm. */
interface DotParts {
  dot: number;
  cos: number;
  content: number;
  names: number;
  numbers: number;
}

/** 0: content term, 1: name (`e:`), 2: number (`n:`). */
function featureKind(term: string): 0 | 1 | 2 {
  if (term.charCodeAt(1) !== 58 /* ':' */) return 0;
  return term.charCodeAt(0) === 110 /* n */ ? 2 : 1;
}

/** The feature slot of a name (0: of no known kind, 1: person, 2: organization, 3: place). */
function nameSlot(term: string): number {
  const kind = nameKind(term.slice(2));
  return kind === PERSON ? 1 : kind === ORG ? 2 : kind === PLACE ? 3 : 0;
}

/** Whether a year lies over YEAR_SLACK years outside a story's years. */
function yearOff(s: { firstYear?: number; lastYear?: number }, year: number | undefined): boolean {
  if (year === undefined || s.firstYear === undefined || s.lastYear === undefined) return false;
  return year < s.firstYear - YEAR_SLACK || year > s.lastYear + YEAR_SLACK;
}

/** Add a unit vector into a sum of vectors. */
function addInto(sum: Map<string, number>, v: ArticleVector): void {
  const { terms, weights } = v;
  for (let i = 0; i < terms.length; i++) sum.set(terms[i], (sum.get(terms[i]) ?? 0) + weights[i]);
}

function dotWith(v: ArticleVector, sum: Map<string, number>): number {
  let d = 0;
  const { terms, weights } = v;
  for (let i = 0; i < terms.length; i++) {
    const w = sum.get(terms[i]);
    if (w !== undefined) d += weights[i] * w;
  }
  return d;
}

/** Squared norms and dot product of two vector sums, over all terms, names only and content terms only. */
function sumProducts(a: Map<string, number>, b: Map<string, number>) {
  const r = { aa: 0, bb: 0, ab: 0, aaN: 0, bbN: 0, abN: 0, aaC: 0, bbC: 0, abC: 0 };
  for (const [t, x] of a) {
    const kind = featureKind(t);
    const y = b.get(t) ?? 0;
    r.aa += x * x;
    r.ab += x * y;
    if (kind === 1) {
      r.aaN += x * x;
      r.abN += x * y;
    } else if (kind === 0) {
      r.aaC += x * x;
      r.abC += x * y;
    }
  }
  for (const [t, y] of b) {
    const kind = featureKind(t);
    r.bb += y * y;
    if (kind === 1) r.bbN += y * y;
    else if (kind === 0) r.bbC += y * y;
  }
  return r;
}

/**
 * Cosine of a unit vector with a sum of unit vectors given their dot product and the sum's squared norm;
 * `self`: the vector is part of the sum and is left out of it.
 */
function looCosine(dot: number, norm2: number, self: boolean | number): number {
  const d = self ? dot - 1 : dot;
  const n2 = self ? norm2 - 2 * dot + 1 : norm2;
  return n2 > 1e-12 ? d / Math.sqrt(n2) : 0;
}

/** Gap between two [lo, hi] ranges of values (0 when they overlap or either is unknown). */
function rangeGap(a: Array<number | undefined>, b: Array<number | undefined>): number {
  const known = (xs: Array<number | undefined>) =>
    xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
  const x = known(a);
  const y = known(b);
  if (!x.length || !y.length) return 0;
  return Math.max(0, Math.min(...y) - Math.max(...x), Math.min(...x) - Math.max(...y));
}

/**
 * A deterministic 2-means cut of a story's members: the first member (the story's first report) anchors
 * group a, the member least similar to the story's centroid seeds group b, and members move to the nearer
 * group centroid (cosine; ties stay in a) for at most SPLIT_ROUNDS rounds. Undefined when b ends empty.
 */
export function bisect(members: readonly Member[]): SplitCut | undefined {
  const n = members.length;
  if (n < 2) return undefined;
  // Seeds: the first report, and the report least similar to it (ties: the earliest).
  let seed = 1;
  let low = Number.POSITIVE_INFINITY;
  const first = new Map<string, number>();
  addInto(first, members[0].vector);
  for (let i = 1; i < n; i++) {
    const d = dotWith(members[i].vector, first);
    if (d < low) {
      low = d;
      seed = i;
    }
  }
  const inB = new Uint8Array(n);
  let sumA = first;
  let sumB = new Map<string, number>();
  addInto(sumB, members[seed].vector);
  for (let round = 0; round < SPLIT_ROUNDS; round++) {
    let nA = 0;
    for (const w of sumA.values()) nA += w * w;
    let nB = 0;
    for (const w of sumB.values()) nB += w * w;
    let changed = round === 0;
    for (let i = 1; i < n; i++) {
      // Cosine with each group's centroid, leaving the member itself out of its own group (from round 1).
      const v = members[i].vector;
      const own = round > 0 ? 1 : 0;
      const a = looCosine(dotWith(v, sumA), nA, own && !inB[i]);
      const b = looCosine(dotWith(v, sumB), nB, own && inB[i]) > a ? 1 : 0;
      if (b !== inB[i]) {
        inB[i] = b;
        changed = true;
      }
    }
    sumA = new Map();
    sumB = new Map();
    for (let i = 0; i < n; i++) addInto(inB[i] ? sumB : sumA, members[i].vector);
    if (!changed) break;
  }
  const a = members.filter((_, i) => !inB[i]);
  const b = members.filter((_, i) => inB[i]);
  if (!b.length) return undefined;
  const p = sumProducts(sumA, sumB);
  const within = (sq: number, k: number) => (k > 1 ? (sq - k) / (k * (k - 1)) : 1);
  const cos = (ab: number, aa: number, bb: number) => (aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0);
  return {
    a,
    b,
    features: {
      nA: a.length,
      nB: b.length,
      withinA: within(p.aa, a.length),
      withinB: within(p.bb, b.length),
      cross: p.ab / (a.length * b.length),
      namesCos: cos(p.abN, p.aaN, p.bbN),
      contentCos: cos(p.abC, p.aaC, p.bbC),
      yearGap: rangeGap(
        a.map((m) => m.year),
        b.map((m) => m.year),
      ),
      dayGap: rangeGap(
        a.map((m) => m.day),
        b.map((m) => m.day),
      ),
    },
  };
}

/**
 * How well a cut separates a story's members: 1 − (mean cross-group cosine over the looser group's mean
 * within-group cosine). Cuts leaving a group of one report score 0 (never split).
 */
export function splitScore(f: SplitFeatures, yearPenalty = DEFAULTS.yearPenalty, floor = 0): number {
  if (f.nA < 2 || f.nB < 2) return 0;
  const within = Math.min(f.withinA, f.withinB);
  if (within < floor) return 0;
  return 1 - (f.cross * (f.yearGap > YEAR_SLACK ? yearPenalty : 1)) / within;
}

/** The features of the learned decision, by name (for tests and the trainer). */
export const PAIR_FEATURE_COUNT = SAME_STORY_FEATURES.length - 1;

/** An article's truncated TF-IDF vector (terms in text order) and its salient terms. */
interface ArticleVector {
  terms: string[];
  weights: Float64Array;
  /** Indices (into `terms`) of the QUERY_TERMS heaviest terms. */
  query: number[];
}

/**
 * Training pairs for the same-story model: the articles fed in order, each joining its gold story (teacher
 * forcing), and every candidate story the index offers logged with its features and whether it is the gold one.
 */
export function teacherPairs(
  articles: Iterable<Article>,
  gold: ReadonlyMap<string, string>,
  options: ClustererOptions = {},
): { rows: number[][]; labels: number[] } {
  const log: TeacherLog = { gold, rows: [], labels: [] };
  new StoryClusterer({ ...options, learned: false }, undefined, log).addAll(articles);
  return { rows: log.rows, labels: log.labels };
}

/** Story-level features of a pair of stories (see `storyPairFeatures`). */
export interface StoryPairFeatures {
  /** Centroid cosine: over every term, content terms only, names only, numbers only. */
  cos: number;
  content: number;
  names: number;
  numbers: number;
  /** Centroid cosine over the names the NER lists type as people, organizations, places (0: none). */
  people: number;
  orgs: number;
  places: number;
  /** Mean cosine of a report of one story with a report of the other. */
  cross: number;
  /** `cross` over the looser story's mean within-story cosine (1 for a story of one report). */
  crossRel: number;
  /** Reports of the smaller and of the larger story. */
  small: number;
  large: number;
  /** Days and years between the stories' ranges (0: overlapping; undefined: either unknown). */
  dayGap?: number;
  yearGap?: number;
}

export interface StoryPair {
  a: string;
  b: string;
  features: StoryPairFeatures;
}

/** The story-level features of two stories, from their centroids, sizes and date ranges. */
function storyPairFeatures(a: StoryState, b: StoryState): StoryPairFeatures {
  // Dot products and squared norms by kind: 0 all, 1 content, 2 names, 3 numbers, 4 people, 5 orgs, 6 places.
  const ab = new Float64Array(7);
  const aa = new Float64Array(7);
  const bb = new Float64Array(7);
  const slots = (t: string): [number, number] => {
    const kind = featureKind(t);
    if (kind === 0) return [1, -1];
    if (kind === 2) return [3, -1];
    const slot = nameSlot(t);
    return [2, slot === 0 ? -1 : slot + 3];
  };
  for (const [t, x] of a.terms) {
    const y = b.terms.get(t) ?? 0;
    for (const k of [0, ...slots(t)])
      if (k >= 0) {
        ab[k] += x * y;
        aa[k] += x * x;
      }
  }
  for (const [t, y] of b.terms) for (const k of [0, ...slots(t)]) if (k >= 0) bb[k] += y * y;
  const cos = (k: number) => (aa[k] > 0 && bb[k] > 0 ? ab[k] / Math.sqrt(aa[k] * bb[k]) : 0);
  const na = a.reports.length;
  const nb = b.reports.length;
  const within = (s: StoryState, n: number) => (n > 1 ? Math.max(0, (s.norm2 - n) / (n * (n - 1))) : 1);
  const cross = ab[0] / (na * nb);
  const loose = Math.min(within(a, na), within(b, nb));
  const gap = (x0?: number, x1?: number, y0?: number, y1?: number) =>
    x0 === undefined || x1 === undefined || y0 === undefined || y1 === undefined
      ? undefined
      : Math.max(0, x0 - y1, y0 - x1);
  return {
    cos: cos(0),
    content: cos(1),
    names: cos(2),
    numbers: cos(3),
    people: cos(4),
    orgs: cos(5),
    places: cos(6),
    cross,
    crossRel: loose > 0 ? cross / loose : 0,
    small: Math.min(na, nb),
    large: Math.max(na, nb),
    dayGap: gap(a.firstDay, a.lastDay, b.firstDay, b.lastDay),
    yearGap: gap(a.firstYear, a.lastYear, b.firstYear, b.lastYear),
  };
}
