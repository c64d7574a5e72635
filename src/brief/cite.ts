/**
 * Citations: for each summary sentence, every article of the story that states the same thing
 * (exact or near paraphrase). A sentence of another article supports it when their content terms overlap
 * enough (IDF-weighted), or, for a paraphrase that shares fewer words, when they overlap somewhat and either
 * state the same figure or the learned same-fact model (language/paraphrase) calls them the same fact. In every
 * case the figures and dates must agree: no other quantity, month or weekday, and no negation of a word both
 * state in one only; a sentence whose verb is negated is supported only by one that states the negated words.
 */

import { conflictingMonths } from '../analyse/months.js';
import { isNameNumber, type Quantity, quantities as typedQuantitiesOf } from '../analyse/quantities.js';
import { hasPhotoMark, isCaption } from '../extract/captions.js';
import { MONTH_ANY_DOT, MONTH_WITH_DOT, NEGATION_WORDS, WEEKDAYS_LOWER } from '../language/lexicon.js';
import {
  factConflicts,
  type SentenceFeatures,
  sameFactScore,
  sameFactThreshold,
  sentenceFeatures,
} from '../language/paraphrase/same-fact.js';
import { contentTerms, tokens } from '../language/tokens.js';
import type { Sentence } from '../model.js';
import { documentFrequencies, idf } from '../text/vectors.js';
import type { BandDecision } from './cite-band.js';

export interface Support {
  articleId: string;
  sentenceIndex: number;
  score: number;
}

/**
 * Weighted share of the summary sentence's terms that a supporting sentence must also contain (blended with
 * the other direction). Chosen on the tune half of data/gold/briefs.jsonl (BENCHMARKS.md, "Citations and
 * report counts"): 0.30–0.35 gave the same precision and recall there, the higher end is kept.
 */
export const SUPPORT_THRESHOLD = 0.35;
/**
 * Below SUPPORT_THRESHOLD, a paraphrase needs at least this overlap and the same-fact model's own
 * threshold (`sameFactThreshold`): a pair that shares few words is cited only when the model says so.
 */
export const PARAPHRASE_OVERLAP = 0.3;

/**
 * Below SUPPORT_THRESHOLD, a sentence that states the same figure as the summary sentence (a count, an amount,
 * not a year) and conflicts with it on nothing else supports it from this overlap up: "two women were charged
 * … five toddlers were injured with hot glue" / "two daycare workers have been arrested after … burning five
 * toddlers with a hot glue gun".
 */
export const FIGURE_OVERLAP = 0.25;

/**
 * Below the rule's overlaps (SUPPORT_THRESHOLD, or FIGURE_OVERLAP with a shared figure), a pair that passes
 * every veto may be offered to a decision for the band (`findSupport`'s `band`: measured, not shipped — see
 * scripts/gold/cite-band-cv.ts); a pair below this overlap never is.
 */
export const BAND_FLOOR = 0.15;

/** The same-fact model's view of a sentence, computed once per sentence (story sentences are compared often). */
const featureCache = new WeakMap<Sentence, SentenceFeatures>();
export function featuresOf(s: Sentence): SentenceFeatures {
  let f = featureCache.get(s);
  if (!f) {
    f = sentenceFeatures(s.text);
    featureCache.set(s, f);
  }
  return f;
}

/**
 * A sentence's content terms as a set, computed once per sentence: a story sentence is compared with every
 * summary sentence of its brief (the text is checked, so a sentence whose text changed is read again).
 */
const termCache = new WeakMap<Sentence, { text: string; terms: Set<string> }>();
function termsOf(s: Sentence): Set<string> {
  const c = termCache.get(s);
  if (c && c.text === s.text) return c.terms;
  const terms = new Set(contentTerms(s.text));
  termCache.set(s, { text: s.text, terms });
  return terms;
}

/** IDF weights of one story's frequencies, each term's computed once (`idf` is a logarithm). */
const idfCache = new WeakMap<Map<string, number>, { n: number; w: Map<string, number> }>();
function idfOf(df: Map<string, number>, n: number): (t: string) => number {
  let c = idfCache.get(df);
  if (!c || c.n !== n) {
    c = { n, w: new Map() };
    idfCache.set(df, c);
  }
  const w = c.w;
  return (t) => {
    let v = w.get(t);
    if (v === undefined) {
      v = idf(df, n, t);
      w.set(t, v);
    }
    return v;
  };
}

/** For error analysis: each story sentence with its overlap and why it was not a citation (or "cited"). */
export type SupportTrace = (s: Sentence, score: number, verdict: string) => void;

