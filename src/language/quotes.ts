/**
 * Quotes and attributions: who said (or thinks, wants, found) what, from the reporting frames of news prose.
 *   direct:   “There is severe procrastination by the Russians,” the official said.
 *             Lavrov ... added that “a military solution to the Syria conflict does not exist”.
 *   indirect: Secret Service protocol called for ..., sources said.
 *             The New York Post reports that Hillary Clinton’s team avoided ...
 *             According to the fire service, the blaze burned for eight hours.
 *             The senator believes the bill will pass. / The mayor wants to close the pier.
 * How: the reporting cues are word forms learned from the PolNeAR train split (models/quote-cues.json, by
 * scripts/train/quote-cues.ts): a word is a cue where P(cue | word, class of the word before, class of the
 * word after) reaches MIN_CUE_P, naive Bayes over counts of the train split ("polls show" is a cue, "the
 * show" is not). Each cue in a sentence is a frame; the words before it give its speaker (skipping
 * auxiliaries, adverbs, asides and brackets), the punctuation around it its shape: leading ("X said
 * that C"), trailing ("C, X said" / "C, said X" / "“C!” X said."), parenthetical ("C1, X said, C2"),
 * around the cue ("C seems to ..."), passive ("C was criticized by X") or "according to". A content
 * reaching into a quotation takes the whole quotation ("…", “…” and ''…'' alike), and a framed quotation
 * takes the quoted sentences that follow it in its paragraph. Frames whose contents cross keep the widest.
 * Speakers are spans of the text; "he"/"she" resolve to the last person named before, "the official" to
 * the last "... official" introduced; a "he" or "she" skips the person acted on or talked about (the object
 * of the clause before, the subject of a passive, when the quote speaks of a "he") and any name in a credit
 * line ("Reporting by ...", bylines). Once the frames are chosen, a speaker that is no one (a contraction
 * opening the sentence: "Here's hoping"; a bare demonym: "German said"; whom a quote was told: "told
 * Reuters") is dropped, and quotes in credit lines are dropped. Pure, and linear in the text but for the
 * speaker resolution.
 * By default the frames kept are chosen by a learned ranker (quote-ranker.ts) among the rules' frames and
 * those of a wider pass (cues down to P 0.1, leading frames without a speaker) and of noun and phrasal cues
 * ("support for C", "the claim that C", models/quote-noun-cues.json), each content chosen
 * by its boundary model among the frame's own and shorter cuts (shorterContents);
 * `{ rank: false }` keeps the rules' choice (the widest of crossing frames).
 */
import type { Article, Entity, Quote } from '../model.js';
import { derived } from '../models/load.js';
import { entities } from './entities.js';
import {
  DEMONYMS,
  MONTHS_LOWER,
  QUOTE_END_ABBREVIATIONS,
  SPEAKER_TITLE_ABBREVIATIONS,
  TELLING_VERBS,
  TITLE_ABBREVIATIONS,
  TITLES,
  WEEKDAYS_LOWER,
} from './lexicon.js';
import { nerModel } from './ner/tagger.js';
import { normalizeQuoteMarks, type Quotation, quotations } from './quotations.js';
import { quoteCuesModel, quoteNounCuesModel } from './quote-models.js';
import { bestNonCrossing, preferredContents, rankScore, rankThreshold } from './quote-ranker.js';
import { splitSentences } from './sentences.js';
import { countWords, TOKEN_PATTERNS } from './tokens.js';

// --- the cue lexicon ---

/**
 * A word is a cue where P(cue | word, context) reaches this (tuned by 2-fold cross-validation on the train
 * split: lower thresholds add recall faster than they lose precision down to 0.25-0.3). Forms seen as a
 * cue only once count too (the same cross-validation: rare reporting verbs are mostly reporting verbs).
 */
const MIN_CUE_P = 0.3;

interface CueInfo {
  /** P(cue | word) on the train split. */
  p: number;
  /** The content is the clause around the cue ("The bank is expected to act"; "Sanders appears to lead"). */
  around: boolean;
  /** Share of its attributions with no source ("Asked about ..."; "... is expected to"). */
  sourceless: number;
  /** Cue heads and occurrences by context class, for the ambiguous forms. */
  context?: Map<string, [number, number]>;
}

/**
 * The lexicon, made on first use from models/quote-cues.json: every learned form; the forms that are a cue
 * wherever they stand (they end a speaker phrase); word and preposition pairs that are one cue ("called for").
 */
const cueLexicon = derived(quoteCuesModel, ({ stats, contexts, particles }) => {
  const forms = new Map<string, CueInfo>();
  const cues = new Set<string>();
  for (const [word, [n, occurrences, after, before, around, sourceless]] of Object.entries(stats)) {
    const p = n / Math.max(occurrences, n);
    const cells = Object.hasOwn(contexts, word) ? Object.entries(contexts[word]) : [];
    const context = cells.length ? new Map(cells) : undefined;
    forms.set(word, { p, around: around > after + before, sourceless: sourceless / n, context });
    if (p >= 0.5) cues.add(word);
  }
  return { forms, cues, particles: new Set(particles) };
});

/** How many occurrences the word's own P weighs against a context's counts (smoothing). */
const CONTEXT_PRIOR = 8;

/**
 * P(cue | word, class before, class after), naive Bayes in log-odds: the word's odds times the
 * likelihood ratio of each context, each context's P smoothed toward the word's.
 */
function cueProbability(info: CueInfo, before: string, after: string): number {
  if (!info.context) return info.p;
  const clamp = (p: number) => Math.min(0.995, Math.max(0.005, p));
  const logit = (p: number) => Math.log(p / (1 - p));
  const p0 = clamp(info.p);
  const smoothed = (cls: string) => {
    const [c, o] = info.context?.get(cls) ?? [0, 0];
    return clamp((c + CONTEXT_PRIOR * p0) / (o + CONTEXT_PRIOR));
  };
  const l = logit(smoothed(`b:${before}`)) + logit(smoothed(`a:${after}`)) - logit(p0);
  return 1 / (1 + Math.exp(-l));
}

/**
 * From this P(cue | word, context) on, a leading frame reports even when no speaker was found (2-fold
 * cross-validation on the train split: 0.3-0.5 alike, content F1 +0.0013; source F1 unchanged).
 */
const SPEAKERLESS_P = 0.5;

/** The thresholds of the frames: the rules' own, or the wider set of candidates the ranker chooses among. */
interface Params {
  minCueP: number;
  speakerlessP: number;
}
const RULES: Params = { minCueP: MIN_CUE_P, speakerlessP: SPEAKERLESS_P };
/** Candidates for the ranker (quote-ranker.ts): cues down to P 0.1, leading frames without a speaker. */
const WIDE: Params = { minCueP: 0.1, speakerlessP: 0 };

/** Above this P(cue | word), any short phrase before the cue is taken for its speaker. */
const LENIENT_P = 0.6;

/** Cues whose object comes before what is said: "told reporters that ...", "asked him whether ...". */
const TELL = new RegExp(`^(${TELLING_VERBS.join('|')})$`);

/** Words between a speaker and the cue: "has said", "also told", "did not say", "repeatedly argued". */
const AUX = new Set(
  `has have had having is are was were be been being will would can could may might should must shall do
does did not never also just still even only then now again already once later previously recently
repeatedly publicly privately reportedly often always initially first ultimately simply actually further
since subsequently frequently openly explicitly flatly long since didn't doesn't don't hasn't haven't
wasn't isn't won't wouldn't couldn't hadn't aren't weren't quickly immediately separately similarly
meanwhile too`.split(/\s+/),
);

/** Words that end a speaker phrase on its left: the clause it belongs to starts after them. */
const CLAUSE_WORD = new Set(
  `that which and but or nor so because when whenever while if as after before since although though where
whereas whether unless until once what how why whom whose`.split(/\s+/),
);

/** Relative and personal pronouns are speakers on their own. */
const PRONOUN_SPEAKER = /^(he|she|they|it|we|i|you|who)$/i;

const SOURCE_NOUN =
  /\b(officials?|sources?|spokes(?:man|woman|person)|minister|president|director|analysts?|experts?|police|report|reports|study|poll|polls|polling|survey|statement|campaign|aides?|advisers?|adviser|lawmakers?|senators?|researchers?|observers?|agency|ministry|army|military|government|group|party|witness(?:es)?|authority|authorities|service|council|department|company|firm|court|prosecutors?|residents?|diplomats?|commander|leader|chief|secretary|he|she|they|we|i|it|people|critics|supporters|democrats|republicans|data|figures|newspaper|post|times|journal|tv|television|voters|records|documents|memo|letter|ad|video|website|filing|complaint)\b/i;

const PRONOUN = /^(he|she|they|it|we|i)$/i;
/** Speakers that are groups, not a "he" or a "she". */
const GROUP_HEAD =
  /\b(group|militia|party|government|ministry|army|council|agency|company|committee|campaign|police|union|unions|forces|rebels|officials|sources|authorities|court|state|department|office|administration|people|voters|poll|polls|survey|report)$/i;
const BAD_SPEAKER = /^(that|this|which|there|and|but|or|as|if|so|when|while|because|although|however)\b/i;
/**
 * Sentence openers that look like a speaker before a cue-like word: "Here's hoping ...", "Don't worry ...",
 * "Let's say ...", "What's expected ...". A contraction is no one's name.
 */
const OPENER_SPEAKER = /^(?:(?:here|there|that|what|let|it|this|where|how|who)['’]s|\p{L}+n['’]t)$/iu;

/**
 * The demonyms ("German", "Russian"): a people's adjective is no speaker on its own ("German said ..."
 * is a cut name or a headline's shorthand, not who spoke). From the lexicon and the NER model's gazetteer
 * (models/ner.json), read on first use.
 */
const demonyms = derived(nerModel, (m) => {
  const out = new Set(Object.keys(DEMONYMS));
  for (const d of m.gazetteer?.demonym ?? []) out.add(d);
  return out;
});

/**
 * Whether a speaker phrase is a bare demonym in the singular ("German", "Russian"): an adjective, no one.
 * The plural names a people, a source polls and reports quote ("Americans say ...").
 */
function isDemonym(phrase: string): boolean {
  const p = phrase.trim().toLowerCase();
  return !!p && p.split(/\s+/).length <= 2 && demonyms().has(p);
}

/** Whether a phrase can never be a speaker: a sentence opener with a contraction, or a bare demonym. */
function notASpeaker(phrase: string): boolean {
  const first = phrase.trim().split(/\s+/)[0] ?? '';
  return OPENER_SPEAKER.test(first) || isDemonym(phrase);
}

/** Words opening a subordinate clause: a report inside one ends with it. */
const SUBORDINATOR =
  /^(although|though|while|whereas|if|when|whenever|as|because|since|after|before|unless|until|once)$/;

/** Words that start an adjunct rather than a clause: "on Tuesday", "in a statement", "last week". */
const ADJUNCT_START = new Set([
  ...`on in at during after before via of about to from with for while when last this early late earlier later
today yesterday tonight recently afterward afterwards then again once twice privately publicly repeatedly
through by outside inside within without near under over as`.split(/\s+/),
  ...WEEKDAYS_LOWER,
]);
/** A day word right after a cue ("said Tuesday the ..."), and one after "on"/"last"/... ("said on Sunday he ..."). */
const DAY_AFTER_CUE = new RegExp(`^(${[...WEEKDAYS_LOWER, 'yesterday', 'today', 'tonight'].join('|')})$`);
const TIME_AFTER_CUE = new RegExp(
  `^(${[...WEEKDAYS_LOWER, 'week', 'month', 'year', 'night', 'morning'].join('|')})$`,
);
/** Words that start a clause that hangs on what comes before: "..., who ...", "..., adding ...". */
const DEPENDENT_START = new Set('who which whose where according as referring citing'.split(' '));

// --- tokens and sentences ---

interface Token {
  start: number;
  end: number;
  /** Lower-cased. */
  w: string;
  cap: boolean;
  /** Inside a quotation. */
  quoted: boolean;
}

interface Sentence {
  start: number;
  end: number;
  /** Token range [t0, t1). */
  t0: number;
  t1: number;
  paragraph: number;
}

interface Doc {
  /** Normalized text (one kind of quotation mark), same offsets as the article's. */
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  quotes: Quotation[];
}

