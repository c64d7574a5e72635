/**
 * The candidates of a non-article labelling round (data/gold/non-articles.md, "Round 4"): every unlabelled
 * Timeline17 page and trafilatura-dev page, scored by generators looser than the detector, and a hash sample of
 * the same pool so the generators' bias shows. Writes the chosen ids, one JSON line each with the generators
 * that picked it (no text), to stdout; with `--show DIR`, also a reading file (extracted text, outside the repo).
 *   npx tsx scripts/gold/non-article-candidates.ts [--round 4|5|7|8] [--shared DIR] [--show DIR]
 * Generators (each keeps its top pages of the pool, ranked on its own signal):
 * - `model`: the shipped combiner's probability (a page the rules or the model drop is taken whatever its rank);
 * - `keywords`: furniture and listing words (subscribe, video, gallery, schedule, shop, price, ...) per word;
 * - `shape`: short lines, lines without a sentence end, cut-off teasers ("…") over lines;
 * - `short`: the fewest words;
 * - `url` (trafilatura): an address without an article slug (a home, shop, product, category or service page);
 * - `site` (round 8, Timeline17): the share of a page's lines of four words or more that recur on at least two
 *   other pages of its topic (one site): template lines and teasers shared with the site's other pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from '../../src/eval/data.js';
import { loadPages } from '../../src/eval/extract.js';
import { sharedDocs } from '../../src/eval/shared-docs.js';
import { extractArticle } from '../../src/extract/index.js';
import {
  modelApplies,
  type NonArticleWeights,
  nonArticleProbability,
  ruleDecision,
} from '../../src/extract/non-article.js';
import { nonArticleFeatures, pageShape } from '../../src/extract/non-article-features.js';
import { contentHash } from '../../src/ingest/hash.js';
import { rawDocument } from '../../src/ingest/record.js';
import type { RawKind } from '../../src/model.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const shared = resolve(arg('--shared') ?? resolve(ROOT, '../shared/data'));
/**
 * The round whose candidates to pick: 4 (generators over both sets), 5 (every trafilatura page left, generators
 * over Timeline17) or 7 (Timeline17 only, the generators of 5 plus `lines` and `datelines`, and a larger hash sample).
 */
const ROUND = Number(arg('--round') ?? 4);
if (![4, 5, 7, 8].includes(ROUND)) throw new Error(`no candidate rule for round ${ROUND}`);
const show = arg('--show');
const model = JSON.parse(
  (await import('node:fs')).readFileSync(resolve(ROOT, 'models/non-article.json'), 'utf8'),
) as NonArticleWeights;

const KEYWORDS =
  /\b(?:subscribe|subscription|newsletter|sign (?:up|in)|log ?in|cookies?|javascript|browser|click|video|videos|watch|gallery|photos|pictures|slideshow|listen|podcast|audio|schedule|programme|episode|comments?|share|related|advertisement|copyright|rights reserved|terms|privacy|read more|more from|most (?:popular|read)|home|menu|search|price|prices|buy|cart|shop|booking|book now|contact|email|download|follow us|latest|headlines|archive|updated|posted by|tags?|category)\b/g;
const SLUG = /[a-z0-9]+(?:[-_][a-z0-9]+){3,}|\d{4}[/-]\d{2}|\d{6,}/i;
const COMMERCE_URL =
  /\b(?:shop|store|product|produkt|category|kategorie|tag|service|services|leistungen|about|contact|kontakt|booking|hotel|forum|index|home|angebot|deals?|coupon|gutschein)\b/i;

interface Cand {
  set: 't17' | 'trafilatura';
  id: string;
  gold: Record<string, unknown>;
  text: string;
  title: string;
  url?: string;
  scores: Record<string, number>;
  rule: boolean;
}

const hash = (s: string) => createHash('sha1').update(s).digest().readUInt32BE(0) / 2 ** 32;

function read(kind: RawKind, content: string) {
  const raw = rawDocument({ origin: { path: 'x' }, kind, content, hash: contentHash(content) });
  const r = extractArticle(raw, { keepAll: true });
  const paragraphs = r.article?.paragraphs ?? [];
  const shape = pageShape(paragraphs);
  const options = { wholeText: kind !== 'html' };
  const rule = ruleDecision(paragraphs, shape, options);
  const p =
    r.article && modelApplies(shape, options)
      ? nonArticleProbability(model, nonArticleFeatures(shape, kind === 'html'))
      : 0;
  return {
    paragraphs,
    title: r.article?.title ?? '',
    p,
    rule: !r.article || (rule !== undefined && rule !== 'article'),
  };
}

