/**
 * False-alarm check of the "who said it" disagreements: every Timeline17 topic is clustered into stories and
 * each story of two or more articles analysed (its latest 100 articles, as a brief reads); every speaker
 * disagreement found is printed with its evidence, for reading. Timeline17's outlets rarely misattribute
 * quotes, so what this prints is mostly false alarms.
 *
 *   npx tsx bench/speaker-conflicts.ts
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyseStory } from '../src/analyse/index.js';
import { clusterArticles } from '../src/cluster/index.js';
import { toArticle } from '../src/eval/cluster.js';
import { readJsonl } from '../src/eval/data.js';
import { articleSentences } from '../src/language/sentences.js';

const t17 = fileURLToPath(new URL('../../shared/data/timeline/t17/', import.meta.url));
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
    for (const d of analysis.disagreements.filter((x) => x.kind === 'speaker')) {
      found++;
      console.log(`${topic} | ${d.about}`);
      for (const v of d.values) console.log(`  ${v.value}: ${v.evidence[0]?.text}`);
    }
  }
}
console.log(`${found} speaker disagreements in ${stories} stories of two or more articles`);