/**
 * For one summary sentence, the best supporting sentence in each article whose overlap passes the threshold.
 * `story` holds all sentences of the story's articles. Sorted by score, then article id.
 */
export function findSupport(
  summary: Sentence,
  story: Sentence[],
  df: Map<string, number>,
  n: number,
  trace?: SupportTrace,
  band?: BandDecision,
): Support[] {
  const target = termsOf(summary);
  const weight = idfOf(df, n);
  let total = 0;
  for (const t of target) total += weight(t);
  if (total === 0) return [{ articleId: summary.articleId, sentenceIndex: summary.index, score: 1 }];
  const figures = countedFigures(summary.text);
  const negated = negatedTerms(summary.text, true);
  const clauses = weighedClauses([...mainClauses(summary.text), ...quotations(summary.text)], df, n);
  const caption = captionLike(summary);
  const best = new Map<string, Support>();
  for (const s of story) {
    let score: number;
    let coverage = 1;
    let other: Set<string> = target;
    if (s.articleId === summary.articleId && s.index === summary.index) score = 1;
    else {
      other = termsOf(s);
      let shared = 0;
      for (const t of target) if (other.has(t)) shared += weight(t);
      let otherTotal = 0;
      for (const t of other) otherTotal += weight(t);
      // Symmetric enough to reject a long sentence that merely contains the words: blend both directions.
      score = otherTotal > 0 ? (2 * shared) / (total + Math.min(otherTotal, 2 * total)) : 0;
      coverage = shared / total;
    }
    const reject = (why: string) => {
      trace?.(s, score, why);
    };
    if (score < (band ? BAND_FLOOR : FIGURE_OVERLAP)) {
      reject('overlap');
      continue;
    }
    // Early exit, the same verdict: without a band decision a pair below PARAPHRASE_OVERLAP is cited only with an
    // agreeing figure, so one without is turned away before the vetoes run (a trace runs them all, to say which).
    if (
      !band &&
      !trace &&
      score < PARAPHRASE_OVERLAP &&
      !(figures.size > 0 && agreeingFigure(figures, countedFigures(s.text)))
    )
      continue;
    if (conflictingNumbers(summary.text, s.text)) {
      reject('numbers');
      continue;
    }
    if (score < 1) {
      // Figures may not conflict (above, allowing for rounding); below PARAPHRASE_OVERLAP a shared figure is
      // what lets a sentence in without the band's decision.
      const figure = figures.size > 0 && agreeingFigure(figures, countedFigures(s.text));
      if (conflictingMonths(summary.text, s.text)) {
        reject('month');
        continue;
      }
      // weekdays from the same-fact model; negation only where it bears on words both sentences state
      if (factConflicts(featuresOf(summary), featuresOf(s)).includes('date')) {
        reject('weekday');
        continue;
      }
      if (negationConflict(summary.text, s.text)) {
        reject('negation');
        continue;
      }
      // A negated fact ("… has not yet commented on the case") is stated only by a sentence that states what is
      // negated, or that negates something itself (negationConflict compares those): not by one that merely shares
      // the names ("It has had two licence conditions imposed … by the regulator").
      if (negated.size && ![...negated].some((t) => other.has(t)) && !negatedTerms(s.text, true).size) {
        reject('negated');
        continue;
      }
      if (clauseMissing(clauses, other)) {
        reject('clause');
        continue;
      }
      if (other.size <= SHORT_TERMS && score < SHORT_OVERLAP) {
        reject('short');
        continue;
      }
      if (score < CAPTION_OVERLAP && (caption || captionLike(s))) {
        reject('caption');
        continue;
      }
      const ruled =
        score >= SUPPORT_THRESHOLD ||
        (figure && score >= FIGURE_OVERLAP) ||
        (score >= PARAPHRASE_OVERLAP &&
          sameFactScore(featuresOf(summary), featuresOf(s)) >= sameFactThreshold());
      if (
        !ruled &&
        !(
          band?.(featuresOf(summary), featuresOf(s), {
            score,
            coverage,
            clauses: clauseCoverage(clauses, other),
            figure,
          }) ?? false
        )
      ) {
        reject('band');
        continue;
      }
    }
    trace?.(s, score, 'cited');
    const prev = best.get(s.articleId);
    if (!prev || score > prev.score)
      best.set(s.articleId, { articleId: s.articleId, sentenceIndex: s.index, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId));
}

/**
 * A citing sentence of this many content terms or fewer states little beyond the story's topic: it shares the
 * topic's words with many summary sentences ("Another year, another soda tax." / "Seattle's soda tax is
 * particularly burdensome."), so it is cited only from SHORT_OVERLAP up.
 */
export const SHORT_TERMS = 3;
export const SHORT_OVERLAP = 0.5;

/**
 * A photo caption is supported only by the caption it repeats (data/gold/briefs.md), and a caption states no
 * news sentence's fact: a pair of which one is a caption is cited only from this overlap up ("A local news crew
 * reports from a house in Woodland Hills on Tuesday, Jan. 24, 2017." / "An unknown visitor arrives at a gated
 * house in Woodland Hills on Tuesday, Jan. 24, 2017.").
 */
export const CAPTION_OVERLAP = 0.7;

/**
 * A photo gallery's player text run into its caption: "1 of 50 Full Screen Autoplay Close Skip Ad × … View Photos
 * …", "Caption Republicans and …", "… Buy Photo Wait 1 second to continue."
 */
const GALLERY = /\b(?:Full Screen Autoplay|Skip Ad|View Photos|Buy Photo)\b|^Caption\s+\p{Lu}/u;

/** A picture's position in a caption: "(left)", "(second from right)", "(centre)". */
const PICTURE_PLACE = /\((?:[a-z]+ from )?(?:left|right|center|centre|top|bottom|front|back|l|r|c)\)/i;
/** An agency caption's present tense ending on its weekday and full date: "… on Tuesday, Jan. 24, 2017." */
const CAPTION_DATE = new RegExp(
  `\\bon (?:${WEEKDAYS_LOWER.join('|')}),? ${MONTH_ANY_DOT}\\s+\\d{1,2},\\s+\\d{4}\\.?\\s*$`,
  'i',
);

/** A sentence marked as a caption at extraction, or one with a caption's own marks. */
export function captionLike(s: Sentence): boolean {
  const t = s.text;
  // Not a caption run into a lead with no full stop ("… faces four years in prison if convicted The doctor …"):
  // the rest of that sentence is the article's own text.
  return (
    hasPhotoMark(t) ||
    GALLERY.test(t) ||
    PICTURE_PLACE.test(t) ||
    CAPTION_DATE.test(t) ||
    ((!!s.caption || isCaption(t)) && YEAR_AT_END.test(t))
  );
}

/** A caption's date at its end: "… June 3, 2025." (with a credit after it, if any). */
const YEAR_AT_END = /\b\d{4}\.?\s*(?:\([^()]*\)\.?)?\s*$/;

/** Document frequencies over a story's sentences, for `findSupport`. */
export function sentenceFrequencies(story: Sentence[]): Map<string, number> {
  return documentFrequencies(story.map((s) => contentTerms(s.text)));
}

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  dozen: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  twenty: '20',
};

