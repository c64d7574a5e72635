/**
 * Candidates for the shown-entity gold set (data/gold/entities-shown.md): every entity the briefs of the brief
 * dev set's stories list (`selectStories`, made as `eval brief` makes them), with a few of its mentions in the
 * shared data's articles to label from. Writes, to OUT (a folder outside the repository, e.g. /tmp):
 * `skeleton.jsonl` (one line per shown entity: story, brief, name, kind, aliases, counts, its articles and one
 * mention's article id and offsets; no text) and `context.md` (each entity with up to CONTEXTS mentions in
 * their sentences) to label from. Labels are then added to the skeleton by hand; no third-party text enters
 * the repository.
 *
 *   npx tsx scripts/gold/brief-entities.ts OUT [--shared ../shared/data]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storyEntities } from '../../src/analyse/people.js';
import { halfOf } from '../../src/eval/brief.js';
import { briefStoryLoader, selectStories } from '../../src/eval/brief-stories.js';
import { storyEntityBriefs } from '../../src/eval/entities-shown.js';

/** Mentions shown per entity in the reading file. */
const CONTEXTS = 4;
/** Characters of text shown on either side of a mention. */
const SIDE = 90;

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: brief-entities.ts OUT [--shared DIR]');
const at = args.indexOf('--shared');
const shared = at >= 0 ? args[at + 1] : join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
mkdirSync(out, { recursive: true });
const { citation, usable } = selectStories(shared);
const load = briefStoryLoader(shared);
const skeleton: string[] = [];
const context: string[] = [];
let missed = 0;
for (const story of [...new Set([...citation, ...usable])]) {
  const docs = load(story)!;
  const { briefs, members, docOf } = storyEntityBriefs(story, docs);
  const docText = new Map(docs.map((d) => [d.id, d.text]));
  context.push(`\n# ${story} (${halfOf(story)})`);
  briefs.forEach((b, k) => {
    const merged = storyEntities(members[k]).merged;
    const byId = new Map(merged.map((e) => [e.id, e]));
    context.push(`\n## brief ${k}: ${b.headline}`);
    for (const e of b.entities ?? []) {
      const full = byId.get(e.id);
      // A mention's place in the shared data's article: at its offset when extraction kept the text as it
      // is, else the occurrence of its text nearest to that offset.
      const located = (full?.mentions ?? []).map((m) => {
        const doc = docOf(m.articleId ?? '');
        const text = docText.get(doc) ?? '';
        let start = text.slice(m.start, m.end) === m.text ? m.start : -1;
        if (start < 0) {
          let best = -1;
          for (let i = text.indexOf(m.text); i >= 0; i = text.indexOf(m.text, i + 1))
            if (best < 0 || Math.abs(i - m.start) < Math.abs(best - m.start)) best = i;
          start = best;
        }
        return { doc, start, end: start < 0 ? -1 : start + m.text.length, text: m.text };
      });
      if (located.some((m) => m.start < 0)) missed++;
      const first = located.find((m) => m.start >= 0) ?? located[0];
      skeleton.push(
        JSON.stringify({
          story,
          half: halfOf(story),
          brief: k,
          name: e.name,
          kind: e.kind,
          aliases: e.aliases,
          mentions: e.mentions,
          articles: e.articleIds.map(docOf),
          doc: first?.doc,
          start: first?.start,
          end: first?.end,
        }),
      );
      context.push(
        `- **${e.name}** (${e.kind}${e.aliases.length ? `; aka ${e.aliases.join(' | ')}` : ''}${
          e.roles?.length ? `; roles ${e.roles.join(' | ')}` : ''
        }) ${e.mentions} mentions in ${e.articleIds.length}`,
      );
      // The first mention of each spelling, then others, up to CONTEXTS.
      const picked: typeof located = [];
      const spellings = new Set<string>();
      for (const m of located)
        if (!spellings.has(m.text) && picked.length < CONTEXTS) {
          spellings.add(m.text);
          picked.push(m);
        }
      for (const m of located) if (picked.length < CONTEXTS && !picked.includes(m)) picked.push(m);
      for (const m of picked) {
        const text = docText.get(m.doc) ?? '';
        if (m.start < 0) {
          context.push(`    - [${m.doc}] (not found: ${m.text})`);
          continue;
        }
        const left = text.slice(Math.max(0, m.start - SIDE), m.start).replace(/\s+/g, ' ');
        const right = text.slice(m.end, m.end + SIDE).replace(/\s+/g, ' ');
        context.push(`    - [${m.doc}@${m.start}] …${left}[[${m.text}]]${right}…`);
      }
    }
  });
}
writeFileSync(join(out, 'skeleton.jsonl'), `${skeleton.join('\n')}\n`);
writeFileSync(join(out, 'context.md'), `${context.join('\n')}\n`);
console.log(`${skeleton.length} shown entities; ${missed} with a mention not found in the shared text`);
