/**
 * Learns the reporting-cue lexicon of the quote extractor from the PolNeAR train split and writes it to
 * models/quote-cues.json (read by quotes.ts through quote-models.ts). For every word form it counts how
 * often the form is the head of a gold cue ("said", "according", "believes", "statement") and how often it
 * occurs outside quotation marks at all, so the extractor can keep the forms that usually are cues
 * (P(cue | word)); and, for those occurrences, where the content lies (after the cue, before it, around it)
 * and whether the attribution names a source.
 * Only word forms and counts are written, no text of the articles.
 * It builds on no other model (the tokens and context classes are the extractor's rules).
 *   npm run train:quote-cues [-- --data FILE --out DIR]   (scripts/train/model-file.ts: the options)
 */
import { readJsonl } from '../../src/eval/data.js';
import type { AttributionDoc as Doc } from '../../src/eval/quotes.js';
import { QUOTE_CUES_FEATURES } from '../../src/language/quote-models.js';
import { analyse, cueContext } from '../../src/language/quotes.js';
import { trainerArgs, writeModel } from './model-file.js';

const { data, out } = trainerArgs();

/** Words that open or pad a cue without being its head ("has said", "also told", "according to"). */
const PADDING = new Set(
  `a an the to of in on for about with at by from into as that this his her their its has have had having
is are was were be been being will would can could may might should must shall do does did not never no also
just still even only then now again already once later previously recently repeatedly publicly privately
reportedly often widely quickly strongly increasingly who which and but or so up out`.split(/\s+/),
);

const WORD = /[\p{L}]+(?:['’][\p{L}]+)?/gu;
/** [cue heads, occurrences outside quotations, content after, content before, content around, no source] */
type Row = [number, number, number, number, number, number];
const stats = new Map<string, Row>();
const row = (w: string) => {
  let r = stats.get(w);
  if (!r) stats.set(w, (r = [0, 0, 0, 0, 0, 0]));
  return r;
};
/** word → context class ("b:name", "a:that") → [cue heads, occurrences]. */
const contexts = new Map<string, Map<string, [number, number]>>();
const count = (w: string, cls: string, cue: boolean) => {
  let m = contexts.get(w);
  if (!m) contexts.set(w, (m = new Map()));
  const c = m.get(cls) ?? [0, 0];
  c[0] += cue ? 1 : 0;
  c[1]++;
  m.set(cls, c);
};

/** "word preposition" → [in one gold cue together, occurrences]. */
const particles = new Map<string, [number, number]>();
const PREPOSITIONS = /^(about|for|on|of|against|at|over|with|to|into|toward|towards|out|up)$/;

for (const doc of readJsonl<Doc>(data)) {
  const heads = new Map<number, Doc['attributions'][number]>();
  for (const a of doc.attributions) {
    // The head: the first word that is not padding, an adverb in -ly only when nothing else follows.
    const ws = [...a.cue.text.matchAll(WORD)];
    // Negated auxiliaries pad too ("didn’t say", "don't want").
    const pad = (w: string) => PADDING.has(w.toLowerCase()) || /n['’]t$/i.test(w);
    const head = ws.find((m) => !pad(m[0]) && !/ly$/i.test(m[0])) ?? ws.find((m) => !pad(m[0]));
    if (head) heads.set(a.cue.start + (head.index ?? 0), a);
  }
  // The extractor's own tokens, sentences and quotations, so that the counts mean what it will see.
  const d = analyse(doc.text);
  // A preposition right after a word, in the same gold cue ("called for", "spoke about") or not.
  const cueSpans = doc.attributions.map((a) => a.cue);
  for (const s of d.sentences) {
    for (let k = s.t0; k + 1 < s.t1; k++) {
      const [t, u] = [d.tokens[k], d.tokens[k + 1]];
      if (t.quoted || !PREPOSITIONS.test(u.w) || d.text.slice(t.end, u.start).trim()) continue;
      const key = `${t.w} ${u.w}`;
      const c = particles.get(key) ?? [0, 0];
      c[0] += cueSpans.some((x) => x.start <= t.start && u.end <= x.end) ? 1 : 0;
      c[1]++;
      particles.set(key, c);
    }
  }
  for (const s of d.sentences) {
    for (let k = s.t0; k < s.t1; k++) {
      const t = d.tokens[k];
      const a = heads.get(t.start);
      if (t.quoted && !a) continue;
      const r = row(t.w);
      r[1]++;
      const [before, after] = cueContext(d, s, k);
      count(t.w, `b:${before}`, !!a);
      count(t.w, `a:${after}`, !!a);
      if (!a) continue;
      r[0]++;
      if (a.content.start >= a.cue.end) r[2]++;
      else if (a.content.end <= a.cue.start) r[3]++;
      else r[4]++;
      if (!a.source) r[5]++;
    }
  }
}

const particle = [...particles]
  .filter(([, [c, o]]) => c >= 3 && c / o >= 0.3)
  .map(([k]) => k)
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
// Context counts for the forms that are sometimes a cue and sometimes not: seen as one 5 times at least,
// with P(cue | word) between 0.1 and 0.9. The other forms are kept when P(cue | word) reaches 0.3 (the
// extractor's threshold is no lower): without contexts, a lower P can never make a cue.
const isAmbiguous = (r: Row) => r[0] >= 5 && r[0] / r[1] >= 0.1 && r[0] / r[1] < 0.9;
const kept = [...stats].filter(([, r]) => isAmbiguous(r) || r[0] / r[1] >= 0.3);
const contextCells = (w: string) =>
  Object.fromEntries(
    [...(contexts.get(w) ?? new Map<string, [number, number]>())].filter(([, [, o]]) => o >= 2),
  );
const ambiguous = kept
  .filter(([, r]) => isAmbiguous(r))
  .map(([w]) => [w, contextCells(w)] as const)
  .filter(([, cells]) => Object.keys(cells).length);
const path = writeModel(
  out,
  data,
  {
    name: 'quote-cues',
    about:
      'Reporting cues learned from the PolNeAR train split. stats: word form -> [times the head of a gold cue, ' +
      'occurrences outside quotation marks, content after the cue, content before it, content around it, ' +
      'attributions without a source], for the forms that are a cue head in 30% of their occurrences at least, ' +
      'or ambiguous ones (a cue 5 times at least, in 10-90% of their occurrences) with contexts. contexts: for ' +
      'the ambiguous forms, [cue heads, occurrences] by the class of the word before ("b:") and after ("a:") ' +
      'them (cueContext in quotes.ts), for contexts seen twice. particles: cue words and the preposition that ' +
      'belongs to the cue after them (in a third of cases at least).',
    trainer: 'scripts/train/quote-cues.ts',
    features: QUOTE_CUES_FEATURES,
  },
  { stats: Object.fromEntries(kept), contexts: Object.fromEntries(ambiguous), particles: particle },
);
console.log(`${kept.length} cue forms (${ambiguous.length} with contexts) written to ${path}`);
