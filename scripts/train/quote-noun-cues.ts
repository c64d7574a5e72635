/**
 * Learns the noun and phrasal cues of the quote extractor ("support for X", "attacks on X", "criticism of
 * X", "the claim that X", "calls for X") from the PolNeAR train split and writes them to
 * models/quote-noun-cues.json (read by quotes.ts through quote-models.ts). For every pair of a word and the linking word after it (a preposition or
 * "that"), outside quotation marks, it counts how often the pair is a gold cue whose content starts right
 * after the linker (or at it: "his decision to X" with "to X" for content), against its occurrences; and,
 * for those contents, where they end (at the first clause punctuation or at the sentence's end). The
 * extractor makes a candidate of every pair kept, for the ranker to weigh. Only word forms and counts are
 * written, no text of the articles. It builds on no other model.
 *   npm run train:quote-noun-cues [-- --min-n 3 --min-p 0.1 --data FILE --out DIR]   (options: model-file.ts)
 */
import { readJsonl } from '../../src/eval/data.js';
import type { AttributionDoc as Doc } from '../../src/eval/quotes.js';
import { QUOTE_NOUN_CUES_FEATURES } from '../../src/language/quote-models.js';
import { analyse } from '../../src/language/quotes.js';
import { trainerArgs, writeModel } from './model-file.js';

const { argv: args, data, out } = trainerArgs();
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
const kept = [...pairs].filter(([, [n0, n1, o]]) => n0 + n1 >= MIN_N && (n0 + n1) / o >= MIN_P);
const path = writeModel(
  out,
  data,
  {
    name: 'quote-noun-cues',
    about:
      'Noun and phrasal cues learned from the PolNeAR train split. pairs: "word linker" -> [times a gold cue ' +
      'with its content right after the linker, times with its content from the linker on, occurrences outside ' +
      'quotation marks], for the pairs that are a cue min_n times at least and in min_p of their occurrences at ' +
      'least. results: where those contents end (the first clause punctuation, the sentence end, elsewhere).',
    trainer: 'scripts/train/quote-noun-cues.ts',
    features: QUOTE_NOUN_CUES_FEATURES,
    settings: { min_n: MIN_N, min_p: MIN_P },
    results: { ends_clause: ends[0], ends_sentence: ends[1], ends_elsewhere: ends[2] },
  },
  { pairs: Object.fromEntries(kept) },
);
console.log(`${kept.length} noun/phrasal cue pairs written to ${path}; ends ${ends.join('/')}`);
