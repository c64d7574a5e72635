/**
 * The quotes a brief shows, chosen among every quote of a story's articles:
 * - only those the ranker is sure of: its score at or above the brief's threshold (briefThreshold in
 *   quote-ranker.ts: attribution precision >= 0.90 on PolNeAR, content and speaker right);
 * - only with a speaker a reader can use (a name or a description: not a relative pronoun, not a "he" or
 *   "she" left unresolved), five words or more, and not the page's title line;
 * - each words once (the same words carried by two wire copies count once), at most two per speaker;
 * - the speakers' own words (direct quotes) before reports of them, each ranked by how central their words
 *   are to the story (TF-IDF cosine to the centroid of its articles) and spread across sources (each further
 *   quote from the same source weighs half as much), not in source order.
 * Deterministic: ties go to the article and offset order.
 */
import { briefThreshold } from '../language/quote-ranker.js';
import { scoredQuotes } from '../language/quotes.js';
import { contentTerms, isStopword, words } from '../language/tokens.js';
import type { Article, Entity, Quote } from '../model.js';
import { cosine, documentFrequencies, normalize, type SparseVector, tfidfVector } from '../text/vectors.js';

/** Quotes listed in a brief, at most, and per speaker. */
export const MAX_QUOTES = 10;
const PER_SPEAKER = 2;
/** A relative pronoun left as the speaker ("traders, who said ...") names nobody a reader can use. */
const RELATIVE = /^(who|which|that|whom|whose)$/i;
/** A pronoun the extractor could not resolve to anyone named. */
const PRONOUN = /^(he|she|they|it|we|i|you|him|her|them)$/i;
/**
 * Speakers no reader can use: a phrase opening or ending with a preposition or a conjunction ("to the
 * crowd", "the government of"), a clause ("It is worth", a long phrase: "he plans to put ... he"), a
 * dateline's capitals ("WASHINGTON"), a possessive or an adverb alone ("his", "perhaps"), no letter.
 */
const NOT_A_NAME = new RegExp(
  [
    String.raw`^(?:[Tt]o|[Aa]t|[Ii]n|[Oo]n|[Oo]f|[Ff]or|[Ww]ith|[Ff]rom|[Bb]y|[Aa]bout|[Ii]nto|[Aa]fter|[Bb]efore|[Aa]nd|[Bb]ut|[Oo]r|[Aa]s|[Ii]f)\s`,
    String.raw`^(?:\p{Lu}{6,}|[^\p{L}]*|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Pp]erhaps|[Aa]fter|[Bb]efore|\p{Ll}+ly)$`,
    String.raw`\s(?:of|for|to|with|from|by|as|the|a|an)$`,
    String.raw`\b(?:is|are|was|were|[Ll]et['’]s)\b`,
    // A clause with a contraction ("he's", "he shouldn't"), the writer's own "I" or "my", or an adverb
    // opening it ("Perhaps Dawkins", "However, a BP source"); a number word alone ("One").
    String.raw`\b(?:[Hh]e|[Ss]he|[Ii]t|I|[Yy]ou|[Ww]e|[Tt]hey)['’](?:s|re|ve|d|ll|m)\b|n['’]t\b`,
    String.raw`^(?:I|My|[Pp]erhaps|[Mm]aybe|However|Meanwhile|Still|Yet|Also)\b[\s,]`,
    '^(?:One|Some|Many|Most|Others?|All|Both|Each)$',
    // Nobody, the reader ("Some of you"), a time ("Later Monday").
    String.raw`^(?:[Nn]o one|[Nn]obody|[Nn]one|[Nn]ot)\b|\b(?:you|[Yy]ou)\b|^(?:Later|Earlier)\s`,
    String.raw`^(?:\S+\s+){12}`,
  ].join('|'),
  'u',
);
/**
 * Words that open with a dateline ("CALDERWICK, March 5 (NWS) - A fire ...", "LONDON | Tue ..."): a lede
 * the extractor read as reported, the page's own words.
 */
const DATELINE = /^\p{Lu}{3,}[\p{Lu}\s,.'’-]*(?:,[^\n]{0,40}?)?(?:\([^)]{1,20}\))?\s+[-–—|]\s/u;
/** Each further quote of a source weighs this much less (times the number already listed from it). */
const SOURCE_DISCOUNT = 0.5;
/** Share of the shorter quote's content words the other must hold to be the same words. */
const SAME_WORDS = 0.8;

/** The ranker's score of each quote allStoryQuotes made (the quotes themselves stay plain data). */
const SCORES = new WeakMap<Quote, number>();

/** The ranker's score of a quote from allStoryQuotes (log-odds that it is an attribution), if known. */
export function quoteScore(q: Quote): number | undefined {
  return SCORES.get(q);
}

/** Every quote of the story's articles, speakers linked to the story's merged entities where they match. */
export function allStoryQuotes(
  articles: Article[],
  perArticle: Map<string, Entity[]>,
  merged: Entity[],
): Quote[] {
  const byName = new Map<string, Entity>();
  for (const e of merged)
    for (const n of [e.name, ...e.aliases]) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), e);
  return articles.flatMap((a) =>
    scoredQuotes(a, perArticle.get(a.id)).map(({ quote: q, score }): Quote => {
      const entity = q.speaker && byName.get(q.speaker.name.toLowerCase());
      const out =
        entity && q.speaker ? { ...q, speaker: { ...q.speaker, name: entity.name, entityId: entity.id } } : q;
      if (!titleLine(a, q)) SCORES.set(out, score);
      else SCORES.set(out, Number.NEGATIVE_INFINITY);
      return out;
    }),
  );
}

