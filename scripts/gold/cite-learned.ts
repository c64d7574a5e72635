/**
 * A learned citation decision, measured (not shipped): for every (summary sentence, article) pair of the brief
 * dev set's citation stories (data/gold/briefs.jsonl), features of the article's evidence for the sentence, the
 * label (the article is a labelled supporter) and whether `findSupport`'s rule cites it; then an L2 logistic
 * regression fitted on the tune half's pairs and scored leave-one-story-out (each tune story predicted by a
 * model fitted on the others), against the rule on the same pairs. Prints (cited right / cited wrong) per
 * L2 strength and probability threshold. BENCHMARKS.md, "Citations: coordinated clauses, a blind round 6".
 *
 * The features describe the article's best sentence (the one whose content terms overlap the summary
 * sentence's most, among those that conflict with it on no figure, month, weekday or negation), the best two
 * adjacent sentences (a fact stated across a sentence boundary) and the whole article: IDF-weighted overlap
 * both ways, the share of the summary sentence's terms, of its names and of its figures that they carry, and
 * the same-fact model's probability for the best sentence.
 *
 *   npx tsx scripts/gold/cite-learned.ts [--pairs OUT.jsonl]
 */
import { writeFileSync } from 'node:fs';
import { conflictingMonths } from '../../src/analyse/months.js';
import { briefSentences } from '../../src/brief/build.js';
import {
  agreeingFigure,
  conflictingNumbers,
  countedFigures,
  featuresOf,
  findSupport,
  negationConflict,
  sentenceFrequencies,
} from '../../src/brief/cite.js';
import { type GoldSentence, halfOf } from '../../src/eval/brief.js';
import {
  BRIEF_OPTIONS,
  briefStoryLoader,
  briefsKept,
  sentenceHash,
  storyPipeline,
} from '../../src/eval/brief-stories.js';
import { readJsonl } from '../../src/eval/data.js';
import { fitLogistic, predict } from '../../src/language/paraphrase/fit.js';
import { factConflicts, sameFactScore } from '../../src/language/paraphrase/same-fact.js';
import { contentTerms } from '../../src/language/tokens.js';
import type { Sentence } from '../../src/model.js';
import { idf } from '../../src/text/vectors.js';

/** Feature columns, in the order of `EvidenceRow` and of the model file's weights. */
const CITE_FEATURES: readonly string[] = [
  'overlap',
  'coverage',
  'precision',
  'coverage_pair',
  'coverage_article',
  'names',
  'figure_agrees',
  'figure_missing',
  'same_fact',
  'terms',
];

/** Below this overlap a sentence is no candidate at all (no paraphrase labelled so far shares less). */
const EVIDENCE_FLOOR = 0.1;

interface Evidence {
  articleId: string;
  /** The best sentence's index in its article, and its overlap score. */
  sentenceIndex: number;
  score: number;
  row: number[];
}

/** Per-sentence facts computed once per sentence (stories compare each sentence with every summary sentence). */
interface SentenceInfo {
  terms: Set<string>;
  names: Set<string>;
}
const infoCache = new WeakMap<Sentence, SentenceInfo>();
function infoOf(s: Sentence): SentenceInfo {
  let i = infoCache.get(s);
  if (!i) {
    i = { terms: new Set(contentTerms(s.text)), names: namesOf(s.text) };
    infoCache.set(s, i);
  }
  return i;
}

