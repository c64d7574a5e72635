/**
 * Read-only error list of the brief dev set's dangling references in one half (for analysis; data/gold/briefs.md):
 * each shown summary sentence whose label, where it is shown (`scoringLine`, as `eval brief` reads it), is `dangling-reference`, with the
 * sentences its brief shows before it and the sentence before it in its article.
 *
 *   npx tsx scripts/gold/brief-dangling.ts [--half tune|held] [--shared DIR]
 */
import { join } from 'node:path';
import {
  type GoldSentence,
  halfOf,
  linesByKey,
  linesOf,
  scoringLine,
  shownBefore,
} from '../../src/eval/brief.js';
import { briefStoryLoader, sourceAround, storyBriefs } from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const half = flag('--half') ?? 'tune';
const shared = flag('--shared') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const gold = readJsonl<GoldSentence>(join(import.meta.dirname, '..', '..', 'data', 'gold', 'briefs.jsonl'));
const load = briefStoryLoader(shared);
const lines = linesByKey(gold);
for (const story of [...new Set(gold.map((g) => g.story))].filter((s) => halfOf(s) === half)) {
  const docs = load(story);
  if (!docs) continue;
  const { sentences } = storyBriefs(story, docs);
  const before = shownBefore(sentences);
  for (const s of sentences) {
    const label = scoringLine(linesOf(lines, s), before(s))?.label;
    if (label !== 'dangling-reference') continue;
    const doc = docs.find((d) => d.id === s.from);
    const previous = doc && sourceAround(doc.text, s.text, 1, -1);
    console.log(`\n## ${story} ${s.brief}.${s.index}: ${s.text}`);
    for (const o of sentences.filter((o) => o.brief === s.brief && o.index < s.index))
      console.log(`  shown: ${o.text}`);
    if (previous) console.log(`  article before: ${previous}`);
  }
}
