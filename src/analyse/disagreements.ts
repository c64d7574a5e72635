/**
 * Disagreements: where independent reports of one story state different figures for the same thing, and
 * only then (precision first: when unsure, say nothing). Two figures measure the same thing when they have
 * the same frame (a casualty class, a counted noun, a duration's role, a percentage or a currency), the same
 * rate unit and qualifier ("confirmed", "suspected"), no other year, date, weekday or place named close to
 * them, and enough shared context. Figures that are no total are compared with nothing: one side of a share
 * ("40 of the 90 seats", "4 in 1,000"), counts of only some, parts of a sum ("three girls and two boys"),
 * values a change replaced ("up from 20"), conversions in parentheses, distances, market prices, plans and
 * guesses ("could reach"), questions. A count is set against another only when each is given by its own
 * named source ("the Red Cross says 45-50,000; the prime minister more than 100,000"), since the counts of
 * a developing story change by the hour; one source's two figures are its own update. Pages a day apart are
 * compared only for attributed figures and spans told in the perfect ("has ruled for 30 years"); more than a
 * day apart, never. Every figure on one side is compared directly with every figure on the other (no chains
 * through a third), and copies of one report never disagree with each other.
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
  /** The first concept of the figure's clause: usually what the clause is about. */
  subject?: string;
  /** The clause is in the perfect ("has been under way for", "have ruled for"): a span up to now. */
  perfect: boolean;
  /** Names in the sentence (words capitalized inside it): the places and parties it is about. */
  names: Set<string>;
  /** Names close to the figure (within its clause, at most a few words away): whose figure it is. */
  local: Set<string>;
  /** Years and dates, and weekdays, named in the sentence: when it is about. */
  years: Set<string>;
  weekdays: Set<string>;
  /** The sentence speaks of a running count ("so far", "has risen to"). */
  running: boolean;
  /** The figure's clause counts up to now, in the present perfect: "the virus that has killed 86". */
  tally: boolean;
  /** A rate's time unit ("a day", "annually"), if the figure is one; and qualifiers ("confirmed", "suspected"). */
  per: string;
  qualifiers: string;
  /** Who the figure's clause attributes it to, if anyone. */
  source?: string;
  /** Offsets (in the sentence) of the figure's conversions in parentheses ("5,000 barrels (210,000 gallons)"). */
  alsoAt: number[];
}

/** Mentions of one frame compared pairwise: capped so a huge story stays bounded. */
const MAX_GROUP = 300;

/**
 * Figures from pages published more than this many days apart are not compared: a running tally that rose
 * between them ("20 deaths" on Monday, "80" two days later) is an update, not a disagreement.
 */
export const SAME_TIME_DAYS = 1;

/** Figures further apart than this factor measure different things, whatever their words. */
const MAX_RATIO = 5;

/**
 * Running tallies of two pages this close (the larger at most this factor of the smaller) are one count at two
 * moments. Set by hand, not fitted: a quarter covers the day-to-day lag of the tallies read in the audit
 * (86 vs 91 dead of a flu) and leaves a fourfold dispute (20 vs 80) a conflict.
 */
const TALLY_DRIFT = 1.25;

/** Relative slack for hedged figures ("about two weeks"). */
const HEDGE = 0.15;

/** Units of length and temperature: distances to places and readings differ by where they are taken. */
const MEASURE_NOUN = /^(?:mile|kilomet|km|metr|meter|feet|foot|yard|inch|degre|mph|kph|knot)/;

/** Words of a count that is still running: two such figures a day apart are an update. */
const RUNNING =
  /\b(?:so far|to date|has risen|have risen|had risen|rose to|risen to|climbed|jumped|up from|now stands|stands at|latest|revised|rising|mounting|continues to rise|has reached|have reached)\b/i;

/** Where a sentence's clauses part: each may cite its own source ("X says 1,200, while Y puts it at 310"). */
const CLAUSE_BREAK =
  /;|\s[-–—]\s|,?\s+(?:while|whereas|but|although|though)\s+|,\s+(?:and\s+)?(?=according to\b)/gi;

