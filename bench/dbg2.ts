import { figureConflicts } from '../src/analyse/disagreements.js';
import { storyLoader } from '../src/eval/disagreement-stories.js';
const st = storyLoader('/work/shared/data')(process.argv[2]);
for (const c of figureConflicts(st.sentences, st.reportOf, st.dayOf))
  console.log(c.values.map((v) => v.map((m) => `${m.q.text} [${m.sentence.text.slice(Math.max(0, m.q.start - 60), m.q.end + 30)}]`).join(' | ')).join('\n   VS '), '\n');
