/** Dump (summary sentence, article) pairs of the brief dev set's citation stories with candidate features. */

import { conflictingMonths } from '../../src/analyse/months.js';
import { briefSentences } from '../../src/brief/build.js';
import { conflictingNumbers, quantities, sentenceFrequencies } from '../../src/brief/cite.js';
import { type GoldSentence, halfOf } from '../../src/eval/brief.js';
import {
  BRIEF_OPTIONS,
  briefStoryLoader,
  briefsKept,
  sentenceHash,
  storyPipeline,
} from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { factConflicts, sameFactScore, sentenceFeatures } from '../../src/language/paraphrase/same-fact.js';
import { shareSynset, synsets } from '../../src/language/paraphrase/wordnet.js';
import { contentTerms, words } from '../../src/language/tokens.js';
import type { Sentence } from '../../src/model.js';
import { idf } from '../../src/text/vectors.js';

const gold = readJsonl<GoldSentence>('data/gold/briefs.jsonl').filter((g) => g.supporters);
const sup = new Map(gold.map((g) => [`${g.story}#${g.hash}`, g]));
const load = briefStoryLoader('../shared/data');
for (const story of [...new Set(gold.map((g) => g.story))]) {
  const docs = load(story)!;
  const { articles, name, briefed } = storyPipeline(story, docs);
  const { stories, briefs } = briefed;
  const byId = new Map(articles.map((a) => [a.id, a]));
  briefs.slice(0, briefsKept(story)).forEach((b, k) => {
    const st = stories[k];
    const ss = briefSentences(st, byId, briefed.sentences, BRIEF_OPTIONS);
    const df = sentenceFrequencies(ss);
    const n = ss.length;
    for (const sm of b.summary) {
      const g = sup.get(`${story}#${sentenceHash(sm.text)}`);
      if (!g) continue;
      const src = ss.find((s) => s.articleId === sm.from.articleId && s.index === sm.from.sentenceIndex);
      if (!src) continue;
      const target = new Set(contentTerms(src.text));
      let total = 0;
      for (const t of target) total += idf(df, n, t);
      const tw = words(src.text).filter((w) => w.length > 2);
      const tsyn = tw.map((w) => ({ w, syn: synsets(w) }));
      const cited = new Set(sm.citations.map((c) => c.articleId));
      for (const aid of st.articleIds) {
        if (aid === src.articleId) continue;
        const cands = ss.filter((s) => s.articleId === aid);
        const score = (text: string) => {
          const other = new Set(contentTerms(text));
          let shared = 0;
          for (const t of target) if (other.has(t)) shared += idf(df, n, t);
          let ot = 0;
          for (const t of other) ot += idf(df, n, t);
          return { o: ot > 0 ? (2 * shared) / (total + Math.min(ot, 2 * total)) : 0, cov: shared / total };
        };
        let best: { c: Sentence; o: number; cov: number } | undefined;
        let bestWin = 0;
        cands.forEach((c, i) => {
          const r = score(c.text);
          if (!best || r.o > best.o) best = { c, ...r };
          if (i + 1 < cands.length) bestWin = Math.max(bestWin, score(`${c.text} ${cands[i + 1].text}`).o);
        });
        if (!best) continue;
        const b0 = best as { c: Sentence; o: number; cov: number };
        // synonym coverage of the best candidate
        const cw = new Set(words(b0.c.text));
        const csyn = [...cw].map((w) => synsets(w)).filter((x) => x) as (readonly number[])[];
        let syn = 0;
        let synTot = 0;
        for (const { w, syn: s } of tsyn) {
          if (!contentTerms(w).length) continue;
          const wt = idf(df, n, contentTerms(w)[0]);
          synTot += wt;
          if (cw.has(w) || new Set(contentTerms(b0.c.text)).has(contentTerms(w)[0])) syn += wt;
          else if (s && csyn.some((c) => shareSynset(s, c))) syn += wt;
        }
        const qa = quantities(src.text);
        const qb = quantities(b0.c.text);
        const numShared = [...qa].some((x) => qb.has(x)) ? 1 : 0;
        const fa = sentenceFeatures(src.text);
        const fb = sentenceFeatures(b0.c.text);
        const conf = factConflicts(fa, fb);
        const row = {
          story,
          half: halfOf(story),
          hash: sentenceHash(sm.text),
          article: name(aid),
          label: g.supporters!.includes(name(aid)) ? 1 : 0,
          cited: cited.has(aid) ? 1 : 0,
          o: b0.o,
          cov: b0.cov,
          win: bestWin,
          syn: synTot ? syn / synTot : 0,
          numShared,
          numConflict: conflictingNumbers(src.text, b0.c.text) ? 1 : 0,
          month: conflictingMonths(src.text, b0.c.text) ? 1 : 0,
          neg: conf.includes('negation') ? 1 : 0,
          date: conf.includes('date') ? 1 : 0,
          sf: sameFactScore(fa, fb),
          terms: target.size,
          s: sm.text.slice(0, 100),
          c: b0.c.text.slice(0, 160),
        };
        console.log(JSON.stringify(row));
      }
    }
  });
}
