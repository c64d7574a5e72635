/**
 * Audit of the figure disagreements the detector reports over every story the dev set draws from: counts
 * them, and prints a fixed sample (by hash) of one pair per conflict, for reading.
 *
 *   npx tsx bench/dis-audit.ts [N]     # N pairs printed (default 40)
 */
import { figureConflicts } from '../src/analyse/disagreements.js';
import { fnv } from '../src/cluster/features.js';
import { allStoryIds, storyLoader } from '../src/eval/disagreement-stories.js';

const shared = new URL('../../shared/data', import.meta.url).pathname;
const load = storyLoader(shared);
const rows: Array<{ h: number; text: string }> = [];
let stories = 0;
for (const id of allStoryIds(shared)) {
  const st = load(id);
  if (st.articles.length < 2) continue;
  stories++;
  for (const c of figureConflicts(st.sentences, st.reportOf, st.dayOf)) {
    const [a, b] = [c.values[0][0], c.values[c.values.length - 1][0]];
    const show = (m: typeof a) =>
      `${m.sentence.articleId} ${m.source ? `(${m.source}) ` : ''}${m.sentence.text.slice(Math.max(0, m.q.start - 140), m.q.start)}[[${m.q.text}]]${m.sentence.text.slice(m.q.end, m.q.end + 80)}`.replace(
        /\s+/g,
        ' ',
      );
    const key = `${id}#${a.sentence.articleId}@${a.sentence.start + a.q.start}|${b.sentence.articleId}@${b.sentence.start + b.q.start}`;
    rows.push({ h: fnv(key) >>> 0, text: `${key}\n  ${show(a)}\n  ${show(b)}` });
  }
}
console.log(`${rows.length} conflicts in ${stories} stories`);
for (const r of rows.sort((x, y) => x.h - y.h).slice(0, Number(process.argv[2] ?? 40))) console.log(r.text);
