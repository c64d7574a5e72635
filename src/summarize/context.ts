/**
 * What every summarization method starts from: the candidate sentences of a cluster, their content terms
 * and TF-IDF vectors, the cluster centroid and the query vector; and the two ways a selection ends:
 * the product fills the budget without ever exceeding it, evaluation fills it and lets ROUGE truncate.
 */

import { entities, mergeEntities } from '../language/entities.js';
import { MONTHS_FULL, WEEKDAYS } from '../language/lexicon.js';
import { contentTerms, wordCount } from '../language/tokens.js';
import type { Article, Entity, Sentence, SummaryInput, SummaryOptions } from '../model.js';
import { isCandidate, withoutDateline } from '../text/candidates.js';
import { definiteSubject, notStandAlone, quotationOpenAfter, secondReference } from '../text/stand-alone.js';
import { cosine, documentFrequencies, normalize, type SparseVector, tfidfVector } from '../text/vectors.js';
import { describedElsewhere, leansByOpening, PERSON_HEAD, pronounSpeaker } from './antecedent.js';
import { danglingGate } from './dangling.js';
import { introductionOrder } from './order.js';
import { captionOrDocumentText, creditedCaptions, notASummaryLine, wrongSplits } from './page-lines.js';

export { captionOrDocumentText, creditedCaptions, notASummaryLine } from './page-lines.js';

export interface SummarizeOptions extends SummaryOptions {
  method?: string;
  /** Evaluation: add sentences until the budget is reached even if the last one runs over (ROUGE truncates). */
  fill?: boolean;
}

export interface Context {
  articles: Article[];
  /** Candidate sentences (whole, informative), in input order. */
  pool: Sentence[];
  /** Every sentence of the input, in input order (what a candidate's article said before it). */
  all?: Sentence[];
  terms: string[][];
  vectors: SparseVector[];
  words: number[];
  df: Map<string, number>;
  centroid: SparseVector;
  query?: SparseVector;
  /** Number of documents in the cluster. */
  docs: number;
  /** Position of each candidate in its document, 0-based among that document's sentences. */
  position: number[];
  /**
   * Candidates that do not stand alone, taken into the pool only because those that do cannot fill the budget
   * twice over: the coverage program takes one only when its concepts are worth more than a penalty.
   */
  weak: boolean[];
  options: SummarizeOptions;
}

/**
 * A sentence that can stand alone in a summary: a candidate that does not point back, speak in the first or
 * second person, or quote without its speaker (text/stand-alone.ts). A second reference to a person is
 * checked after selection, against the sentences chosen before it (`anchored`).
 */
export const standsAlone = (s: Sentence): boolean => {
  if (!isCandidate(s)) return false;
  const text = withoutDateline(s);
  return !notStandAlone(text) && !captionOrDocumentText(text) && !notASummaryLine(text);
};

/** A quotation left open longer than this many sentences has more likely lost its closing mark. */
const QUOTED_RUN = 4;

/**
 * The sentences that begin inside a quotation opened by an earlier sentence of their paragraph: the rest of
 * a quotation whose speaker is in the sentence before ("… has said: “It’s not hers. | It’s an heirloom.”").
 * `sentences` in article order (as a story's sentences are); linear.
 */
