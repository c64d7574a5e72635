/**
 * Learns the reporting-cue lexicon of the quote extractor from the PolNeAR train split and writes it to
 * src/language/quote-cues.ts. For every word form it counts how often the form is the head of a gold cue
 * ("said", "according", "believes", "statement") and how often it occurs outside quotation marks at all,
 * so the extractor can keep the forms that usually are cues (P(cue | word)); and, for those occurrences,
 * where the content lies (after the cue, before it, around it) and whether the attribution names a source.
 * Only word forms and counts are written, no text of the articles.
 *   npx tsx bench/quotes-lexicon.ts [--data ../shared/data/quotes/polnear-train.jsonl.gz]
 */
import { writeFileSync } from 'node:fs';
import { readJsonl } from '../src/eval/data.js';
import { normalizeQuoteMarks, quotations } from '../src/language/quotations.js';

interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
interface Doc {
  id: string;
  text: string;
  attributions: { source: GoldSpan | null; cue: GoldSpan; content: GoldSpan }[];
}

const args = process.argv.slice(2);
const data =
  args[args.indexOf('--data') + 1] && args.includes('--data')
    ? args[args.indexOf('--data') + 1]
    : new URL('../../shared/data/quotes/polnear-train.jsonl.gz', import.meta.url).pathname;
const out = new URL('../src/language/quote-cues.ts', import.meta.url).pathname;

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

for (const doc of readJsonl<Doc>(data)) {
  const text = normalizeQuoteMarks(doc.text);
  const quoted = quotations(text);
  let qi = 0;
  const heads = new Map<number, Doc['attributions'][number]>();
  for (const a of doc.attributions) {
    // The head: the first word that is not padding, an adverb in -ly only when nothing else follows.
    const ws = [...a.cue.text.matchAll(WORD)];
    const head =
      ws.find((m) => !PADDING.has(m[0].toLowerCase()) && !/ly$/i.test(m[0])) ??
      ws.find((m) => !PADDING.has(m[0].toLowerCase()));
    if (head) heads.set(a.cue.start + (head.index ?? 0), a);
  }
  for (const m of text.matchAll(WORD)) {
    const at = m.index ?? 0;
    while (qi < quoted.length && quoted[qi].end <= at) qi++;
    const inside = qi < quoted.length && quoted[qi].start < at;
    const a = heads.get(at);
    if (inside && !a) continue;
    const r = row(m[0].toLowerCase());
    r[1]++;
    if (!a) continue;
    r[0]++;
    if (a.content.start >= a.cue.end) r[2]++;
    else if (a.content.end <= a.cue.start) r[3]++;
    else r[4]++;
    if (!a.source) r[5]++;
  }
}

const kept = [...stats].filter(([, r]) => r[0] >= 2).sort((a, b) => a[0].localeCompare(b[0]));
const body = kept
  .map(([w, r]) => `  ${/^[a-z]+$/.test(w) ? w : JSON.stringify(w)}: [${r.join(', ')}],`)
  .join('\n');
writeFileSync(
  out,
  `/**
 * Reporting cues learned from the PolNeAR train split by bench/quotes-lexicon.ts (generated: do not edit).
 * word form → [times the head of a gold cue, occurrences outside quotation marks, content after the cue,
 * content before it, content around it, attributions without a source]. Forms seen as a cue head at
 * least twice.
 */
export const CUE_STATS: Readonly<Record<string, readonly [number, number, number, number, number, number]>> = {
${body}
};
`,
);
console.log(`${kept.length} cue forms written to ${out}`);
