/**
 * Who said it: the same words quoted by independent reports but put in different mouths ("the ceasefire is
 * holding," said the mayor in one outlet and the police chief in another). Only direct quotes of five words
 * or more are compared, and only speakers the sentence itself names by a proper name ("..., Gibbs said"):
 * a "he said" resolved to the last person mentioned is a guess, and "an official" in one report and a named
 * minister in another may be one person, so neither can disagree. Two names are one speaker when they are
 * one merged entity or share their last word (surname). Quotes are matched through an index of their rarer
 * words, so a story's quotes are never compared all pairs.
 */
import { SPEAKER_TITLE_ABBREVIATIONS } from '../language/lexicon.js';
import { isStopword, words } from '../language/tokens.js';
import type { Disagreement, DisagreementValue, Evidence, Quote, Sentence } from '../model.js';

/**
 * Content words (not stopwords) a quote needs to be compared, and must share with another: short and
 * formulaic quotes recur by chance ("Thank you very much", "We will see").
 */
const MIN_WORDS = 4;
/** Share of the shorter quote's content words the longer must contain to be the same words. */
const SAME_WORDS = 0.8;
/** Characters between a speaker and the reporting verb: the name must be the verb's subject. */
const FRAME_GAP = 24;
/** Titles cut off from the name they belong to ("Lt." of "Lt. Gen. Charles Bouchard"). */
const TITLE = new RegExp(`^(?:${SPEAKER_TITLE_ABBREVIATIONS.join('|')})\\.?$`, 'i');
/** Index keys per quote: its longest words, which few other quotes contain. */
const KEYS = 3;
/** Words that do not make a name a proper name ("the", "a", role words written in lower case). */
const PROPER_NAME = /^(?:\p{Lu}[\p{L}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|al-\p{L}+|bin|de|van|von|der))*$/u;
const GENERIC =
  /^(?:he|she|they|it|we|i|you|the|a|an|officials?|sources?|questions?|answers?|q|reporters?|interviewer|host|moderator|audience|callers?|viewers?|readers?|editors?)\b/i;

interface Said {
  q: Quote;
  report: string;
  /** The speaker's entity id, or their name as written. */
  speaker: string;
  /** The name as the sentence writes it. */
  written: string;
  sentence: Sentence;
  words: Set<string>;
}

const wordsOf = (text: string) => new Set(words(text).filter((w) => w.length > 1 && !isStopword(w)));

/** The proper name the quote's own sentence gives its speaker, or undefined (pronoun, description, none). */
function writtenSpeaker(q: Quote, sentence: Sentence): string | undefined {
  const s = q.speaker;
  if (!s || s.start < sentence.start || s.end > sentence.end) return undefined;
  const name = sentence.text.slice(s.start - sentence.start, s.end - sentence.start).trim();
  if (GENERIC.test(name) || TITLE.test(name) || !PROPER_NAME.test(name)) return undefined;
  // "BLITZER: ..." is a transcript's turn, not a report of what someone said.
  if (name === name.toUpperCase()) return undefined;
  // The name must be the reporting verb's subject ("Gibbs said", "said Gibbs"), not a name further on.
  const cue = q.cue;
  if (!cue || Math.max(cue.start - s.end, s.start - cue.end) > FRAME_GAP) return undefined;
  return name;
}

/** The surname of a speaker: the last word of their name. */
const lastWord = (name: string) => name.toLowerCase().split(/\s+/).pop() ?? '';

function sameSpeaker(a: Said, b: Said): boolean {
  return a.speaker === b.speaker || lastWord(a.written) === lastWord(b.written);
}

function sameWords(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared >= MIN_WORDS && shared / small.size >= SAME_WORDS;
}

/** Disagreements over who said the same words, across independent reports of one story. */
export function speakerConflicts(
  quotes: Quote[],
  sentences: Sentence[],
  reportOf: Map<string, string>,
): Disagreement[] {
  const byArticle = new Map<string, Sentence[]>();
  for (const s of sentences) {
    const list = byArticle.get(s.articleId);
    if (list) list.push(s);
    else byArticle.set(s.articleId, [s]);
  }
  const said: Said[] = [];
  for (const q of quotes) {
    if (q.kind !== 'direct' || !q.articleId || !q.speaker) continue;
    const words = wordsOf(q.text);
    if (words.size < MIN_WORDS) continue;
    // The sentence that names the speaker must also hold the quote (its start or its end).
    const sentence = byArticle
      .get(q.articleId)
      ?.find((s) => s.start <= q.speaker!.start && q.speaker!.start < s.end);
    if (!sentence) continue;
    if (
      !(sentence.start <= q.start + 1 && q.start < sentence.end) &&
      !(sentence.start < q.end && q.end <= sentence.end + 1)
    )
      continue;
    const written = writtenSpeaker(q, sentence);
    if (!written) continue;
    said.push({
      q,
      report: reportOf.get(q.articleId) ?? q.articleId,
      speaker: q.speaker.entityId ?? `name:${written.toLowerCase()}`,
      written,
      sentence,
      words,
    });
  }
  // Group the same words: each quote joins the first group whose first quote it matches, found through an
  // index of the groups' longest words (no chaining of near matches into one loose group).
  const groups: Said[][] = [];
  const index = new Map<string, number[]>();
  const keysOf = (x: Said) =>
    [...x.words].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).slice(0, KEYS);
  for (const x of said) {
    let joined = -1;
    for (const k of keysOf(x)) {
      for (const g of index.get(k) ?? [])
        if (sameWords(x.words, groups[g][0].words) && (joined < 0 || g < joined)) joined = g;
    }
    if (joined >= 0) {
      groups[joined].push(x);
      continue;
    }
    groups.push([x]);
    for (const k of keysOf(x)) {
      const list = index.get(k);
      if (list) list.push(groups.length - 1);
      else index.set(k, [groups.length - 1]);
    }
  }
  const out: Disagreement[] = [];
  for (const group of groups) {
    // Speakers of the group, each with the reports that name them; one report naming two is not a conflict.
    const sides: Said[][] = [];
    for (const x of group) {
      const side = sides.find((s) => sameSpeaker(s[0], x));
      if (side) side.push(x);
      else sides.push([x]);
    }
    if (sides.length < 2) continue;
    const reports = sides.map((s) => new Set(s.map((x) => x.report)));
    const independent = reports.some((r, i) =>
      reports.some((o, j) => j !== i && [...r].some((x) => !o.has(x))),
    );
    if (!independent) continue;
    out.push({
      kind: 'speaker',
      about: `who said “${shorten(group[0].q.text)}”`,
      values: sides.map(sideOf),
    });
  }
  return out;
}

function sideOf(side: Said[]): DisagreementValue {
  const articleIds = [...new Set(side.map((x) => x.q.articleId!))].sort();
  const evidence: Evidence[] = [];
  for (const { sentence: s } of side)
    if (!evidence.some((e) => e.articleId === s.articleId && e.sentenceIndex === s.index))
      evidence.push({ articleId: s.articleId, sentenceIndex: s.index, text: s.text });
  // The fullest name the sources use for this speaker (the entity's, when linked).
  return {
    value: side[0].q.speaker!.entityId ? side[0].q.speaker!.name : side[0].written,
    articleIds,
    evidence,
  };
}

/** The first words of a quote, for the label. */
function shorten(text: string): string {
  const words = text.replace(/[,.]$/, '').split(/\s+/);
  return words.length > 10 ? `${words.slice(0, 10).join(' ')}…` : words.join(' ');
}
