/**
 * Shows how a story's names were merged: for each name given, the merged entity that holds it (kind, name,
 * aliases, mentions) and every mention of a name sharing a word with it. For reading merge errors only.
 *   npx tsx bench/merge-debug.ts STORY NAME [NAME ...]
 */
import { fileURLToPath } from 'node:url';
import { storyEntities } from '../src/analyse/people.js';
import { storyLoader } from '../src/eval/merges.js';
import type { Article } from '../src/model.js';

const [story, ...names] = process.argv.slice(2);
const docs = storyLoader(fileURLToPath(new URL('../../shared/data/', import.meta.url)))(story);
if (!docs) throw new Error(`no story ${story}`);
const { merged } = storyEntities(docs as unknown as Article[]);
const words = new Set(names.flatMap((n) => n.toLowerCase().split(/[\s-]+/)));
for (const e of merged) {
  const all = [e.name, ...e.aliases];
  if (
    !all.some((a) =>
      a
        .toLowerCase()
        .split(/[\s-]+/)
        .some((w) => words.has(w)),
    )
  )
    continue;
  console.log(`${e.kind}\t${e.mentions.length}\t${e.name}\t| ${e.aliases.join(' | ')}`);
}
