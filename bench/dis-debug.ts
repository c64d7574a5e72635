/** Debug of the disagreement dev set: reported labelled pairs that are not conflicts, missed conflicts and why.
 *
 *   npx tsx bench/dis-debug.ts [data/gold/disagreements.jsonl]
 */
import { figureKey, pairKey, storyLoader } from '../src/eval/disagreement-stories.js';
import { readGold, reportedPairs } from '../src/eval/disagreements.js';

const gold = readGold(process.argv[2] ?? 'data/gold/disagreements.jsonl');
const load = storyLoader(new URL('../../shared/data', import.meta.url).pathname);
const stories = new Map<string, ReturnType<typeof load>>();
for (const p of gold) {
  let st = stories.get(p.story);
  if (!st) stories.set(p.story, (st = load(p.story)));
  const rep = reportedPairs(st);
  const key = pairKey(figureKey(p.a.article, p.a.start), figureKey(p.b.article, p.b.start));
  const r = rep.has(key);
  if (r === (p.label === 'conflict')) continue;
  const show = (f: { article: string; start: number; end: number }) => {
    const s = st!.sentences.find((x) => x.articleId === f.article && x.start <= f.start && f.start < x.end)!;
    const a = f.start - s.start;
    return `${s.text.slice(Math.max(0, a - 150), a)}[[${s.text.slice(a, f.end - s.start)}]]${s.text.slice(f.end - s.start, f.end - s.start + 80)}`.replace(
      /\s+/g,
      ' ',
    );
  };
  console.log(`${r ? 'FP' : 'FN'} ${p.id} ${p.label} ${p.note ?? ''}\n  ${show(p.a)}\n  ${show(p.b)}`);
}

// Why a labelled conflict is missed: the two mentions and the checks.
import { compatible, mentionsOf, sameThing } from '../src/analyse/disagreements.js';

for (const p of gold.filter((x) => x.label === 'conflict')) {
  const st = stories.get(p.story)!;
  const ms = mentionsOf(st.sentences, st.reportOf);
  const find = (f: { article: string; start: number }) =>
    ms.find(
      (m) =>
        m.sentence.articleId === f.article &&
        [m.q.start, ...m.alsoAt].some((o) => m.sentence.start + o === f.start),
    );
  const a = find(p.a);
  const b = find(p.b);
  const brief = (m: typeof a) =>
    m && {
      text: m.q.text,
      frame: m.q.frame,
      noun: m.q.noun,
      near: [...m.near],
      anchors: [...m.anchors],
      names: [...m.names],
      local: [...m.local],
      years: [...m.years],
      wd: [...m.weekdays],
      per: m.per,
      qual: m.qualifiers,
      src: m.source,
      run: m.running,
      rep: m.reportId,
    };
  console.log(
    p.id,
    JSON.stringify(brief(a)),
    '\n   ',
    JSON.stringify(brief(b)),
    a && b
      ? `same=${sameThing(a, b)} compat=${compatible(a.q, b.q)} days=${st.dayOf(a.sentence.articleId)},${st.dayOf(b.sentence.articleId)}`
      : 'MISSING',
  );
}
