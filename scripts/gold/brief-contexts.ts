/**
 * The labelling context of the brief dev set's lines (data/gold/briefs.md, "Labels in context"): `before`, the
 * hashes of the summary sentences its brief showed before a labelled sentence when it was labelled. Two steps:
 *
 *   npx tsx scripts/gold/brief-contexts.ts rebuild DIST STORIES OUT
 *     the summary sentences (story, brief, index, hash; no text) that a build of an older commit (`DIST`, its
 *     dist/ folder, built from `git archive COMMIT`) shows for the stories listed one a line in STORIES: the
 *     briefs a round was labelled from;
 *   npx tsx scripts/gold/brief-contexts.ts apply [ROUND:REBUILT ...]
 *     adds `before` to every gold line without it that can be given one, and writes the gold back:
 *     - a line whose round labelled its brief from the first sentence on (its round's lines of that story and
 *       brief have indexes 0..n-1): the hashes of those lines with a lower index, in order (the blind rounds
 *       labelled whole briefs);
 *     - else a line that a rebuilt file of its round shows at the same brief, index and hash: the hashes the
 *       rebuilt brief shows before it;
 *     - else none (matched by hash alone, `context_unknown` in `eval brief`).
 *   Prints per round how many lines got a context.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Line {
  story: string;
  brief: number;
  index: number;
  hash: string;
  round?: number;
  before?: string[];
}
interface Row {
  story: string;
  brief: number;
  index: number;
  hash: string;
}

const [mode, ...args] = process.argv.slice(2);
const goldFile = join(import.meta.dirname, '..', '..', 'data', 'gold', 'briefs.jsonl');
const jsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
const roundOf = (g: Line) => g.round ?? 1;

if (mode === 'rebuild') {
  const [dist, storiesFile, out] = args;
  if (!out) throw new Error('usage: brief-contexts.ts rebuild DIST STORIES OUT');
  const old = await import(pathToFileURL(join(dist, 'eval', 'brief-stories.js')).href);
  const shared = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
  const load = old.briefStoryLoader(process.env.SHARED ?? shared);
  const rows: string[] = [];
  for (const story of readFileSync(storiesFile, 'utf8').split('\n').filter(Boolean)) {
    const docs = load(story);
    if (!docs) continue;
    for (const s of old.storyBriefs(story, docs).sentences as Row[])
      rows.push(JSON.stringify({ story, brief: s.brief, index: s.index, hash: s.hash }));
  }
  writeFileSync(out, `${rows.join('\n')}\n`);
  console.log(`${rows.length} sentences`);
} else if (mode === 'apply') {
  const text = readFileSync(goldFile, 'utf8');
  const raw = text.split('\n').filter((l) => l.trim());
  const gold = raw.map((l) => JSON.parse(l) as Line);
  const group = (g: Line) => `${roundOf(g)}#${g.story}#${g.brief}`;
  const groups = new Map<string, Line[]>();
  for (const g of gold) groups.set(group(g), [...(groups.get(group(g)) ?? []), g]);
  // Each rebuilt file alone (a round labelled in passes gives one file per pass), in the order given.
  const rebuilt = args.map((a) => ({
    round: Number(a.slice(0, a.indexOf(':'))),
    rows: jsonl<Row>(a.slice(a.indexOf(':') + 1)),
  }));
  const tally = new Map<number, { lines: number; whole: number; rebuilt: number }>();
  const out = gold.map((g, k) => {
    const t = tally.get(roundOf(g)) ?? { lines: 0, whole: 0, rebuilt: 0 };
    tally.set(roundOf(g), t);
    t.lines++;
    if (g.before) return raw[k];
    const mine = (groups.get(group(g)) ?? []).sort((a, b) => a.index - b.index);
    let before: string[] | undefined;
    if (mine.every((m, i) => m.index === i)) {
      before = mine.filter((m) => m.index < g.index).map((m) => m.hash);
      t.whole++;
    } else {
      const at = (r: Row) => r.story === g.story && r.brief === g.brief;
      const file = rebuilt.find(
        (f) =>
          f.round === roundOf(g) && f.rows.some((r) => at(r) && r.index === g.index && r.hash === g.hash),
      );
      if (file) {
        before = file.rows
          .filter((r) => at(r) && r.index < g.index)
          .sort((a, b) => a.index - b.index)
          .map((r) => r.hash);
        t.rebuilt++;
      }
    }
    return before ? JSON.stringify({ ...JSON.parse(raw[k]), before }) : raw[k];
  });
  writeFileSync(goldFile, `${out.join('\n')}\n`);
  for (const [round, t] of [...tally].sort((a, b) => a[0] - b[0]))
    console.log(`round ${round}: ${t.lines} lines, ${t.whole} from whole briefs, ${t.rebuilt} rebuilt`);
} else throw new Error('usage: brief-contexts.ts rebuild DIST STORIES OUT | apply [ROUND:REBUILT ...]');
