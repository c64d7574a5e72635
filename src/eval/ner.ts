/**
 * `newsfuse eval ner --data FILE.jsonl`: the named-entity tagger against CoNLL-2003-style gold
 * (`{id, tokens, tags}` one sentence a line, IOB2 tags), scored as the CoNLL evaluation does: an entity
 * counts when its span and type are both exact; micro precision, recall and F1 over all entities, and F1
 * per type.
 */
import { bioSpans, ENTITY_TYPES } from '../language/ner/bio.js';
import { splitDocuments } from '../language/ner/document.js';
import { tagDocument, tagTokens } from '../language/ner/tagger.js';
import type { EvalResult, EvalTask, Metrics } from './contract.js';
import { readJsonl } from './data.js';

interface Sentence {
  id: string;
  /** The document the sentence belongs to, when the data marks it. */
  doc?: string;
  tokens: string[];
  tags: string[];
}

const f1 = (tp: number, predicted: number, gold: number) => {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** CoNLL scores of predicted tag sequences against gold ones (sentence by sentence). */
export function scoreEntities(gold: readonly string[][], predicted: readonly string[][]): Metrics {
  const count = {
    tp: new Map<string, number>(),
    gold: new Map<string, number>(),
    pred: new Map<string, number>(),
  };
  const add = (m: Map<string, number>, type: string) => m.set(type, (m.get(type) ?? 0) + 1);
  gold.forEach((tags, i) => {
    const g = bioSpans(tags);
    const p = bioSpans(predicted[i] ?? []);
    const goldKeys = new Set(g.map((s) => `${s.start} ${s.end} ${s.type}`));
    for (const s of g) add(count.gold, s.type);
    for (const s of p) {
      add(count.pred, s.type);
      if (goldKeys.has(`${s.start} ${s.end} ${s.type}`)) add(count.tp, s.type);
    }
  });
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const all = f1(sum(count.tp), sum(count.pred), sum(count.gold));
  const metrics: Metrics = { f1: all.f, p: all.p, r: all.r };
  for (const type of ENTITY_TYPES)
    metrics[`f1_${type}`] = f1(
      count.tp.get(type) ?? 0,
      count.pred.get(type) ?? 0,
      count.gold.get(type) ?? 0,
    ).f;
  metrics.gold = sum(count.gold);
  metrics.predicted = sum(count.pred);
  return metrics;
}

/**
 * The documents of the data, in order: runs of sentences with the same `doc`, each split again where a
 * headline and dateline start a story (documentStarts; CoNLL-2003 as converted here has one `doc` per split).
 */
function documents(sentences: readonly Sentence[]): Sentence[][] {
  const runs: Sentence[][] = [];
  for (const s of sentences) {
    const last = runs[runs.length - 1];
    if (last && last[0].doc === s.doc) last.push(s);
    else runs.push([s]);
  }
  return runs.flatMap((run) => splitDocuments(run, (s) => s.tokens));
}

export const task: EvalTask = {
  name: 'ner',
  description: 'named entities (PER ORG LOC MISC): CoNLL exact-span micro P/R/F1 and F1 per type',
  flags: {
    limit: 'only the first N sentences',
    errors: 'print up to N wrong sentences to stderr',
    sentences: 'tag each sentence alone (tagTokens), without its document',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    let sentences = readJsonl<Sentence>(data);
    if (typeof flags.limit === 'string') sentences = sentences.slice(0, Number(flags.limit));
    tagTokens(['Warm', 'up']); // read the model before the clock starts
    const started = performance.now();
    const predicted = flags.sentences
      ? sentences.map((s) => tagTokens(s.tokens))
      : documents(sentences).flatMap((doc) => tagDocument(doc.map((s) => s.tokens)));
    const seconds = (performance.now() - started) / 1000;
    const showErrors = typeof flags.errors === 'string' ? Number(flags.errors) : 0;
    let shown = 0;
    sentences.forEach((s, i) => {
      if (shown >= showErrors || s.tags.every((t, k) => t === predicted[i][k])) return;
      shown++;
      log(
        `${s.id}: ${s.tokens.map((t, k) => (s.tags[k] === predicted[i][k] ? t : `${t}[${s.tags[k]}>${predicted[i][k]}]`)).join(' ')}`,
      );
    });
    const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
    return {
      task: 'ner',
      data,
      items: sentences.length,
      seconds,
      metrics: {
        ...scoreEntities(
          sentences.map((s) => s.tags),
          predicted,
        ),
        tokens_per_s: tokens / Math.max(seconds, 1e-9),
      },
    };
  },
};