function signals(text: string, p: number): Record<string, number> {
  const words = Math.max(1, text.split(/\s+/).filter(Boolean).length);
  const lines = text.split(/\n+/).filter((l) => l.trim());
  const n = Math.max(1, lines.length);
  const short = lines.filter((l) => l.split(/\s+/).length < 8).length;
  const open = lines.filter((l) => !/[.!?"'”’)]\s*$/.test(l.trim())).length;
  const cut = (text.match(/…|\.\.\./g) ?? []).length;
  return {
    model: p,
    keywords: (text.toLowerCase().match(KEYWORDS) ?? []).length / words,
    shape: (short + open + cut) / n,
    short: -words,
    // Round 7: long index pages made of prose. Headline-like lines (under 15 words, no sentence end) counted, not
    // as a share, so a 10k-word schedule with hundreds of them ranks high; and agency or place datelines past the
    // page's first line (a correspondent's page, a teaser run: one report's opening after another).
    lines: lines.filter((l) => l.split(/\s+/).length < 15 && !/[.!?"'”’)]\s*$/.test(l.trim())).length,
    datelines: Math.max(
      0,
      (
        text.match(
          /(?:^|\n)[A-Z][A-Z .'-]{2,}(?:,[^\n(]{0,40})?\s*(?:\((?:Reuters|AP|AFP|CNN)\)|\(?[A-Z][a-z]{2} \d{1,2}\)?)\s*[-–—]/g,
        ) ?? []
      ).length +
        (text.match(/ - Reuters\b|\| Reuters\b/g) ?? []).length -
        1,
    ),
  };
}

// The pool: pages no earlier round labelled (the round's own lines are the output of this script).
// Round 8 is kept in a file of its own (data/gold/non-articles.md, "Round 8"): its pages are labelled too.
const goldFiles = ['non-articles.jsonl', 'non-articles.round8.jsonl']
  .map((name) => resolve(ROOT, 'data/gold', name))
  .filter((path) => existsSync(path));
const gold = goldFiles
  .flatMap((path) => readJsonl<Record<string, unknown>>(path))
  .filter((g) => ((g.round as number | undefined) ?? 1) < ROUND);
const labelled = new Set(
  gold.map((g) => (g.set === 't17' ? `t17 ${g.topic} ${g.index}` : `trafilatura ${g.id}`)),
);
const pool: Cand[] = [];
const docs = sharedDocs(shared);
for (const topic of readdirSync(join(shared, 'timeline', 't17')).sort()) {
  (docs.topic(topic) ?? []).forEach((d, index) => {
    const id = `${topic} ${index}`;
    if (labelled.has(`t17 ${id}`) || !d.text.trim()) return;
    const r = read('record', d.text);
    pool.push({
      set: 't17',
      id,
      gold: { set: 't17', topic, index },
      text: d.text,
      title: d.title ?? '',
      scores: signals(d.text, r.p),
      rule: r.rule,
    });
  });
}
for (const page of loadPages(join(shared, 'extraction', 'trafilatura-dev', 'index.jsonl'))) {
  if (labelled.has(`trafilatura ${page.id}`)) continue;
  const r = read('html', page.html);
  const text = r.paragraphs.join('\n');
  const url = (page as { url?: string }).url ?? '';
  const path = url.replace(/^[a-z]+::|^https?:\/\/[^/]+/, '');
  const scores = signals(text, r.p);
  scores.url = (SLUG.test(path) ? 0 : 1) + (COMMERCE_URL.test(path) ? 1 : 0);
  pool.push({
    set: 'trafilatura',
    id: page.id,
    gold: { set: 'trafilatura', id: page.id },
    text,
    title: r.title,
    url,
    scores,
    rule: r.rule,
  });
}

// Round 8: lines (four words or more, case and spacing folded) counted by the pages of the topic that hold them,
// over every page of the topic with text (labelled or not); a page's `site` score is the share of its lines
// that two or more other pages hold.
if (ROUND >= 8) {
  const fold = (l: string) => l.toLowerCase().replace(/\s+/g, ' ').trim();
  const linesOf = (text: string) =>
    [...new Set(text.split(/\n+/).map(fold))].filter((l) => l.split(' ').length >= 4);
  for (const topic of readdirSync(join(shared, 'timeline', 't17')).sort()) {
    const counts = new Map<string, number>();
    for (const d of docs.topic(topic) ?? [])
      for (const l of linesOf(d.text)) counts.set(l, (counts.get(l) ?? 0) + 1);
    for (const c of pool) {
      if (c.set !== 't17' || !c.id.startsWith(`${topic} `)) continue;
      const lines = linesOf(c.text);
      c.scores.site = lines.length ? lines.filter((l) => (counts.get(l) ?? 0) >= 3).length / lines.length : 0;
    }
  }
}

/**
 * How many of each set's pool each generator keeps (its top pages on its signal), and the random sample's size.
 * Round 5 takes every trafilatura page left (a census: no generator bias there) and, of Timeline17, fewer pages
 * of each generator (round 4 took the top ones).
 */
const TOP: Record<string, Record<string, number>> = ROUND === 8
  ? {
      t17: { model: 20, keywords: 10, shape: 15, short: 5, lines: 10, datelines: 10, site: 30 },
      trafilatura: {},
    }
  : ROUND === 7
    ? {
        t17: { model: 35, keywords: 20, shape: 30, short: 10, lines: 30, datelines: 25 },
        trafilatura: {},
      }
    : ROUND === 5
      ? {
          t17: { model: 50, keywords: 25, shape: 40, short: 15 },
          trafilatura: { all: Number.POSITIVE_INFINITY },
        }
      : {
          t17: { model: 80, keywords: 40, shape: 80, short: 30 },
          trafilatura: { model: 50, keywords: 20, shape: 50, short: 50, url: 25 },
        };
const SAMPLE: Record<string, number> =
  ROUND === 8
    ? { t17: 40, trafilatura: 0 }
    : ROUND === 7
      ? { t17: 50, trafilatura: 0 }
      : ROUND === 5
        ? { t17: 25, trafilatura: 0 }
        : { t17: 30, trafilatura: 20 };
const picked = new Map<string, { cand: Cand; by: Set<string> }>();
const pick = (c: Cand, by: string) => {
  const key = `${c.set} ${c.id}`;
  const e = picked.get(key) ?? { cand: c, by: new Set<string>() };
  e.by.add(by);
  picked.set(key, e);
};
for (const set of ['t17', 'trafilatura'] as const) {
  const part = pool.filter((c) => c.set === set);
  for (const c of part) if (c.rule) pick(c, 'rule');
  for (const [gen, top] of Object.entries(TOP[set])) {
    if (gen === 'all') {
      for (const c of part) pick(c, 'all');
      continue;
    }
    const ranked = [...part].sort(
      (a, b) => (b.scores[gen] ?? 0) - (a.scores[gen] ?? 0) || (a.id < b.id ? -1 : 1),
    );
    for (const c of ranked.slice(0, top)) pick(c, gen);
  }
  // The random sample: the lowest hashes of the pool, whatever the generators say.
  const sample = [...part].sort(
    (a, b) => hash(`round${ROUND} random ${a.set} ${a.id}`) - hash(`round${ROUND} random ${b.set} ${b.id}`),
  );
  for (const c of sample.slice(0, SAMPLE[set])) pick(c, 'random');
}

const entries = [...picked.values()].sort((a, b) =>
  `${a.cand.set} ${a.cand.id}` < `${b.cand.set} ${b.cand.id}` ? -1 : 1,
);
for (const { cand, by } of entries)
  console.log(JSON.stringify({ ...cand.gold, round: ROUND, by: [...by].sort() }));
console.error(`pool ${pool.length}, candidates ${entries.length}`);

if (show) {
  mkdirSync(show, { recursive: true });
  const lines: string[] = [];
  entries.forEach(({ cand, by }, i) => {
    const t = cand.text.replace(/\n+/g, ' ⏎ ');
    const words = cand.text.split(/\s+/).filter(Boolean).length;
    lines.push(
      `\n## [${i}] ${cand.set} ${cand.id} (${words} w; p ${cand.scores.model.toFixed(2)}; ${[...by].join(',')})`,
      cand.url ? `url: ${cand.url}` : '',
      `title: ${cand.title}`,
      t.length > 900 ? `${t.slice(0, 650)} [...] ${t.slice(-250)}` : t,
    );
  });
  writeFileSync(join(show, 'reading.md'), lines.join('\n'));
}
