/**
 * `newsfuse eval temporal --data FILE.jsonl`: time expressions against TimeBank-style gold
 * (`{id, dct, text, timexes: [{start, end, text, type, value}]}`), scored as TempEval-3 does:
 * strict span F1 (same offsets), relaxed span F1 (any overlap), and over the gold timexes found (relaxed
 * match) the share whose normalized value, and whose type, are right.
 */
import { timex } from '../language/timex.js';
import type { EvalResult, EvalTask } from './contract.js';
import { readJsonl } from './data.js';

interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

interface Doc {
  id: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const f1 = (tp: number, predicted: number, gold: number) => {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export const task: EvalTask = {
  name: 'temporal',
  description: 'time expressions: span F1 (strict, relaxed), value and type accuracy',
  flags: { limit: 'only the first N documents', errors: 'print up to N mistakes to stderr' },
  async run({ data, flags, log }): Promise<EvalResult> {
    let docs = readJsonl<Doc>(data);
    if (typeof flags.limit === 'string') docs = docs.slice(0, Number(flags.limit));
    const showErrors = typeof flags.errors === 'string' ? Number(flags.errors) : 0;
    let shown = 0;
    let gold = 0;
    let predicted = 0;
    let strict = 0;
    let relaxedPred = 0;
    let relaxedGold = 0;
    let valueRight = 0;
    let typeRight = 0;
    let words = 0;
    const started = performance.now();
    const outputs = docs.map((d) => timex(d.text, d.dct));
    const seconds = (performance.now() - started) / 1000;
    docs.forEach((doc, i) => {
      const pred = outputs[i];
      words += doc.text.split(/\s+/).length;
      gold += doc.timexes.length;
      predicted += pred.length;
      for (const p of pred) if (doc.timexes.some((g) => g.start < p.end && p.start < g.end)) relaxedPred++;
      for (const g of doc.timexes) {
        const overlapping = pred.filter((p) => g.start < p.end && p.start < g.end);
        if (!overlapping.length) {
          if (shown++ < showErrors) log(`missed  ${doc.id}: "${g.text}" ${g.type} ${g.value}`);
          continue;
        }
        relaxedGold++;
        const best = overlapping.find((p) => p.start === g.start && p.end === g.end) ?? overlapping[0];
        if (best.start === g.start && best.end === g.end) strict++;
        if (best.value === g.value) valueRight++;
        else if (shown++ < showErrors)
          log(
            `value   ${doc.id}: "${g.text}" gold ${g.value}, ours ${best.value} ("${best.text}", dct ${doc.dct})`,
          );
        if (best.type === g.type) typeRight++;
      }
      for (const p of pred)
        if (!doc.timexes.some((g) => g.start < p.end && p.start < g.end) && shown++ < showErrors)
          log(`extra   ${doc.id}: "${p.text}" ${p.type} ${p.value}`);
    });
    const relaxedP = predicted ? relaxedPred / predicted : 0;
    const relaxedR = gold ? relaxedGold / gold : 0;
    return {
      task: 'temporal',
      data,
      items: docs.length,
      seconds,
      metrics: {
        span_f1: relaxedP + relaxedR ? (2 * relaxedP * relaxedR) / (relaxedP + relaxedR) : 0,
        span_p: relaxedP,
        span_r: relaxedR,
        strict_f1: f1(strict, predicted, gold).f,
        value_acc: relaxedGold ? valueRight / relaxedGold : 0,
        type_acc: relaxedGold ? typeRight / relaxedGold : 0,
        gold,
        predicted,
        words_per_s: words / Math.max(seconds, 1e-9),
      },
    };
  },
};
