/**
 * Candidate pairs for the merge gold set (data/gold/merges.md): from real stories of ../shared/data, pairs
 * of distinct entity names a merger could plausibly join — an acronym and a long form with its initials,
 * the same consonant skeleton, one name's words inside the other's, a shared word (surname, first name,
 * the stem of a city and its country). Writes the candidates (JSONL, no text) and, for the labeller only,
 * a context file with a few snippets of each name (never committed).
 *   npx tsx bench/merge-candidates.ts OUT.jsonl CONTEXT.txt [PER_STORY] [all|hard|mixed] [EARLIER.jsonl[,...]]
 *     [FRESH]
 * "hard" keeps only the pairs most likely to be merged wrongly: the same skeleton, names of different kinds
 * sharing a word or skeleton (a person and a country), a place inside another (a city and its country);
 * "mixed" offers both, a pair that fits a hard rule filed under it. FRESH ("6-13") draws a held-out round:
 * only stories absent from every EARLIER file, with the Timeline17 dates ranked 6 to 13 by article count
 * (default: the 5 busiest dates of each topic, every story).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { storyLoader } from '../src/eval/merges.js';
import { findMentions } from '../src/language/entities.js';

const shared = '/work/shared/data';
const [
  out = '/tmp/merge-cands.jsonl',
  ctxOut = '/tmp/merge-ctx.txt',
  perStoryArg = '4',
  mode = 'all',
  skip = '',
  fresh = '',
] = process.argv.slice(2);
/** Pairs already labelled (JSONL files of earlier rounds, comma-separated), not offered again. */
const earlier = (skip ? skip.split(',') : []).flatMap((f) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { story: string; a: string; b: string }),
);
const done = new Set(earlier.map((p) => `${p.story}|${p.a}|${p.b}`));
/** With FRESH, every story of an earlier round is left out and other Timeline17 dates are drawn. */
const usedStories = new Set(fresh ? earlier.map((p) => p.story) : []);
const [rankFrom, rankTo] = (fresh || '1-5').split('-').map(Number);
const perStory = Number(perStoryArg);

const stories: string[] = [];
for (const line of gunzipSync(readFileSync(join(shared, 'summarization', 'duc2006.jsonl.gz')))
  .toString()
  .split('\n'))
  if (line.trim()) stories.push(`duc2006:${JSON.parse(line).id}`);
for (const line of readFileSync(join(shared, 'summarization', 'multinews-dev.jsonl'), 'utf8').split('\n'))
  if (line.trim()) stories.push(`multinews:${JSON.parse(line).id}`);
