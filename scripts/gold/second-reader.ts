/**
 * A second reader's blind sample of the usable labels (data/gold/briefs.md, "Second reader"): the `--n` (80)
 * labelled sentences the current code still shows with the smallest SHA-256 of `story + ' ' + hash`. Reads only
 * the (story, hash) keys of the gold, never its labels, and writes to OUT (outside the repository):
 * - `context.md`: each sampled sentence as a numbered item, after the earlier sentences of its summary (the
 *   antecedents the protocol allows) and with the source sentences around it;
 * - `skeleton.jsonl`: story, hash and item number per sampled sentence, no label, no text.
 *
 *   npx tsx scripts/gold/second-reader.ts OUT [--n 80] [--shared DIR]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BriefSentence, briefStoryLoader, storyBriefs } from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { splitSentences } from '../../src/language/sentences.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: second-reader.ts OUT [--n 80] [--shared DIR]');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const shared = flag('--shared') ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const n = Number(flag('--n') ?? 80);

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const keys = [
  ...new Set(
    readJsonl<{ story: string; hash: string }>(
      join(import.meta.dirname, '..', '..', 'data', 'gold', 'briefs.jsonl'),
    ).map((g) => `${g.story} ${g.hash}`),
  ),
].sort((a, b) => (sha(a) < sha(b) ? -1 : 1));

const load = briefStoryLoader(shared);
const shownOf = new Map<string, { sentences: BriefSentence[]; text: (id: string) => string }>();
function story(id: string) {
  let s = shownOf.get(id);
  if (!s) {
    const docs = load(id) ?? [];
    const { sentences } = docs.length ? storyBriefs(id, docs) : { sentences: [] };
    s = { sentences, text: (from) => docs.find((d) => d.id === from)?.text ?? '' };
    shownOf.set(id, s);
  }
  return s;
}

const sample: BriefSentence[] = [];
for (const key of keys) {
  if (sample.length >= n) break;
  const [id, hash] = key.split(' ');
  const s = story(id).sentences.find((x) => x.hash === hash);
  if (s) sample.push(s);
}

mkdirSync(out, { recursive: true });
const context: string[] = [];
const skeleton: string[] = [];
sample.forEach((s, k) => {
  const item = k + 1;
  const { sentences, text } = story(s.story);
  const earlier = sentences.filter((x) => x.brief === s.brief && x.index < s.index);
  context.push(`\n## item ${item} — ${s.story} (brief ${s.brief}.${s.index}, from ${s.from})`);
  for (const e of earlier) context.push(`  - earlier ${e.index}: ${e.text}`);
  context.push(`- **[item ${item}]** ${s.text}`);
  const parts = splitSentences(text(s.from)).map((p) => p.text);
  const at = parts.findIndex((p) => s.text.includes(p) || p.includes(s.text));
  if (at >= 0) context.push(`  - source around it: ${parts.slice(Math.max(0, at - 3), at + 2).join(' ⏐ ')}`);
  skeleton.push(JSON.stringify({ item, story: s.story, hash: s.hash }));
});
writeFileSync(join(out, 'context.md'), `${context.join('\n')}\n`);
writeFileSync(join(out, 'skeleton.jsonl'), `${skeleton.join('\n')}\n`);
console.log(`${sample.length} shown sentences of ${new Set(sample.map((s) => s.story)).size} stories`);
