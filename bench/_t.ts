import { templateSentences } from '../src/analyse/boilerplate.js';
import { articleSentences } from '../src/language/sentences.js';
import { runPipeline } from '../src/pipeline.js';

const r = await runPipeline(['/tmp/x/bp.jsonl'], { words: 120 });
const b = r.briefs[0];
console.log(b.summary.map((s) => s.text.slice(0, 40)));
const story = r.stories[0];
const arts = new Map(r.articles.map((a) => [a.id, a]));
const reportOf = new Map(story.reports.flatMap((x) => x.articleIds.map((id) => [id, x.id] as const)));
const sents = story.articleIds.flatMap((id) => articleSentences(arts.get(id)!));
const t = templateSentences(sents, (id) => reportOf.get(id) ?? id);
console.log(
  'reports',
  story.reports.length,
  'template',
  t.size,
  [...new Set([...t].map((s) => s.text.slice(0, 50)))].slice(0, 10),
);
console.log(
  sents.filter((s) => s.text.startsWith('The oil spills have')).length,
  new Set(sents.filter((s) => s.text.startsWith('The oil spills have')).map((s) => reportOf.get(s.articleId)))
    .size,
);
