/**
 * A labelling round for the brief dev set's usable labels (data/gold/briefs.md, "append, never relabel"):
 * the summary sentences today's briefs show that have no label yet, mixed with a deterministic sample of
 * labelled ones (to measure agreement with the first labeller), shuffled so the labeller cannot tell which is
 * which. Writes to OUT (outside the repository):
 * - `to-label.jsonl`: one line per sentence to label, `{"item", "story", "hash"}`, no label;
 * - `context.md`: every story's brief in order (the sentences to label marked with their item number), and
 *   for each marked sentence the source sentences around it;
 * - `key.jsonl`: which items were labelled before, with their labels and the skeleton fields (ids, offsets,
 *   `before`: the hashes the brief shows before the sentence, its labelling context) the append step needs;
 *   `again: true` marks a sentence that has labels none of which holds where it is shown now (a dangling
 *   reference with a new sentence before it, a usable label whose antecedent is gone: `scoringLine` in
 *   src/eval/brief.ts), to be labelled again in its new context. The labeller must not open it.
 * A usable label records in `needs` the hashes of the earlier summary sentences it relies on (`[]` when the
 * sentence stands alone; data/gold/briefs.md, "Labels in context").
 *
 * With `--citations`, the round is of supporters and report counts instead: only the citation stories'
 * sentences without supporters (and a sample with them), and `context.md` gives each such story's articles in
 * full.
 *
 *   npx tsx scripts/gold/brief-new-sentences.ts OUT [--check N] [--citations] [--shared DIR]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GoldSentence, linesByKey, linesOf, scoringLine, shownBefore } from '../../src/eval/brief.js';
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
if (!out) throw new Error('usage: brief-new-sentences.ts OUT [--check N] [--shared DIR]');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = flag('--shared') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const check = Number(flag('--check') ?? 40);
mkdirSync(out, { recursive: true });

const citations = args.includes('--citations');
const gold = readJsonl<GoldSentence>(join(import.meta.dirname, '..', '..', 'data', 'gold', 'briefs.jsonl'));
// In a citation round, "labelled" means labelled with supporters and stories are the citation stories.
const lines = linesByKey(gold.filter((x) => !citations || x.supporters));
/** The label of a shown sentence where it is shown now (undefined: unlabelled, or no label holds there). */
const labelOf = (s: BriefSentence, before: string[] | undefined) => {
  const all = linesOf(lines, s);
  if (citations) return all.length ? `${all[0].supporters?.join(',')} reports ${all[0].reports}` : undefined;
  return scoringLine(all, before)?.label;
};
const stories = [...new Set(gold.filter((g) => !citations || g.supporters).map((g) => g.story))];
const articles = new Map<string, { id: string; text: string }[]>();
const load = briefStoryLoader(shared);
const order = (s: string) => createHash('sha256').update(s).digest('hex');

interface Item {
  s: BriefSentence;
  offset: number;
  /** The label it has where it is shown (none for an item to label). */
  label?: string;
  /** The hashes its brief shows before it. */
  context: string[];
  again: boolean;
}
const briefs = new Map<string, BriefSentence[]>();
const fresh: Item[] = [];
const labelled: Item[] = [];
const around = new Map<string, string>();
for (const story of stories) {
  const docs = load(story);
  if (!docs) continue;
  const { sentences } = storyBriefs(story, docs);
  const contextOf = shownBefore(sentences);
  briefs.set(story, sentences);
  articles.set(story, docs);
  for (const s of sentences) {
    const doc = docs.find((d) => d.id === s.from);
    const offset = doc ? doc.text.indexOf(s.text) : -1;
    const near = doc && sourceAround(doc.text, s.text, 2, 1);
    if (near) around.set(`${story}#${s.hash}`, near);
    const context = contextOf(s) ?? [];
    const label = labelOf(s, context);
    const again = !label && lines.has(`${story}#${s.hash}`);
    (label ? labelled : fresh).push({ s, offset, label, context, again });
  }
}
const sample = labelled.sort((a, b) => order(a.s.hash).localeCompare(order(b.s.hash))).slice(0, check);
const items = [...fresh, ...sample].sort((a, b) =>
  order(`${a.s.story}#${a.s.hash}`).localeCompare(order(`${b.s.story}#${b.s.hash}`)),
);
const number = new Map(items.map((it, i) => [`${it.s.story}#${it.s.hash}`, i + 1]));

const context = markedBriefs(
  briefs,
  (s) => {
    const key = `${s.story}#${s.hash}`;
    const n = number.get(key);
    return n ? { n, around: citations ? undefined : around.get(key) } : undefined;
  },
  (story) => (citations ? (articles.get(story) ?? []).map((d) => `\n## article ${d.id}\n\n${d.text}`) : []),
);
const toLabel = items.map((it, i) => JSON.stringify({ item: i + 1, story: it.s.story, hash: it.s.hash }));
const key = items.map((it, i) =>
  JSON.stringify({
    item: i + 1,
    before: it.label ?? null,
    ...(it.again ? { again: true } : {}),
    story: it.s.story,
    brief: it.s.brief,
    index: it.s.index,
    hash: it.s.hash,
    from: it.s.from,
    offset: it.offset,
    context: it.context,
  }),
);
writeFileSync(join(out, 'to-label.jsonl'), `${toLabel.join('\n')}\n`);
writeFileSync(join(out, 'key.jsonl'), `${key.join('\n')}\n`);
writeFileSync(join(out, 'context.md'), `${context.join('\n')}\n`);
console.log(
  `${items.length} items: ${fresh.length} unlabelled (${fresh.filter((f) => f.again).length} of them labelled ` +
    `in another context), ${sample.length} labelled before (agreement check)`,
);
