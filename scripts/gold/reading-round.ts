/**
 * The reading files of a blind labelling round of the brief dev set (data/gold/briefs.md), shared by
 * `brief-citation-round.ts` and `usable-round.ts`. Writes to OUT (outside the repository):
 * - `context.md`: each story's summary sentences as numbered items, each followed by the source sentences around
 *   it (`'source'`, for usable labels) or the story followed by every article in full (`'articles'`, for
 *   supporters and report counts);
 * - `skeleton.jsonl`: one line per item with the ids and offsets the gold needs, and no label.
 * Returns how many items were written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BriefSentence, sourceAround, storyBriefs } from '../../src/eval/brief-stories.js';
import type { SharedDoc } from '../../src/eval/shared-docs.js';

export function writeReadingRound(
  out: string,
  stories: readonly string[],
  load: (story: string) => SharedDoc[] | undefined,
  show: 'source' | 'articles',
): number {
  mkdirSync(out, { recursive: true });
  const context: string[] = [];
  const skeleton: string[] = [];
  let item = 0;
  for (const story of stories) {
    const docs = load(story);
    if (!docs) continue;
    const { sentences } = storyBriefs(story, docs);
    context.push(`\n# ${story}`);
    for (const s of sentences) {
      item++;
      const doc = docs.find((d) => d.id === s.from);
      context.push(`- **[item ${item}]** (brief ${s.brief}.${s.index}, from ${s.from}) ${s.text}`);
      const near = doc && show === 'source' && sourceAround(doc.text, s.text, 3, 1);
      if (near) context.push(`  - source around it: ${near}`);
      skeleton.push(
        JSON.stringify({
          item,
          story,
          brief: s.brief,
          index: s.index,
          hash: s.hash,
          from: s.from,
          offset: doc ? doc.text.indexOf(s.text) : -1,
          // The labelling context (data/gold/briefs.md, "Labels in context"): what the brief shows before it.
          before: sentences.filter((o) => o.brief === s.brief && o.index < s.index).map((o) => o.hash),
        }),
      );
    }
    if (show === 'articles') for (const d of docs) context.push(`\n## article ${d.id}\n\n${d.text}`);
  }
  writeFileSync(join(out, 'context.md'), `${context.join('\n')}\n`);
  writeFileSync(join(out, 'skeleton.jsonl'), `${skeleton.join('\n')}\n`);
  return item;
}

/**
 * The `context.md` lines of a round over briefs already made (`brief-new-sentences.ts`, `brief-stale.ts`): each
 * story with a marked sentence, its summary in order, a marked sentence as a numbered item followed by the source
 * around it, the others as context; `after` adds lines below a story (the articles of a citation round).
 */
export function markedBriefs(
  briefs: ReadonlyMap<string, readonly BriefSentence[]>,
  mark: (s: BriefSentence) => { n: number; around?: string } | undefined,
  after: (story: string) => string[] = () => [],
): string[] {
  const context: string[] = [];
  for (const [story, sentences] of briefs) {
    if (!sentences.some((s) => mark(s))) continue;
    context.push(`\n# ${story}`);
    for (const s of sentences) {
      const it = mark(s);
      context.push(
        `- ${it ? `**[item ${it.n}]**` : '[context]'} (brief ${s.brief}, from ${s.from}) ${s.text}`,
      );
      if (it?.around) context.push(`  - source around it: ${it.around}`);
    }
    context.push(...after(story));
  }
  return context;
}