/**
 * The quantities a sentence states, normalized ("3,000" → "3000", "six" → "6"); years and numbers that are part
 * of a name ("Apollo 11", "20th Century Fox", "Formula One": `analyse/quantities` isNameNumber) excluded.
 */
export function quantities(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(\d[\d,. ]*\d|\d)(?:st|nd|rd|th)?\b|\b([a-z]+)\b/gi)) {
    if (m[1]) {
      const v = m[1].replace(/[, ](?=\d{3}\b)/g, '').replace(/\s+/g, '');
      if (/^(19|20)\d\d$/.test(v)) continue;
      out.add(isNameNumber(text, m.index, m.index + m[0].length) ? nameKey(text, m.index, m[0], v) : v);
    } else if (m[2] && NUMBER_WORDS[m[2].toLowerCase()]) {
      const v = NUMBER_WORDS[m[2].toLowerCase()];
      out.add(isNameNumber(text, m.index, m.index + m[0].length) ? nameKey(text, m.index, m[0], v) : v);
    }
  }
  return out;
}

/**
 * A number inside a name, kept with the name's capitalised word beside it ("name:flight:93"): it agrees with
 * the same name elsewhere, never with a figure ("Flight 93" is no "93 passengers"), and sets no figure against
 * another (`conflictingNumbers` reads figures only).
 */
function nameKey(text: string, at: number, written: string, value: string): string {
  const before = /(\p{L}+)[ -]$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1];
  const after = /^[ -](\p{L}+)/u.exec(text.slice(at + written.length, at + written.length + 30))?.[1];
  const word = before && /^\p{Lu}/u.test(before) ? before : (after ?? before ?? '');
  return `name:${word.toLowerCase()}:${value}`;
}