/** Tokens, sentences and quotations of an article (also what scripts/train/quote-cues.ts counts on). */
export function analyse(original: string): Doc {
  const text = normalizeQuoteMarks(original);
  const quotes = quotations(text);
  // "$500,000" is one token: a comma between digit groups is no clause punctuation.
  const tokens: Token[] = [];
  let qi = 0;
  for (const m of text.matchAll(TOKEN_PATTERNS.quote)) {
    const start = m.index ?? 0;
    while (qi < quotes.length && quotes[qi].end <= start) qi++;
    tokens.push({
      start,
      end: start + m[0].length,
      w: m[0].toLowerCase(),
      cap: /^\p{Lu}/u.test(m[0]),
      quoted: qi < quotes.length && quotes[qi].start < start,
    });
  }
  const sentences: Sentence[] = [];
  let ti = 0;
  let paragraph = 0;
  let lastEnd = 0;
  for (const s of sentenceSpans(text)) {
    if (text.slice(lastEnd, s.start).includes('\n')) paragraph++;
    lastEnd = s.end;
    while (ti < tokens.length && tokens[ti].start < s.start) ti++;
    const t0 = ti;
    while (ti < tokens.length && tokens[ti].end <= s.end) ti++;
    sentences.push({ start: s.start, end: s.end, t0, t1: ti, paragraph });
  }
  return { text, tokens, sentences, quotes };
}

/**
 * Sentences as the splitter gives them, cut again where it lets one run on: over a paragraph break after
 * an abbreviation ("... the U.S.¶China, Japan ..."), and before a quotation opening after a full stop
 * ("Howard said. “(Cruz) has those values ...").
 */
function sentenceSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of splitSentences(text)) {
    let from = s.start;
    const cut = /\n\s*|[.!?]["”]?\s+(?=["“])/g;
    cut.lastIndex = s.start;
    for (let m = cut.exec(text); m && m.index + m[0].length < s.end; m = cut.exec(text)) {
      const end = m[0].startsWith('\n') ? m.index : m.index + m[0].trimEnd().length;
      if (end > from) out.push({ start: from, end });
      from = m.index + m[0].length;
    }
    if (s.end > from) out.push({ start: from, end: s.end });
  }
  return out;
}

/** The text between token k-1 (or the sentence start) and token k. */
function gap(d: Doc, s: Sentence, k: number): string {
  const from = k > s.t0 ? d.tokens[k - 1].end : s.start;
  const to = k < s.t1 ? d.tokens[k].start : s.end;
  return d.text.slice(from, to);
}

