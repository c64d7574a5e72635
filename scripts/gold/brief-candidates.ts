/**
 * Candidates for the brief dev set (data/gold/briefs.md): the briefs of the stories chosen by
 * `selectStories`, made by today's pipeline. Writes, to OUT (a folder outside the repository, e.g. /tmp):
 * `skeleton.jsonl` (one line per summary sentence: ids, hash, source offset, cited articles, no text) and
 * `context.md` (the sentences and, for the citation stories, every article's text numbered by sentence) to
 * label from. Labels are then added to the skeleton by hand; no third-party text enters the repository.
 *
 *   npx tsx scripts/gold/brief-candidates.ts OUT [--shared ../shared/data]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { briefStoryLoader, selectStories, storyBriefs } from '../../src/eval/brief-stories.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: brief-candidates.ts OUT [--shared DIR]');
const at = args.indexOf('--shared');
const shared = at >= 0 ? args[at + 1] : join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
mkdirSync(out, { recursive: true });
const { citation, usable } = selectStories(shared);
const load = briefStoryLoader(shared);
const skeleton: string[] = [];
const context: string[] = [];
for (const story of [...new Set([...citation, ...usable])]) {
  const docs = load(story)!;
  const cited = citation.includes(story);
  const { sentences } = storyBriefs(story, docs);
  context.push(`\n# ${story}${cited ? ' (citations)' : ''}`);
  for (const s of sentences) {
    const doc = docs.find((d) => d.id === s.from);
    const offset = doc ? doc.text.indexOf(s.text) : -1;
    skeleton.push(
      JSON.stringify({
        story,
        brief: s.brief,
        index: s.index,
        hash: s.hash,
        from: s.from,
        offset,
        cited: s.cited,
        shown: s.shown,
        citations: cited,
      }),
    );
    context.push(
      `- [${s.brief}.${s.index} ${s.hash}] from ${s.from} cited ${s.cited.join(',')} shown ${s.shown}\n  ${s.text}`,
    );
  }
  if (cited)
    for (const d of docs) {
      context.push(`\n## article ${d.id}`);
      context.push(d.text);
    }
}
writeFileSync(join(out, 'skeleton.jsonl'), `${skeleton.join('\n')}\n`);
writeFileSync(join(out, 'context.md'), `${context.join('\n')}\n`);
console.log(`${skeleton.length} sentences of ${citation.length} citation and ${usable.length} stories`);