/** The figures of a sentence without numbers inside names. */
const figuresOnly = (text: string) => new Set([...quantities(text)].filter((v) => !v.startsWith('name:')));

/**
 * Two sentences that both state quantities but share no figure say different things ("12 injured" vs "14
 * hurt"). A round figure of thousands agrees with the exact one it rounds ("about $973,000" and "$972,814"), a
 * duration with one within ROUNDING of it ("over an average of 4.7 years" / "over five years"), a percentage
 * with the same whole number. Figures only of different kinds (counts, durations, percentages, money, ages) are
 * no conflict: "robbed them of $3,000" / "questioning four people", "by one shot" / "the 55-year-old woman".
 */
export function conflictingNumbers(a: string, b: string): boolean {
  const qa = figuresOnly(a);
  const qb = figuresOnly(b);
  if (!qa.size || !qb.size) return false;
  if (countsOfOneThingDiffer(a, b)) return true;
  for (const x of qa) for (const y of qb) if (x === y || roundsTo(x, y) || roundsTo(y, x)) return false;
  // Figures only of different kinds on the two sides (a sum and a head count, a count and an age) state
  // different things, not different values of one; figures of no known kind (an ordinal, "one", a date's
  // day) are set against those and against counts.
  const ta = typedQuantities(a);
  const tb = typedQuantities(b);
  for (const [kind, xs] of ta) {
    const ys = [...tb].filter(([k]) => comparable(kind, k)).flatMap(([, v]) => v);
    if (ys.length && !xs.some((x) => ys.some((y) => nearlyEqual(x, y, kind)))) return true;
  }
  return false;
}

/**
 * Both sentences count one thing (the same noun or casualty class right after the figure) and give it no value
 * in common: "three people in custody" / "Four people are in custody", even when another figure agrees ("the
 * two suspected attackers" / "the two women"). Parts, shares and replaced values are left out.
 */
function countsOfOneThingDiffer(a: string, b: string): boolean {
  const whole = (q: Quantity) =>
    (q.kind === 'count' || q.kind === 'money') && !q.partial && !q.share && !q.former && !q.conversion;
  const qb = typedQuantitiesOf(b).filter(whole);
  if (!qb.length) return false;
  const byFrame = new Map<string, Quantity[]>();
  for (const q of typedQuantitiesOf(a).filter(whole))
    byFrame.set(q.frame, [...(byFrame.get(q.frame) ?? []), q]);
  for (const [frame, xs] of byFrame) {
    const ys = qb.filter((q) => q.frame === frame);
    if (ys.length && !xs.some((x) => ys.some((y) => nearlyEqual(x, y, x.kind)))) return true;
  }
  return false;
}

/** Figures of these kinds are set against each other: one kind, or a count and a figure of no known kind. */
const comparable = (a: string, b: string) =>
  a === b || (a === 'count' && b === 'other') || (a === 'other' && b === 'count');

/** How far apart (relative) two durations may be and still agree ("4.7 years" and "five years"). */
const ROUNDING = 0.07;

/** An age: "55-year-old", "a two and a half year old child", "aged 66", "18-month-old". */
const AGE =
  /\b(\d+(?:\.\d+)?|[a-z]+)(?:\s+and\s+a\s+half)?[-\s]+(year|month|week|day)s?[-\s]+old\b|\baged\s+(\d+)\b/gi;

/**
 * A sentence's figures by kind (`analyse/quantities`: codes, dates and clock times are none), and its ages
 * (which that module skips: an age counts no one) as a kind of their own: "a two and a half year old child" is
 * not "a three-year-old son".
 */
function typedQuantities(text: string): Map<string, Quantity[]> {
  const out = new Map<string, Quantity[]>();
  for (const q of typedQuantitiesOf(text)) out.set(q.kind, [...(out.get(q.kind) ?? []), q]);
  for (const m of text.matchAll(AGE)) {
    const word = (m[1] ?? m[3]).toLowerCase();
    const base = /^\d/.test(word) ? Number(word) : Number(NUMBER_WORDS[word] ?? Number.NaN);
    if (!Number.isFinite(base)) continue;
    const value =
      (base + (/\band\s+a\s+half\b/i.test(m[0]) ? 0.5 : 0)) * (AGE_UNIT[m[2]?.toLowerCase()] ?? 1);
    const age = {
      kind: 'age',
      low: value,
      high: value,
      start: m.index,
      end: m.index + m[0].length,
    } as unknown as Quantity;
    out.set('age', [...(out.get('age') ?? []), age]);
  }
  // The rest ("his 41st birthday", "by one shot") as figures of no known kind, compared with each other.
  const spans = [...out.values()].flat().map((q) => [q.start, q.end]);
  for (const m of text.matchAll(AGE)) spans.push([m.index, m.index + m[0].length]);
  const inSpan = (at: number, end: number) => spans.some(([a, b]) => at < b && end > a);
  const other = text.replace(/\S+/g, (w, at: number) =>
    inSpan(at, at + w.length) ? ' '.repeat(w.length) : w,
  );
  for (const v of figuresOnly(other)) {
    const value = Number(v);
    const q = { kind: 'other', low: value, high: value } as unknown as Quantity;
    out.set('other', [...(out.get('other') ?? []), q]);
  }
  return out;
}

