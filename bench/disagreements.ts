/**
 * False-alarm check of disagreements: every Timeline17 topic is clustered into stories and each story of two
 * or more articles analysed (its latest 100 articles, as a brief reads); every disagreement of the chosen
 * kinds is printed with its evidence, for reading, and counted by kind. Timeline17's outlets rarely
 * misattribute quotes, so the speaker disagreements it prints are mostly false alarms; figures do change
 * over a topic's months, so some figure disagreements are real updates rather than errors.
 *
 *   npx tsx bench/disagreements.ts                 # kind "speaker"
 *   npx tsx bench/disagreements.ts count percent   # any kinds, or "all"
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseStory } from '../src/analyse/index.js';
import { clusterArticles } from '../src/cluster/index.js';
import { toArticle } from '../src/eval/cluster.js';
import { readJsonl } from '../src/eval/data.js';
import { articleSentences } from '../src/language/sentences.js';

const t17 = fileURLToPath(new URL('../../shared/data/timeline/t17/', import.meta.url));
const wanted = new Set(process.argv.slice(2).length ? process.argv.slice(2) : ['speaker']);
const byKind = new Map<string, number>();
let found = 0;
let stories = 0;
for (const topic of readdirSync(t17).sort()) {
  const rows = readJsonl<{ id: string; date?: string; title?: string; text: string }>(
    `${t17}${topic}/articles.jsonl.gz`,
  );
  const articles = rows.map((r) => toArticle(`${topic}/${r.id}`, r.text, r.title, r.date));
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const story of clusterArticles(articles)) {
    if (story.articleIds.length < 2) continue;
    stories++;
    const members = story.articleIds.slice(-100).map((id) => byId.get(id)!);
    const analysis = analyseStory(story, members, members.flatMap(articleSentences), (id) => id);
    for (const d of analysis.disagreements.filter((x) => wanted.has('all') || wanted.has(x.kind))) {
      found++;
      byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1);
      console.log(`${topic} | ${d.about}`);
      for (const v of d.values) console.log(`  ${v.value}: ${v.evidence[0]?.text}`);
    }
  }
}
console.log(
  `${found} disagreements (${[...wanted].join(', ')}) in ${stories} stories of two or more articles`,
);
console.log(
  [...byKind]
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', '),
);
