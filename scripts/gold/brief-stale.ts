/**
 * Read-only reading round for the brief dev set's stale usable labels (data/gold/briefs.md, "Stale usable
 * labels"): the shown summary sentences scored by a `usable` line without `needs` whose labelling context
 * (`before`) holds a sentence no longer shown before it (`usable_context_changed` in `eval brief`). Writes to
 * OUT (outside the repository):
 * - `key.jsonl`: every such sentence (story, half, brief, index, hash, from, offset, `before` = the hashes shown
 *   before it now, `order` = SHA-256 of `story#hash`), sorted by `order`, with its old label; the labeller must not
 *   open it;
 * - `context.md`: the first N of them (the sample) marked as items in their briefs, with the source sentences
 *   around each, to be labelled blind.
 *
 *   npx tsx scripts/gold/brief-stale.ts OUT [--sample N] [--shared DIR]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  contextChanged,
  type GoldSentence,
  halfOf,
  linesByKey,
  linesOf,
  scoringLine,
  shownBefore,
} from '../../src/eval/brief.js';
import {
  type BriefSentence,
  briefStoryLoader,
  sourceAround,
  storyBriefs,
} from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { markedBriefs } from './reading-round.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: brief-stale.ts OUT [--sample N] [--shared DIR]');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = flag('--shared') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const size = Number(flag('--sample') ?? 60);
mkdirSync(out, { recursive: true });

const gold = readJsonl<GoldSentence>(join(import.meta.dirname, '..', '..', 'data', 'gold', 'briefs.jsonl'));
const lines = linesByKey(gold);
const order = (s: string) => createHash('sha256').update(s).digest('hex');
const load = briefStoryLoader(shared);

interface Stale {
  s: BriefSentence;
  before: string[];
  label: string;
  around?: string;
  /** The sentence's offset in its article's text (-1 if not found verbatim), as the gold line stores it. */
  offset: number;
}
const briefs = new Map<string, BriefSentence[]>();
const stale: Stale[] = [];
for (const story of [...new Set(gold.map((g) => g.story))]) {
  const docs = load(story);
  if (!docs) continue;
  const { sentences } = storyBriefs(story, docs);
  const contextOf = shownBefore(sentences);
  briefs.set(story, sentences);
  for (const s of sentences) {
    const context = contextOf(s);
    const holding = scoringLine(linesOf(lines, s), context);
    if (!context || !holding || !contextChanged(holding, context)) continue;
    const doc = docs.find((d) => d.id === s.from);
    const around = doc && sourceAround(doc.text, s.text, 2, 1);
    stale.push({
      s,
      before: context,
      label: holding.label,
      around,
      offset: doc ? doc.text.indexOf(s.text) : -1,
    });
  }
}
stale.sort((a, b) => order(`${a.s.story}#${a.s.hash}`).localeCompare(order(`${b.s.story}#${b.s.hash}`)));
const number = new Map(stale.slice(0, size).map((x, i) => [`${x.s.story}#${x.s.hash}`, { n: i + 1, x }]));
const context = markedBriefs(briefs, (s) => {
  const it = number.get(`${s.story}#${s.hash}`);
  return it && { n: it.n, around: it.x.around };
});
const key = stale.map((x, i) =>
  JSON.stringify({
    item: i + 1,
    story: x.s.story,
    half: halfOf(x.s.story),
    brief: x.s.brief,
    index: x.s.index,
    hash: x.s.hash,
    from: x.s.from,
    offset: x.offset,
    before: x.before,
    order: order(`${x.s.story}#${x.s.hash}`),
    old: x.label,
  }),
);
writeFileSync(join(out, 'key.jsonl'), `${key.join('\n')}\n`);
writeFileSync(join(out, 'context.md'), `${context.join('\n')}\n`);
const tune = stale.filter((x) => halfOf(x.s.story) === 'tune').length;
console.log(
  `${stale.length} stale usable labels (tune ${tune}, held ${stale.length - tune}); sample ${number.size}`,
);
