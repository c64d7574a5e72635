/**
 * Error analysis of citations and report counts on every labelled sentence with supporters (the `every_*`
 * figures of `eval brief`), shown or not: each sentence cited and counted as its story's brief would
 * (`citeInStory`), and for each supporter missed the article's best sentence by overlap with the check that
 * turned it away (`findSupport`'s trace), for each wrong citation the sentence that let it in, and the report
 * count against the label.
 *
 *   npx tsx scripts/gold/cite-every.ts [--half tune|held] [--round N] [--data FILE] [--shared DIR] [--errors]
 */

import { briefSentences, citeInStory } from '../../src/brief/build.js';
import { findSupport, sentenceFrequencies } from '../../src/brief/cite.js';
import { type GoldSentence, halfOf } from '../../src/eval/brief.js';
import {
  BRIEF_OPTIONS,
  briefStoryLoader,
  sentenceHash,
  storyPipeline,
} from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import type { Sentence } from '../../src/model.js';
import { withoutDateline } from '../../src/text/candidates.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const half = flag('half');
const round = flag('round');
const errorsOnly = args.includes('--errors');
const gold = readJsonl<GoldSentence & { round?: number }>(flag('data') ?? 'data/gold/briefs.jsonl').filter(
  (g) => g.supporters && (!half || halfOf(g.story) === half) && (!round || String(g.round ?? 1) === round),
);
// The last line of a sentence wins (a later round's supporters over an earlier round's usable-only line).
const byKey = new Map(gold.map((g) => [`${g.story}#${g.hash}`, g]));
const load = briefStoryLoader(flag('shared') ?? '../shared/data');
const blank = () => ({ sentences: 0, cited: 0, right: 0, supporters: 0, exact: 0, high: 0, low: 0 });
type Tally = ReturnType<typeof blank>;
const tallies = new Map<string, Tally>();
const groupsOf = (g: GoldSentence & { round?: number }) => ['all', halfOf(g.story), `round ${g.round ?? 1}`];
const short = (id: string) => id.slice(-3);
for (const story of [...new Set([...byKey.values()].map((g) => g.story))]) {
  const docs = load(story);
  if (!docs) continue;
  const { articles, name, briefed } = storyPipeline(story, docs);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const wanted = [...byKey.values()].filter((g) => g.story === story);
  console.log(`\n######## ${story} [${halfOf(story)}] ${docs.length} articles`);
  const found = new Set<string>();
  briefed.stories.forEach((st) => {
    const ids = new Set(st.articleIds.map(name));
    const mine = wanted.filter((g) => ids.has(g.from));
    if (!mine.length) return;
    const hashes = new Set(mine.map((g) => g.hash));
    const pick = (s: Sentence) => hashes.has(sentenceHash(withoutDateline(s)));
    const cited = citeInStory(st, byId, briefed.sentences, BRIEF_OPTIONS, pick);
    const ss = briefSentences(st, byId, briefed.sentences, BRIEF_OPTIONS);
    const df = sentenceFrequencies(ss);
    console.log(`-- story of ${[...ids].map(short).join(' ')}`);
    for (const c of cited) {
      const g = byKey.get(`${story}#${sentenceHash(c.text)}`);
      if (!g) continue;
      found.add(g.hash);
      const sup = new Set(g.supporters);
      const got = [...new Set(c.citations.map((x) => name(x.articleId)))];
      const shown = c.corroboration?.reports ?? 0;
      const missing = [...sup].filter((x) => !got.includes(x));
      const wrong = got.filter((x) => !sup.has(x));
      const verdict = shown === g.reports ? 'ok' : shown > (g.reports ?? 0) ? 'HIGH' : 'LOW';
      for (const key of groupsOf(g)) {
        const tally = tallies.get(key) ?? blank();
        tallies.set(key, tally);
        tally.sentences++;
        tally.cited += got.length;
        tally.right += got.length - wrong.length;
        tally.supporters += sup.size;
        if (verdict === 'ok') tally.exact++;
        else if (verdict === 'HIGH') tally.high++;
        else tally.low++;
      }
      if (errorsOnly && !missing.length && !wrong.length && verdict === 'ok') continue;
      console.log(
        `\n[${g.hash} r${g.round ?? 1}] from ${short(g.from)} count ${shown}/${g.reports} ${verdict}  cited ${got.map(short).join(',')}  gold ${[...sup].map(short).join(',')}`,
      );
      console.log(`  S: ${c.text}`);
      if (!missing.length && !wrong.length) continue;
      const src = ss.find((s) => s.articleId === c.from.articleId && s.index === c.from.sentenceIndex);
      if (!src) continue;
      const best = new Map<string, { s: Sentence; score: number; why: string }>();
      findSupport(src, ss, df, ss.length, (s, score, why) => {
        const a = name(s.articleId);
        const prev = best.get(a);
        if (
          !prev ||
          (why === 'cited' && prev.why !== 'cited') ||
          (prev.why !== 'cited' && score > prev.score)
        )
          best.set(a, { s, score, why });
      });
      for (const m of missing) {
        const b = best.get(m);
        console.log(
          `  MISSED ${short(m)}${ids.has(m) ? '' : ' (NOT IN STORY)'}${b ? ` ${b.why} ${b.score.toFixed(2)}: ${b.s.text.slice(0, 220)}` : ''}`,
        );
      }
      for (const w of wrong) {
        const b = best.get(w);
        console.log(`  WRONG ${short(w)}${b ? ` ${b.score.toFixed(2)}: ${b.s.text.slice(0, 220)}` : ''}`);
      }
    }
  });
  for (const g of wanted)
    if (!found.has(g.hash)) console.log(`\n[${g.hash}] NOT FOUND (from ${short(g.from)})`);
}
console.log('');
for (const [key, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
  const p = t.cited ? t.right / t.cited : 1;
  const r = t.supporters ? t.right / t.supporters : 1;
  console.log(
    `${key.padEnd(8)} ${String(t.sentences).padStart(3)} sentences  P ${p.toFixed(4)} (${t.cited - t.right} wrong)  R ${r.toFixed(4)} (${t.supporters - t.right} missed)  exact ${(t.exact / t.sentences).toFixed(4)} (high ${t.high}, low ${t.low})`,
  );
}
