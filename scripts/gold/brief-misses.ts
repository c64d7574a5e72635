/**
 * Error analysis of citations on one half of the brief dev set (data/gold/briefs.jsonl): for every matched
 * sentence with labelled supporters, the supporters not cited (with their best sentences by overlap), the
 * articles cited wrongly, and the report count against the label. Reads only the half asked for.
 *
 *   npx tsx scripts/gold/brief-misses.ts --half tune [--data data/gold/briefs.jsonl] [--shared DIR]
 */

import { conflictingNumbers, findSupport, sentenceFrequencies } from '../../src/brief/cite.js';
import { type GoldSentence, halfOf } from '../../src/eval/brief.js';
import { briefStoryLoader, storyBriefs } from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { articleSentences } from '../../src/language/sentences.js';
import { contentTerms } from '../../src/language/tokens.js';
import type { Sentence } from '../../src/model.js';
import { idf } from '../../src/text/vectors.js';

const args = process.argv.slice(2);
const flag = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const half = flag('half', 'tune');
const gold = readJsonl<GoldSentence>(flag('data', 'data/gold/briefs.jsonl')).filter(
  (g) => g.supporters && halfOf(g.story) === half,
);
const load = briefStoryLoader(flag('shared', '../shared/data'));
for (const story of [...new Set(gold.map((g) => g.story))]) {
  const docs = load(story)!;
  const { briefs, sentences } = storyBriefs(story, docs);
  console.log(`\n######## ${story} (${docs.length} articles)`);
  // Sentences of every article as the pipeline splits them, keyed by shared-data id.
  const byShared = new Map<string, Sentence[]>();
  // Rebuild: storyBriefs names articles by shared id; sentences come from the briefs' members.
  const { articles } = await import('../../src/pipeline.js').then((p) => {
    const file = `${story.replace(/\//g, '_')}.jsonl`;
    const recs = docs.map((d) => JSON.stringify({ title: d.title, date: d.date, text: d.text }));
    return import('../../src/ingest/index.js').then((ing) =>
      p.extractAll(ing.documentsFromBytes(file, Buffer.from(`${recs.join('\n')}\n`)).docs),
    );
  });
  const file = `${story.replace(/\//g, '_')}.jsonl`;
  const idOf = new Map(
    articles.map((a) => [a.id, docs[Number(a.source.slice(file.length + 1)) - 1]?.id ?? a.id]),
  );
  for (const a of articles) byShared.set(idOf.get(a.id)!, articleSentences(a));
  briefs.forEach((b, k) => {
    const members = b.sources.map((s) => idOf.get(s.articleId)!);
    console.log(`-- brief ${k}: ${members.map((m) => m.slice(-3)).join(' ')}`);
  });
  for (const s of sentences) {
    const g = gold.find((x) => x.story === story && x.hash === s.hash);
    if (!g) continue;
    const sup = new Set(g.supporters);
    const missing = [...sup].filter((x) => !s.cited.includes(x));
    const wrong = s.cited.filter((x) => !sup.has(x));
    const flagc = s.shown === g.reports ? 'ok' : s.shown > (g.reports ?? 0) ? 'HIGH' : 'LOW';
    console.log(
      `\n[b${s.brief}.${s.index} ${s.hash}] from ${s.from.slice(-3)} count ${s.shown}/${g.reports} ${flagc}  cited ${s.cited.map((c) => c.slice(-3)).join(',')}  gold ${[...sup].map((c) => c.slice(-3)).join(',')}`,
    );
    console.log(`  S: ${s.text}`);
    if (!missing.length && !wrong.length) continue;
    const brief = briefs[s.brief];
    const members = brief.sources.map((x) => idOf.get(x.articleId)!);
    const storySents = members.flatMap((m) => byShared.get(m) ?? []);
    const df = sentenceFrequencies(storySents);
    const summary = storySents.find(
      (x) => idOf.get(x.articleId) === s.from && x.text.includes(s.text.slice(10, 60)),
    );
    const target = new Set(contentTerms(s.text));
    for (const m of missing) {
      console.log(`  MISSING ${m.slice(-3)}${members.includes(m) ? '' : ' (NOT IN STORY)'}`);
      const cand = (byShared.get(m) ?? []).map((x) => {
        const other = new Set(contentTerms(x.text));
        let shared = 0;
        let tot = 0;
        let ot = 0;
        for (const t of target) tot += idf(df, storySents.length, t);
        for (const t of target) if (other.has(t)) shared += idf(df, storySents.length, t);
        for (const t of other) ot += idf(df, storySents.length, t);
        const score = ot > 0 ? (2 * shared) / (tot + Math.min(ot, 2 * tot)) : 0;
        return { x, score };
      });
      cand.sort((a, b) => b.score - a.score);
      for (const c of cand.slice(0, 3))
        console.log(
          `    ${c.score.toFixed(3)}${conflictingNumbers(s.text, c.x.text) ? ' NUM' : ''}: ${c.x.text.slice(0, 300)}`,
        );
      if (summary) {
        const fs = findSupport(summary, byShared.get(m) ?? [], df, storySents.length);
        if (fs.length)
          console.log(`    (findSupport would accept idx ${fs[0].sentenceIndex} ${fs[0].score.toFixed(3)})`);
      }
    }
    for (const w of wrong) console.log(`  WRONG ${w.slice(-3)}`);
  }
}
