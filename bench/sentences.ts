/**
 * Sentence splitting speed: words per second over the Multi-News dev documents (291 documents, about
 * 190 k words), each run splitting them 10 times; median of 7 runs after a warm-up. Run: npx tsx bench/sentences.ts
 */

import { readJsonl } from '../src/eval/data.js';
import { splitSentences } from '../src/language/sentences.js';

const data = new URL('../../shared/data/summarization/multinews-dev.jsonl', import.meta.url).pathname;
const clusters = readJsonl<{ docs: { text: string }[] }>(data);
const texts = clusters.flatMap((c) => c.docs.map((d) => d.text));
const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
let sentences = 0;
for (const t of texts) sentences += splitSentences(t).length; // warm-up
const rates: number[] = [];
for (let run = 0; run < 7; run++) {
  const t0 = performance.now();
  for (let pass = 0; pass < 10; pass++) for (const t of texts) splitSentences(t);
  rates.push((10 * words) / ((performance.now() - t0) / 1000));
}
rates.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    documents: texts.length,
    words,
    sentences,
    median_words_per_s: Math.round(rates[3]),
    runs: rates.map(Math.round),
  }),
);