/** An age in years from its unit. */
const AGE_UNIT: Record<string, number> = { year: 1, month: 1 / 12, week: 1 / 52, day: 1 / 365 };

/** Two figures of one kind agree: ranges that meet, a duration within ROUNDING, a share to the unit. */
function nearlyEqual(x: Quantity, y: Quantity, kind: string): boolean {
  if (x.low <= y.high && y.low <= x.high) return true;
  const a = (x.low + x.high) / 2;
  const b = (y.low + y.high) / 2;
  if (kind === 'duration') return Math.abs(a - b) <= ROUNDING * Math.max(a, b);
  // a sum agrees with the round sum it rounds to ("$512,377" / "about $512,000"), as conflictingNumbers has it
  if (kind === 'money') {
    const whole = (v: number) => (Math.abs(v - Math.round(v)) < 1e-6 ? String(Math.round(v)) : '');
    return roundsTo(whole(a), whole(b)) || roundsTo(whole(b), whole(a));
  }
  if (kind === 'percent') return Math.round(a) === Math.round(b);
  return false;
}

/** `exact` rounded at the place of `round`'s last non-zero digit is `round`, a figure of thousands at least. */
function roundsTo(exact: string, round: string): boolean {
  const zeros = /^[1-9]\d*?(0{3,})$/.exec(round)?.[1].length;
  if (!zeros || !/^\d+$/.test(exact)) return false;
  const unit = 10 ** zeros;
  return Math.round(Number(exact) / unit) * unit === Number(round);
}

/** Both sentences state one same quantity (not a year): "five", "5" and "$972,814" / "about $973,000" agree. */
export function sharesFigure(a: string, b: string): boolean {
  return agreeingFigure(countedFigures(a), countedFigures(b));
}

