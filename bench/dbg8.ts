import { mentionsOf, sameThing } from '../src/analyse/disagreements.js';
import { articleSentences } from '../src/language/sentences.js';
import { runPipeline } from '../src/pipeline.js';
const { articles } = await runPipeline([process.argv[2]], { words: 120 });
const ss = articles.flatMap(articleSentences);
const ms = mentionsOf(ss, new Map()).filter((m) => m.q.kind === 'duration');
for (const m of ms) console.log(m.sentence.articleId.slice(0, 8), m.q.text, m.q.frame, m.subject, m.perfect, [...m.anchors].join(','), '|', [...m.local].join(','), '|', m.sentence.text.slice(0, 100));
for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) if (ms[i].q.frame === ms[j].q.frame) console.log(ms[i].q.text, '~', ms[j].q.text, sameThing(ms[i], ms[j]));