const topics = [
  'EgyptianProtest_cnn',
  'Finan_washingtonpost',
  'H1N1_bbc',
  'H1N1_guardian',
  'H1N1_reuters',
  'IraqWar_guardian',
  'LibyaWar_cnn',
  'LibyaWar_reuters',
  'MJ_bbc',
  'bpoil_bbc',
  'bpoil_foxnews',
  'bpoil_guardian',
  'bpoil_reuters',
  'bpoil_washingtonpost',
  'haiti_bbc',
];
for (const topic of topics) {
  const counts = new Map<string, number>();
  for (const line of gunzipSync(readFileSync(join(shared, 'timeline', 't17', topic, 'articles.jsonl.gz')))
    .toString()
    .split('\n'))
    if (line.trim()) {
      const d = JSON.parse(line).date as string;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
  for (const [d] of [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(rankFrom - 1, rankTo))
    stories.push(`t17:${topic}:${d}`);
}

const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’.]/g, '');
const PART = /^(al|el|bin|ibn|abu|de|del|di|da|van|von|der|la|le|du|of|the|and|for)$/i;
const wordsOf = (n: string) =>
  n
    .replace(/['’]s$/, '')
    .split(/[\s-]+/)
    .filter((w) => w && !PART.test(w))
    .map(fold)
    .filter(Boolean);
const skel = (w: string) => {
  const s = w
    .replace(/^(al|el)(?=\p{L}{3})/u, '')
    .replace(/ph/g, 'f')
    .replace(/[cq]/g, 'k')
    .replace(/([dk])h/g, '$1');
  return (s[0] + s.slice(1).replace(/[aeiouy]/g, '')).replace(/(.)\1+/g, '$1');
};
const initials = (n: string) =>
  n
    .split(/[\s-]+/)
    .filter((w) => w && !PART.test(w) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
const isAcro = (n: string) => /^\p{Lu}{2,6}$/u.test(n.replace(/\./g, ''));
let h = 0;
const hash = (s: string) => {
  h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
};

const load = storyLoader(shared);
const outLines: string[] = [];
const ctx: string[] = [];
let n = 0;
const seen = new Map<string, number>();
for (const story of stories) {
  if (usedStories.has(story)) continue;
  const docs = load(story);
  if (!docs) continue;
  const names = new Map<
    string,
    { kinds: Map<string, number>; count: number; at: Array<[string, number, number]> }
  >();
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  for (const d of docs)
    for (const m of findMentions(d.text)) {
      let e = names.get(m.name);
      if (!e) names.set(m.name, (e = { kinds: new Map(), count: 0, at: [] }));
      e.kinds.set(m.kind, (e.kinds.get(m.kind) ?? 0) + 1);
      e.count++;
      if (e.at.length < 40) e.at.push([d.id, m.start, m.end]);
    }
  const kindOf = (n: string) => [...names.get(n)!.kinds].sort((a, b) => b[1] - a[1])[0][0];
  const keys = new Map<string, string>();
  for (const name of names.keys()) keys.set(name, wordsOf(name).join(' '));
  const byWord = new Map<string, string[]>();
  const byInit = new Map<string, string[]>();
  for (const name of names.keys()) {
    const w = wordsOf(name);
    for (const x of new Set([...w, ...w.map(skel)])) byWord.set(x, [...(byWord.get(x) ?? []), name]);
    if (w.length >= 2) byInit.set(initials(name), [...(byInit.get(initials(name)) ?? []), name]);
  }
  const pairs = new Map<string, { a: string; b: string; rule: string }>();
  const consider = (a: string, b: string) => {
    if (a === b || keys.get(a) === keys.get(b) || !keys.get(a) || !keys.get(b)) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    const id = `${x}\u0000${y}`;
    if (pairs.has(id)) return;
    const wx = wordsOf(x);
    const wy = wordsOf(y);
    let rule = 'shared-word';
    if (wx.map(skel).join(' ') === wy.map(skel).join(' ')) rule = 'skeleton';
    else if (wx.every((w) => wy.includes(w)) || wy.every((w) => wx.includes(w))) rule = 'contained';
    else if (wx[wx.length - 1] === wy[wy.length - 1]) rule = 'same-last';
    else if (wx[0] === wy[0]) rule = 'same-first';
    if (mode === 'hard' || mode === 'mixed') {
      if (rule === 'skeleton') rule = 'skeleton';
      else if (kindOf(x) !== kindOf(y)) rule = 'cross-kind';
      else if (kindOf(x) === 'PLACE' && rule === 'contained') rule = 'place-contained';
      else if (mode === 'hard') return;
    }
    if (done.has(`${story}|${x}|${y}`)) return;
    pairs.set(id, { a: x, b: y, rule });
  };
  for (const list of byWord.values())
    if (list.length < 12) for (const a of list) for (const b of list) consider(a, b);
  for (const name of mode === 'hard' ? [] : names.keys())
    if (isAcro(name))
      for (const long of byInit.get(name.replace(/\./g, '')) ?? []) {
        const [x, y] = name < long ? [name, long] : [long, name];
        pairs.set(`${x}\u0000${y}`, { a: x, b: y, rule: 'acronym' });
      }
  // one pair of each kind of candidate in turn, in a fixed pseudo-random order; a pair of names already
  // taken from three other stories ("U.S." / "United States") is not taken again
  // (mixed: a round-1 rule and a hard rule in turn)
  const order =
    mode === 'mixed'
      ? [
          'contained',
          'cross-kind',
          'same-last',
          'skeleton',
          'acronym',
          'place-contained',
          'same-first',
          'shared-word',
        ]
      : [
          'contained',
          'same-last',
          'acronym',
          'skeleton',
          'same-first',
          'shared-word',
          'cross-kind',
          'place-contained',
        ];
  const byRule = order.map((r) =>
    [...pairs.values()]
      .filter((p) => p.rule === r && (seen.get(`${p.a}|${p.b}`) ?? 0) < 3)
      .sort((p, q) => hash(p.a + p.b + story) - hash(q.a + q.b + story)),
  );
  const chosen: Array<{ a: string; b: string; rule: string }> = [];
  for (let round = 0; chosen.length < perStory && byRule.some((l) => l.length > round); round++)
    for (const list of byRule) if (list[round] && chosen.length < perStory) chosen.push(list[round]);
  for (const p of chosen) seen.set(`${p.a}|${p.b}`, (seen.get(`${p.a}|${p.b}`) ?? 0) + 1);
  for (const p of chosen) {
    n++;
    outLines.push(
      JSON.stringify({ story, a: p.a, b: p.b, kind_a: kindOf(p.a), kind_b: kindOf(p.b), rule: p.rule }),
    );
    ctx.push(
      `#${n} ${story} ${p.rule}\n  A ${p.a} [${kindOf(p.a)} x${names.get(p.a)!.count}]  B ${p.b} [${kindOf(p.b)} x${names.get(p.b)!.count}]`,
    );
    for (const [tag, name] of [
      ['A', p.a],
      ['B', p.b],
    ] as const)
      for (const [doc, s, e] of names.get(name)!.at.slice(0, 2)) {
        const t = texts.get(doc)!;
        ctx.push(
          `  ${tag}: ${t.slice(Math.max(0, s - 75), s).replace(/\s+/g, ' ')}[[${t.slice(s, e)}]]${t.slice(e, e + 45).replace(/\s+/g, ' ')}`,
        );
      }
  }
}
writeFileSync(out, `${outLines.join('\n')}\n`);
writeFileSync(ctxOut, `${ctx.join('\n')}\n`);
console.log(
  `${outLines.length} candidates from ${new Set(outLines.map((l) => JSON.parse(l).story)).size} of ${stories.filter((s) => !usedStories.has(s)).length} stories`,
);