/** Capitalised words not at the start of the sentence, lower-cased: the names a sentence gives. */
function namesOf(text: string): Set<string> {
  const out = new Set<string>();
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  words.forEach((w, i) => {
    if (i > 0 && /^\p{Lu}/u.test(w) && w.length > 1) out.add(w.toLowerCase().replace(/['’]s$/, ''));
  });
  return out;
}

/**
 * One evidence row per article of `story` other than the summary sentence's own, for articles with a
 * candidate sentence (overlap ≥ EVIDENCE_FLOOR, no conflict). Sorted by article id.
 */
function articleEvidence(
  summary: Sentence,
  story: Sentence[],
  df: Map<string, number>,
  n: number,
): Evidence[] {
  const target = infoOf(summary).terms;
  const weight = new Map<string, number>();
  let total = 0;
  for (const t of target) {
    const w = idf(df, n, t);
    weight.set(t, w);
    total += w;
  }
  if (total === 0) return [];
  const names = infoOf(summary).names;
  const figures = countedFigures(summary.text);
  const byArticle = new Map<string, Sentence[]>();
  for (const s of story) {
    if (s.articleId === summary.articleId) continue;
    const list = byArticle.get(s.articleId);
    if (list) list.push(s);
    else byArticle.set(s.articleId, [s]);
  }
  const out: Evidence[] = [];
  for (const [articleId, sentences] of [...byArticle].sort((a, b) => a[0].localeCompare(b[0]))) {
    sentences.sort((a, b) => a.index - b.index);
    const covered = (terms: Set<string>) => {
      let shared = 0;
      for (const t of target) if (terms.has(t)) shared += weight.get(t)!;
      return shared;
    };
    const articleTerms = new Set<string>();
    const ok: boolean[] = [];
    let best = -1;
    let bestScore = 0;
    let bestShared = 0;
    let bestOther = 0;
    sentences.forEach((s, i) => {
      const info = infoOf(s);
      for (const t of info.terms) articleTerms.add(t);
      const shared = covered(info.terms);
      let other = 0;
      for (const t of info.terms) other += idf(df, n, t);
      const score = other > 0 ? (2 * shared) / (total + Math.min(other, 2 * total)) : 0;
      ok[i] = score >= EVIDENCE_FLOOR && !conflicts(summary, s);
      if (ok[i] && score > bestScore) {
        best = i;
        bestScore = score;
        bestShared = shared;
        bestOther = other;
      }
    });
    if (best < 0) continue;
    let pairShared = bestShared;
    let pairNames = nameShare(names, [sentences[best]]);
    for (let i = 0; i + 1 < sentences.length; i++) {
      if (!ok[i] || !ok[i + 1]) continue;
      const union = new Set([...infoOf(sentences[i]).terms, ...infoOf(sentences[i + 1]).terms]);
      const shared = covered(union);
      if (shared > pairShared) {
        pairShared = shared;
        pairNames = Math.max(pairNames, nameShare(names, [sentences[i], sentences[i + 1]]));
      }
    }
    const bestSentence = sentences[best];
    const theirs = countedFigures(bestSentence.text);
    const agrees = figures.size > 0 && agreeingFigure(figures, theirs);
    out.push({
      articleId,
      sentenceIndex: bestSentence.index,
      score: bestScore,
      row: [
        bestScore,
        bestShared / total,
        bestOther > 0 ? bestShared / bestOther : 0,
        pairShared / total,
        covered(articleTerms) / total,
        pairNames,
        agrees ? 1 : 0,
        figures.size > 0 && !agrees ? 1 : 0,
        sameFactScore(featuresOf(summary), featuresOf(bestSentence)),
        Math.log(1 + target.size),
      ],
    });
  }
  return out;
}

function nameShare(names: Set<string>, sentences: Sentence[]): number {
  if (!names.size) return 1;
  let n = 0;
  for (const x of names) if (sentences.some((s) => infoOf(s).names.has(x))) n++;
  return n / names.size;
}

/** The vetoes every citation obeys: figures, months, weekdays, negation. */
function conflicts(summary: Sentence, s: Sentence): boolean {
  return (
    conflictingNumbers(summary.text, s.text) ||
    conflictingMonths(summary.text, s.text) ||
    factConflicts(featuresOf(summary), featuresOf(s)).includes('date') ||
    negationConflict(summary.text, s.text)
  );
}

interface CitePair {
  story: string;
  half: string;
  hash: string;
  article: string;
  label: number;
  rule: number;
  row: number[];
  /** The summary sentence and the article's best sentence (for reading; not stored). */
  text: string;
  best: string;
}

function citationPairs(goldFile: string, shared: string, half?: string): CitePair[] {
  const gold = readJsonl<GoldSentence>(goldFile).filter(
    (g) => g.supporters && (!half || halfOf(g.story) === half),
  );
  const bySentence = new Map<string, GoldSentence>();
  for (const g of gold)
    if (!bySentence.has(`${g.story}#${g.hash}`)) bySentence.set(`${g.story}#${g.hash}`, g);
  const load = briefStoryLoader(shared);
  const out: CitePair[] = [];
  for (const story of [...new Set(gold.map((g) => g.story))]) {
    const docs = load(story);
    if (!docs) continue;
    const { articles, name, briefed } = storyPipeline(story, docs);
    const { stories, briefs } = briefed;
    const byId = new Map(articles.map((a) => [a.id, a]));
    briefs.slice(0, briefsKept(story)).forEach((b, k) => {
      const st = stories[k];
      const ss = briefSentences(st, byId, briefed.sentences, BRIEF_OPTIONS);
      const df = sentenceFrequencies(ss);
      for (const sm of b.summary) {
        const g = bySentence.get(`${story}#${sentenceHash(sm.text)}`);
        if (!g?.supporters) continue;
        const src = ss.find((s) => s.articleId === sm.from.articleId && s.index === sm.from.sentenceIndex);
        if (!src) continue;
        const rule = new Set(findSupport(src, ss, df, ss.length).map((x) => x.articleId));
        const ev = new Map(articleEvidence(src, ss, df, ss.length).map((e) => [e.articleId, e]));
        for (const aid of st.articleIds) {
          if (aid === src.articleId) continue;
          const e = ev.get(aid);
          out.push({
            story,
            half: halfOf(story),
            hash: g.hash,
            article: name(aid),
            label: g.supporters.includes(name(aid)) ? 1 : 0,
            rule: rule.has(aid) ? 1 : 0,
            row: e ? e.row : [],
            text: src.text,
            best: e ? (ss.find((x) => x.articleId === aid && x.index === e.sentenceIndex)?.text ?? '') : '',
          });
        }
      }
    });
  }
  return out;
}

const args = process.argv.slice(2);
const pairsOut = args.includes('--pairs') ? args[args.indexOf('--pairs') + 1] : undefined;
const pairs = citationPairs('data/gold/briefs.jsonl', '../shared/data');
if (pairsOut) writeFileSync(pairsOut, `${pairs.map((p) => JSON.stringify(p)).join('\n')}\n`);
for (const half of ['tune', 'held']) {
  const q = pairs.filter((p) => p.half === half);
  const right = q.filter((p) => p.label && p.rule).length;
  const wrong = q.filter((p) => !p.label && p.rule).length;
  const pos = q.filter((p) => p.label).length;
  console.log(`${half}: ${q.length} pairs, ${pos} supporters; rule cites ${right} right, ${wrong} wrong`);
}
const tune = pairs.filter((p) => p.half === 'tune' && p.row.length);
const stories = [...new Set(tune.map((p) => p.story))];
const use = CITE_FEATURES.map(() => true);
for (const l2 of [0.3, 1, 3, 10]) {
  const prob = new Map<CitePair, number>();
  for (const s of stories) {
    const train = tune.filter((p) => p.story !== s);
    const model = fitLogistic(
      train.map((p) => p.row),
      train.map((p) => p.label),
      l2,
      use,
    );
    for (const p of tune) if (p.story === s) prob.set(p, predict(model, p.row));
  }
  const cells = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((t) => {
    const cited = tune.filter((p) => prob.get(p)! >= t);
    return `${t}: ${cited.filter((p) => p.label).length}/${cited.filter((p) => !p.label).length}`;
  });
  console.log(`tune, leave one story out, L2 ${l2} (threshold: right/wrong): ${cells.join('  ')}`);
}
