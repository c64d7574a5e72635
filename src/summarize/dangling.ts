/**
 * Dangling-reference risk of a summary candidate in its place (issue 19 item 3): the probability that a reader
 * who has read the summary sentences shown before it meets a subject, speaker or thing it leans on that no
 * earlier sentence gave ("the board's action", "Charest says …", "In addition, the plane's other black box …").
 * The rules of antecedent.ts and context.ts refuse the forms they can name; this learned model
 * (models/dangling.json, scripts/train/dangling.ts) weighs what a reader would use besides: how deep in its
 * article the sentence lies, whether its article's previous sentence was shown, the words and names it shares
 * with its article's previous sentences that the summary has not shown, a surname or courtesy title without the
 * full name shown, pronouns and demonstratives outside quotations, openers that point back. Fitted on the brief
 * dev set's dangling-reference and usable labels in the context they were labelled in. Pure given the model.
 */
import { MONTHS_FULL, WEEKDAYS } from '../language/lexicon.js';
import { contentTerms } from '../language/tokens.js';
import type { Sentence } from '../model.js';
import { derived, loadModel, type ModelFile, modelSlot } from '../models/load.js';
import { type StandardizedLogistic, standardizedProbability } from '../models/newton.js';
import { withoutDateline } from '../text/candidates.js';
import { definiteSubject, outsideQuotes, secondReference } from '../text/stand-alone.js';
import { describedElsewhere, leansByOpening } from './antecedent.js';

/** The features, in order (the first line names the set). */
export const DANGLING_FEATURES = [
  'dangling v1',
  'index: log(1 + index in its article)',
  'relative: index / (sentences of the article - 1)',
  'first: first sentence of its article',
  'deep: index 15 or more',
  'shown: log(1 + summary sentences shown before it)',
  'prev-shown: its article previous sentence was shown before it',
  'prev-adjacent: the sentence just before it in the summary is its article previous one',
  'article-shown: some sentence of its article was shown before it',
  'prev-terms: log(1 + content terms shared with its article 2 previous sentences, not in a shown sentence)',
  'prev-terms-share: those terms / its content terms',
  'prev-names: names shared with its article 3 previous sentences, not in a shown sentence',
  'unseen-names: share of its names not in a shown sentence',
  'full-name: names someone by two capitalised words',
  'short-person: a one-word name as subject or speaker, whose full name its article gave before and no shown sentence',
  'title-surname: a courtesy title and a surname not in a shown sentence',
  'pronoun-start: opens with a pronoun or possessive',
  'pronoun: a third-person pronoun outside quotations',
  'demonstrative: this, that, these or those and a noun outside quotations',
  'definite-subject: opens with a definite description none of whose words a shown sentence gives',
  'described: a definite description elsewhere none of whose words a shown sentence gives',
  'opener: opens with a connective or a phrase that leans back',
  'series: another, other, also, too, again, more, further, the rest outside quotations',
  'quote: has a quotation mark',
  'words: log(1 + words)',
] as const;