/** Whether a quote stands in the article's title line: a headline ("Storm Bella: “...”") is no one's words. */
function titleLine(a: Article, q: Quote): boolean {
  const end = a.text.indexOf('\n');
  const first = (end < 0 ? a.text : a.text.slice(0, end)).trim();
  if (q.start >= (end < 0 ? a.text.length : end)) return false;
  const title = a.title?.trim();
  return (!!title && first === title) || (end >= 0 && !/[.!?]["”’]?$/.test(first) && countWords(first) <= 20);
}

const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Whether a speaker as written can be listed (a "he" counts: it may be resolved): not a relative pronoun,
 * nor a phrase that is no name (NOT_A_NAME). What the trainer of the brief threshold checks.
 */
export function usableSpeaker(written: string): boolean {
  const name = written.trim();
  return !!name && !RELATIVE.test(name) && !NOT_A_NAME.test(name);
}

/**
 * Whether a quote can be listed whatever its score: a speaker a reader can use, five words or more, not a
 * lede with its dateline.
 */
export function showable(q: Quote): boolean {
  const name = q.speaker?.name.trim() ?? '';
  return (
    !!name &&
    !RELATIVE.test(name) &&
    !PRONOUN.test(name) &&
    !NOT_A_NAME.test(name) &&
    !DATELINE.test(q.text) &&
    countWords(q.text) >= 5
  );
}

/** Whether a quote is shown at the brief's operating point: showable and scored at or above its threshold. */
export function shownInBrief(q: Quote, score = quoteScore(q)): boolean {
  return showable(q) && (score === undefined || score >= briefThreshold());
}

const wordSet = (text: string) => new Set(words(text).filter((w) => w.length > 1 && !isStopword(w)));

function sameWords(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < 3) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= SAME_WORDS;
}

/**
 * How central each quote's words are to the story: TF-IDF cosine to the centroid of its articles (document
 * frequencies over the articles and the quotes). Without the articles, the centroid of the quotes.
 */
function centrality(quotes: Quote[], articles?: Article[]): number[] {
  const qTerms = quotes.map((q) => contentTerms(q.text));
  const aTerms = articles?.length ? articles.map((a) => contentTerms(a.text)) : qTerms;
  const docs = [...aTerms, ...(articles?.length ? qTerms : [])];
  const df = documentFrequencies(docs);
  const n = docs.length;
  const centroid: SparseVector = new Map();
  for (const t of aTerms)
    for (const [k, x] of tfidfVector(t, df, n)) centroid.set(k, (centroid.get(k) ?? 0) + x);
  normalize(centroid);
  return qTerms.map((t) => cosine(tfidfVector(t, df, n), centroid));
}

/**
 * The quotes a brief lists, chosen from `allStoryQuotes`, most central first (see the module comment).
 * `articles`: the story's articles (the centroid, and the source of each quote: its publisher); `scoreOf`:
 * the ranker's score of a quote (a quote without one is taken as sure).
 */
export function storyQuotes(
  all: Quote[],
  articles?: Article[],
  scoreOf: (q: Quote) => number | undefined = quoteScore,
): Quote[] {
  const shown = all.filter((q) => shownInBrief(q, scoreOf(q)));
  const central = centrality(shown, articles);
  const sourceOf = new Map(articles?.map((a) => [a.id, a.publisher?.trim() || a.id]));
  const items = shown.map((q, i) => ({
    q,
    i,
    words: wordSet(q.text),
    value: central[i],
    direct: q.kind === 'direct',
    source: sourceOf.get(q.articleId ?? '') ?? q.articleId ?? '',
    speaker: q.speaker?.entityId ?? q.speaker?.name.toLowerCase() ?? '',
  }));
  const perSource = new Map<string, number>();
  const perSpeaker = new Map<string, number>();
  const out: typeof items = [];
  const left = new Set(items);
  while (out.length < MAX_QUOTES && left.size) {
    let best: (typeof items)[number] | undefined;
    let bestValue = Number.NEGATIVE_INFINITY;
    // The speakers' own words first, then reports of what they said (each most central first).
    const direct = [...left].some((it) => it.direct);
    for (const it of left) {
      if (direct && !it.direct) continue;
      const v = it.value * SOURCE_DISCOUNT ** (perSource.get(it.source) ?? 0);
      if (v > bestValue || (v === bestValue && best && it.i < best.i)) [best, bestValue] = [it, v];
    }
    if (!best) break;
    left.delete(best);
    if ((perSpeaker.get(best.speaker) ?? 0) >= PER_SPEAKER) continue;
    if (out.some((o) => o.q.text === best.q.text || sameWords(o.words, best.words))) continue;
    perSpeaker.set(best.speaker, (perSpeaker.get(best.speaker) ?? 0) + 1);
    perSource.set(best.source, (perSource.get(best.source) ?? 0) + 1);
    out.push(best);
  }
  return out.map((it) => it.q);
}