/** Clause punctuation: a comma, semicolon, colon, dash, bracket or quotation mark. */
const PUNCT = /[,;:—–()"“”[\]]|\s-\s|--/;

/** Determiners and possessives. */
const DETERMINER = /^(the|a|an|his|her|their|its|our|my|this|these|those)$/;

/**
 * The context of a possible cue at token k, as the lexicon counts it: the class of the word before it
 * (past auxiliaries and adverbs: "Trump has repeatedly said" → a name) and of what follows it ("that",
 * "to", a quotation, a pronoun subject, ...). P(cue | word, before, after) tells "polls show" from "the
 * show", "they believe that" from "hard to believe".
 */
export function cueContext(d: Doc, s: Sentence, k: number): [string, string] {
  const j = skipAux(d, s, k - 1);
  let before = 'open';
  if (j >= s.t0 && !PUNCT.test(gap(d, s, j + 1))) {
    const t = d.tokens[j];
    before = /^(he|she|they|we|i|you|it|who|which)$/.test(t.w)
      ? 'pron'
      : t.w === 'to'
        ? 'to'
        : DETERMINER.test(t.w) || t.w === 'that'
          ? 'det'
          : /^(and|but|or)$/.test(t.w)
            ? 'conj'
            : t.cap
              ? 'name'
              : /\d/.test(t.w)
                ? 'num'
                : /s$/.test(t.w)
                  ? 'plural'
                  : 'word';
  }
  let after = 'end';
  if (k + 1 < s.t1) {
    const g = gap(d, s, k + 1);
    const t = d.tokens[k + 1];
    after = /[:"“]/.test(g)
      ? 'quote'
      : PUNCT.test(g)
        ? 'punct'
        : /^(that|whether|if)$/.test(t.w)
          ? 'that'
          : t.w === 'to'
            ? 'to'
            : SUBJECT_PRONOUN.test(t.w)
              ? 'pron'
              : DETERMINER.test(t.w)
                ? 'det'
                : t.cap
                  ? 'name'
                  : /^(about|for|on|of|in|with|at|by|from|as|into|over|against|out|up)$/.test(t.w)
                    ? 'prep'
                    : 'word';
  }
  return [before, after];
}

// --- frames ---

type Shape = 'leading' | 'trailing' | 'parenthetical' | 'around' | 'according' | 'passive' | 'noun';

interface Frame {
  cue: [number, number];
  speaker?: [number, number];
  content: [number, number];
  shape: Shape;
  sentence: number;
  /** The last frame of its sentence: only it may take the quoted sentences that follow. */
  last: boolean;
  /** P(cue | word, context) and the cue's first word ("" for a speaker's turn or colon). */
  p: number;
  word: string;
}

/** One cue of a sentence: its tokens, its speaker's tokens, and how it joins what comes before. */
interface Candidate {
  c0: number;
  c1: number;
  info: CueInfo;
  /** Speaker tokens [s0, s1], inclusive. */
  subject?: [number, number];
  /** First token of the frame (speaker or cue). */
  lead: number;
  /** "and added", "but insisted": a second cue of the same speaker. */
  coordinated: boolean;
  /** ", saying ...": a participle cue hanging on the clause before. */
  participle: boolean;
  /** "..., and X said": the frame starts a new clause after a comma and a conjunction, or a semicolon. */
  newClause: boolean;
  /** Character offset where a frame before it must stop, if it starts a new report. */
  cut?: number;
  /** "Trump was supported by 42 percent": a passive cue, what is reported is its subject. */
  passive: boolean;
}

/** The cue at token k, if any: its last token and its lexicon entry. */
function cueAt(d: Doc, s: Sentence, k: number, params: Params): { c1: number; info: CueInfo } | undefined {
  const t = d.tokens[k];
  if (t.quoted) return undefined;
  if (t.w === 'according' && k + 1 < s.t1 && d.tokens[k + 1].w === 'to') {
    return { c1: k + 1, info: cueLexicon().forms.get('according') ?? { p: 1, around: false, sourceless: 0 } };
  }
  const entry = cueLexicon().forms.get(t.w);
  if (!entry) return undefined;
  const [before, after] = cueContext(d, s, k);
  const info = { ...entry, p: cueProbability(entry, before, after) };
  if (info.p < params.minCueP) return undefined;
  const prev = k > s.t0 ? d.tokens[k - 1] : undefined;
  // "so-called", "to say", "the calls": not reporting here.
  if (prev && prev.w === 'so' && gap(d, s, k) === '-') return undefined;
  if (prev && /^(the|a|an|to)$/.test(prev.w) && !PUNCT.test(gap(d, s, k))) return undefined;
  let c1 = k;
  // "called for", "pointed out", "referring to", "spoke about": the particle is part of the cue.
  const next = k + 1 < s.t1 ? d.tokens[k + 1] : undefined;
  if (next && !PUNCT.test(gap(d, s, k + 1)) && cueLexicon().particles.has(`${t.w} ${next.w}`)) c1 = k + 1;
  return { c1, info };
}

/** A phrase that can name who speaks: a name, a pronoun, or a short phrase with a source noun. */
function looksLikeSpeaker(phrase: string): boolean {
  const p = phrase.trim();
  if (!p || BAD_SPEAKER.test(p)) return false;
  if (PRONOUN_SPEAKER.test(p)) return true;
  if (/^\p{Lu}/u.test(p)) return !/^\p{Lu}\p{Ll}+ing\b/u.test(p);
  if (
    /^(the|a|an)\s+(?:[\p{L}'’-]+\s+){0,3}[\p{L}-]+$/iu.test(p) &&
    !/\b(that|to|is|was|were|are|and)\b/i.test(p)
  )
    return true;
  return (
    SOURCE_NOUN.test(p) &&
    /^(?:the|a|an|one|some|two|three|several|many|most|other|another|his|her|their|its|our|my|both|\p{Ll}+)\b/u.test(
      p,
    ) &&
    p.split(/\s+/).length <= 8 &&
    !/\b(with|that|to)\b/i.test(p)
  );
}

const phraseText = (d: Doc, a: number, b: number) => d.text.slice(d.tokens[a].start, d.tokens[b].end);

/**
 * Whether tokens [k, j] can name a speaker. After a cue that is nearly always one ("said": P 0.95), or
 * in the slot of an inverted frame right after a quotation, any short phrase will do ("many", "60
 * percent of voters", "the 46-year-old"); otherwise it must look like a name, a pronoun or a source.
 */
function isSpeaker(d: Doc, k: number, j: number, lenient: boolean): boolean {
  const phrase = phraseText(d, k, j);
  if (/["“”]/.test(phrase)) return false;
  if (lenient) return !BAD_SPEAKER.test(phrase) && j - k < 14;
  return looksLikeSpeaker(phrase) || /^\p{N}/u.test(phrase);
}

/** Back from token j over adverbs ("was widely condemned"). */
function skipAdverbs(d: Doc, s: Sentence, j: number): number {
  while (j >= s.t0 && !d.tokens[j].cap && /ly$|^(not|also|never|often|now|still)$/.test(d.tokens[j].w)) j--;
  return j;
}

/** Back from token j over auxiliaries and adverbs ("has also said", "repeatedly argued"). */
function skipAux(d: Doc, s: Sentence, j: number): number {
  while (
    j >= s.t0 &&
    !d.tokens[j].cap &&
    (AUX.has(d.tokens[j].w) || /ly$|n’t$/.test(d.tokens[j].w)) &&
    !PUNCT.test(gap(d, s, j + 1))
  )
    j--;
  return j;
}

/**
 * The speaker before a cue: back over auxiliaries and adverbs, then the phrase back to clause
 * punctuation or a clause word. An aside between commas ("Lavrov, speaking in Rome, said"; "Mr. Trump,
 * however, said") is skipped for the phrase before it.
 */
function subjectBefore(d: Doc, s: Sentence, c0: number, lenient: boolean): [number, number] | undefined {
  let j = skipAux(d, s, c0 - 1);
  if (j < s.t0) return undefined;
  const comma = /^\.?\s*,\s*$/;
  if (PUNCT.test(gap(d, s, j + 1))) {
    // "Trump, speaking in Virginia, said"; "Ilse Varga, the port's finance director, said": an aside
    // between commas right before the cue; the speaker is the phrase before it.
    // ... or between brackets ("Harry M. Reid (D-Nev.) said") or dashes ("Murphy — after a pause — told").
    const after = gap(d, s, j + 1);
    const closer = /^[.\s]*\)\s*$/.test(after);
    const dash = /^\s*(?:[—–]|--|-)\s*$/.test(after);
    if (!comma.test(after) && !closer && !dash) return undefined;
    const k = chunkStart(d, s, j);
    const opener = closer ? /\(\s*$/ : dash ? /\s(?:[—–]|--|-)\s*$/ : comma;
    // ... not a clause between commas ("..., some of it would be done by others, said X").
    const clause =
      !/^(who|which)$/.test(d.tokens[k].w) && d.tokens.slice(k, j + 1).some((t) => VERBISH.test(t.w));
    if (k > s.t0 && opener.test(gap(d, s, k)) && !clause) {
      const k2 = chunkStart(d, s, k - 1);
      if (k - k2 <= 8 && isSpeaker(d, k2, k - 1, closer || dash)) return [k2, k - 1];
    }
    // "Hogan Gidley, a former director ..., whose roots are in ..., said": a description with commas of
    // its own; the speaker is the name opening the sentence.
    return openingName(d, s, j);
  }
  for (let tries = 0; tries < 3 && j >= s.t0; tries++) {
    const k = chunkStart(d, s, j);
    // "who" is the speaker of a relative clause: "Sanders, who on Tuesday endorsed Clinton".
    if (/^(who|which)$/.test(d.tokens[k].w)) return [k, k];
    if (isSpeaker(d, k, j, lenient && tries === 0)) return trimSubject(d, withName(d, s, k, j));
    // "but this time he praised": the pronoun or name ending the phrase.
    const tail = trimSubject(d, [k, j], true);
    if (tail[0] > k && isSpeaker(d, tail[0], tail[1], false)) return tail;
    // An aside: try the phrase before the comma.
    if (!/,/.test(gap(d, s, k)) || k <= s.t0) return undefined;
    j = k - 1;
  }
  return undefined;
}

/** The name or description opening a sentence, up to its first punctuation, if it ends before token j. */
function openingName(d: Doc, s: Sentence, j: number): [number, number] | undefined {
  if (/["“]/.test(gap(d, s, s.t0))) return undefined;
  let e = s.t0;
  while (e + 1 <= j && !PUNCT.test(gap(d, s, e + 1)) && !CLAUSE_WORD.has(d.tokens[e + 1].w)) e++;
  // The name ends at punctuation, not before a clause word ("Even if the office closed, ...").
  if (
    e >= j ||
    e - s.t0 > 7 ||
    (CLAUSE_WORD.has(d.tokens[e + 1].w) && !/^(and|or|nor|but)$/.test(d.tokens[e + 1].w))
  )
    return undefined;
  const first = d.tokens[s.t0].w;
  if (ADJUNCT_START.has(first) || CLAUSE_WORD.has(first) || /^(but|and|so|yet|still)$/.test(first))
    return undefined;
  return nameLike(d, s.t0, e) ? [s.t0, e] : undefined;
}

/** A name or a source's description, not a clause: no verb, mostly capitals or a source noun. */
function nameLike(d: Doc, k: number, j: number): boolean {
  const toks = d.tokens.slice(k, j + 1);
  if (toks.some((t) => VERBISH.test(t.w))) return false;
  const caps = toks.filter((t) => t.cap).length;
  return (
    caps * 2 >= toks.length ||
    (SOURCE_NOUN.test(phraseText(d, k, j)) && looksLikeSpeaker(phraseText(d, k, j)))
  );
}

/**
 * "at the town hall this week she", "In an interview Cruz": the pronoun or name at the end of a phrase
 * opening with an adjunct (or of any phrase, `always`).
 */
function trimSubject(d: Doc, [k, j]: [number, number], always = false): [number, number] {
  if ((!always && !ADJUNCT_START.has(d.tokens[k].w)) || j === k) return [k, j];
  if (PRONOUN_SPEAKER.test(d.tokens[j].w)) return [j, j];
  if (!d.tokens[j].cap) return [k, j];
  let n = j;
  while (n > k + 1 && d.tokens[n - 1].cap) n--;
  return [n, j];
}

/** The first token of the phrase ending at token j: back to clause punctuation, a clause word or a cue. */
function chunkStart(d: Doc, s: Sentence, j: number): number {
  let k = j;
  while (
    k > s.t0 &&
    j - k < 14 &&
    !PUNCT.test(gap(d, s, k)) &&
    !CLAUSE_WORD.has(d.tokens[k - 1].w) &&
    !(cueLexicon().cues.has(d.tokens[k - 1].w) && !d.tokens[k - 1].quoted && !d.tokens[k - 1].cap) &&
    !/^(who|which)$/.test(d.tokens[k].w)
  )
    k--;
  return k;
}

/**
 * A description after a name ("Ilse Varga, the port's finance director, said"): the speaker is both, the
 * name first.
 */
function withName(d: Doc, s: Sentence, k: number, j: number): [number, number] {
  if (k <= s.t0 || !/^(the|a|an)$/.test(d.tokens[k].w) || !/^\s*,\s*$/.test(gap(d, s, k))) return [k, j];
  let n = k - 1;
  while (n > s.t0 && k - n < 5 && d.tokens[n - 1].cap && !PUNCT.test(gap(d, s, n))) n--;
  const opens = n === s.t0 || PUNCT.test(gap(d, s, n)) || CLAUSE_WORD.has(d.tokens[n - 1].w);
  const name = d.tokens.slice(n, k).every((t) => t.cap) && !ADJUNCT_START.has(d.tokens[n].w);
  return opens && name ? [n, j] : [k, j];
}

/**
 * The speaker after an inverted cue ("..., said Ed Lorenzen, a senior adviser"): up to punctuation,
 * which must close the sentence or be a comma (not a quotation running on: "said Perez could help “...").
 */
function subjectAfter(d: Doc, s: Sentence, c1: number, lenient: boolean): [number, number] | undefined {
  const k = c1 + 1;
  if (k >= s.t1 || PUNCT.test(gap(d, s, k))) return undefined;
  let j = k;
  while (j + 1 < s.t1 && j - k < 12 && !PUNCT.test(gap(d, s, j + 1))) {
    // "..., said a handful of Democrats who point to ...": the speaker ends before its relative clause.
    if (j > k && /^(who|whose)$/.test(d.tokens[j + 1].w))
      return isSpeaker(d, k, j, lenient) ? [k, j] : undefined;
    j++;
  }
  if (j + 1 < s.t1 && !/^[\s.]*[,;—–(-]/.test(gap(d, s, j + 1))) return undefined;
  if (j + 1 >= s.t1 && j - k >= 12) return undefined;
  // "..., says her biggest worry is the climate": a clause, not a speaker.
  if (j > k && d.tokens.slice(k, j + 1).some((t) => VERBISH.test(t.w))) return undefined;
  return isSpeaker(d, k, j, lenient) ? [k, j] : undefined;
}

/** The tokens of a sentence after token k up to the next clause punctuation: [k+1, end). */
function chunkAfter(d: Doc, s: Sentence, k: number): number {
  let j = k + 1;
  while (j < s.t1 && !PUNCT.test(gap(d, s, j))) j++;
  return j;
}

/** Verbs and auxiliaries: a phrase with one is a clause, not an adjunct. */
const VERBISH =
  /^(is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did)$/;

/** The object of a verb of telling: "reporters", "CNN", "The Huffington Post", "a town hall meeting". */
function objectEnd(d: Doc, a: number, b: number): number {
  if (a >= b) return a;
  const t = d.tokens[a];
  if (
    /^(me|us|him|her|them|reporters|journalists|supporters|voters|listeners|viewers|lawmakers|officials|people|everyone|anyone)$/.test(
      t.w,
    )
  )
    return a + 1;
  let k = a;
  if (/^(the|a|an|his|her|their|its|our|my)$/.test(t.w)) k++;
  const capRun = k < b && d.tokens[k].cap;
  while (
    k < b &&
    k - a < 6 &&
    (capRun ? d.tokens[k].cap : !ADJUNCT_START.has(d.tokens[k].w) && !CLAUSE_WORD.has(d.tokens[k].w))
  )
    k++;
  return k;
}

/** A subject pronoun, alone or with a contracted verb ("he's", "they're"): a clause begins. */
const SUBJECT_PRONOUN = /^(he|she|they|we|i|it|you)(['’](s|re|ve|d|ll|m))?$/;

/**
 * Whether the tokens [a, b) after a cue are an adjunct or empty ("on Tuesday", "in a statement",
 * "told AFP in an interview", "told his advisers as he ..."), not what was said. `strict`: before "that"
 * ("said on Tuesday that"), where an adverbial clause ("as he left") does not count either.
 */
function isAdjunct(d: Doc, a: number, b: number, tell: boolean, strict = false): boolean {
  if (a >= b) return true;
  const k = tell ? objectEnd(d, a, b) : a;
  if (k >= b) return true;
  const first = d.tokens[k].w;
  if (!strict && /^(as|while|when|after|before|because|since|until)$/.test(first)) return true;
  const clause = d.tokens.slice(a, b).some((t) => VERBISH.test(t.w) || SUBJECT_PRONOUN.test(t.w));
  if (clause || b - a > (strict ? 8 : 10)) return false;
  if (ADJUNCT_START.has(first)) return true;
  return b - k <= 3 && d.tokens.slice(k, b).every((t) => t.cap);
}

/** Where the words said start after a leading cue: "that", a quotation, a colon, or the next clause. */
function complementStart(d: Doc, s: Sentence, c1: number, tell: boolean): number {
  // "that" or a quotation close after the cue, past an object or adjuncts: "told the AP that ...",
  // "said Tuesday in a statement that ...", "told Politico, “...”".
  for (let k = c1 + 1; k < s.t1 && k <= c1 + 9; k++) {
    const g = gap(d, s, k);
    const mark = g.search(/[":“]/);
    if (mark >= 0) {
      // After a colon, or at the opening quotation mark.
      const at = d.tokens[k - 1].end + mark;
      if (!isAdjunct(d, c1 + 1, k, tell, true)) break;
      if (g[mark] === ':') {
        const quote = g.slice(mark).search(/["“]/);
        return quote >= 0 ? at + quote : d.tokens[k].start;
      }
      return at;
    }
    if (d.tokens[k].w === 'that' || d.tokens[k].w === 'whether') {
      return isAdjunct(d, c1 + 1, k, tell, true) ? d.tokens[k].start : d.tokens[c1 + 1].start;
    }
    if (/[,;()]/.test(g) || d.tokens[k].w === 'to') break;
  }
  let k = c1 + 1;
  if (k >= s.t1) return s.end;
  // "said Tuesday the ...", "said on Sunday he ...": a time word or two before the clause.
  if (DAY_AFTER_CUE.test(d.tokens[k].w)) k++;
  else if (
    k + 1 < s.t1 &&
    /^(on|last|this|late|early)$/.test(d.tokens[k].w) &&
    TIME_AFTER_CUE.test(d.tokens[k + 1].w)
  )
    k += 2;
  // "told reporters he ...": the object of a verb of telling, up to a pronoun subject.
  if (tell && k < s.t1 && !/^(to|that|whether|if|about|how|what|why|who|when)$/.test(d.tokens[k].w)) {
    for (let j = k; j < Math.min(s.t1, k + 5); j++) {
      if (/^(he|she|they|it|we|i|you|there|the)$/.test(d.tokens[j].w) && j > k) {
        k = j;
        break;
      }
      if (PUNCT.test(gap(d, s, j + 1))) break;
    }
  }
  return k < s.t1 ? d.tokens[k].start : s.end;
}

/** Candidates of one sentence: every cue outside quotation marks, with its speaker and its joint. */
function candidates(d: Doc, s: Sentence, params: Params): Candidate[] {
  const out: Candidate[] = [];
  for (let k = s.t0; k < s.t1; k++) {
    const cue = cueAt(d, s, k, params);
    if (!cue) continue;
    const before = gap(d, s, k);
    // "and added", "and has expressed": the word before the cue and its auxiliaries.
    const a = skipAux(d, s, k - 1);
    const prev = a >= s.t0 ? d.tokens[a] : undefined;
    const participle = /ing$/.test(d.tokens[k].w) && /,/.test(before);
    // "acknowledged contacts ... and added that": a second cue of the speaker before (not "Smith and
    // Jones said").
    const coordinated =
      !!prev &&
      /^(and|but)$/.test(prev.w) &&
      !PUNCT.test(d.text.slice(prev.end, d.tokens[k].start)) &&
      (out.length > 0 || !subjectBeforeAt(d, s, a));
    const subject = participle || coordinated ? undefined : subjectBefore(d, s, k, cue.info.p >= LENIENT_P);
    const lead = subject ? subject[0] : k;
    const g = gap(d, s, lead);
    const prevWord = lead > s.t0 ? d.tokens[lead - 1].w : '';
    const newClause =
      /;/.test(g) || (/^(and|but|while|whereas|yet)$/.test(prevWord) && /,/.test(gap(d, s, lead - 1)));
    let cut: number | undefined;
    if (coordinated && prev) cut = prev.start;
    else if (participle) cut = d.tokens[k - 1].end;
    else if (newClause && lead - 2 >= s.t0)
      cut = /;/.test(g) ? d.tokens[lead - 1].end : d.tokens[lead - 2].end;
    // "Although she said A, at the town hall she said B"; "half said A, compared with four in 10 who
    // said B": a speaker after clause punctuation starts a report of its own.
    else if (subject) cut = punctuationBefore(d, s, lead, out.length ? out[out.length - 1].c1 + 1 : s.t0);
    const be = skipAdverbs(d, s, k - 1);
    const passive =
      be >= s.t0 &&
      /^(is|was|were|are|been|be|being)$/.test(d.tokens[be].w) &&
      /(ed|en|wn|ght|ld)$/.test(d.tokens[k].w);
    out.push({
      c0: k,
      c1: cue.c1,
      info: cue.info,
      subject,
      lead,
      coordinated,
      participle,
      newClause,
      cut,
      passive,
    });
    k = cue.c1;
  }
  return out;
}

/** The offset of the last clause punctuation between tokens `from` and k (exclusive), if any. */
function punctuationBefore(d: Doc, s: Sentence, k: number, from: number): number | undefined {
  for (let j = k; j > from; j--) if (/[,;:—–]/.test(gap(d, s, j))) return d.tokens[j - 1].end;
  return undefined;
}

/** Whether the words before "and"/"but" (token k) are a speaker of their own ("Smith and Jones said"). */
function subjectBeforeAt(d: Doc, s: Sentence, k: number): boolean {
  if (k <= s.t0 || PUNCT.test(gap(d, s, k))) return false;
  // "Smith and Jones said", "The mayor and the council agreed": a short name or description opening
  // the clause; not "She greeted supporters in Houston and told them".
  const from = chunkStart(d, s, k - 1);
  const words = d.tokens.slice(from, k);
  return words.length <= 4 && words.every((t) => t.cap || DETERMINER.test(t.w) || SOURCE_NOUN.test(t.w));
}

/**
 * The subject of a sentence, for a participle cue of it ("Here in Columbia, Sanders stepped up ..., saying"):
 * past introductory phrases, a pronoun, a name (a run of capitalized words) or a determiner phrase.
 */
function sentenceSubject(d: Doc, s: Sentence, before: number): [number, number] | undefined {
  let k = s.t0;
  // Past introductory phrases: "Here in Columbia, Sanders ...", "On Monday, the board ...", "But ...".
  for (;;) {
    while (
      k < before &&
      /^(but|and|so|yet|still|then|now|here|there|however|meanwhile|instead)$/.test(d.tokens[k].w)
    )
      k++;
    if (k >= before) return undefined;
    const first = d.tokens[k];
    const intro =
      ADJUNCT_START.has(first.w) || /ly$/.test(first.w) || (first.cap && /(ing|ed)$/.test(first.w));
    if (!intro) break;
    let e = k + 1;
    while (e < before && !/,/.test(gap(d, s, e))) e++;
    if (e >= before) return undefined;
    k = e;
  }
  // A sentence opening with a quotation: its words are not who speaks.
  if (d.tokens[k].quoted) return undefined;
  if (PRONOUN_SPEAKER.test(d.tokens[k].w) && d.tokens[k].w !== 'who') return [k, k];
  const det = DETERMINER.test(d.tokens[k].w);
  if (!d.tokens[k].cap && !det) return undefined;
  let e = k;
  while (
    e + 1 < before &&
    e - k < 5 &&
    !PUNCT.test(gap(d, s, e + 1)) &&
    (d.tokens[e + 1].cap || (det && e - k < 2 && !VERBISH.test(d.tokens[e + 1].w)))
  )
    e++;
  return [k, e];
}

/** The quotation whose closing mark comes right before token k (only punctuation between), if any. */
function quotationBefore(d: Doc, s: Sentence, k: number): Quotation | undefined {
  if (k <= s.t0) return undefined;
  const qi = quotationAt(d, d.tokens[k - 1].end - 1);
  const q = qi >= 0 ? d.quotes[qi] : undefined;
  return q?.closed && q.end <= d.tokens[k].start ? q : undefined;
}

/** The quotation closing the sentence before sentence si, in the same paragraph. */
function quotationClosing(d: Doc, si: number): Quotation | undefined {
  const prev = d.sentences[si - 1];
  if (!prev || prev.paragraph !== d.sentences[si].paragraph) return undefined;
  if (!/["”]$/.test(d.text.slice(prev.start, prev.end))) return undefined;
  const qi = quotationAt(d, prev.end - 2);
  return qi >= 0 && d.quotes[qi].closed && d.quotes[qi].end === prev.end ? d.quotes[qi] : undefined;
}

/** The frames of one sentence (offsets into the article). */
/**
 * Longest sentence reports are read from, in characters. The frames of a sentence cost its length for each
 * cue in it, so a run-on "sentence" of 128 KB with a cue every few words took about 2 minutes; real ones are
 * far shorter (PolNeAR dev: 3,341 sentences, the longest 503 characters, p99 328). Beyond it a sentence is
 * no sentence but a block without stops, and nothing is read from it (precision first).
 */
export const MAX_SENTENCE_CHARS = 2000;

function framesOf(d: Doc, si: number, params: Params = RULES): Frame[] {
  const s = d.sentences[si];
  if (s.end - s.start > MAX_SENTENCE_CHARS) return [];
  const cands = candidates(d, s, params);
  const out: Frame[] = [];
  const tok = d.tokens;
  const span = (a: number, b: number): [number, number] => [tok[a].start, tok[b].end];
  /** The first cut after character offset `from`: where a later report starts. */
  const cutAfter = (from: number) => {
    for (const c of cands) if (c.cut !== undefined && c.cut > from) return c.cut;
    return s.end;
  };
  /** The speaker tokens of each candidate's frame, once known. */
  const speakers: ([number, number] | undefined)[] = [];
  cands.forEach((c, ci) => {
    const cue = span(c.c0, c.c1);
    const tell = TELL.test(tok[c.c0].w);
    const last = ci === cands.length - 1;
    const push = (content: [number, number], shape: Shape, speaker?: [number, number]) => {
      const [a, b] = trim(d.text, content[0], content[1]);
      // One word is enough when it is quoted (Priebus said, “Probably.”).
      const words = wordsIn(d.text, a, b);
      if (b - a > 2 && (words >= 2 || (words === 1 && /^["“]/.test(d.text.slice(a, b)))))
        out.push({
          cue,
          speaker,
          content: [a, b],
          shape,
          sentence: si,
          last,
          p: c.info.p,
          word: tok[c.c0].w,
        });
    };
    // "according to X, C" / "C, according to X".
    if (tok[c.c0].w === 'according') {
      const who = chunkAfter(d, s, c.c1);
      if (who <= c.c1 + 1) return;
      const speaker = span(c.c1 + 1, who - 1);
      const left = c.c0 > s.t0 ? [s.start, tok[c.c0 - 1].end] : undefined;
      if (left && wordsIn(d.text, left[0], left[1]) >= 3) push([left[0], left[1]], 'according', speaker);
      else if (who < s.t1) push([tok[who].start, cutAfter(tok[who].start)], 'according', speaker);
      return;
    }
    const previous = cands[ci - 1];
    let speaker = c.subject ? span(c.subject[0], c.subject[1]) : undefined;
    if (!speaker && (c.coordinated || c.participle)) {
      // The speaker of the frame before, also when it came after its cue ("“...,” said X, referring
      // to ..."); else the subject of the sentence.
      const main = (previous && speakers[ci - 1]) ?? sentenceSubject(d, s, c.c0);
      if (main) speaker = span(main[0], main[1]);
    }
    speakers[ci] = c.subject;
    // "The bank is expected to act", "Sanders appears to lead": the clause around the cue.
    if (c.info.around && !c.participle) {
      // From its subject: "Separately, [the Obama administration ... is expected to ...]".
      const from = c.subject ? tok[c.subject[0]].start : s.start;
      push([from, cutAfter(tok[c.c1].end)], 'around', c.info.sourceless > 0.5 ? undefined : speaker);
      return;
    }
    const g = gap(d, s, c.lead);
    const leftEnd = c.lead > s.t0 ? tok[c.lead - 1].end : s.start;
    const leftFrom = previous?.cut !== undefined && previous.cut < leftEnd ? previous.cut : s.start;
    const leftWords = c.lead > s.t0 ? wordsIn(d.text, leftFrom, leftEnd) : 0;
    const afterComma = /[,"“”—–]|--|\s-\s/.test(g) && !c.coordinated && !c.participle;
    const chunkEnd = chunkAfter(d, s, c.c1);
    const chunkIsAdjunct = isAdjunct(d, c.c1 + 1, chunkEnd, tell);
    const closing = chunkEnd < s.t1 ? gap(d, s, chunkEnd) : '';
    const next = chunkEnd < s.t1 ? tok[chunkEnd] : undefined;
    // What follows the frame hangs on it: "..., adding that", "..., who ...", "..., in a statement".
    // An adverb first does not change that: "..., likely referring to", "..., apparently in jest".
    let head = chunkEnd;
    while (head + 1 < s.t1 && /^(\p{L}+ly|perhaps)$/u.test(tok[head].w) && !PUNCT.test(gap(d, s, head + 1)))
      head++;
    const hangs =
      !next ||
      (!/["“:]/.test(closing) &&
        (DEPENDENT_START.has(tok[head].w) || ADJUNCT_START.has(tok[head].w) || /ing$/.test(tok[head].w)));
    const quoted = quotationBefore(d, s, c.lead);
    // Words said, not a title in quotation marks (“Hannity,” Newt Gingrich said if ...).
    const statement = !!quoted && wordsIn(d.text, quoted.start, quoted.end) >= 4;
    // The words said start at the quotation when it began in an earlier sentence or after a colon
    // ("...: “C,” he said"); a quotation ending a clause of the writer's is part of what is reported.
    const from =
      quoted && (quoted.start < s.start || /:\s*$/.test(d.text.slice(leftFrom, quoted.start)))
        ? quoted.start
        : leftFrom;
    const leftIsAdjunct = !quoted && leftWords <= 6 && isAdjunctClause(d, s.t0, c.lead);
    // "“Loved it!” Bush said.": a frame sentence of its own after a quotation.
    if (c.lead === s.t0 && speaker && c.subject && chunkIsAdjunct && hangs && c.info.p >= 0.8) {
      const q = quotationClosing(d, si);
      if (q) {
        push([q.start, q.end], 'trailing', speaker);
        return;
      }
    }
    // Inverted: "C, said X." / "“C,” said X, a spokesman." / "“C1,” said X, “C2.”"
    // One quoted word is enough before an inverted or trailing frame (“Technicals,” Bob said).
    if (!c.subject && afterComma && (leftWords >= 2 || (!!quoted && leftWords >= 1)) && !leftIsAdjunct) {
      const who = subjectAfter(d, s, c.c1, !!quoted || c.info.p >= LENIENT_P);
      if (who) {
        speakers[ci] = who;
        const rest = chunkAfter(d, s, who[1]);
        const resumes = rest < s.t1 && /["“]/.test(gap(d, s, rest));
        push(
          [from, resumes ? cutAfter(tok[rest].start) : leftEnd],
          resumes ? 'parenthetical' : 'trailing',
          span(who[0], who[1]),
        );
        return;
      }
    }
    // "Trump was supported by 42 percent of the Republicans", "Cosby is attacked in the media": what is
    // reported is the subject, who reports it the agent after "by".
    if (c.passive && c.subject && !c.info.around && !tell) {
      let k = c.c1 + 1;
      while (k < s.t1 && /ly$/.test(tok[k].w) && !PUNCT.test(gap(d, s, k))) k++;
      const by = k < s.t1 && tok[k].w === 'by' && !PUNCT.test(gap(d, s, k)) ? k + 1 : -1;
      const agentEnd = by > 0 && by < s.t1 ? chunkAfter(d, s, by) - 1 : -1;
      const agent = by > 0 && agentEnd >= by ? span(by, agentEnd) : undefined;
      // Without an agent ("Cosby is attacked in the media") the annotation rarely has the subject for
      // the content (a fifth of 200 such frames on the train split): no frame.
      if (agent) push(span(c.subject[0], c.subject[1]), 'passive', agent);
      return;
    }
    // A report inside a relative or subordinate clause ("Sanders, who on Tuesday endorsed Clinton,
    // said"; "Although Rubio has blasted Obama for ..., this has ..."): its content ends with the clause.
    const relative = !!c.subject && /^(who|which)$/.test(tok[c.subject[0]].w);
    const subordinate =
      relative || (c.lead > s.t0 && SUBORDINATOR.test(tok[c.lead - 1].w) && !PUNCT.test(gap(d, s, c.lead)));
    // Trailing or parenthetical: "C, X said." / "“C1,” X said, “C2.”" / "C1, X said, C2." After a
    // quotation, the frame closes it unless "that", a colon or a quotation follows the cue.
    const complement = /^\s*(?:that|whether|if)\b|^\s*[:"“]/.test(d.text.slice(tok[c.c1].end, s.end));
    if (
      c.subject &&
      !relative &&
      afterComma &&
      (leftWords >= 2 || (!!quoted && leftWords >= 1)) &&
      (chunkIsAdjunct || (statement && !complement))
    ) {
      const resumes = /["“]/.test(closing);
      if (hangs || (statement && !chunkIsAdjunct)) {
        if (!leftIsAdjunct) {
          push([from, leftEnd], 'trailing', speaker);
          return;
        }
      } else if (next && resumes) {
        // “C1,” X said, “C2.” — and a quotation that opens the clause before: “C1” by ..., X said, “C2.”
        const split = /,/.test(closing) && /["“”]/.test(d.text.slice(leftFrom, leftEnd));
        if (split || quoted) {
          push([from, split ? cutAfter(next.start) : leftEnd], split ? 'parenthetical' : 'trailing', speaker);
          return;
        }
      } else if (next && !/:/.test(closing)) {
        push([from, cutAfter(next.start)], 'parenthetical', speaker);
        return;
      }
    }
    // Leading: "X said (that) C", "X told reporters C", "X wants to C", "X said, “C”".
    // Without a speaker found, only a cue that usually is one reports ("Three in five insiders — and
    // two-thirds of ... — said that ...": the speaker's phrase has too much punctuation to be found).
    if (
      !speaker &&
      !c.participle &&
      !c.coordinated &&
      c.info.sourceless <= 0.2 &&
      c.info.p < params.speakerlessP
    )
      return;
    const start = complementStart(d, s, c.c1, tell);
    if (start >= s.end) {
      // "Cruz continued:" closing a paragraph, the next one quoting him.
      const next = d.sentences[si + 1];
      const q =
        next && /:\s*$/.test(d.text.slice(tok[c.c1].end, s.end)) ? quotationAt(d, next.start + 1) : -1;
      if (q >= 0 && d.quotes[q].start === next.start)
        push([d.quotes[q].start, d.quotes[q].end], 'leading', speaker);
      return;
    }
    const end = cutAfter(start);
    // "“C,” the senator and candidate said in a statement.": only an adjunct follows the cue, and the
    // sentence opens with a quotation: it is what was said.
    if (chunkIsAdjunct && hangs && c.lead > s.t0) {
      const q = quotationAt(d, tok[s.t0].start);
      const said = q >= 0 ? d.quotes[q] : undefined;
      const between = said ? d.text.slice(said.end, tok[c.c0].start) : '';
      if (said?.closed && said.end <= tok[c.lead].start && /^\s*,?[^,;:()"“”—–]*$/.test(between)) {
        push([said.start, said.end], 'trailing', speaker);
        return;
      }
    }
    // "Obama paused and wiped a tear": a coordinated verb, not what was said.
    if (/^(?:and|or)\b/i.test(d.text.slice(start, start + 4))) return;
    push([start, subordinate ? clauseEnd(d, s, start, end) : end], 'leading', speaker);
  });
  return out;
}

/** Where a subordinate clause ends after `start`: its first comma, semicolon or dash outside quotations. */
function clauseEnd(d: Doc, s: Sentence, start: number, end: number): number {
  for (let k = s.t0 + 1; k < s.t1; k++) {
    const t = d.tokens[k];
    if (t.start <= start || t.quoted) continue;
    if (t.start >= end) break;
    if (/[,;—–]/.test(gap(d, s, k)) && !d.tokens[k - 1].quoted) return d.tokens[k - 1].end;
  }
  return end;
}

/** Whether tokens [a, b) of a sentence open it with an adjunct ("In an interview on Fox, ..."; "But"). */
function isAdjunctClause(d: Doc, a: number, b: number): boolean {
  if (a >= b) return true;
  const first = d.tokens[a].w;
  // "But that is not good enough, said ...": a clause of its own.
  if (/^(but|and|so|yet|still|now)$/.test(first) && d.tokens.slice(a, b).some((t) => VERBISH.test(t.w)))
    return false;
  return (
    ADJUNCT_START.has(first) ||
    /^(but|and|still|however|meanwhile|instead|now|yet|also|separately|speaking|asked|pressed|so|indeed|later|earlier|in)$/.test(
      first,
    ) ||
    (/ing$/.test(first) && d.tokens[a].cap) ||
    b - a <= 1
  );
}

function wordsIn(text: string, a: number, b: number): number {
  return countWords(text.slice(a, b));
}

/** A content ending on an initial or an abbreviation ("… said Mr."): its dot is no full stop. */
const KEEPS_FINAL_DOT = new RegExp(String.raw`\b\p{L}\.$|\b(?:${QUOTE_END_ABBREVIATIONS.join('|')})\.$`, 'u');

/** Offsets without surrounding spaces, commas and a final stop (quotation marks are kept). */
function trim(text: string, a: number, b: number): [number, number] {
  while (a < b && /[\s,;:—–-]/.test(text[a])) a++;
  while (b > a && /[\s,;:—–-]/.test(text[b - 1])) b--;
  if (b > a && text[b - 1] === '.' && !KEEPS_FINAL_DOT.test(text.slice(a, b))) b--;
  return [a, b];
}

/** The index of the quotation containing offset `at` (strictly inside its marks), or -1. */
function quotationAt(d: Doc, at: number): number {
  let lo = 0;
  let hi = d.quotes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = d.quotes[mid];
    if (q.end <= at) lo = mid + 1;
    else if (q.start >= at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The sentence containing offset `at`, searching forward from sentence `from`. */
function sentenceAt(d: Doc, from: number, at: number): number {
  let si = from;
  while (si + 1 < d.sentences.length && d.sentences[si].end < at) si++;
  return si;
}

/**
 * A content reaching into a quotation takes all of it (the quotation may begin sentences before, or go
 * on over following paragraphs); a frame with quoted words takes the next sentences of its paragraph
 * that open with a quotation and have no frame of their own (“A,” she said. “B.”).
 */
function extendThroughQuotations(d: Doc, f: Frame, framed: Set<number>): void {
  let qi = quotationAt(d, f.content[0]);
  if (qi >= 0) f.content[0] = Math.min(f.content[0], d.quotes[qi].start);
  qi = quotationAt(d, f.content[1] - 1);
  if (qi >= 0 && d.quotes[qi].end > f.content[1]) {
    while (d.quotes[qi].continues && qi + 1 < d.quotes.length) qi++;
    f.content[1] = d.quotes[qi].end;
  }
  if (f.sentence < 0) return;
  const quotedAt =
    quotationAt(d, f.content[1] - 1) >= 0 || /["”]$/.test(d.text.slice(f.content[1] - 1, f.content[1]));
  if (!quotedAt && !/"/.test(d.text.slice(f.content[0], f.content[1]))) return;
  let si = sentenceAt(d, f.sentence, f.content[1]);
  while (si + 1 < d.sentences.length) {
    const s = d.sentences[si];
    const next = d.sentences[si + 1];
    if (next.paragraph !== s.paragraph || framed.has(si + 1)) break;
    // The frame closes its sentence, or the content runs to the sentence's end.
    if (!(si === f.sentence && f.shape !== 'leading') && f.content[1] < s.end - 2) break;
    const lead = d.text.slice(next.start, next.start + 30);
    const open = lead.search(/["“]/);
    if (open < 0 || wordsIn(lead, 0, open) > 2) break;
    let k = quotationAt(d, next.start + open + 1);
    if (k < 0) break;
    while (d.quotes[k].continues && k + 1 < d.quotes.length) k++;
    f.content[1] = Math.max(f.content[1], d.quotes[k].end);
    si = sentenceAt(d, si + 1, f.content[1]);
  }
}

export const DEBUG = new WeakMap<Quote, { shape: string; speaker: string; sentence: number }>();

/** Capitals that head a line without being anyone's turn to speak. */
const NOT_SPEAKERS =
  /^(BYLINE|DATELINE|UPDATE|UPDATED|CORRECTION|EDITOR'?S? NOTE|ABSTRACT|FULL TEXT|SECTION|LENGTH|SOURCE|PHOTO|VIDEO|WATCH|READ MORE|RELATED|NOTE|WASHINGTON|NEW YORK)$/;

/**
 * Credit lines: who wrote, reported or edited the article ("Reporting by ...; Editing by ...", "By Jane
 * Doe, staff writer", "Jane Doe, Staff Writer", "(Additional reporting by ...)", "... contributed to this
 * report", "Editor's note: Jane Doe is a professor ..."). Their names are the writers', never a speaker's; their words are no quote.
 */
const CREDIT_LINES: readonly RegExp[] = [
  /(?:^[ \t]*\(?|\()(?:additional\s+)?(?:reporting|writing|editing|edited|compiled|research|produced|graphics?)\s+by\b[^\n)]*\)?/gim,
  /^[ \t]*by\s+\p{Lu}[^\n]{0,100}$/gimu,
  /^[^\n]{0,80}?,\s*(?:the\s+)?(?:[\p{L}-]+\s+){0,2}?(?:writer|correspondent|reporter|editor|columnist|contributor)s?\b[^\n]{0,40}$/gimu,
  // Starts only after a stop, a newline or at the start (the look-behind): the same matches, but a search
  // no longer reads on from every letter of a long sentence without a stop (quadratic in its length).
  /(?<![^\n.])[^\n.]*\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b[^\n]*/gi,
  /^[ \t]*editor['’]s\s+note\s*:[^\n]*/gim,
];

/** The character spans of an article's credit lines. */
export function creditSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of CREDIT_LINES)
    for (const m of text.matchAll(re)) {
      // A line of the story that begins or ends like a credit ("By Tuesday the river had risen.", "...,
      // the reporter said") is not one: a byline is short, unquoted, and no sentence.
      const byline = re === CREDIT_LINES[1] || re === CREDIT_LINES[2];
      if (byline && (/["“”]/.test(m[0]) || /[.!?]\s*$/.test(m[0]) || countWords(m[0]) > 14)) continue;
      out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

const within = (spans: ReadonlyArray<readonly [number, number]>, a: number, b: number) =>
  spans.some(([x, y]) => x < b && a < y);

/** The rules' frames of an article, the sentences they frame, and the entities speakers resolve to. */
function ruleFrames(article: Pick<Article, 'id' | 'text'>, known?: Entity[]) {
  const original = article.text;
  const d = analyse(original);
  const credits = creditSpans(original);
  const all = known ?? entities(article);
  const people = all.filter((e) => e.kind === 'PERSON' || e.kind === 'ORG');
  // Names in credit lines are the writers': no pronoun resolves to them.
  const speakers = credits.length
    ? people.flatMap((e) => {
        const mentions = e.mentions.filter((m) => !within(credits, m.start, m.end));
        return mentions.length ? [{ ...e, mentions }] : [];
      })
    : people;
  /** Mentions of places and organizations: no "he" or "she" goes on with them. */
  const notPeople = all
    .filter((e) => e.kind !== 'PERSON')
    .flatMap((e) => e.mentions)
    .map((m): [number, number] => [m.start, m.end]);

  // 1. Frames of every sentence; sentences with a frame do not continue another frame's quotation.
  const perSentence = d.sentences.map((_, si) => framesOf(d, si));
  const framed = new Set(perSentence.flatMap((fs, si) => (fs.length ? [si] : [])));
  const frames = perSentence.flat();
  for (const f of frames) extendThroughQuotations(d, f, framed);

  // 2. Speaker turns of transcripts and interviews ("PENCE: Well, look, ..."; "Q: ..."; "Roger Stone:
  // Don't trust ..."), a paragraph each, and a quotation introduced by a name and a colon ("Here's
  // Clinton in 1992: “...”"). Only a person's name, a transcript's capitals or Q and A make a speaker:
  // "Editor's note:" and "Still to come:" do not.
  const personMentions = people
    .filter((e) => e.kind === 'PERSON')
    .flatMap((e) => e.mentions)
    .sort((x, y) => x.start - y.start);
  const names = (a: number, b: number) => personMentions.some((m) => m.start >= a && m.end <= b);
  const turn = /^([\p{Lu}][\p{L}.'’ -]{0,40}?):\s+(\S.+)$/gmu;
  for (let m = turn.exec(original); m; m = turn.exec(original)) {
    const who = m[1].trim();
    const colon = m.index + m[1].length;
    const capitals = /^[\p{Lu} .'’-]{2,}$/u.test(who) && /\p{Lu}{2}/u.test(who) && !NOT_SPEAKERS.test(who);
    // A headline opening the article: "Poll: Trump leads in Ohio", "Sanders: Clinton email story has moved".
    const headline =
      !original.slice(0, m.index).trim() &&
      who.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) &&
      !NOT_SPEAKERS.test(who.toUpperCase());
    if (!(/^[QA]$/.test(who) || capitals || headline || names(m.index, colon)) || who.split(/\s+/).length > 5)
      continue;
    const [a, b] = trim(original, colon + 1, m.index + m[0].length);
    if (wordsIn(original, a, b) < 2) continue;
    frames.push({
      cue: [colon, colon + 1],
      speaker: [m.index, colon],
      content: [a, b],
      shape: 'leading',
      sentence: -1,
      last: true,
      p: 1,
      word: '',
    });
  }
  for (const q of d.quotes) {
    const lead = /([^.!?\n:;"“”]{2,80}):\s*$/u.exec(d.text.slice(Math.max(0, q.start - 80), q.start));
    if (!lead) continue;
    const from = q.start - lead[0].length;
    const colon = from + lead[1].length;
    const person = personMentions.filter((m) => m.start >= from && m.end <= colon).pop();
    if (!person) continue;
    let end = q.end;
    for (let k = d.quotes.indexOf(q); d.quotes[k].continues && k + 1 < d.quotes.length; )
      end = d.quotes[++k].end;
    frames.push({
      cue: [colon, colon + 1],
      speaker: [person.start, person.end],
      content: [q.start, end],
      shape: 'leading',
      sentence: -1,
      last: true,
      p: 1,
      word: '',
    });
  }

  // No quote in a credit line ("Reporting by X", "X contributed to this report"): the frames stay
  // candidates (what the ranker was trained on), the quotes made of them are dropped.
  const inCredit = (f: Frame) =>
    credits.length > 0 &&
    (within(credits, f.cue[0], f.cue[1]) || within(credits, f.content[0], f.content[1]));
  return { original, d, people: speakers, notPeople, frames, framed, inCredit };
}

/** Every quote and attribution in an article, in text order; `rank`: chosen by the ranker (quote-ranker.ts). */
export function quotes(
  article: Pick<Article, 'id' | 'text'>,
  known?: Entity[],
  options: { rank?: boolean } = {},
): Quote[] {
  if (options.rank ?? RANK_BY_DEFAULT) return rankedQuotes(article, known);
  const { original, d, people, notPeople, frames, inCredit } = ruleFrames(article, known);
  const kept = widest(frames).filter((f) => !inCredit(f));
  // 4. Quotes, speakers resolved in text order.
  const found: Quote[] = [];
  for (const f of kept) found.push(toQuote(article.id, original, d, f, people, found, notPeople));
  return found;
}

/**
 * 3. Frames whose contents cross keep the widest; a report strictly inside another one's content stands
 * (“A,” he said when asked about X. “B.”; "Varga said the insurer had called the damage ...").
 */
function widest(frames: Frame[]): Frame[] {
  const kept: Frame[] = [];
  const order = frames
    .map((f, i) => ({ f, i }))
    // A clause around a cue ("seems", "is expected") yields to the reports it crosses: its bounds are the
    // least sure (half of them right on the train split).
    .sort(
      (x, y) =>
        Number(x.f.shape === 'around') - Number(y.f.shape === 'around') ||
        y.f.content[1] - y.f.content[0] - (x.f.content[1] - x.f.content[0]) ||
        x.i - y.i,
    );
  const taken: [number, number][] = [];
  for (const { f } of order) {
    const [a0, b0] = f.content;
    if (taken.some(([a, b]) => a < b0 && a0 < b && !(a < a0 && b0 < b))) continue;
    taken.push(f.content);
    kept.push(f);
  }
  kept.sort((a, b) => a.content[0] - b.content[0]);
  return kept;
}

/** Whether the quotes are chosen by the ranker when `quotes` is not told. */
const RANK_BY_DEFAULT = true;

/** A candidate quote for the ranker: its frame's features, and the quote it would make. */
export interface QuoteCandidate {
  quote: Quote;
  /** Candidates of one cue share it: one of them at most is kept. */
  group: number;
  features: string[];
  /** A shorter content of the candidate at this index (same frame, cut earlier): a choice of its bounds. */
  parent?: number;
  /** The frame's speaker as written (unresolved: "he" stays "he"), if it has one. */
  speaker?: { start: number; end: number; text: string };
}

/**
 * Every candidate of an article: the rules' frames and the wider ones (cues down to P 0.1, leading frames
 * without a speaker), each once, with the features the ranker scores (speakers left unresolved).
 */
export function quoteCandidates(article: Pick<Article, 'id' | 'text'>, known?: Entity[]): QuoteCandidate[] {
  const { ctx, cands } = candidateFrames(article, known);
  return cands.map(({ f, features, parent }) => ({
    quote: toQuote(article.id, ctx.original, ctx.d, { ...f, speaker: undefined }, [], [], []),
    group: f.cue[0],
    features,
    parent,
    ...(f.speaker && !notASpeaker(ctx.original.slice(f.speaker[0], f.speaker[1])) && !addressee(f)
      ? {
          speaker: {
            start: f.speaker[0],
            end: f.speaker[1],
            text: ctx.original.slice(f.speaker[0], f.speaker[1]),
          },
        }
      : {}),
  }));
}

/** A quote the ranker kept, with its score (the log-odds that it is an attribution; see quote-ranker.ts). */
export interface ScoredQuote {
  quote: Quote;
  score: number;
}

/** The quotes the ranker keeps: the best-scored candidates that cross no better one, above its threshold. */
function rankedQuotes(article: Pick<Article, 'id' | 'text'>, known?: Entity[]): Quote[] {
  return scoredQuotes(article, known).map((s) => s.quote);
}

/**
 * The quotes the ranker keeps (as `quotes` does by default), in text order, each with its ranker score: a
 * brief shows only those above the brief's threshold (briefThreshold in quote-ranker.ts).
 */
export function scoredQuotes(article: Pick<Article, 'id' | 'text'>, known?: Entity[]): ScoredQuote[] {
  const { ctx, cands } = candidateFrames(article, known);
  const choice = preferredContents(cands);
  const kept = bestNonCrossing(
    cands.flatMap((c, i) => {
      if (c.parent !== undefined) return [];
      const f = cands[choice[i]].f;
      return [{ f, span: f.content, group: c.f.cue[0], score: rankScore(c.features) }];
    }),
    rankThreshold(),
  );
  kept.sort((a, b) => a.f.content[0] - b.f.content[0]);
  const found: Quote[] = [];
  const out: ScoredQuote[] = [];
  for (const { f, score } of kept) {
    if (ctx.inCredit(f)) continue;
    const quote = toQuote(article.id, ctx.original, ctx.d, f, ctx.people, found, ctx.notPeople);
    found.push(quote);
    out.push({ quote, score });
  }
  return out;
}

/** The rules' frames (those they keep marked) and the wider ones, each once, with their features. */
function candidateFrames(article: Pick<Article, 'id' | 'text'>, known?: Entity[]) {
  const ctx = ruleFrames(article, known);
  const { d, frames, framed } = ctx;
  const kept = new Set(widest(frames));
  const key = (f: Frame) => `${f.content[0]}:${f.content[1]}:${f.cue[0]}`;
  const seen = new Map<string, Cand>();
  for (const f of frames) if (!seen.has(key(f))) seen.set(key(f), { f, rules: true, kept: kept.has(f) });
  for (let si = 0; si < d.sentences.length; si++)
    for (const f of framesOf(d, si, WIDE)) {
      extendThroughQuotations(d, f, framed);
      if (!seen.has(key(f))) seen.set(key(f), { f, rules: false, kept: false });
    }
  for (let si = 0; si < d.sentences.length; si++)
    for (const { f, noun } of nounFrames(d, si)) {
      const other = seen.get(key(f));
      if (other) other.noun = noun;
      else seen.set(key(f), { f, rules: false, kept: false, noun });
    }
  const all = [...seen.values()];
  const cands: { f: Frame; features: string[]; parent?: number }[] = all.map((c) => ({
    f: c.f,
    features: frameFeatures(d, c, all),
  }));
  for (const [i, c] of all.entries())
    for (const cut of shorterContents(d, c, all))
      cands.push({ f: cut.f, features: frameFeatures(d, cut, all), parent: i });
  return { ctx, cands };
}

/** Words that end a noun phrase when they follow it ("endorsed Mr. Cruz | on Tuesday"). */
const NP_STOP = new Set(
  `in on at during after before via from with for to by over since until as while when because than
who which whose where that what if whether but said says is are was were has have had will would could
can should may might must do does did been be`.split(/\s+/),
);

/**
 * Shorter contents of a frame whose content follows its cue, as the noun objects of "endorsed", "support
 * for", "called" are often annotated: up to the end of a leading name ("Mr. Cruz"), up to the first word
 * that ends a noun phrase, up to the first clause punctuation, and up to another report with its speaker
 * inside the content ("said A and she accused B"). The same cue: one of them at most is kept.
 */
function shorterContents(d: Doc, c: Cand, all: readonly Cand[]): Cand[] {
  const { f } = c;
  const [a, b] = f.content;
  if (f.sentence < 0 || f.cue[1] > a || c.cut) return [];
  const s = d.sentences[f.sentence];
  if (b > s.end) return [];
  const tok = d.tokens;
  let k = s.t0;
  while (k < s.t1 && tok[k].start < a) k++;
  if (k >= s.t1 || tok[k].quoted) return [];
  const ends: [CutKind, number][] = [];
  // A leading name: capitalized words (and "Mr.", initials) with no punctuation between them.
  let j = k;
  while (j + 1 < s.t1 && tok[j + 1].cap && tok[j + 1].end <= b && !PUNCT.test(gap(d, s, j + 1))) j++;
  if (tok[k].cap) ends.push(['name', tok[j].end]);
  let m = k + 1;
  while (m < s.t1 && tok[m].end <= b && !NP_STOP.has(tok[m].w) && !PUNCT.test(gap(d, s, m))) m++;
  if (m < s.t1 && tok[m].end <= b) ends.push(['phrase', tok[m - 1].end]);
  ends.push(['clause', clauseEnd(d, s, a + 1, b)]);
  // Before another report inside it, and the conjunction joining them ("said A and she accused B").
  let inner = b;
  for (const o of all) {
    const lead = Math.min(o.f.cue[0], o.f.speaker?.[0] ?? o.f.cue[0]);
    if (o !== c && o.f.speaker && lead > a && lead < inner && o.f.cue[1] <= b) inner = lead;
  }
  if (inner < b) {
    const before = d.text.slice(a, inner).replace(/[\s,;:—–-]*\b(and|but|while|as|whereas)\s*$/i, '');
    ends.push(['report', a + before.length]);
  }
  const out: Cand[] = [];
  const seen = new Set<number>();
  for (const [kind, at] of ends) {
    const [x, y] = trim(d.text, a, at);
    if (y >= b - 1 || y <= x || seen.has(y)) continue;
    seen.add(y);
    out.push({
      f: { ...f, content: [x, y], last: false },
      rules: c.rules,
      kept: false,
      noun: c.noun,
      cut: kind,
    });
  }
  return out;
}

interface Cand {
  f: Frame;
  /** A frame of the rules, and one they keep. */
  rules: boolean;
  kept: boolean;
  /** A frame of a noun or phrasal cue (nounFrames). */
  noun?: NounCue;
  /** A shorter content of another candidate (shorterContents). */
  cut?: CutKind;
}

type CutKind = 'name' | 'phrase' | 'clause' | 'report';

interface NounCue {
  /** "word linker", as in models/quote-noun-cues.json. */
  pair: string;
  linker: string;
  /** Where the content ends: the first clause punctuation, or the sentence's end. */
  end: 'clause' | 'sentence';
  /** A possessive before the word names the speaker ("his criticism of", "Trump's support for"). */
  possessive: boolean;
}

/** Noun and phrasal cues ("support for", "the claim that"), from models/quote-noun-cues.json on first use. */
const nounCues = derived(
  quoteNounCuesModel,
  ({ pairs }) =>
    new Map(
      Object.entries(pairs).map(([pair, [after, at, n]]) => [
        pair,
        { p: (after + at) / n, fromLinker: at > after },
      ]),
    ),
);
const POSSESSIVE = /^(his|her|their|its|our|my|your)$/;

/**
 * Candidates of the noun and phrasal cues of one sentence: "W linker C" for every learned pair outside
 * quotation marks, the content from right after the linker (or from it, as the pair's gold contents
 * mostly start) to the first clause punctuation and to the sentence's end (most of those contents end at
 * one of them on the train split), the speaker a possessive before the word. For the ranker to weigh.
 */
function nounFrames(d: Doc, si: number): { f: Frame; noun: NounCue }[] {
  const s = d.sentences[si];
  if (s.end - s.start > MAX_SENTENCE_CHARS) return [];
  const tok = d.tokens;
  const out: { f: Frame; noun: NounCue }[] = [];
  for (let k = s.t0; k + 2 < s.t1; k++) {
    const [t, u] = [tok[k], tok[k + 1]];
    if (t.quoted || d.text.slice(t.end, u.start).trim()) continue;
    const pair = `${t.w} ${u.w}`;
    const info = nounCues().get(pair);
    if (!info) continue;
    let speaker: [number, number] | undefined;
    const prev = k > s.t0 ? tok[k - 1] : undefined;
    if (prev && !PUNCT.test(gap(d, s, k))) {
      if (POSSESSIVE.test(prev.w)) speaker = [prev.start, prev.end];
      else if (/['’]s?$/.test(prev.w) && prev.cap) {
        let j = k - 1;
        while (j - 1 >= s.t0 && tok[j - 1].cap && !PUNCT.test(gap(d, s, j))) j--;
        speaker = [tok[j].start, prev.end - (/s$/.test(prev.w) ? 2 : 1)];
      }
    }
    const start = info.fromLinker ? u.start : u.end;
    const ends: [NounCue['end'], number][] = [
      ['clause', clauseEnd(d, s, start + 1, s.end)],
      ['sentence', s.end],
    ];
    for (const [end, at] of ends) {
      if (end === 'sentence' && at === ends[0][1]) continue;
      const [a, b] = trim(d.text, start, at);
      if (b - a <= 2 || wordsIn(d.text, a, b) < 2) continue;
      out.push({
        f: {
          cue: [t.start, u.end],
          speaker,
          content: [a, b],
          shape: 'noun',
          sentence: si,
          last: false,
          p: info.p,
          word: t.w,
        },
        noun: { pair, linker: u.w, end, possessive: !!speaker },
      });
    }
  }
  return out;
}

const bucket = (x: number, bounds: number[]) => {
  let i = 0;
  while (i < bounds.length && x >= bounds[i]) i++;
  return i;
};

/**
 * What the ranker knows of a frame: its cue, shape, speaker, content, and the candidates it crosses.
 * Changing a template: change QUOTE_RANKER_FEATURES in quote-models.ts too, and retrain.
 */
function frameFeatures(d: Doc, c: Cand, all: { f: Frame }[]): string[] {
  const { f } = c;
  const [a, b] = f.content;
  const text = d.text;
  const shape = f.sentence < 0 ? 'turn' : f.shape;
  const pb = `p${bucket(f.p, [0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.95])}`;
  const who = f.speaker ? text.slice(f.speaker[0], f.speaker[1]).trim() : '';
  const spk = !f.speaker
    ? 'none'
    : PRONOUN_SPEAKER.test(who)
      ? 'pronoun'
      : /^\p{Lu}/u.test(who) && !/^(the|a|an)\b/i.test(who)
        ? 'name'
        : GROUP_HEAD.test(who) || SOURCE_NOUN.test(who)
          ? 'source'
          : 'phrase';
  const words = wordsIn(text, a, b);
  const len = `len${bucket(words, [3, 6, 11, 21, 41, 81])}`;
  const inside = d.quotes.filter((q) => q.start >= a - 1 && q.end <= b + 1);
  const quotedShare = inside.reduce((n, q) => n + (q.end - q.start), 0) / Math.max(1, b - a);
  const qb = `q${bucket(quotedShare, [0.01, 0.5, 0.9])}`;
  const s = f.sentence >= 0 ? d.sentences[f.sentence] : undefined;
  const sentQuoted = s ? /["“”]/.test(text.slice(s.start, s.end)) : false;
  const firstOfParagraph = s
    ? f.sentence === 0 || d.sentences[f.sentence - 1].paragraph !== s.paragraph
    : true;
  const before =
    text
      .slice(Math.max(0, a - 3), a)
      .trim()
      .slice(-1) || '_';
  const after =
    text
      .slice(b, b + 3)
      .trim()
      .slice(0, 1) || '_';
  const cls = (ch: string) => (/[\p{L}\p{N}]/u.test(ch) ? 'w' : ch === '“' || ch === '”' ? '"' : ch);
  const firstWord = (text.slice(a, b).match(/^[\p{L}']+/u)?.[0] ?? '').toLowerCase();
  const start = /^(that|to|the|a|he|she|they|it|we|i|there|this|if|whether)$/.test(firstWord)
    ? firstWord
    : firstWord
      ? 'other'
      : 'punct';
  const cueSide = f.cue[0] >= b ? 'cueAfter' : f.cue[1] <= a ? 'cueBefore' : 'cueIn';
  let crossing = 0;
  let within = 0;
  let containing = 0;
  for (const o of all) {
    if (o.f === f) continue;
    const [x, y] = o.f.content;
    if (x >= b || a >= y) continue;
    if (x <= a && b <= y) within++;
    else if (a <= x && y <= b) containing++;
    else crossing++;
  }
  const { forms } = cueLexicon();
  const word = forms.has(f.word) ? f.word : f.word ? 'rare' : 'turn';
  // The words at the content's end and right after it ("..., which", "... and", "... on Tuesday").
  const closed = (w: string) =>
    CLAUSE_WORD.has(w) ||
    ADJUNCT_START.has(w) ||
    DEPENDENT_START.has(w) ||
    AUX.has(w) ||
    PRONOUN_SPEAKER.test(w)
      ? w
      : forms.has(w) && (forms.get(w)?.p ?? 0) >= 0.3
        ? 'cue'
        : /ing$/.test(w)
          ? 'ing'
          : /ly$/.test(w)
            ? 'ly'
            : 'open';
  const nextTok =
    /^\s*[^\s\p{L}\p{N}]*\s*([\p{L}\p{N}']+)/u.exec(text.slice(b, b + 40))?.[1]?.toLowerCase() ?? '';
  const lastTok =
    /([\p{L}\p{N}']+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(a, b - 40), b))?.[1]?.toLowerCase() ?? '';
  const sentEnd = s ? s.end : b;
  // Words as features (the bench keeps the frequent ones): before and after the cue, the speaker's last
  // word, the content's first and last words and the word after it.
  const wordBefore = (at: number) =>
    /([\p{L}\p{N}']+)[^\p{L}\p{N}]*$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1]?.toLowerCase() ?? '_';
  const wordAfter = (at: number) =>
    /^[^\p{L}\p{N}]*([\p{L}\p{N}']+)/u.exec(text.slice(at, at + 30))?.[1]?.toLowerCase() ?? '_';
  const lexical = [
    `L:cuePrev=${wordBefore(f.cue[0])}`,
    `L:cueNext=${wordAfter(f.cue[1])}`,
    `L:cue=${text.slice(f.cue[0], f.cue[1]).toLowerCase()}&${shape}`,
    `L:spk=${f.speaker ? wordBefore(f.speaker[1]) : '_'}`,
    `L:first=${wordAfter(a)}`,
    `L:last=${wordBefore(b)}`,
    `L:next=${wordAfter(b)}`,
  ];
  const rest = wordsIn(text, b, sentEnd);
  const info = forms.get(f.word);
  const base = [
    'bias',
    c.rules ? 'rules' : 'wide',
    c.kept ? 'kept' : 'notKept',
    `shape=${shape}`,
    pb,
    `${pb}&${shape}`,
    `w=${word}`,
    `w=${word}&${shape}`,
    `spk=${spk}`,
    `spk=${spk}&${shape}`,
    `spk=${spk}&${pb}`,
    len,
    `${len}&${shape}`,
    qb,
    `${qb}&${shape}`,
    `${qb}&spk=${spk}`,
    sentQuoted ? 'sentQuoted' : 'sentPlain',
    firstOfParagraph ? 'paraFirst' : 'paraRest',
    `before=${cls(before)}`,
    `after=${cls(after)}`,
    `start=${start}`,
    `start=${start}&${shape}`,
    cueSide,
    `cross${Math.min(crossing, 3)}`,
    `within${Math.min(within, 2)}`,
    `contains${Math.min(containing, 2)}`,
    `kept&cross${Math.min(crossing, 2)}&${c.kept}`,
    `srcless${bucket(info?.sourceless ?? 0, [0.1, 0.3, 0.6])}`,
    `around=${!!info?.around}`,
    `next=${nextTok ? closed(nextTok) : '_'}`,
    `next=${nextTok ? closed(nextTok) : '_'}&after=${cls(after)}`,
    `last=${lastTok ? closed(lastTok) : '_'}`,
    `rest${bucket(rest, [1, 3, 6, 12])}`,
    `rest${bucket(rest, [1, 3, 6, 12])}&${shape}`,
    ...lexical,
  ];
  const cut = c.cut ?? 'full';
  base.push(
    `cut=${cut}`,
    `cut=${cut}&${shape}`,
    `cut=${cut}&w=${word}`,
    `cut=${cut}&${len}`,
    `cut=${cut}&start=${start}`,
    `cut=${cut}&next=${nextTok ? closed(nextTok) : '_'}`,
    `cut=${cut}&${qb}`,
    `L:cut=${cut}&cue=${text.slice(f.cue[0], f.cue[1]).toLowerCase()}`,
    `L:cut=${cut}&next=${wordAfter(b)}`,
    `L:cut=${cut}&first=${wordAfter(a)}`,
  );
  if (c.noun) {
    const nb = `np${bucket(f.p, [0.15, 0.25, 0.4, 0.6, 0.8])}`;
    base.push(
      'nouncue',
      `nouncue&${c.rules ? 'rules' : 'new'}`,
      nb,
      `nl=${c.noun.linker}`,
      `nl=${c.noun.linker}&${nb}`,
      `nend=${c.noun.end}`,
      `nend=${c.noun.end}&${len}`,
      `nposs=${c.noun.possessive}`,
      `L:npair=${c.noun.pair}`,
      `L:npair=${c.noun.pair}&${c.noun.end}`,
    );
  }
  return base;
}

/** A frame as a quote: direct when most of its content is quoted; the speaker resolved. */
function toQuote(
  id: string,
  text: string,
  d: Doc,
  f: Frame,
  people: Entity[],
  earlier: Quote[],
  notPeople: Array<[number, number]>,
): Quote {
  let [a, b] = f.content;
  const inside = d.quotes.filter((q) => q.start >= a - 1 && q.end <= b + 1);
  const quoted = inside.reduce((n, q) => n + (q.end - q.start), 0);
  // Quoted words from end to end ("“A,” the chief said, adding that ... “B.”"), or mostly.
  const framed = inside.length > 0 && inside[0].start <= a && inside[inside.length - 1].end >= b;
  const direct = framed || quoted >= 0.5 * (b - a);
  let said = text.slice(a, b);
  if (framed) {
    // The words said: the quoted fragments joined by one space (the frame between them left out); a
    // fragment ending in a comma ends its sentence when the frame after it does ("… go," she said. "Nobody …").
    said = inside
      .map((q, i) => {
        const part = text.slice(q.start + 1, q.closed ? q.end - 1 : q.end).trim();
        const next = inside[i + 1];
        return next && /[.!?]\s*$/.test(text.slice(q.end, next.start)) ? part.replace(/,$/, '.') : part;
      })
      .join(' ')
      .replace(/^['"“]+|['"”]+$/g, '');
    a = inside[0].start + 1;
    const last = inside[inside.length - 1];
    b = last.closed ? last.end - 1 : last.end;
    while (b > a && /['\s]/.test(text[b - 1])) b--;
    while (a < b && /['\s]/.test(text[a])) a++;
  }
  const cue = { start: f.cue[0], end: f.cue[1], text: text.slice(f.cue[0], f.cue[1]) };
  // "Here's hoping ...", "German said ...": a frame, but no one speaks.
  const speaker =
    f.speaker && !notASpeaker(text.slice(f.speaker[0], f.speaker[1])) && !addressee(f)
      ? resolveSpeaker(
          { start: f.speaker[0], end: f.speaker[1], text: text.slice(f.speaker[0], f.speaker[1]) },
          text,
          people,
          earlier,
          [a, b],
          notPeople,
        )
      : undefined;
  const out: Quote = {
    articleId: id,
    text: said,
    start: a,
    end: b,
    kind: direct ? 'direct' : 'indirect',
    cue,
    ...(speaker ? { speaker } : {}),
  };
  DEBUG.set(out, {
    shape: f.shape,
    speaker: f.speaker ? text.slice(f.speaker[0], f.speaker[1]) : '',
    sentence: f.sentence,
  });
  return out;
}

interface Span {
  start: number;
  end: number;
  text: string;
}

/**
 * The speaker as the article names them: a pronoun becomes the last person named before it; "the
 * official" becomes the last phrase ending in "official" introduced earlier ("A senior Syrian opposition
 * official"); a name is linked to its entity.
 */
function resolveSpeaker(
  s: Span,
  text: string,
  people: Entity[],
  earlier: Quote[],
  content: [number, number],
  notPeople: Array<[number, number]> = [],
): Quote['speaker'] {
  // "Russia yesterday", "Trump this week": the time is no part of the name; a time alone ("Friday
  // accused ...", the subject left before it) names no one.
  const word = s.text.trim().replace(TIME_TAIL, '');
  if (!word || TIME_ONLY.test(word)) return undefined;
  if (PRONOUN.test(word)) {
    if (/^(it|we|i|they)$/i.test(word)) return { name: word, start: s.start, end: s.end };
    // Names inside what was said are what was talked about, not who talks ("“... with Assad,” he said";
    // "Renn said Weber had agreed. “...,” she said").
    const quoted: Array<[number, number]> = [content];
    for (const q of earlier) quoted.push([q.start, q.end]);
    const gender = word.toLowerCase();
    // The previous quote's speaker, when named after the last person mentioned: "he added" goes on with them
    // (if it can be a "he" or "she": not a country, an organization or a group). A "she" does not go on
    // with a "he" ("“...,” she said of Berg. “...,” he said").
    const prevAny = [...earlier].reverse().find((q) => q.speaker && q.speaker.start < s.start);
    const prevWord = prevAny?.speaker
      ? text.slice(prevAny.speaker.start, prevAny.speaker.end).trim().toLowerCase()
      : '';
    const otherGender = /^(he|she)$/.test(prevWord) && prevWord !== gender;
    const prev = otherGender ? undefined : prevAny;
    const skipEntity = otherGender ? prevAny?.speaker?.entityId : undefined;
    let before = lastPersonBefore(people, s.start, quoted, text, skipEntity);
    // Words said about a third person of the speaker's own pronoun ("“He has done nothing wrong,” he said")
    // are about the person just named, when that one is no subject but the object of what was done or said
    // ("Prosecutors charged Kerr ..."; "Kerr was charged ..." : the one acted on): not the speaker.
    const about = gender === 'he' ? /\b(he|him|his|himself)\b/i : /\b(she|her|hers|herself)\b/i;
    if (before && about.test(text.slice(content[0], content[1])) && before.acted) before = undefined;
    const person = (p: NonNullable<Quote['speaker']>) =>
      !PRONOUN.test(p.name) &&
      !GROUP_HEAD.test(p.name) &&
      (people.some((e) => e.id === p.entityId && e.kind === 'PERSON') ||
        !notPeople.some(([a, b]) => a < p.end && p.start < b));
    // The last person named is no subject ("She told Weber ...", "met the leader, Karl Weber"): the
    // previous speaker goes on.
    const mention = before?.subject ? before.at : -1;
    // A name later in the previous speaker's own sentence ("said Charles Lister, referring to ...") is an aside.
    const sameSentence =
      prev?.speaker &&
      mention > prev.speaker.end &&
      !/[.!?]["”’]?\s/.test(text.slice(prev.speaker.end, mention));
    // A "He" opening a sentence goes on with the paragraph's running subject: when the previous quote's
    // speaker was a "he" inside a sentence (someone the subject was talking about: "On one hand, X's
    // announcement ..., and he stated ... He added that ..."), the last quote whose speaker opened its
    // sentence in this paragraph.
    const prevAt = prev?.speaker?.start ?? -1;
    if (prev?.speaker && opensSentence(text, s.start) && !opensSentence(text, prevAt)) {
      const paragraphStart = text.lastIndexOf('\n', s.start) + 1;
      const pronounMidSentence = PRONOUN.test(text.slice(prevAt, prev.speaker.end));
      const subject = [...earlier]
        .reverse()
        .find(
          (q) =>
            q.speaker &&
            q.speaker.start >= paragraphStart &&
            q.speaker.start < prevAt &&
            opensSentence(text, q.speaker.start),
        );
      if (pronounMidSentence && subject?.speaker && person(subject.speaker)) {
        return { ...subject.speaker, start: s.start, end: s.end };
      }
    }
    if (prev?.speaker && (prev.speaker.start > mention || sameSentence) && person(prev.speaker))
      return { ...prev.speaker, start: s.start, end: s.end };
    return before
      ? { name: before.entity.name, start: s.start, end: s.end, entityId: before.entity.id }
      : { name: word, start: s.start, end: s.end };
  }
  const definite = /^the\s+((?:[\p{L}-]+\s+){0,3}?([\p{L}-]+))$/iu.exec(word);
  // "the official", not "The Huffington Post": a description in lower case.
  if (definite && !/\p{Lu}/u.test(definite[1])) {
    const head = definite[2].toLowerCase();
    const intro = new RegExp(String.raw`\b(?:an?|one)\s+((?:[\p{L}-]+\s+){0,5}?${head})\b`, 'giu');
    let last: RegExpExecArray | undefined;
    for (let m = intro.exec(text); m && m.index < s.start; m = intro.exec(text)) last = m;
    if (last) return { name: last[0], start: s.start, end: s.end };
    const named = earlier
      .filter((q) => q.speaker && q.end < s.start && q.speaker.name.toLowerCase().endsWith(head))
      .pop();
    if (named?.speaker) return { ...named.speaker, start: s.start, end: s.end };
  }
  // A description around a name is someone else than the name: "the Clinton campaign", "the regional
  // council of Valmora", "a spokesman for Acme" (the words said are the description's).
  // "Mrs. Clinton's plan" is not Mrs. Clinton either; "the union lawyer Dan Whitfield" is Dan Whitfield.
  const description =
    /^(?:the|a|an|one)\s/i.test(word) &&
    (/\s\p{Ll}[\p{L}-]*$/u.test(word) || /\s(?:of|for|at|from|in|with|to)\s/i.test(word));
  if (description || /['’]s\s+\p{Ll}[\p{L}-]*$/u.test(word))
    return { name: word, start: s.start, end: s.end };
  // The entity the phrase ends with, its head ("Clinton spokesman Jesse Lehrich": Jesse Lehrich, not
  // Clinton), else the one with the longest name ("Rep. Gwen Moore": Gwen Moore, not a stray "Rep").
  let entity: Entity | undefined;
  let best = -1;
  const trimmedEnd = s.start + s.text.trimEnd().length;
  for (const e of people) {
    if (TITLE_WORD.test(e.name)) continue;
    const inside = e.mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    const ends =
      inside.some((m) => m.end >= trimmedEnd) || [e.name, ...e.aliases].some((n) => word.endsWith(n));
    if (!inside.length && !ends) continue;
    const rank = (ends ? 1000 : 0) + e.name.length;
    if (rank > best) [entity, best] = [e, rank];
  }
  // A name that only qualifies the phrase's head is not the speaker: "Zanki official said" is an official of
  // the group, "Kremlin aides told" are aides (as "a spokesman for Acme" above, without the article).
  if (entity && best < 1000 && /\s\p{Ll}[\p{L}-]*$/u.test(word))
    return { name: word, start: s.start, end: s.end };
  // A one-word entity inside a longer proper name ("Office" of "British Foreign Office") is a cut name:
  // the name as written stands.
  if (entity && !/\s/.test(entity.name) && word.endsWith(entity.name)) {
    const before = word.slice(0, -entity.name.length).trim().split(/\s+/).filter(Boolean);
    if (before.some((w) => /^\p{Lu}/u.test(w) && !TITLE_SET.has(w.toLowerCase().replace(/\.$/, ''))))
      return { name: word, start: s.start, end: s.end };
  }
  return entity
    ? { name: entity.kind === 'PERSON' ? entity.name : word, start: s.start, end: s.end, entityId: entity.id }
    : { name: word, start: s.start, end: s.end };
}

/** Titles before a name ("Mayor", "Foreign Minister", "Dr."): a name with them is still the person's. */
const TITLE_SET = new Set(
  [...TITLES, ...TITLE_ABBREVIATIONS].filter((t) => !/^(foreign|state|interior|defen[cs]e)$/.test(t)),
);

/**
 * Verbs whose object comes right after them ("told reporters", "informed the council"): a phrase there
 * is whom they were told, never the speaker of an inverted frame ("“...,” said Smith").
 */
const TELLS = /^(?:told|tell|tells|telling|informed|assured|reminded|persuaded|convinced)$/i;

/** Whether a frame's speaker is the addressee of its cue ("“...,” the rebel told Reuters" → "Reuters"). */
function addressee(f: Frame): boolean {
  return !!f.speaker && f.speaker[0] >= f.cue[1] && TELLS.test(f.word);
}

/** A time closing a speaker phrase ("yesterday", "on Thursday", "this week"). */
const TIME_TAIL = new RegExp(
  String.raw`\s+(?:(?:on|last|this|next|early|late)\s+)?(?:yesterday|today|tomorrow|tonight|week|month|year|morning|evening|night|${WEEKDAYS_LOWER.join('|')})$`,
  'i',
);
/** A speaker that is only a time. */
const TIME_ONLY = new RegExp(
  String.raw`^(?:(?:on|last|this|next|early|late|in)\s+)?(?:yesterday|today|tomorrow|tonight|${WEEKDAYS_LOWER.join('|')}|${MONTHS_LOWER.join('|')})$`,
  'i',
);

/** A title alone is nobody's name ("Rep", "Sen.", "Gov."). */
const TITLE_WORD = new RegExp(`^(?:${SPEAKER_TITLE_ABBREVIATIONS.join('|')})\\.?$`, 'i');

/** Whether offset `at` opens a sentence: only spaces and quotation marks after a stop or a line break before it. */
function opensSentence(text: string, at: number): boolean {
  return /(^|[.!?]["”’]?\s|\n)["“”'‘’\s]*$/.test(text.slice(Math.max(0, at - 40), at));
}

/**
 * The person a "he" or "she" at `index` refers to: the last one named before it, outside the spans
 * `skip`; but when that mention is no subject (the object of a verb or a preposition: "She told Weber",
 * "met the leader, Karl Weber"), the subject of the same sentence if it names a person ("Minister Renn met
 * ..."). `subject`: the mention opens its clause; `acted`: it is the object of the clause or the subject
 * of a passive ("Kerr was charged") — someone acted on or talked about, not the one talking.
 */
function lastPersonBefore(
  people: Entity[],
  index: number,
  skip: Array<[number, number]> = [],
  text = '',
  skipEntity?: string,
): { entity: Entity; at: number; subject: boolean; acted: boolean } | undefined {
  const mentions: { entity: Entity; start: number; end: number }[] = [];
  for (const e of people) {
    if (e.kind !== 'PERSON' || e.id === skipEntity) continue;
    for (const m of e.mentions)
      if (m.end <= index && !skip.some(([a, b]) => m.start >= a && m.end <= b))
        mentions.push({ entity: e, start: m.start, end: m.end });
  }
  if (!mentions.length) return undefined;
  mentions.sort((x, y) => x.start - y.start);
  const last = mentions[mentions.length - 1];
  if (!text) return { entity: last.entity, at: last.start, subject: true, acted: false };
  const sentenceStart = (at: number) => {
    const cut = /[.!?]["”’]?\s+|\n/g;
    let from = 0;
    const window = text.slice(0, at);
    for (let m = cut.exec(window); m; m = cut.exec(window)) from = m.index + m[0].length;
    return from;
  };
  const opens = (m: { start: number }) => isSubjectPosition(text.slice(sentenceStart(m.start), m.start));
  const passive = (m: { end: number }) =>
    /^\s*(?:,[^,]{0,60},\s*)?(?:is|was|were|are|has been|had been|have been)\s+(?:\p{Ll}+ly\s+)?\p{Ll}+(?:ed|en|wn|ght)\b/u.test(
      text.slice(m.end, m.end + 80),
    );
  if (opens(last)) return { entity: last.entity, at: last.start, subject: true, acted: passive(last) };
  const from = sentenceStart(last.start);
  const subject = mentions.find(
    (m) => m.start >= from && m.start < last.start && m.entity !== last.entity && opens(m),
  );
  if (subject) return { entity: subject.entity, at: subject.start, subject: true, acted: passive(subject) };
  return { entity: last.entity, at: last.start, subject: false, acted: true };
}

/**
 * Whether the words of a sentence before a name leave it in subject position: nothing but an opening
 * adjunct ("On Monday, ", "But "), a determiner and capitalized words (titles: "Foreign Minister", "The
 * club's coach"), not a verb or a preposition it is the object of.
 */
function isSubjectPosition(before: string): boolean {
  const rest = before
    .replace(/^[\s"“”'‘’(]+/, '')
    .replace(/^(?:(?:but|and|so|yet|still|then|now|meanwhile|however|later|earlier),?\s+)+/i, '')
    .replace(/^(?:(?:on|in|at|during|after|before|by|last|this|early|late)\s+[^,]{1,40},\s*)/i, '');
  if (!rest.trim()) return true;
  // An apposition before the name: "the former ambassador to the US, Sir Christopher Meyer, said".
  if (/^(?:the|a|an|its|his|her|their)\s[^,]{1,80},\s*(?:\p{Lu}[\p{L}.]*\s+)?$/iu.test(rest)) return true;
  const words = rest.trim().split(/\s+/);
  return (
    words.length <= 5 &&
    !/,\s*$/.test(rest) &&
    words.every(
      (w) => /^\p{Lu}/u.test(w) || /^(the|a|an|his|her|their|its|former|then|\p{L}+['’]s)$/iu.test(w),
    )
  );
}
