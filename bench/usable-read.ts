/**
 * Reading aid for the brief dev set's usable labels (issue 19 item 3): prints each summary sentence of today's
 * briefs with its label (or "?" when unlabelled) to a file outside the repo. Usage:
 * `npx tsx bench/usable-read.ts OUT.txt [--shared DIR]`.
 */
import { writeFileSync } from 'node:fs';
import { type GoldSentence, goldProblem, labelledStories } from '../src/eval/brief.js';
import { storyBriefs } from '../src/eval/brief-stories.js';
import { sharedDir } from '../src/eval/shared-docs.js';

const out = process.argv[2];
if (!out) throw new Error('usage: bench/usable-read.ts OUT.txt');
const shared = sharedDir(
  process.argv[3] === '--shared' ? process.argv[4] : undefined,
  'data/gold/briefs.jsonl',
);
const briefed: { story: string; made: ReturnType<typeof storyBriefs> }[] = [];
const { gold } = labelledStories<GoldSentence>(
  'data/gold/briefs.jsonl',
  undefined,
  shared,
  goldProblem,
  (line) => console.error(line),
  (story, docs) => briefed.push({ story, made: storyBriefs(story, docs) }),
);
const label = new Map(gold.map((g) => [`${g.story}#${g.hash}`, g.label]));
const lines: string[] = [];
const counts = new Map<string, number>();
for (const { story, made } of briefed) {
  for (const s of made.sentences) {
    const l = label.get(`${s.story}#${s.hash}`) ?? '?';
    counts.set(l, (counts.get(l) ?? 0) + 1);
    lines.push(`${l}\t${story}\t${s.brief}.${s.index}\t${s.text}`);
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', '),
);