const MONTH_OR_DAY = new Set<string>([...MONTHS_FULL, ...WEEKDAYS]);
/** Capitalised words after the first: names, as a reader sees them (no months or weekdays). */
function names(text: string): string[] {
  const out: string[] = [];
  const ws = text.split(/\s+/);
  for (let k = 1; k < ws.length; k++) {
    const w = ws[k].replace(/^[^\p{L}]+|(?:['’]s)?[^\p{L}]+$/gu, '');
    if (/^\p{Lu}[\p{Ll}'’-]+$/u.test(w) && !MONTH_OR_DAY.has(w) && !/[.!?:]["”]?$/.test(ws[k - 1]))
      out.push(w);
  }
  return out;
}

const FULL_NAME = /(?:^|\s)(?!The\s)\p{Lu}\p{Ll}+\s+(?:\p{Lu}\.\s+)?\p{Lu}\p{Ll}[\p{L}'’-]+/u;
const SHORT_SUBJECT = /^["“]?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(\p{Lu}\p{Ll}[\p{L}'’-]+)(?:['’]s)?\s+\p{Ll}/u;
const SHORT_SPEAKER =
  /[,”"]\s+(\p{Lu}\p{Ll}[\p{L}'’-]+)\s+(?:said|says|added|told|explained|wrote|noted)\b|\b(?:said|says|according to)\s+(\p{Lu}\p{Ll}[\p{L}'’-]+)[.,]/u;
const PRONOUN_START = /^["“]?(?:He|She|They|It|His|Her|Their|Its|Him|Them)\b/;
const PRONOUN = /\b(?:he|she|they|him|her|them|his|their|hers|theirs)\b/i;
const DEMONSTRATIVE = /\b(?:this|that|these|those)\s+\p{Ll}{3,}/u;
const OPENER =
  /^["“]?(?:But|And|So|Or|Yet|Also|Still|However|Meanwhile|Instead|Then|Now|Even|Plus|Besides|Thus|Therefore|Moreover|Furthermore|Likewise|Similarly|Nevertheless|Nonetheless|Otherwise|In addition|As a result|At the same time|By contrast|In contrast|In turn|Later|Earlier|Afterwards?|Until then|Since then|By then)\b/;
const SERIES = /\b(?:another|other|also|too|again|more|further|the rest|as well)\b/i;

/** Per-sentence values the features read again and again (a gate scores many candidates against one summary). */
const termCache = new WeakMap<Sentence, string[]>();
const rawTermCache = new WeakMap<Sentence, string[]>();
const nameCache = new WeakMap<Sentence, string[]>();
const cached = <T>(cache: WeakMap<Sentence, T>, s: Sentence, make: () => T): T => {
  let v = cache.get(s);
  if (v === undefined) cache.set(s, (v = make()));
  return v;
};
const termsOf = (s: Sentence) => cached(termCache, s, () => contentTerms(withoutDateline(s)));
const rawTermsOf = (s: Sentence) => cached(rawTermCache, s, () => contentTerms(s.text));
const namesOf = (s: Sentence) => cached(nameCache, s, () => names(withoutDateline(s)));

/**
 * The fewest leading sentences of `article` whose text (joined with spaces) gives `short` after a first name
 * ("Joseph (A.) VanWert" for "VanWert"), or Infinity: a prefix that gives it stays giving it, so a binary search
 * over prefix lengths finds it in O(n log n) once per article and name, instead of joining every prefix again.
 */
const fullNameCache = new WeakMap<readonly (Sentence | undefined)[], Map<string, number>>();
function fullNameBefore(article: readonly (Sentence | undefined)[], short: string): number {
  let byName = fullNameCache.get(article);
  if (byName === undefined) fullNameCache.set(article, (byName = new Map()));
  const known = byName.get(short);
  if (known !== undefined) return known;
  const pattern = new RegExp(`\\p{Lu}\\p{Ll}+\\s+(?:\\p{Lu}\\.\\s+)?${short}\\b`, 'u');
  const texts = article.map((x) => (x ? withoutDateline(x) : ''));
  const gives = (n: number) => pattern.test(texts.slice(0, n).join(' '));
  let found = Number.POSITIVE_INFINITY;
  if (gives(texts.length)) {
    let lo = 0;
    let hi = texts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gives(mid)) hi = mid;
      else lo = mid + 1;
    }
    found = lo;
  }
  byName.set(short, found);
  return found;
}

/** What a summary shown so far gives a reader: its terms, its names (and first words), its sentences. */
interface Shown {
  terms: Set<string>;
  names: Set<string>;
  keys: Set<string>;
}
const shownCache = new WeakMap<readonly Sentence[], Shown>();
function shownOf(shown: readonly Sentence[]): Shown {
  let v = shownCache.get(shown);
  if (v === undefined) {
    v = {
      terms: new Set(shown.flatMap(termsOf)),
      names: new Set(shown.flatMap((x) => [withoutDateline(x).split(/\s+/)[0], ...namesOf(x)])),
      keys: new Set(shown.map((x) => `${x.articleId}#${x.index}`)),
    };
    shownCache.set(shown, v);
  }
  return v;
}

/**
 * The features of `s` in a summary that showed `shown` before it (in order); `article` holds its article's
 * sentences by index (article[s.index] is s). DANGLING_FEATURES order, after the version line. `shown` is read
 * once per array: do not change an array after passing it.
 */
export function danglingFeatures(
  s: Sentence,
  article: readonly (Sentence | undefined)[],
  shown: readonly Sentence[],
): number[] {
  const text = withoutDateline(s);
  const k = s.index;
  const n = article.length;
  const last = shown[shown.length - 1];
  const { terms: shownTerms, names: shownNames, keys } = shownOf(shown);
  const shownIn = (x: Sentence | undefined) => x !== undefined && keys.has(`${x.articleId}#${x.index}`);
  const prev = article[k - 1];
  const terms = termsOf(s);
  const prevTerms = new Set([k - 1, k - 2].flatMap((j) => (article[j] ? rawTermsOf(article[j]) : [])));
  const sharedTerms = new Set(terms.filter((t) => prevTerms.has(t) && !shownTerms.has(t)));
  const prevNames = new Set([k - 1, k - 2, k - 3].flatMap((j) => (article[j] ? namesOf(article[j]) : [])));
  const mine = namesOf(s);
  const outside = outsideQuotes(text);
  const short = SHORT_SUBJECT.exec(text)?.[1] ?? SHORT_SPEAKER.exec(text)?.slice(1).find(Boolean);
  const shortPerson =
    short !== undefined &&
    !shownNames.has(short) &&
    !new RegExp(`\\p{Lu}\\p{Ll}+\\s+${short}\\b`, 'u').test(text) &&
    fullNameBefore(article, short) <= k;
  const surname = secondReference(text);
  const definite = definiteSubject(text);
  const described = describedElsewhere(text);
  return [
    Math.log1p(k),
    n > 1 ? k / (n - 1) : 0,
    k === 0 ? 1 : 0,
    k >= 15 ? 1 : 0,
    Math.log1p(shown.length),
    shownIn(prev) ? 1 : 0,
    last !== undefined && prev !== undefined && last.articleId === prev.articleId && last.index === prev.index
      ? 1
      : 0,
    shown.some((y) => y.articleId === s.articleId) ? 1 : 0,
    Math.log1p(sharedTerms.size),
    terms.length ? sharedTerms.size / terms.length : 0,
    new Set(mine.filter((w) => prevNames.has(w) && !shownNames.has(w))).size,
    mine.length ? mine.filter((w) => !shownNames.has(w)).length / mine.length : 0,
    FULL_NAME.test(text) ? 1 : 0,
    shortPerson ? 1 : 0,
    surname !== undefined && !shownTerms.has(surname) ? 1 : 0,
    PRONOUN_START.test(text) ? 1 : 0,
    PRONOUN.test(outside) ? 1 : 0,
    DEMONSTRATIVE.test(outside) ? 1 : 0,
    definite !== undefined && !definite.some((t) => shownTerms.has(t)) ? 1 : 0,
    described !== undefined && !shownTerms.has(described) ? 1 : 0,
    OPENER.test(text) || leansByOpening(text) ? 1 : 0,
    SERIES.test(outside) ? 1 : 0,
    /["“”]/.test(text) ? 1 : 0,
    Math.log1p(text.split(/\s+/).filter(Boolean).length),
  ];
}

export interface DanglingWeights extends StandardizedLogistic {
  /** Refuse a candidate whose risk reaches this. */
  threshold: number;
}

export interface DanglingModel extends ModelFile, DanglingWeights {}

const shippedModel = derived(
  () =>
    loadModel<DanglingModel>({
      name: 'dangling',
      features: DANGLING_FEATURES,
      declaredIn: 'src/summarize/dangling.ts',
      retrain: 'npm run train:dangling',
    }),
  (m): DanglingWeights => ({
    mean: m.mean,
    sd: m.sd,
    weights: m.weights,
    bias: m.bias,
    threshold: m.threshold,
  }),
);

const slot = modelSlot<DanglingWeights>(shippedModel);

/** Decide with these weights (the trainer, tests); `null`: no gate; no argument: the shipped model again. */
export const useDanglingModel = slot.use;

/** The probability that a row of DANGLING_FEATURES is a dangling reference. */
export const danglingProbability: (model: DanglingWeights, row: readonly number[]) => number =
  standardizedProbability;

/** Each article's sentences by index, from a story's sentences (linear). */
export function sentencesByArticle(sentences: readonly Sentence[]): Map<string, Sentence[]> {
  const out = new Map<string, Sentence[]>();
  for (const s of sentences) {
    const a = out.get(s.articleId) ?? [];
    a[s.index] = s;
    out.set(s.articleId, a);
  }
  return out;
}

/**
 * A gate for a summary: `refuses(s, shown)` is true when `s`, shown after `shown`, is more likely a dangling
 * reference than the model's threshold allows. Without a model (useDanglingModel(null)) it refuses nothing.
 */
export function danglingGate(
  sentences: readonly Sentence[],
): (s: Sentence, shown: readonly Sentence[]) => boolean {
  const model = slot.current();
  if (!model) return () => false;
  const byArticle = sentencesByArticle(sentences);
  return (s, shown) =>
    danglingProbability(model, danglingFeatures(s, byArticle.get(s.articleId) ?? [s], shown)) >=
    model.threshold;
}