export function insideQuotation(sentences: Sentence[]): Set<Sentence> {
  const out = new Set<Sentence>();
  let open = 0;
  let prev: Sentence | undefined;
  for (const s of sentences) {
    if (!prev || prev.articleId !== s.articleId || prev.paragraph !== s.paragraph) open = 0;
    if (open > QUOTED_RUN) open = 0;
    if (open && !/^["“]/.test(s.text)) out.add(s);
    open = quotationOpenAfter(s.text, open > 0) ? open + 1 : 0;
    prev = s;
  }
  return out;
}

/** A paragraph cut off in mid-sentence: it ends on a comma or a word that cannot end a sentence. */
const CUT_OFF = /(?:,|\b(?:a|an|the|of|to|and|or|for|in|on|at|by|with|from|is|are|was|were|be|as))$/i;

/** A sentence that opens with a lower-case word (not a name like "eBay"): the end of a broken line. */
const LINE_END = /^\p{Ll}+(?=[\s,;:])/u;

/**
 * The sentences of a text broken by hard line ends (a document's text run through a converter, "… in favor
 * of | Clinton, whom …"): a sentence that opens a paragraph after one cut off in mid-sentence, or follows in
 * its paragraph a sentence that opens in lower case (a broken line's end). `sentences` in article order.
 */
export function brokenLines(sentences: Sentence[]): Set<Sentence> {
  const out = new Set<Sentence>();
  let prev: Sentence | undefined;
  for (const s of sentences) {
    if (prev && prev.articleId === s.articleId) {
      const broken =
        prev.paragraph === s.paragraph ? LINE_END.test(prev.text) : CUT_OFF.test(prev.text.trimEnd());
      if (broken) out.add(s);
    }
    prev = s;
  }
  return out;
}

export function buildContext(input: SummaryInput, options: SummarizeOptions): Context {
  const quoted = insideQuotation(input.sentences);
  const broken = brokenLines(input.sentences);
  const credited = creditedCaptions(input.sentences);
  const split = wrongSplits(input.sentences);
  const alone = (s: Sentence) =>
    standsAlone(s) && !quoted.has(s) && !broken.has(s) && !credited.has(s) && !split.has(s);
  const standalone = input.sentences.filter(alone);
  // A reader's summary takes only sentences that stand alone: it is shorter (or empty) rather than show one that
  // points back or quotes without its speaker. Evaluation (`fill`) must fill a fixed length: it keeps those
  // that do not stand alone when too few others remain to fill the budget twice over (charged in `weak`).
  const enough = !options.fill || standalone.reduce((n, s) => n + wordCount(s.text), 0) >= 2 * options.words;
  const candidates = enough ? standalone : input.sentences.filter(isCandidate);
  const pool =
    candidates.length || enough ? candidates : input.sentences.filter((s) => wordCount(s.text) > 0);
  const terms = pool.map((s) => contentTerms(s.text));
  const df = documentFrequencies(terms);
  const vectors = terms.map((t) => tfidfVector(t, df, pool.length));
  const centroid: SparseVector = new Map();
  for (const v of vectors) for (const [k, x] of v) centroid.set(k, (centroid.get(k) ?? 0) + x);
  normalize(centroid);
  const query = options.query ? tfidfVector(contentTerms(options.query), df, pool.length) : undefined;
  return {
    articles: input.articles,
    pool,
    all: input.sentences,
    terms,
    vectors,
    words: pool.map((s) => wordCount(s.text)),
    df,
    centroid,
    query: query?.size ? query : undefined,
    docs: new Set(pool.map((s) => s.articleId)).size,
    position: pool.map((s) => s.index),
    weak: pool.map((s) => !enough && !alone(s)),
    options,
  };
}

/** Relevance to the query, when there is one (0 otherwise). */
export const queryScore = (ctx: Context, i: number) => (ctx.query ? cosine(ctx.vectors[i], ctx.query) : 0);

/**
 * Take candidates in ranked order while they fit the budget and are not redundant with what is taken.
 * `redundancy`: maximum cosine with an already chosen sentence.
 */
export function fillBudget(ctx: Context, ranked: number[], redundancy = 0.5): number[] {
  const budget = ctx.options.words;
  const chosen: number[] = [];
  let used = 0;
  for (const i of ranked) {
    if (used >= budget) break;
    const n = ctx.words[i];
    if (!ctx.options.fill && used + n > budget) continue;
    if (chosen.some((j) => cosine(ctx.vectors[j], ctx.vectors[i]) > redundancy)) continue;
    chosen.push(i);
    used += n;
    if (!ctx.options.fill && used >= budget - 5) break;
  }
  return chosen;
}

/** Summary order: by publication date of the source (undated sources last), then source, then position. */
export function chronologicalOrder(ctx: Context, chosen: number[]): number[] {
  const date = new Map(ctx.articles.map((a) => [a.id, a.published || '\uffff']));
  const pool = ctx.pool;
  return [...chosen].sort(
    (x, y) =>
      (date.get(pool[x].articleId) ?? '').localeCompare(date.get(pool[y].articleId) ?? '') ||
      pool[x].articleId.localeCompare(pool[y].articleId) ||
      pool[x].index - pool[y].index,
  );
}

/** Indexes sorted by score, best first; ties by document then position (deterministic). */
export function rankBy(ctx: Context, score: (i: number) => number): number[] {
  const s = ctx.pool.map((_, i) => score(i));
  return ctx.pool
    .map((_, i) => i)
    .sort(
      (a, b) =>
        s[b] - s[a] ||
        ctx.pool[a].articleId.localeCompare(ctx.pool[b].articleId) ||
        ctx.pool[a].index - ctx.pool[b].index,
    );
}

/** Word bigrams of stemmed content words: the "concepts" of the ILP methods. */
export function bigrams(terms: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < terms.length; i++) out.push(`${terms[i]} ${terms[i + 1]}`);
  return out;
}

/**
 * The people each candidate names: `full`, those it names in full ("Lizandra Cosme") or by a short form with a
 * role in apposition ("Silva, a musician in the band …"); `short`, those it names only by a short form as the
 * sentence's opening subject ("Cosme was denied …", "Kevin says …") or as the speaker of what it reports
 * ("…,” Christman said", "said Boody.") although the story names them in full somewhere. From the story's
 * merged entities (a person's aliases across its articles). A reader meets "Cosme was denied bail" only after
 * being told who Cosme is. A person the story gives a head-of-state or similar title ("President Barack
 * Obama", "Col. Gaddafi") is known to a news reader by surname alone: never short.
 */
export interface PeopleNamed {
  full: Set<string>[];
  short: Set<string>[];
  /** Whether the candidate names any person at all, however short or well known. */
  anyone: boolean[];
}

const peopleCache = new WeakMap<Sentence[], PeopleNamed>();

export function peopleNamed(ctx: Context): PeopleNamed {
  const cached = peopleCache.get(ctx.pool);
  if (cached) return cached;
  const full = ctx.pool.map(() => new Set<string>());
  const short = ctx.pool.map(() => new Set<string>());
  const anyone = ctx.pool.map(() => false);
  const byArticle = new Map<string, number[]>();
  ctx.pool.forEach((s, i) => {
    byArticle.set(s.articleId, [...(byArticle.get(s.articleId) ?? []), i]);
  });
  const people = mergeEntities(ctx.articles.map((a) => entities(a))).filter((e) => e.kind === 'PERSON');
  const oneWord = oneWordPeople(ctx, people);
  for (const e of people)
    for (const m of e.mentions) {
      const at = byArticle
        .get(m.articleId ?? '')
        ?.find((i) => ctx.pool[i].start <= m.start && m.start < ctx.pool[i].end);
      if (at === undefined) continue;
      anyone[at] = true;
      if (e.roles?.some((r) => WELL_KNOWN.test(r))) continue;
      const single = words(e.name) < 2;
      const id = single ? oneWord.get(e.id) : e.id;
      if (id === undefined) continue;
      const s = ctx.pool[at];
      const before = s.text.slice(s.dateline ?? 0, m.start - s.start);
      const after = s.text.slice(m.start - s.start + m.text.length);
      if ((!single && words(m.text) >= 2) || APPOSITION.test(after)) full[at].add(id);
      else if (SUBJECT_BEFORE.test(before) || speakerAt(before, after)) short[at].add(id);
    }
  short.forEach((set, i) => {
    for (const id of full[i]) set.delete(id);
  });
  const out = { full, short, anyone };
  peopleCache.set(ctx.pool, out);
  return out;
}

/**
 * The person a one-word name stands for, by the one-word entity's id: a person the story names in full whose
 * name has that word ("Melquan" for "Melquan Kwame Robinson", when the entities were not merged); else, the
 * one-word person itself when the story shows them speaking ("…,” Faraj said", "Isaiah says …"), a person the
 * story never introduces. A one-word name that never speaks is left alone: the tagger takes many a thing for
 * a person ("Pluto"), and a person a news reader knows by one name ("Trump") is most often given a title.
 */
function oneWordPeople(ctx: Context, people: Entity[]): Map<string, string> {
  const byWord = new Map<string, Entity | null>();
  for (const e of people)
    if (words(e.name) >= 2 && !e.roles?.some((r) => WELL_KNOWN.test(r)))
      for (const w of e.name.split(/\s+/)) byWord.set(w, byWord.has(w) && byWord.get(w) !== e ? null : e);
  const text = new Map(ctx.articles.map((a) => [a.id, a.text]));
  // Where an article first names an entity: the full name must come first in some article ("Pluto … 'Pluto
  // Killer'" is no person's first name).
  const first = (e: Entity) => {
    const out = new Map<string, number>();
    for (const m of e.mentions)
      out.set(m.articleId ?? '', Math.min(out.get(m.articleId ?? '') ?? m.start, m.start));
    return out;
  };
  const out = new Map<string, string>();
  for (const e of people) {
    if (words(e.name) >= 2) continue;
    const whole = byWord.get(e.name);
    const mine = first(e);
    if (whole && [...first(whole)].some(([a, k]) => k < (mine.get(a) ?? Number.POSITIVE_INFINITY)))
      out.set(e.id, whole.id);
    else if (
      whole === undefined &&
      e.mentions.some((m) => {
        const t = text.get(m.articleId ?? '') ?? '';
        const before = t.slice(Math.max(0, m.start - 3), m.start);
        const after = t.slice(m.start + m.text.length, m.start + m.text.length + 20);
        return (
          speakerAt(before, after) ||
          (/^\s+(?:said|says)\b/.test(after) &&
            /(?:^|[.!?”"]\s+)$/.test(t.slice(Math.max(0, m.start - 3), m.start)))
        );
      })
    )
      out.set(e.id, e.id);
  }
  return out;
}

/**
 * What may come before a short name that opens a sentence as its subject: a quotation mark, a courtesy title
 * ("Cosme was denied bail", "Dr Murray, whose trial …", "Olgin's father said …"). A surname later in a sentence
 * ("… making bin Laden's compound …") is left alone: there a reader most often knows the name (a famous person)
 * or does not need it.
 */
const SUBJECT_BEFORE =
  /^\s*["“]?(?:Now\s+)?(?:(?:Attorneys|Lawyers|Relatives|Friends|Representatives|One|Two|Three|Some|Many|Most|All|Both|Several)\s+(?:for|of)\s+)?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?$/;

const words = (name: string) => name.split(/\s+/).filter(Boolean).length;

/** A role in apposition after a short name: "Silva, a musician …", "Cosme, 32, …". */
const APPOSITION = /^['’]?,\s+(?:an?|the|\d{1,3},)\s/;
/** A short name as the speaker: "…,” Christman said", "…, Boody said.", "said Boody." */
const SPEAKER_AFTER =
  /^\s+(?:said|says|told|added|asked|explained|wrote|noted|argued|insisted|concluded|stated)\b/;
const SPEAKER_BEFORE = /\b(?:said|says|told|added|according to)\s+$/;
const speakerAt = (before: string, after: string) =>
  (SPEAKER_AFTER.test(after) && /[,”"]\s*$/.test(before)) ||
  (SPEAKER_BEFORE.test(before) && /^[.,]/.test(after));
/** Titles that make a person known by surname alone to a news reader of the time. */
const WELL_KNOWN =
  /\b(?:president|prime minister|premier|chancellor|king|queen|prince|princess|pope|colonel|col|dictator|leader|emperor|ayatollah|secretary of state)\b/i;
/** A quotation whose speaker is a pronoun: "“…,” he said", "…, she added." */
const PRONOUN_SPEAKER = pronounSpeaker('he|she');

/**
 * Summary order with each person or thing introduced before a sentence leans on it (`introductionOrder` in
 * order.ts): `order` (chronological), except that a later chosen sentence that names a person in full or
 * introduces a thing moves up to just before the first sentence that needs it. The story's person entities
 * (`peopleNamed`) are referents too.
 */
export function introducedFirst(ctx: Context, order: number[]): number[] {
  const { full, short } = peopleNamed(ctx);
  const items = order.map((i) => ({
    text: withoutDateline(ctx.pool[i]),
    articleId: ctx.pool[i].articleId,
    index: ctx.pool[i].index,
    introduces: full[i],
    leansOn: short[i],
  }));
  return introductionOrder(items).map((k) => order[k]);
}

/**
 * The chosen sentences, in summary order, without a sentence that leans on one the reader has not seen: a
 * person's second reference as subject or speaker ("Ms. Pao never responded", "Cosme was denied bail", "“…,”
 * Christman said") whose person no earlier kept sentence names in full (a later chosen sentence that does is
 * moved up first, `introducedFirst`), or a one-word speaker the story never names in full ("“…,” Faraj said");
 * a quotation whose speaker is a pronoun ("“…,” he said") unless it names someone itself or the kept sentence
 * before it is its article's previous one or names someone in full in its article; an opening that leans back
 * ("Other items …", "One week later, …": `leansByOpening`); or a definite description as subject, speaker or
 * reported subject ("The incident was caught on audiotape", "The woman, dressed as …", "“…,” the CNN host said":
 * `describedElsewhere`) none of whose words an earlier kept sentence gives (for a role, "The company": no earlier
 * kept sentence names anything; for a person, "The 45-year-old": no earlier kept sentence names a person) unless
 * the sentence before it in its article is kept just before it. The budget they free goes to the best
 * remaining sentences that lean on nothing missing. A reader meets "Ms. Pao" only after being told who she is.
 */
export function anchored(ctx: Context, chosen: number[]): number[] {
  const order = introducedFirst(ctx, chronologicalOrder(ctx, chosen));
  const { full, short, anyone } = peopleNamed(ctx);
  const named = new Set<string>();
  const introduced = new Set<string>();
  let names = false;
  let persons = false;
  const kept: number[] = [];
  const unintroduced = (i: number, before: number | undefined) =>
    [...short[i]].some((id) => !introduced.has(id)) ||
    (PRONOUN_SPEAKER.test(withoutDateline(ctx.pool[i])) && !anyone[i] && !speakerBefore(i, before));
  // "“…,” he said" reads as the words of the person the sentence before names: that sentence must be the one
  // before it in its article, or come from its article and name someone in full (not merely a one-word name
  // the tagger takes for a person, nor a person of another article: "“That hoodie is iconic,” he said" after a
  // sentence on Kaczynski).
  const speakerBefore = (i: number, before: number | undefined) => {
    if (before === undefined) return false;
    const [s, b] = [ctx.pool[i], ctx.pool[before]];
    return (
      b.articleId === s.articleId && (b.index === s.index - 1 || full[before].size + short[before].size > 0)
    );
  };
  // A candidate the learned gate finds more likely a dangling reference than not after what is kept before it.
  const dangles = danglingGate(ctx.all ?? ctx.pool);
  const shown = () => kept.map((j) => ctx.pool[j]);
  for (const i of order) {
    const before = kept[kept.length - 1];
    if (unintroduced(i, before) || leansOnMissing(ctx, i, named, names, before, persons)) continue;
    if (dangles(ctx.pool[i], shown())) continue;
    kept.push(i);
    for (const t of ctx.terms[i]) named.add(t);
    for (const id of full[i]) introduced.add(id);
    names ||= NAME.test(withoutDateline(ctx.pool[i]));
    persons ||= anyone[i];
  }
  if (kept.length === order.length) return order;
  const keptSentences = shown();
  const ranked = centralRanking(ctx).filter(
    (i) =>
      !unintroduced(i, undefined) &&
      !leansOnMissing(ctx, i, named, names, undefined, persons) &&
      !dangles(ctx.pool[i], keptSentences),
  );
  return introducedFirst(ctx, chronologicalOrder(ctx, [...kept, ...fillRest(ctx, kept, ranked)]));
}

/** A name after the first word: a capitalised word that is no month or weekday. */
const NAME = new RegExp(`\\s(?!(?:${[...MONTHS_FULL, ...WEEKDAYS].join('|')})\\b)\\p{Lu}\\p{Ll}`, 'u');
/** Heads of a description that stand for a named person or body ("the company", "the 45-year-old"). */
const ROLE =
  /^(?:compani|firm|group|govern|agenc|man|woman|men|women|boy|girl|suspect|leader|presid|minist|offici|polic|teen|victim|actor|actress|singer|star|couple|famili|owner|author|court|judg|council|committe|parti|band|team|network|state|citi|countri|\d+-year-old)$/;

function leansOnMissing(
  ctx: Context,
  i: number,
  named: Set<string>,
  names: boolean,
  before: number | undefined,
  persons = names,
): boolean {
  const text = withoutDateline(ctx.pool[i]);
  const surname = secondReference(text);
  if (surname) return !named.has(surname);
  const prev = before === undefined ? undefined : ctx.pool[before];
  const follows =
    prev !== undefined && prev.articleId === ctx.pool[i].articleId && prev.index === ctx.pool[i].index - 1;
  if (leansByOpening(text)) return !follows;
  const described = describedElsewhere(text);
  const nouns = definiteSubject(text) ?? (described ? [described] : undefined);
  const resolved = (n: string) => named.has(n) || (PERSON_HEAD.test(n) ? persons : names && ROLE.test(n));
  if (!nouns || nouns.some(resolved)) return false;
  return !follows;
}

/** Candidates by centrality to the cluster plus relevance to the query, best first. */
export const centralRanking = (ctx: Context): number[] =>
  rankBy(ctx, (i) => cosine(ctx.vectors[i], ctx.centroid) + queryScore(ctx, i));

/**
 * What the budget leaves after `kept`, filled from `ranked` (kept ones skipped) without repeating what is
 * kept: no added sentence has a cosine over 0.5 with a kept one or with another added one.
 */
export function fillRest(ctx: Context, kept: number[], ranked: number[]): number[] {
  const used = kept.reduce((n, i) => n + ctx.words[i], 0);
  const taken = new Set(kept);
  const rest = fillBudget(
    { ...ctx, options: { ...ctx.options, words: ctx.options.words - used } },
    ranked.filter((i) => !taken.has(i)),
    0.5,
  );
  return rest.filter((i) => kept.every((j) => cosine(ctx.vectors[i], ctx.vectors[j]) <= 0.5));
}
