/**
 * Candidate figure pairs for the disagreement dev set (see data/gold/disagreements.md), reproducibly:
 *
 *   npx tsx scripts/gold/disagreement-candidates.ts generate OUT.jsonl   # pairs, ids and offsets only
 *   npx tsx scripts/gold/disagreement-candidates.ts show IN.jsonl        # the two sentences of each pair, to label
 *   npx tsx scripts/gold/disagreement-candidates.ts label IN.jsonl LABELS.tsv OUT.jsonl
 *
 * Two generators: the shipped detector (every pair of figures it sets against each other, from different
 * reports), and a looser one (any two figures of one kind with values that do not meet, in sentences of
 * one story that share a content word: of different articles, or of one sentence with the same frame).
 * The looser pairs are many; a fixed sample of them is kept, stratified so that likely conflicts (same frame,
 * shared context words) are well represented. Samples are drawn by a hash of the pair's id, so a rerun gives
 * the same set. Reads ../shared/data (or --shared DIR).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { concepts } from '../../src/analyse/concepts.js';
import { compatible, figureConflicts, mentionsOf, sameThing } from '../../src/analyse/disagreements.js';
import { isCasualtyFrame, type Quantity, quantities } from '../../src/analyse/quantities.js';
import { fnv } from '../../src/cluster/features.js';
import {
  allStoryIds,
  figureKey,
  type GoldStory,
  pairKey,
  storyLoader,
} from '../../src/eval/disagreement-stories.js';
import type { Sentence } from '../../src/model.js';

const here = new URL('../..', import.meta.url).pathname;

interface Fig {
  article: string;
  start: number;
  end: number;
  value: string;
}
export interface Candidate {
  id: string;
  story: string;
  a: Fig;
  b: Fig;
  from: string[];
  label?: string;
  note?: string;
}

interface M {
  q: Quantity;
  s: Sentence;
  key: string;
  words: Set<string>;
  near: Set<string>;
}

const share = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

function fig(m: { q: Quantity; s: Sentence }): Fig {
  return { article: m.s.articleId, start: m.s.start + m.q.start, end: m.s.start + m.q.end, value: m.q.text };
}

const hash = (s: string) => (fnv(s) >>> 0) / 2 ** 32;

/**
 * Pairs kept per dataset: one pair of each sampled conflict of the detector, and samples of the looser pairs
 * (`from` names the samples that drew a pair).
 */
const DETECTOR = { t17: 70, duc2006: 25, multinews: 15 };
const LOOSE_STRONG = { t17: 60, duc2006: 30, multinews: 20 };
const LOOSE_WEAK = { t17: 15, duc2006: 15, multinews: 10 };
const TOLL = { t17: 45, duc2006: 15, multinews: 10 };
const DIRECT = { t17: 40, duc2006: 20, multinews: 15 };

interface Pool {
  detector: Array<{ h: number; c: Candidate }>;
  strong: Array<{ h: number; c: Candidate }>;
  toll: Array<{ h: number; c: Candidate }>;
  direct: Array<{ h: number; c: Candidate }>;
  weak: Array<{ h: number; c: Candidate }>;
}

function candidate(story: string, a: Fig, b: Fig, from: string): { h: number; c: Candidate } {
  const k = pairKey(figureKey(a.article, a.start), figureKey(b.article, b.start));
  const [x, y] = figureKey(a.article, a.start) < figureKey(b.article, b.start) ? [a, b] : [b, a];
  const id = `d${(fnv(`${story}#${k}`) >>> 0).toString(16).padStart(8, '0')}`;
  return { h: hash(`${id}:${from}`), c: { id, story, a: x, b: y, from: [from] } };
}

