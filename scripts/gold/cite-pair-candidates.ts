/**
 * Candidates of the citation pair set (data/gold/cite-pairs.jsonl, protocol data/gold/cite-pairs.md): for the
 * summary sentences of the briefs of Multi-News dev clusters that the brief dev set does not use (the last
 * STORIES clusters, in file order, that the citation rule admits at 4,500 words), each sentence of another
 * article of the story that passes every veto of `findSupport` but that the overlap rule does not cite (the
 * band from BAND_FLOOR up), at most PER_ARTICLE per (summary sentence, article), best overlap first; and a
 * sample of the pairs the rule cites below an overlap of 1. Writes one JSON line per pair (ids, sentence
 * indexes, hashes, overlap; with --text also both texts, for labelling only: never commit those).
 *
 *   npx tsx scripts/gold/cite-pair-candidates.ts [--shared DIR] [--text] > candidates.jsonl
 */
import { join } from 'node:path';
import { briefSentences } from '../../src/brief/build.js';
import { findSupport, sentenceFrequencies } from '../../src/brief/cite.js';
import {
  BRIEF_OPTIONS,
  briefStoryLoader,
  sentenceHash,
  storyPipeline,
} from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import type { Sentence } from '../../src/model.js';
import { withoutDateline } from '../../src/text/candidates.js';

export const STORIES = 8;
const PER_ARTICLE = 2;
/** One in this many pairs that the rule cites (below an overlap of 1) is kept, by hash. */
const CITED_SAMPLE = 4;

const args = process.argv.slice(2);
const shared = args.includes('--shared') ? args[args.indexOf('--shared') + 1] : '/work/shared/data';
const withText = args.includes('--text');
const used = new Set(readJsonl<{ story: string }>('data/gold/briefs.jsonl').map((g) => g.story));
const stories = readJsonl<{ id: string }>(join(shared, 'summarization', 'duc2006.jsonl.gz'))
  .map((t) => `duc2006/${t.id}`)
  .filter((s) => !used.has(s))
  .slice(-STORIES);
const load = briefStoryLoader(shared);
for (const story of stories) {
  const docs = load(story);
  if (!docs) continue;
  const { articles, name, briefed } = storyPipeline(story, docs);
  console.error(story, docs.length, briefed.briefs.length);
  const byId = new Map(articles.map((a) => [a.id, a]));
  briefed.briefs.forEach((b, k) => {
    const st = briefed.stories[k];
    const ss = briefSentences(st, byId, briefed.sentences, BRIEF_OPTIONS);
    const df = sentenceFrequencies(ss);
    for (const sm of b.summary) {
      const src = ss.find((s) => s.articleId === sm.from.articleId && s.index === sm.from.sentenceIndex);
      if (!src) continue;
      const seen: { s: Sentence; score: number; verdict: string }[] = [];
      findSupport(src, ss, df, ss.length, (s, score, verdict) => {
        if (s.articleId !== src.articleId && (verdict === 'band' || (verdict === 'cited' && score < 1)))
          seen.push({ s, score, verdict });
      });
      const byArticle = new Map<string, typeof seen>();
      for (const p of seen) byArticle.set(p.s.articleId, [...(byArticle.get(p.s.articleId) ?? []), p]);
      for (const list of byArticle.values()) {
        const band = list.filter((p) => p.verdict === 'band').sort((x, y) => y.score - x.score);
        const cited = list.filter((p) => p.verdict === 'cited');
        const kept = [
          ...band.slice(0, PER_ARTICLE),
          ...cited.filter((p) => parseInt(sentenceHash(p.s.text).slice(0, 6), 16) % CITED_SAMPLE === 0),
        ];
        for (const p of kept) {
          const text = withoutDateline(src);
          console.log(
            JSON.stringify({
              story,
              brief: k,
              hash: sentenceHash(text),
              from: name(src.articleId),
              article: name(p.s.articleId),
              sentence: p.s.index,
              sentenceHash: sentenceHash(p.s.text),
              overlap: Number(p.score.toFixed(4)),
              rule: p.verdict === 'cited' ? 1 : 0,
              ...(withText ? { a: text, b: p.s.text } : {}),
            }),
          );
        }
      }
    }
  });
}
