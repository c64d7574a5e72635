import { mentionsOf } from '../src/analyse/disagreements.js';
import { storyLoader } from '../src/eval/disagreement-stories.js';
const st = storyLoader('/work/shared/data')(process.argv[2]);
const [art, off] = [process.argv[3], Number(process.argv[4])];
const s = st.sentences.find((x) => x.articleId === art && x.start <= off && off < x.end)!;
console.log(s.text.slice(off - s.start - 30, off - s.start + 30));
console.log(mentionsOf([s], st.reportOf).map((m) => [m.q.text, m.sentence.start + m.q.start]));