function collect(story: GoldStory, pool: Pool): void {
  // The shipped detector: one pair (the first by hash) of each conflict it reports.
  for (const c of figureConflicts(story.sentences, story.reportOf, story.dayOf)) {
    let best: { h: number; c: Candidate } | undefined;
    for (let i = 0; i < c.values.length; i++)
      for (let j = i + 1; j < c.values.length; j++)
        for (const x of c.values[i])
          for (const y of c.values[j])
            if (x.reportId !== y.reportId) {
              const k = candidate(
                story.id,
                fig({ q: x.q, s: x.sentence }),
                fig({ q: y.q, s: y.sentence }),
                'detector',
              );
              if (!best || k.h < best.h) best = k;
            }
    if (best) pool.detector.push(best);
  }
  // Pairs the detector's own test of "the same thing" accepts directly (not through a chain of others),
  // from pages of about the same time: where its true conflicts should be.
  const mentions = mentionsOf(story.sentences, story.reportOf);
  for (let i = 0; i < mentions.length; i++)
    for (let j = i + 1; j < mentions.length; j++) {
      const [x, y] = [mentions[i], mentions[j]];
      if (x.reportId === y.reportId || compatible(x.q, y.q) || !sameThing(x, y)) continue;
      const [da, db] = [story.dayOf(x.sentence.articleId), story.dayOf(y.sentence.articleId)];
      if (da !== undefined && db !== undefined && Math.abs(da - db) > 2) continue;
      const k = candidate(story.id, fig({ q: x.q, s: x.sentence }), fig({ q: y.q, s: y.sentence }), 'direct');
      pool.direct.push({ h: hash(`${k.c.id}:direct`), c: k.c });
    }
  // The looser generator.
  const ms: M[] = [];
  const nearOf = new Map(
    mentionsOf(story.sentences, story.reportOf).map((m) => [
      `${m.sentence.articleId}:${m.sentence.index}:${m.q.start}`,
      m.near,
    ]),
  );
  for (const s of story.sentences) {
    const words = new Set(concepts(s.text));
    for (const q of quantities(s.text))
      ms.push({
        q,
        s,
        key: figureKey(s.articleId, s.start + q.start),
        words,
        near: nearOf.get(`${s.articleId}:${s.index}:${q.start}`) ?? new Set(),
      });
  }
  for (let i = 0; i < ms.length; i++)
    for (let j = i + 1; j < ms.length; j++) {
      const a = ms[i];
      const b = ms[j];
      if (a.q.kind !== b.q.kind || compatible(a.q, b.q)) continue;
      const sameSentence = a.s === b.s;
      if (!sameSentence && a.s.articleId === b.s.articleId) continue;
      if (sameSentence && a.q.frame !== b.q.frame) continue;
      if (!sameSentence && story.reportOf.get(a.s.articleId) === story.reportOf.get(b.s.articleId)) continue;
      if (share(a.words, b.words) < 1) continue;
      const k = candidate(story.id, fig(a), fig(b), 'loose');
      if (a.q.frame === b.q.frame && (sameSentence || share(a.near, b.near) >= 1)) {
        // Casualty tolls are where real conflicts are: drawn twice as often.
        if (isCasualtyFrame(a.q.frame)) k.h /= 2;
        pool.strong.push(k);
        // Tolls of one time in close context: where conflicts between sources are most likely.
        const [da, db] = [story.dayOf(a.s.articleId), story.dayOf(b.s.articleId)];
        const close = da === undefined || db === undefined || Math.abs(da - db) <= 1;
        if (isCasualtyFrame(a.q.frame) && close && (sameSentence || share(a.near, b.near) >= 2))
          pool.toll.push({ h: hash(`${k.c.id}:toll`), c: { ...k.c, from: ['toll'] } });
      } else pool.weak.push(k);
    }
}

