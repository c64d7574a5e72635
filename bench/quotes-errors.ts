/**
 * Error analysis of the quote extractor against PolNeAR-style gold (same matching rules as
 * `newsfuse eval quotes`): missed gold attributions grouped by cue, and false positives grouped by cue.
 * Use it on the train split; dev is for reporting only.
 *   npx tsx bench/quotes-errors.ts --data ../shared/data/quotes/polnear-train.jsonl.gz [--limit N]
 *     [--show missed|fp|partial|source] [--none 1: false positives touching no gold] [--cue WORD]
 *     [--shape 'start before, end after': partial matches of that shape] [--n 20] [--groups 40]
 */
import { readJsonl } from '../src/eval/data.js';
import { type AttributionDoc as Doc, matches, overlap, touches } from '../src/eval/quotes.js';
import { quotes } from '../src/language/quotes.js';
import type { Quote } from '../src/model.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const data =
  args.get('data') ?? new URL('../../shared/data/quotes/polnear-train.jsonl.gz', import.meta.url).pathname;
let docs = readJsonl<Doc>(data);
if (args.has('limit')) docs = docs.slice(0, Number(args.get('limit')));
const show = args.get('show');
const cueFilter = args.get('cue')?.toLowerCase();
const nShow = Number(args.get('n') ?? 20);
const nGroups = Number(args.get('groups') ?? 40);
const shapeFilter = args.get('shape');

const missed = new Map<string, number>();
/** How partial predictions miss: their start and end against the gold content's. */
const partialShape = new Map<string, number>();
const partial = new Map<string, number>();
const falsePos = new Map<string, number>();
const wrongSource = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const examples: string[] = [];
/** False positives touching a gold content (wrong bounds) and touching none. */
const fpKinds = [0, 0];
const cueKey = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** The sentence-ish context around a span, with the span bracketed. */
function context(text: string, s: { start: number; end: number }, pad = 160): string {
  const a = Math.max(0, s.start - pad);
  const b = Math.min(text.length, s.end + pad);
  return `${text.slice(a, s.start)}[[${text.slice(s.start, s.end)}]]${text.slice(s.end, b)}`.replace(
    /\n/g,
    ' ¶ ',
  );
}

for (const doc of docs) {
  const pred: Quote[] = quotes({ id: doc.id, text: doc.text });
  for (const g of doc.attributions) {
    const key = cueKey(g.cue.text);
    const hit = pred.filter((q) => matches(q, g.content));
    const want = !cueFilter || key === cueFilter;
    const describe = () =>
      `GOLD cue=«${g.cue.text}» src=«${g.source?.text ?? '-'}»\n  ${context(doc.text, g.content)}\n  pred: ${pred
        .filter((q) => touches(q, g.content))
        .map(
          (q) =>
            `«${q.cue?.text}»/«${doc.text.slice(q.speaker?.start ?? 0, q.speaker?.end ?? 0)}» ${q.start}-${q.end} «${doc.text.slice(q.start, q.end).slice(0, 100)}»`,
        )
        .join(' | ')} gold ${g.content.start}-${g.content.end}`;
    if (!hit.length) {
      const touching = pred.some((q) => touches(q, g.content));
      bump(touching ? partial : missed, key);
      let shape = '';
      if (touching) {
        const q = pred
          .filter((x) => touches(x, g.content))
          .sort((x, y) => overlap(y, g.content) - overlap(x, g.content))[0];
        const side = (p: number, g0: number) => (p < g0 - 2 ? 'before' : p > g0 + 2 ? 'after' : 'same');
        shape = `start ${side(q.start, g.content.start)}, end ${side(q.end, g.content.end)}`;
        bump(partialShape, shape);
      }
      if (want && show === (touching ? 'partial' : 'missed') && (!shapeFilter || shape === shapeFilter))
        examples.push(describe());
    } else if (g.source && !hit.some((q) => q.speaker && touches(q.speaker, g.source!))) {
      bump(wrongSource, key);
      if (want && show === 'source')
        examples.push(
          `${describe()}\n  speakers: ${hit.map((q) => (q.speaker ? doc.text.slice(q.speaker.start, q.speaker.end) : '-')).join(', ')}`,
        );
    }
  }
  for (const q of pred) {
    if (doc.attributions.some((g) => matches(q, g.content))) continue;
    const key = cueKey(q.cue?.text ?? '-');
    bump(falsePos, key);
    fpKinds[doc.attributions.some((g) => touches(q, g.content)) ? 0 : 1]++;
    const none = !doc.attributions.some((g) => touches(q, g.content));
    if (show === 'fp' && (!cueFilter || key === cueFilter) && (!args.has('none') || none))
      examples.push(
        `FP cue=«${q.cue?.text}» src=«${q.speaker ? doc.text.slice(q.speaker.start, q.speaker.end) : '-'}»\n  ${context(doc.text, q)}\n  gold nearby: ${doc.attributions
          .filter((g) => touches(q, g.content))
          .map((g) => `«${g.cue.text}» ${g.content.start}-${g.content.end} «${g.content.text.slice(0, 80)}»`)
          .join(' | ')} pred ${q.start}-${q.end}`,
      );
  }
}

const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, nGroups)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
console.log(`missed (no overlapping prediction): ${total(missed)}\n  ${top(missed)}`);
console.log(`partial (overlap < 50%): ${total(partial)}\n  ${top(partial)}`);
console.log(`  partial shapes: ${top(partialShape)}`);
console.log(`wrong source: ${total(wrongSource)}\n  ${top(wrongSource)}`);
console.log(
  `false positives: ${total(falsePos)} (${fpKinds[0]} touch a gold content, ${fpKinds[1]} none)\n  ${top(falsePos)}`,
);
if (show) {
  // A deterministic spread of examples across the corpus.
  const step = Math.max(1, Math.floor(examples.length / nShow));
  for (let i = 0; i < examples.length && i / step < nShow; i += step) console.log(`\n${examples[i]}`);
}
