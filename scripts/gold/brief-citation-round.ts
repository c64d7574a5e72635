/**
 * A labelling round of new citation stories for the brief dev set (data/gold/briefs.md, "Round 3"): the next
 * Multi-News dev clusters by the citation stories' rule (3–6 articles, at most 2,500 words, file order) after
 * the ones already labelled, their briefs as today's code makes them, and every article in full. The brief's
 * citations and report counts are **not** written, so that the labeller decides blind. Writes to OUT (outside
 * the repository):
 * - `context.md`: each story's summary sentences (numbered items) and its articles in full;
 * - `skeleton.jsonl`: one line per item with the fields the gold needs except the labels (`label`,
 *   `supporters`, `reports` are filled in by the labeller).
 *
 *   npx tsx scripts/gold/brief-citation-round.ts OUT [--stories N] [--max-words W] [--shared DIR]
 *
 * `--max-words` (default 2,500) widens the rule's word limit: round 13 took the stories of 2,500–4,500 words.
 * `--large` (round 25) takes instead every Multi-News dev cluster that the rule at 4,500 words never admits (more
 * than 6 articles or more than 4,500 words) and that is not in the set, in file order; `--duc D` adds the first D
 * DUC 2006 topics in file order that are not in the set (their first brief only, as everywhere in the set).
 */
import { join } from 'node:path';
import { briefStoryLoader, citationStories } from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { writeReadingRound } from './reading-round.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: brief-citation-round.ts OUT [--stories N] [--max-words W] [--shared DIR]');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = flag('--shared') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const n = Number(flag('--stories') ?? 10);
const gold = readJsonl<{ story: string; supporters?: string[] }>(
  join(import.meta.dirname, '..', '..', 'data', 'gold', 'briefs.jsonl'),
);
const done = new Set(gold.filter((g) => g.supporters).map((g) => g.story));
const known = new Set(gold.map((g) => g.story));
let stories: string[];
if (args.includes('--large')) {
  const words = (r: { docs: { text: string }[] }) =>
    r.docs.reduce((k, d) => k + d.text.split(/\s+/).filter(Boolean).length, 0);
  stories = readJsonl<{ id: string; docs: { text: string }[] }>(
    join(shared, 'summarization', 'multinews-dev.jsonl'),
  )
    .filter((r) => r.docs.length > 6 || words(r) > 4500)
    .map((r) => `multinews/${r.id}`)
    .filter((s) => !known.has(s))
    .slice(0, n);
} else
  stories = citationStories(shared, undefined, Number(flag('--max-words') ?? 2500))
    .filter((s) => !done.has(s))
    .slice(0, n);
const nDuc = Number(flag('--duc') ?? 0);
if (nDuc > 0)
  stories.push(
    ...readJsonl<{ id: string }>(join(shared, 'summarization', 'duc2006.jsonl.gz'))
      .map((r) => `duc2006/${r.id}`)
      .filter((s) => !known.has(s))
      .slice(0, nDuc),
  );
const items = writeReadingRound(out, stories, briefStoryLoader(shared), 'articles');
console.log(`${stories.length} stories, ${items} summary sentences`);