function select(pool: Pool): Candidate[] {
  const out = new Map<string, Candidate>();
  const take = (list: Array<{ h: number; c: Candidate }>, quota: Record<string, number>) => {
    const taken = new Map<string, number>();
    for (const { c } of [...list].sort((x, y) => x.h - y.h)) {
      const dataset = c.story.split('/')[0];
      const n = taken.get(dataset) ?? 0;
      if (n >= (quota[dataset] ?? 0)) continue;
      taken.set(dataset, n + 1);
      const had = out.get(c.id);
      if (had) {
        if (!had.from.includes(c.from[0])) had.from.push(c.from[0]);
      } else out.set(c.id, { ...c, from: [...c.from] });
    }
  };
  take(pool.detector, DETECTOR);
  take(pool.strong, LOOSE_STRONG);
  take(pool.weak, LOOSE_WEAK);
  take(pool.toll, TOLL);
  take(pool.direct, DIRECT);
  for (const c of out.values()) c.from.sort();
  return [...out.values()].sort((x, y) => x.story.localeCompare(y.story) || x.id.localeCompare(y.id));
}

function shared(): string {
  const i = process.argv.indexOf('--shared');
  return i > 0 ? process.argv[i + 1] : join(here, '..', 'shared', 'data');
}

function readCandidates(file: string): Candidate[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Candidate);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'generate') {
  const load = storyLoader(shared());
  const pool: Pool = { detector: [], strong: [], toll: [], direct: [], weak: [] };
  for (const id of allStoryIds(shared())) {
    const story = load(id);
    if (story.articles.length >= 2) collect(story, pool);
  }
  console.log(
    `pool: ${pool.detector.length} detector conflicts, ${pool.strong.length} strong, ${pool.toll.length} toll, ${pool.direct.length} direct and ${pool.weak.length} weak loose pairs`,
  );
  const lines: string[] = [];
  const perDataset = new Map<string, number>();
  for (const c of select(pool)) {
    lines.push(JSON.stringify(c));
    const k = `${c.story.split('/')[0]} ${c.from.join('+')}`;
    perDataset.set(k, (perDataset.get(k) ?? 0) + 1);
  }
  writeFileSync(args[0], `${lines.join('\n')}\n`);
  console.log(`${lines.length} candidate pairs`, Object.fromEntries([...perDataset].sort()));
} else if (mode === 'show') {
  const load = storyLoader(shared());
  let current: GoldStory | undefined;
  for (const c of readCandidates(args[0])) {
    if (current?.id !== c.story) current = load(c.story);
    const view = (f: Fig) => {
      const art = current!.articles.find((x) => x.id === f.article)!;
      const s = current!.sentences.find(
        (x) => x.articleId === f.article && x.start <= f.start && f.start < x.end,
      )!;
      const t = s.text;
      const st = f.start - s.start;
      const en = f.end - s.start;
      const body = `${t.slice(Math.max(0, st - 170), st)}[[${t.slice(st, en)}]]${t.slice(en, en + 110)}`;
      return `  ${f.article} ${art.published ?? ''}: ${body.replace(/\s+/g, ' ')}`;
    };
    console.log(`${c.id} ${c.story} ${c.from.join('+')}${c.label ? ` = ${c.label}` : ''}`);
    console.log(view(c.a));
    console.log(view(c.b));
  }
} else if (mode === 'label') {
  const labels = new Map<string, { label: string; note?: string }>();
  for (const line of readFileSync(args[1], 'utf8').split('\n')) {
    const m = /^(d[0-9a-f]{8})\s+(conflict|different|update|parse|agree)\b\s*(.*)$/.exec(line.trim());
    if (m) labels.set(m[1], { label: m[2], ...(m[3] ? { note: m[3] } : {}) });
  }
  const out = readCandidates(args[0]).map((c) => ({ ...c, ...(labels.get(c.id) ?? {}) }));
  writeFileSync(args[2], `${out.map((c) => JSON.stringify(c)).join('\n')}\n`);
  console.log(`${out.filter((c) => c.label).length} of ${out.length} labelled`);
} else {
  console.error('usage: disagreement-candidates.ts generate OUT | show IN | label IN LABELS OUT');
  process.exit(2);
}
