/**
 * Learns the noun and phrasal cues of the quote extractor ("support for X", "attacks on X", "criticism of
 * X", "the claim that X", "calls for X") from the PolNeAR train split and writes them to
 * src/language/quote-noun-cues.ts. For every pair of a word and the linking word after it (a preposition or
 * "that"), outside quotation marks, it counts how often the pair is a gold cue whose content starts right
 * after the linker (or at it: "his decision to X" with "to X" for content), against its occurrences; and,
 * for those contents, where they end (at the first clause punctuation or at the sentence's end). The
 * extractor makes a candidate of every pair kept, for the ranker to weigh. Only word forms and counts are
 * written, no text of the articles.
 *   npx tsx bench/quotes-nouncues.ts [--data ../shared/data/quotes/polnear-train.jsonl.gz] && npx biome check --write src/language/quote-noun-cues.ts
 */
import { writeFileSync } from 'node:fs';
import { readJsonl } from '../src/eval/data.js';
import type { AttributionDoc as Doc } from '../src/eval/quotes.js';
import { analyse } from '../src/language/quotes.js';

const args = process.argv.slice(2);
const data = args.includes('--data')
  ? args[args.indexOf('--data') + 1]
  : new URL('../../shared/data/quotes/polnear-train.jsonl.gz', import.meta.url).pathname;
const out = new URL('../src/language/quote-noun-cues.ts', import.meta.url).pathname;
const LINKERS = /^(that|of|for|on|to|about|against|over|with|toward|towards)$/;
/** Kept pairs: a cue 3 times at least, in a tenth of their occurrences at least. */
const MIN_N = Number(args.includes('--min-n') ? args[args.indexOf('--min-n') + 1] : 3);
const MIN_P = Number(args.includes('--min-p') ? args[args.indexOf('--min-p') + 1] : 0.1);

/** "word linker" → [content after the linker, content from the linker, occurrences]. */
const pairs = new Map<string, [number, number, number]>();
/** Where those contents end: [first clause punctuation, sentence end, elsewhere]. */
const ends = [0, 0, 0];
for (const doc of readJsonl<Doc>(data)) {
  const d = analyse(doc.text);
  const byStart = new Map<number, Doc['attributions']>();
  for (const a of doc.attributions)
    byStart.set(a.content.start, [...(byStart.get(a.content.start) ?? []), a]);
  for (const s of d.sentences) {
    for (let k = s.t0; k + 2 < s.t1; k++) {
      const [t, u, v] = [d.tokens[k], d.tokens[k + 1], d.tokens[k + 2]];
      if (t.quoted || !LINKERS.test(u.w) || d.text.slice(t.end, u.start).trim()) continue;
      const key = `${t.w} ${u.w}`;
      const c = pairs.get(key) ?? [0, 0, 0];
      c[2]++;
      const covers = (a: Doc['attributions'][number]) => a.cue.start <= t.start && t.end <= a.cue.end;
      const afterIt =
        (byStart.get(v.start) ?? []).find(covers) ??
        (
          byStart.get(
            d.text.slice(u.end, v.start).search(/["“]/) >= 0
              ? u.end + d.text.slice(u.end, v.start).search(/["“]/)
              : -1,
          ) ?? []
        ).find(covers);
      const atIt = (byStart.get(u.start) ?? []).find(covers);
      if (afterIt) c[0]++;
      else if (atIt) c[1]++;
      pairs.set(key, c);
      const a = afterIt ?? atIt;
      if (!a) continue;
      // Where the content ends: the first , ; : — after its start, or the sentence's end.
      const rest = d.text.slice(a.content.start, s.end);
      const punct = rest.search(/[,;:—–]|\s-\s/);
      const sentEnd = s.end - (/[.!?]["”]?$/.test(d.text.slice(s.start, s.end)) ? 1 : 0);
      if (punct >= 0 && Math.abs(a.content.start + punct - a.content.end) <= 1) ends[0]++;
      else if (Math.abs(a.content.end - sentEnd) <= 2) ends[1]++;
      else ends[2]++;
    }
  }
}
const kept = [...pairs]
  .filter(([, [n0, n1, o]]) => n0 + n1 >= MIN_N && (n0 + n1) / o >= MIN_P)
  .sort((a, b) => a[0].localeCompare(b[0]));
writeFileSync(
  out,
  `/**
 * Noun and phrasal cues learned from the PolNeAR train split by bench/quotes-nouncues.ts (generated: do not
 * edit). "word linker" → [times a gold cue with its content right after the linker, times with its content
 * from the linker on, occurrences outside quotation marks], for the pairs that are a cue ${MIN_N} times at
 * least and in ${MIN_P * 100}% of their occurrences at least. Those contents end at the first clause
 * punctuation ${ends[0]} times, at the sentence's end ${ends[1]} times, elsewhere ${ends[2]} times.
 */
export const NOUN_CUES: Readonly<Record<string, readonly [number, number, number]>> = {
${kept.map(([k, r]) => `  ${JSON.stringify(k)}: [${r.join(', ')}],`).join('\n')}
};
`,
);
console.log(`${kept.length} noun/phrasal cue pairs written to ${out}; ends ${ends.join('/')}`);
