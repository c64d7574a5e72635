/**
 * `newsfuse eval paraphrase --data FILE.jsonl [--cv K]`: "same fact" sentence pairs (`{id, label, s1, s2}`,
 * MSRP-style), scored by accuracy and F1 (precision, recall) of the "same" class.
 * - Without --cv: the shipped model (models/paraphrase.json). It was trained on all of MSRP train, so
 *   scoring it on that file is in-sample and optimistic; a note on stderr says so.
 * - With --cv K: K-fold cross-validation on the file (seeded split; each fold's IDF and regression from the
 *   other folds, with the shipped model's L2 and feature groups): how the project's targets are measured.
 * pairs_per_s times the shipped model's pair scoring alone (with --cv too; a second, warm pass), with each sentence's features computed beforehand (as a caller
 * comparing many sentences caches them); sentences_per_s times that per-sentence step.
 * --strict scores the variant for citations (strictSameFactScore), with --cv too.
 */
import { basename } from 'node:path';
import { crossValidate, foldRows, folds, type Pair, pairBases, score } from '../language/paraphrase/fit.js';
import {
  factConflicts,
  paraphraseModel,
  sameFactScore,
  sentenceFeatures,
} from '../language/paraphrase/same-fact.js';
import type { EvalResult, EvalTask } from './contract.js';
import { readJsonl } from './data.js';

export const task: EvalTask = {
  name: 'paraphrase',
  description: 'same fact or not (sentence pairs): accuracy, F1; --cv K for cross-validation',
  flags: {
    cv: 'K-fold cross-validation on the file instead of scoring the shipped model',
    seed: 'fold split seed (default 1, as the trainer)',
    limit: 'only the first N pairs',
    strict: 'score strictSameFactScore: a swapped number, a negation or another month divides P by 4 each',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    let pairs = readJsonl<Pair>(data);
    if (typeof flags.limit === 'string') pairs = pairs.slice(0, Number(flags.limit));
    const labels = pairs.map((p) => p.label);
    const model = paraphraseModel();
    const started = performance.now();
    // The shipped model's scores, and its speed: sentence features first (cached per sentence, as a
    // caller comparing many sentences does), then the pair scoring alone.
    const cache = new Map<string, ReturnType<typeof sentenceFeatures>>();
    const featuresOf = (text: string) => {
      let f = cache.get(text);
      if (!f) cache.set(text, (f = sentenceFeatures(text)));
      return f;
    };
    const ready = pairs.map((p) => [featuresOf(p.s1), featuresOf(p.s2)] as const);
    const sentenceSeconds = (performance.now() - started) / 1000;
    let probs = ready.map(([a, b]) => sameFactScore(a, b));
    // Timed on a second pass: the first one also compiles the code (a brief compares many more pairs).
    const t = performance.now();
    for (const [a, b] of ready) sameFactScore(a, b);
    const pairSeconds = (performance.now() - t) / 1000;
    const k = typeof flags.cv === 'string' ? Number(flags.cv) : 0;
    if (k > 1) {
      const settings = {
        l2: Number(model.header.settings?.l2),
        groups: String(model.header.settings?.groups).split(' '),
      };
      const fold = folds(pairs.length, k, typeof flags.seed === 'string' ? Number(flags.seed) : 1);
      log(`paraphrase: ${k}-fold cross-validation (L2 ${settings.l2}, groups ${settings.groups.join(' ')})`);
      const bases = pairBases(pairs);
      probs = crossValidate(pairs, fold, k, settings, (held) => foldRows(bases, fold, held));
    } else if (model.header.data.file === basename(data))
      log(
        `paraphrase: the shipped model was trained on ${model.header.data.file}: these in-sample scores are ` +
          'optimistic (use --cv 10 for the cross-validated ones)',
      );
    if (flags.strict) probs = probs.map((p, i) => p * 0.25 ** factConflicts(ready[i][0], ready[i][1]).length);
    const s = score(labels, probs, model.threshold);
    return {
      task: 'paraphrase',
      data,
      items: pairs.length,
      seconds: (performance.now() - started) / 1000,
      metrics: {
        accuracy: s.accuracy,
        f1: s.f1,
        p: s.p,
        r: s.r,
        folds: k > 1 ? k : 0,
        pairs_per_s: pairs.length / Math.max(pairSeconds, 1e-9),
        sentences_per_s: cache.size / Math.max(sentenceSeconds, 1e-9),
      },
    };
  },
};
