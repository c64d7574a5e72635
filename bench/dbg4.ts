import { compatible, mentionsOf, sameThing, withoutParallelFigures } from '../src/analyse/disagreements.js';
import { storyLoader } from '../src/eval/disagreement-stories.js';
const st = storyLoader('/work/shared/data')(process.argv[2]);
const all = mentionsOf(st.sentences, st.reportOf);
const kept = new Set(withoutParallelFigures(all));
const bar = all.filter((m) => m.q.frame === process.argv[3]);
for (const m of bar) console.log(kept.has(m) ? 'K' : 'X', m.q.text, m.q.low, m.q.high, m.reportId, st.dayOf(m.sentence.articleId), m.sentence.text.slice(Math.max(0, m.q.start - 50), m.q.end + 20).replace(/\s+/g, ' '));
for (let i = 0; i < bar.length; i++) for (let j = i + 1; j < bar.length; j++) if (sameThing(bar[i], bar[j])) console.log('same', bar[i].q.text, bar[j].q.text, compatible(bar[i].q, bar[j].q));
