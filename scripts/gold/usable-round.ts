/**
 * A blind labelling round of usable labels on stories new to the brief dev set (data/gold/briefs.md, "Round 10"):
 * a held-out figure for the stand-alone summary, on stories no change was tuned on. The stories, by a fixed rule
 * from the data alone:
 * - the first `--multinews N` (5) Multi-News dev clusters in file order from the 41st on that are not in the set
 *   and that the citation rule does not admit (those are kept for citation rounds);
 * - for each `--every K`-th (5th) Timeline17 topic sorted by name (the 1st, 6th, 11th), the window at index
 *   ⌊n/4⌋ of the topic's windows (the set holds the middle one), its first brief.
 * Later rounds move the same rule off the stories already taken (data/gold/briefs.md, "Round 14"): `--from M`
 * starts the Multi-News clusters at the (M+1)-th (default 40), `--topic-start J` starts the topics at the
 * (J+1)-th (default 0), `--at F` takes the window at index ⌊n·F⌋ (default 0.25), and `--duc D` adds the first D
 * DUC 2006 topics in file order that are not in the set (default 0), from the (K+1)-th topic with `--duc-from K`
 * (default 0).
 * Writes to OUT (outside the repository): `context.md` (each brief's sentences in order, numbered, with the source
 * sentences around each) and `skeleton.jsonl` (ids, hashes, offsets, no label, no text).
 *
 *   npx tsx scripts/gold/usable-round.ts OUT [--multinews N] [--every K] [--from M] [--topic-start J] [--at F]
 *     [--duc D] [--duc-from K] [--shared DIR]
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { briefStoryLoader, citationStories, t17Windows } from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import type { SharedDoc } from '../../src/eval/shared-docs.js';
import { writeReadingRound } from './reading-round.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: usable-round.ts OUT [--multinews N] [--every K] [--shared DIR]');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = flag('--shared') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const nMultinews = Number(flag('--multinews') ?? 5);
const every = Number(flag('--every') ?? 5);
const from = Number(flag('--from') ?? 40);
const topicStart = Number(flag('--topic-start') ?? 0);
const at = Number(flag('--at') ?? 0.25);
const nDuc = Number(flag('--duc') ?? 0);
const ducFrom = Number(flag('--duc-from') ?? 0);

const gold = readJsonl<{ story: string }>(
  join(import.meta.dirname, '..', '..', 'data', 'gold', 'briefs.jsonl'),
);
const known = new Set(gold.map((g) => g.story));
const rows = readJsonl<{ id: string }>(join(shared, 'summarization', 'multinews-dev.jsonl'));
const reserved = new Set(citationStories(shared));
const stories = rows
  .slice(from)
  .map((r) => `multinews/${r.id}`)
  .filter((s) => !known.has(s) && !reserved.has(s))
  .slice(0, nMultinews);
const t17 = join(shared, 'timeline', 't17');
if (existsSync(t17))
  readdirSync(t17)
    .sort()
    .forEach((topic, i) => {
      if (i < topicStart || (i - topicStart) % every !== 0) return;
      const windows = t17Windows(readJsonl<SharedDoc>(join(t17, topic, 'articles.jsonl.gz')));
      const story = `t17/${topic}/${windows[Math.floor(windows.length * at)]}`;
      if (!known.has(story)) stories.push(story);
    });
if (nDuc > 0)
  stories.push(
    ...readJsonl<{ id: string }>(join(shared, 'summarization', 'duc2006.jsonl.gz'))
      .map((r) => `duc2006/${r.id}`)
      .slice(ducFrom)
      .filter((s) => !known.has(s))
      .slice(0, nDuc),
  );

const items = writeReadingRound(out, stories, briefStoryLoader(shared), 'source');
console.log(`${items} sentences of ${stories.length} stories: ${stories.join(' ')}`);