/** A source named with a verb of counting or saying, anywhere in a clause. */
const SOURCE_VERB =
  /(?<![\p{L}\d])((?:[Tt]he |[Aa]n? )?(?:[A-Z][\p{L}’'-]*\s?){1,4}|(?:[Tt]he |[Aa]n? )?[\p{Ll} -]{0,40}(?:group|ministry|agency|officials?|police|army|government|observatory|organi[sz]ation|monitor|service|authorities|hospital|doctors?|sources?|spokes(?:man|woman)|media|television|radio|workers|activists|rebels|opposition))\s+(?:(?:has|had|have)\s+)?(?:says?|said|puts?|estimated|estimates|reported|reports|counted|counts|gave|gives|claims?|claimed|told)\b/u;

/** "the Flow Rate Technical Group's estimate", "BP's figure": a source's own count. */
const POSSESSIVE_COUNT =
  /((?:[A-Z][\p{L}’'-]*\s?){1,5})['’]s\s+(?:own\s+|latest\s+|official\s+|initial\s+)?(?:estimates?|figures?|count|tally|toll)\b/u;

/** Who a clause attributes its figures to. */
function clauseSource(clause: string): string | undefined {
  return validSource(
    attributionOf(clause) ?? SOURCE_VERB.exec(clause.trim())?.[1] ?? POSSESSIVE_COUNT.exec(clause)?.[1],
  );
}

/** A source phrase that names someone (not "it", not "279"). */
function validSource(who: string | undefined): string | undefined {
  const w = who?.trim();
  if (
    !w ||
    !/\p{L}{2}/u.test(w) ||
    /^\d/.test(w) ||
    /^(it|this|that|which|who|he|she|they|we|i|there|you|one)\b/i.test(w)
  )
    return undefined;
  return w.replace(/^(the|an?)\s+/i, (x) => x.toLowerCase());
}

/** The clauses of a sentence, as [start, end) offsets. */
function clausesOf(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let last = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    out.push([last, m.index]);
    last = m.index + m[0].length;
  }
  out.push([last, text.length]);
  return out;
}

/** A year as the time of something ("in 2007", "since 1999"), not a clock time ("1850 The Red Cross says"). */
const YEAR =
  /\b(?:in|since|by|until|till|from|of|to|year|during|before|after|early|late|mid|the)\s+(?:(?:a|an|the)\s+)?(?:1[89]|20)\d\d\b|\b(?:last|this|next|previous)\s+year\b/gi;
const MONTH_DAY = new RegExp(
  `\\b(?:${MONTHS_FULL.join('|')})\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+(?:${MONTHS_FULL.join('|')})\\b`,
  'g',
);

/** The years and dates a sentence names ("in 2005", "last year", "May 18"): when its figures are of. */
function timesIn(text: string): Set<string> {
  return new Set([
    ...(text.match(YEAR) ?? []).map((y) => (/\d$/.test(y) ? y.slice(-4) : y.toLowerCase().split(/\s+/)[0])),
    ...(text.match(MONTH_DAY) ?? []).map((d) => d.toLowerCase()),
  ]);
}

/** Words of plans, guesses and possibilities. */
const SPECULATIVE =
  /\b(?:could|may|might|would|will|shall|possibly|perhaps|expected to|expects? to|plans? to|planning to|hopes? to|aims? to|talks to|talking about|considering|if|unless|rumou?rs?)\b|['’]ll\b/i;

/** The clause around an offset (between the breaks of CLAUSE_BREAK). */
function clauseOf(text: string, at: number): string {
  for (const [start, end] of clausesOf(text)) if (start <= at && at < end) return text.slice(start, end);
  return text;
}

/** A verb in the perfect: "has ruled", "have been going", "'s been closed". */
const PERFECT =
  /(?:\b(?:has|have|had)|['’](?:s|ve|d))\s+(?:(?:not|never|already|now|just)\s+)?(?:been|\p{L}+(?:ed|en|wn|ght|un|ne))\b/iu;

/** The present perfect of a count up to now: "has killed", "have died", "has now infected". */
const TALLY = /(?:\b(?:has|have)|['’]ve)\s+(?:(?:now|already|so far)\s+)?(?:been\s+)?\p{L}+(?:ed|en|wn)\b/iu;

/** Market words: prices and moves quoted in them change through the day. */
const MARKET =
  /\b(?:shares?|stocks?|index|indices|crude|Brent|futures|traded|trading|closed?|settled?|finished|Dow|Nasdaq|FTSE|bonds?|yields?|a barrel|per barrel|premium)\b/i;

/** The time unit of a rate after a figure ("5,000 barrels a day", "36,000 deaths a year"). */
const PER =
  /^[^.;]{0,30}?\b(daily|a day|per day|each day|every day|a week|per week|weekly|a month|per month|monthly|a year|per year|annually|yearly|an hour|per hour)\b/i;

/** Words that say what kind of count a figure is: two counts of different kinds are different things. */
const QUALIFIER =
  /\b(?:confirmed|suspected|possible|probable|presumed|feared|estimated|official|unofficial|reported)\b/gi;

/**
 * Ranges written with the unit twice ("from 12,000 barrels (504,000 gallons) to 25,000 barrels"): one
 * figure from the low to the high value.
 */
function joinRanges(text: string, found: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i];
    const b = found.slice(i + 1).find((x) => !x.conversion && x.kind === a.kind && x.frame === a.frame);
    if (
      b &&
      a.kind === b.kind &&
      a.frame === b.frame &&
      b.low > a.high &&
      /\b(?:from|between)\s+(?:about\s+|some\s+|around\s+)?[$£€]?$/i.test(
        text.slice(Math.max(0, a.start - 30), a.start),
      ) &&
      /^[^;]{0,70}?\b(?:to|and)\s+(?:about\s+|some\s+|around\s+)?[$£€]?$/i.test(text.slice(a.end, b.start))
    ) {
      out.push({ ...a, high: b.high });
      for (const x of found.slice(i + 1, found.indexOf(b))) out.push(x);
      i = found.indexOf(b);
    } else out.push(a);
  }
  return out;
}

/**
 * Counts that add up to a sum ("three girls and two boys", "four men and 11 women"): each is a part, and no
 * total to set against another source's.
 */
function partsOfSums(text: string, found: Quantity[]): Set<Quantity> {
  const out = new Set<Quantity>();
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i];
    const b = found[i + 1];
    if (a.kind !== 'count' || b.kind !== 'count' || !a.noun || !b.noun || a.noun === b.noun) continue;
    if (/^\s*(?:[\p{L}-]+\s+){0,2}(?:and|,)\s+$/u.test(text.slice(a.end, b.start))) {
      out.add(a);
      out.add(b);
    }
  }
  return out;
}

/** The words of a figure's own phrase: back to the previous punctuation or figure, on to the next. */
function ownPhrase(text: string, q: Quantity): string {
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  const after = text.slice(q.end, q.end + 30);
  const from = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.search(/\d[^\d]*$/));
  const to = after.search(/[,;:()]|\d/);
  return `${before.slice(from + 1)} ${q.text} ${to < 0 ? after : after.slice(0, to)}`;
}

/** Two source phrases name the same source when they share a name or a word of substance. */
function sameSource(a: string, b: string): boolean {
  const words = (x: string) =>
    new Set(
      x
        .toLowerCase()
        .replace(/['’]s\b/g, '')
        .replace(/\./g, '')
        .split(/[^\p{L}\d-]+/u)
        .filter((w) => w.length > 1 && !SOURCE_FILLER.has(w))
        .map((w) => w.replace(/s$/, '')),
    );
  return a === b || shared(words(a), words(b)) > 0;
}

/** Words of a source phrase that do not tell one source from another. */
const SOURCE_FILLER = new Set(
  'the a an of from to in on at by for and latest new figures figure official officials source sources spokesman spokeswoman chief director minister said says according its his her their'.split(
    ' ',
  ),
);

/** Names without the words of the source a figure is attributed to (a source is no place or party). */
function withoutSource(names: Set<string>, source: string | undefined): Set<string> {
  if (!source) return names;
  const words = new Set(source.toLowerCase().split(/\s+/));
  return new Set([...names].filter((n) => !words.has(n)));
}

/** Every figure of every sentence, with what it is about. */
export function mentionsOf(sentences: Sentence[], reportOf: Map<string, string>): Mention[] {
  const out: Mention[] = [];
  for (const s of sentences) {
    let names: Set<string> | undefined;
    let clauses: Array<{ start: number; end: number; source?: string }> | undefined;
    let weekdays: Set<string> | undefined;
    let years: Set<string> | undefined;
    let last: Mention | undefined;
    // A question states no figure ("What if he hangs on for six months?").
    const question = /\?\s*["”’]?\s*$/.test(s.text);
    const found = joinRanges(s.text, quantities(s.text));
    const sums = partsOfSums(s.text, found);
    for (const q of found) {
      if (sums.has(q)) continue;
      // A conversion in parentheses restates the figure before it: one mention, found at both places.
      if (q.conversion) {
        if (last && last.sentence === s) last.alsoAt.push(q.start);
        continue;
      }
      // A duration of no known role or of time ago, a count of only some ("three more deaths"), one side
      // of a share ("40 of the 90 seats") and a distance are compared with nothing.
      if (q.kind === 'duration' && (q.frame === 'other' || q.frame === 'ago')) continue;
      // "over the last 18 days", "for the past 30 years": a span of reference, not how long something lasted.
      if (
        q.kind === 'duration' &&
        /\bthe\s+(?:past|last|next|first)\s+(?:\p{L}+\s+)?$/iu.test(
          s.text.slice(Math.max(0, q.start - 30), q.start),
        )
      )
        continue;
      if (q.partial || q.share || q.former || question) continue;
      // A figure told as a plan, a guess or a possibility ("could reach", "talks to sell up to", "will be
      // satisfied ... for 60 years") states nothing yet.
      if (SPECULATIVE.test(clauseOf(s.text, q.start))) continue;
      // Market prices and moves change by the minute: "fell 7.8 percent to $48.10" vs "closed at $50.19".
      if (
        (q.kind === 'money' || q.kind === 'percent') &&
        MARKET.test(s.text.slice(Math.max(0, q.start - 60), q.end + 40))
      )
        continue;
      if (q.kind === 'count' && (MEASURE_NOUN.test(q.frame) || (q.noun && MEASURE_NOUN.test(q.noun))))
        continue;
      const clauseStart = Math.max(
        s.text.lastIndexOf(';', q.start),
        s.text.lastIndexOf(' - ', q.start),
        s.text.lastIndexOf('—', q.start),
        0,
      );
      clauses ??= clausesOf(s.text).map(([start, end]) => ({
        start,
        end,
        source: clauseSource(s.text.slice(start, end)),
      }));
      const clause = clauses.find((c) => c.start <= q.start && q.start < c.end);
      // A clause without its own source takes the sentence's ("..., according to the police"), unless
      // another clause with figures might be the one it speaks for.
      const figureClauses = new Set(
        found.map((x) => clauses!.findIndex((c) => c.start <= x.start && x.start < c.end)),
      );
      const source =
        clause?.source ?? (figureClauses.size <= 1 ? validSource(attributionOf(s.text)) : undefined);
      // The source is not what is counted: its words are left out of the figure's context.
      const own = new Set(source ? concepts(source) : []);
      // An opening word set off by a comma ("Remember, Mubarak has ruled ...") is not what the clause is about.
      const clauseText = s.text.slice(clauseStart, q.start).replace(/^\s*[\p{L}'’]+,\s+/u, '');
      const clauseConcepts = concepts(clauseText).filter((c) => !own.has(c));
      const anchors = new Set(clauseConcepts.slice(-8));
      const near = new Set([
        ...concepts(s.text.slice(Math.max(0, q.start - 60), q.start)).slice(-5),
        ...concepts(s.text.slice(q.end, q.end + 50)).slice(0, 4),
      ]);
      // The counted noun and the frame are compared on their own; context means the other words.
      near.delete(q.frame);
      if (q.noun) near.delete(q.noun);
      names ??= namesIn(s.text);
      weekdays ??= new Set(WEEKDAYS.filter((d) => s.text.includes(d)));
      // Names just before the figure in its clause, and after it up to the next break ("for two weeks and
      // are the first between Russia ..." names no place of the two weeks).
      const tail = s.text
        .slice(q.end, Math.min(clause?.end ?? s.text.length, q.end + 60))
        .replace(/\s\S*$/, ' ');
      const stop = tail.search(/[,;:()]|\s(?:and|but|which|who|while|as)\s/);
      const window = s.text.slice(
        Math.max(clause?.start ?? 0, q.start - 60),
        q.end + (stop < 0 ? tail.length : stop),
      );
      for (const c of own) near.delete(c);
      years ??= timesIn(s.text.slice(s.dateline ?? 0));
      const m: Mention = {
        q,
        sentence: s,
        reportId: reportOf.get(s.articleId) ?? s.articleId,
        anchors,
        near,
        ...(clauseConcepts.length ? { subject: clauseConcepts[0] } : {}),
        perfect: PERFECT.test(clauseText),
        names: withoutSource(names, source),
        local: withoutSource(namesIn(window), source),
        years,
        weekdays,
        running: RUNNING.test(s.text),
        tally: TALLY.test(clauseText),
        per:
          PER.exec(s.text.slice(q.end, q.end + 80).replace(/\([^()]*\)/g, ''))?.[1]
            ?.toLowerCase()
            .replace(/^(?:daily|a day|per day|each day|every day)$/, 'day') ?? '',
        qualifiers: [
          ...new Set((ownPhrase(s.text, q).match(QUALIFIER) ?? []).map((w) => w.toLowerCase().slice(0, 5))),
        ]
          .sort()
          .join(' '),
        source,
        alsoAt: [],
      };
      out.push(m);
      last = m;
    }
  }
  return out;
}

const shared = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

const union = (a: Set<string>, b: Set<string>) => new Set([...a, ...b]);

/** Both sets say something and they have nothing in common. */
const apart = (a: Set<string>, b: Set<string>) => a.size > 0 && b.size > 0 && shared(a, b) === 0;

/** Whether two figures measure the same thing. */
export function sameThing(a: Mention, b: Mention): boolean {
  if (a.q.kind !== b.q.kind || a.q.frame !== b.q.frame) return false;
  // Another year, another weekday, another place or party close to the figure: another thing counted.
  if (apart(a.years, b.years) || a.years.size !== b.years.size) return false;
  if (apart(a.weekdays, b.weekdays)) return false;
  if (apart(a.local, b.local)) return false;
  // A rate is no total ("3 a day" vs "149"), and a confirmed count is not a suspected one.
  if (a.per !== b.per || a.qualifiers !== b.qualifiers) return false;
  switch (a.q.kind) {
    case 'duration':
      // "the second within 24 hours" / "the second in a week": the ordinal and what it counts are shared.
      if (a.q.frame === 'window')
        return (
          shared(a.anchors, b.anchors) >= 1 && shared(union(a.anchors, a.near), union(b.anchors, b.near)) >= 2
        );
      // "The negotiations have been under way ... for a week" / "The talks have been going for about two weeks":
      // the clause's first concept (its subject) must be the same, and be no date.
      // Both must be told the same way: "has ruled for 30 years" is how long so far; "was shut for an hour"
      // a closed span of some earlier day.
      // In the perfect, the clause's subject must be the same; told in the past, two words of what it is about.
      if (a.perfect !== b.perfect || (a.subject !== undefined && CALENDAR_CONCEPT.has(a.subject)))
        return false;
      return a.perfect
        ? a.subject !== undefined && a.subject === b.subject
        : shared(a.anchors, b.anchors) >= 2;
    case 'count':
      // "five children were killed" and "seven civilians were killed" count different people.
      if (a.q.noun && b.q.noun && a.q.noun !== b.q.noun) return false;
      // A casualty class says most of what is counted; a plain noun needs more shared context.
      return isCasualtyFrame(a.q.frame)
        ? shared(a.near, b.near) >= 2 || (shared(a.near, b.near) >= 1 && shared(a.names, b.names) >= 1)
        : shared(a.near, b.near) >= 2 && shared(a.anchors, b.anchors) >= 1;
    default:
      // Amounts and percentages are everywhere in a story: only a closely shared context, naming the same
      // party close to the figure, makes them one.
      return (
        shared(a.near, b.near) >= 3 && shared(a.anchors, b.anchors) >= 2 && shared(a.local, b.local) >= 1
      );
  }
}

/** Weekdays and months are capitalized without naming a place or party. */
const CALENDAR_CONCEPT = new Set<string>([...WEEKDAYS, ...MONTHS_FULL].map((w) => conceptOf(w)));

const CALENDAR_WORD = new Set<string>([...WEEKDAYS, ...MONTHS_FULL]);

function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:'"”’)]\s+)\p{Lu}[\p{Ll}\p{Lu}'’-]+/gu))
    if (!CALENDAR_WORD.has(m[0])) out.add(m[0].toLowerCase().replace(/['’]s$/, ''));
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
 * Every figure on one side is compared directly with every figure on the other (no chains through a third
 * figure), and each figure takes part in one conflict at most.
 */
export function figureConflicts(
  sentences: Sentence[],
  reportOf: Map<string, string>,
  dayOf: (articleId: string) => number | undefined = () => undefined,
): FigureConflict[] {
  const all = mentionsOf(sentences, reportOf);
  const out: FigureConflict[] = [...attributedInSentence(all)];
  const mentions = withoutParallelFigures(all);
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    const key = `${m.q.kind}:${m.q.frame}`;
    const g = groups.get(key);
    if (!g) groups.set(key, [m]);
    else if (g.length < MAX_GROUP) g.push(m);
  }
  for (const group of [...groups.values()].sort((a, b) => b.length - a.length)) {
    if (new Set(group.map((m) => m.reportId)).size < 2) continue;
    out.push(...conflictsIn(group, dayOf));
  }
  return out;
}

/**
 * Two figures of one frame in one sentence, each in its own clause with its own named source ("the
 * observatory says 1,200 were killed, while the ministry puts the toll at 310"): a conflict between the
 * sources, reported though both stand in one report.
 */
function attributedInSentence(mentions: Mention[]): FigureConflict[] {
  const out: FigureConflict[] = [];
  const bySentence = new Map<Sentence, Mention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  for (const list of bySentence.values()) {
    if (list.length !== 2) continue;
    const [a, b] = list;
    if (a.q.kind !== b.q.kind || a.q.frame !== b.q.frame || compatible(a.q, b.q)) continue;
    if (a.q.kind === 'count' && !isCasualtyFrame(a.q.frame)) continue;
    if (a.q.noun && b.q.noun && a.q.noun !== b.q.noun) continue;
    if (!a.source || !b.source || a.source === b.source) continue;
    if (apart(a.years, b.years) || apart(a.local, b.local)) continue;
    const [x, y] = a.q.low <= b.q.low ? [a, b] : [b, a];
    out.push({ head: x, values: [[x], [y]] });
  }
  return out;
}

/** Conflicts among the mentions of one frame: pairs that measure the same thing and do not agree. */
function conflictsIn(group: Mention[], dayOf: (articleId: string) => number | undefined): FigureConflict[] {
  const days = group.map((m) => dayOf(m.sentence.articleId));
  const n = group.length;
  // Pairs of figures that measure the same thing, at about the same time: agreeing or conflicting.
  const agrees: Set<number>[] = group.map(() => new Set());
  const edges: Array<{ i: number; j: number; score: number }> = [];
  const conflicting: Set<number>[] = group.map(() => new Set());
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const a = group[i];
      const b = group[j];
      if (a.reportId === b.reportId) continue;
      const dayA = days[i];
      const dayB = days[j];
      const apartDays = dayA !== undefined && dayB !== undefined ? Math.abs(dayA - dayB) : 0;
      if (apartDays > SAME_TIME_DAYS || !sameThing(a, b)) continue;
      if (compatible(a.q, b.q)) {
        agrees[i].add(j);
        agrees[j].add(i);
        continue;
      }
      // Counts, amounts and spans more than fivefold apart are of different things ("150 deaths" vs "40
      // million"; "here for 17 days" vs "ruled for 30 years").
      if (
        (a.q.kind === 'count' || a.q.kind === 'money' || a.q.frame === 'lasting') &&
        Math.max(a.q.low, b.q.low) >
          MAX_RATIO * Math.max(a.q.kind === 'count' ? 1 : 0, Math.min(a.q.high, b.q.high))
      )
        continue;
      // One source's two figures are its own update, not a disagreement.
      if (a.source && b.source && sameSource(a.source, b.source)) continue;
      // Figures of pages a day apart may be a count that moved on: compared only when two named sources are
      // set against each other, or for how long something has lasted, when neither speaks of a running count.
      const sources = !!(a.source && b.source);
      if (apartDays > 0 && !sources && (a.q.kind !== 'duration' || a.running || b.running)) continue;
      // A running tally ("has killed 86", "the latest tally … 91") is a figure of the moment it was counted:
      // two pages' tallies close to each other are two moments of one count, an update rather than a
      // disagreement, whoever gives them (20 against 80 "so far" is a dispute, not a lag).
      if (
        a.q.kind === 'count' &&
        (a.running || b.running || a.tally || b.tally) &&
        Math.max(a.q.low, b.q.low) <= TALLY_DRIFT * Math.min(a.q.high, b.q.high)
      )
        continue;
      // Casualties of a day named on one side only ("four wounded on Thursday in the push" vs "10 were
      // wounded"): the figures may be of different days' fighting.
      if (isCasualtyFrame(a.q.frame) && a.weekdays.size !== b.weekdays.size) continue;
      conflicting[i].add(j);
      conflicting[j].add(i);
      // Counts in a developing story change by the hour: two counts open a disagreement only when each is
      // given by its own named source ("the ministry says 310; the observatory 1,200").
      if (a.q.kind === 'count' && !sources) continue;
      edges.push({ i, j, score: shared(a.near, b.near) + shared(a.anchors, b.anchors) });
    }
  edges.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  // Conflicts grow edge by edge, strongest first: a figure joins a side when its value agrees with all of it
  // and it conflicts with every figure of the other sides, or opens a side of its own when it conflicts with all.
  const conflicts: number[][][] = [];
  const conflictOf = new Map<number, number>();
  const place = (k: number, sides: number[][]): boolean => {
    const side = sides.findIndex(
      (members, s) =>
        members.every((m) => agrees[k].has(m) || compatible(group[k].q, group[m].q)) &&
        sides.every((o, t) => t === s || o.every((m) => conflicting[k].has(m))),
    );
    if (side >= 0) sides[side].push(k);
    else if (sides.every((o) => o.every((m) => conflicting[k].has(m)))) sides.push([k]);
    else return false;
    return true;
  };
  for (const e of edges) {
    const ci = conflictOf.get(e.i);
    const cj = conflictOf.get(e.j);
    if (ci !== undefined && cj !== undefined) continue;
    if (ci !== undefined || cj !== undefined) {
      const c = (ci ?? cj)!;
      const k = ci !== undefined ? e.j : e.i;
      if (place(k, conflicts[c])) conflictOf.set(k, c);
      continue;
    }
    const sides: number[][] = [[e.i], [e.j]];
    const others = [...new Set([...agrees[e.i], ...agrees[e.j], ...conflicting[e.i], ...conflicting[e.j]])]
      .filter((k) => !conflictOf.has(k) && k !== e.i && k !== e.j)
      .sort((x, y) => x - y);
    for (const k of others) if (agrees[k].has(e.i) || agrees[k].has(e.j)) place(k, sides);
    conflicts.push(sides);
    for (const members of sides) for (const m of members) conflictOf.set(m, conflicts.length - 1);
  }
  return conflicts.map((sides) => {
    const values = sides
      .map((members) => members.map((m) => group[m]))
      .sort((x, y) => x[0].q.low - y[0].q.low || x[0].q.high - y[0].q.high);
    return { head: group[sides[0][0]], values };
  });
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

function describe(q: Quantity, values: Mention[][]): Disagreement {
  return {
    kind: q.kind,
    about: aboutLabel(q, values.flat()),
    values: values.map((ms): DisagreementValue => {
      const articleIds = [...new Set(ms.map((m) => m.sentence.articleId))].sort();
      const attributedTo = [...new Set(ms.map((m) => m.source).filter((x): x is string => !!x))];
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