/** Clock times and days of a month: "12:00 pm", "05 Jun", "June 5" (their numbers count nothing). */
const TIME_OR_DAY = new RegExp(
  `\\b\\d{1,2}[:.]\\d{2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_WITH_DOT}|${MONTH_WITH_DOT}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
  'g',
);

/** The figures that count something (`quantities` without clock times and days of a month). */
export function countedFigures(text: string): Set<string> {
  return quantities(text.replace(TIME_OR_DAY, ' '));
}

export function agreeingFigure(qa: Set<string>, qb: Set<string>): boolean {
  for (const x of qa) for (const y of qb) if (x === y || roundsTo(x, y) || roundsTo(y, x)) return true;
  return false;
}

/** How many words after a negation cue it bears on (to the next comma or clause mark at most). */
const NEGATION_SCOPE = 4;

/** Verbs that negate the infinitive after them: "declined to release the names" is "wouldn't release …". */
const IMPLICIT_NEGATION = new Set(['declined', 'declines', 'refused', 'refuses', 'failed', 'fails']);

/** The negations of a verb ("has not yet commented", "never", "didn't", "declined to"). */
const VERBAL_NEGATION = /^(?:not|never|.*n['’]t|declined|declines|refused|refuses|failed|fails)$/;

/** "no less than five times", "not more than 10": a bound on a figure, not a negation. */
const COMPARATIVE = new Set(['less', 'more', 'fewer', 'later', 'earlier', 'sooner', 'longer', 'shorter']);

/** The content stems a sentence negates: those among the few words after "not", "never", "-n't" …. */
function negatedTerms(text: string, verbal = false): Set<string> {
  const out = new Set<string>();
  const parts = text.split(/[,;:()\u2014]|\s[\u2013-]\s/);
  for (const part of parts) {
    const toks = tokens(part).map((t) => t.toLowerCase());
    toks.forEach((t, i) => {
      const implicit = IMPLICIT_NEGATION.has(t) && toks[i + 1] === 'to';
      if (!implicit && !NEGATION_WORDS.has(t) && !/n['’]t$/.test(t)) return;
      if (verbal && !VERBAL_NEGATION.test(t)) return;
      if (COMPARATIVE.has(toks[i + 1]) && toks[i + 2] === 'than') return;
      for (const w of toks.slice(i + 1, i + 1 + NEGATION_SCOPE)) for (const c of contentTerms(w)) out.add(c);
    });
  }
  return out;
}

/**
 * One sentence negates a word both state and the other does not ("did not plead guilty" / "pleaded guilty").
 * A negation elsewhere in a sentence ("… and did not provide further details", "not surprisingly, …") is no
 * conflict about the shared fact.
 */
export function negationConflict(a: string, b: string): boolean {
  const na = negatedTerms(a);
  const nb = negatedTerms(b);
  if (!na.size && !nb.size) return false;
  const ta = new Set(contentTerms(a));
  const tb = new Set(contentTerms(b));
  // Both negate one word they share ("did not immediately return USA TODAY's request" / "have not returned
  // calls … from USA TODAY"): the same negated fact, its other words placed differently.
  for (const t of na) if (nb.has(t)) return false;
  for (const t of new Set([...na, ...nb])) if (ta.has(t) && tb.has(t) && na.has(t) !== nb.has(t)) return true;
  return false;
}

/**
 * Each of a sentence's coordinated main clauses must be stated (data/gold/briefs.md: "a sentence of two
 * coordinated main clauses needs both"): a citing sentence must carry at least this share of each clause's
 * weighted content terms.
 */
export const CLAUSE_COVERAGE = 0.3;

/** The coordinated parts of a sentence ("…, and …", "…, but …", "…; …") with two content terms or more each. */
export function mainClauses(text: string): string[][] {
  const parts = text
    .split(/,\s+(?:and|but)\s+|;\s+/)
    .map((p) => contentTerms(p))
    .filter((t) => t.length >= 2);
  return parts.length >= 2 ? parts : [];
}

/**
 * The quotation a sentence reports ("'…,' X said"), when it opens the sentence, a speech verb follows and it has
 * three content terms or more: the quote is then the sentence's fact, so a citing sentence must carry its words
 * like a clause's ("'This is the kind of forensic work done all the time …,' X told BuzzFeed News" is not stated
 * by "This is where forensic anthropologist X … entered"). A quote inside the sentence ("…, saying the alliance
 * was 'letting the people … die'") is a detail of it, and a phrase in scare quotes ("a 'sex war'") no statement.
 */
export function quotations(text: string): string[][] {
  const m = /^\s*(?:"([^"]+)"|“([^”]+)”)(.*)$/s.exec(text);
  if (!m || !SPEECH.test(m[3])) return [];
  const terms = contentTerms(m[1] ?? m[2]);
  return terms.length >= 3 ? [terms] : [];
}

/** A speech verb after a quotation. */
const SPEECH = /\b(?:said|says|say|told|tells|added|adds|wrote|writes|explained|stated|asked|according)\b/i;

/** A clause's distinct content terms with their IDF weights, and their sum. */
interface WeighedClause {
  terms: string[];
  weights: number[];
  total: number;
}

/** The clauses' terms weighed once per summary sentence (every story sentence is checked against them). */
function weighedClauses(parts: string[][], df: Map<string, number>, n: number): WeighedClause[] {
  return parts.map((part) => {
    const terms = [...new Set(part)];
    const weights = terms.map((t) => idf(df, n, t));
    let total = 0;
    for (const w of weights) total += w;
    return { terms, weights, total };
  });
}

/** One clause of the summary sentence is barely in the citing sentence's terms. */
/** The least weighted share of a clause's terms that a sentence states (1 when there are no clauses). */
function clauseCoverage(clauses: WeighedClause[], other: Set<string>): number {
  let least = 1;
  for (const { terms, weights, total } of clauses) {
    if (total <= 0) continue;
    let shared = 0;
    for (let i = 0; i < terms.length; i++) if (other.has(terms[i])) shared += weights[i];
    least = Math.min(least, shared / total);
  }
  return least;
}

function clauseMissing(clauses: WeighedClause[], other: Set<string>): boolean {
  for (const { terms, weights, total } of clauses) {
    let shared = 0;
    for (let i = 0; i < terms.length; i++) if (other.has(terms[i])) shared += weights[i];
    if (total > 0 && shared / total < CLAUSE_COVERAGE) return true;
  }
  return false;
}
