/**
 * `newsfuse eval temporal --data FILE.jsonl`: time expressions against TimeBank-style gold
 * (`{id, dct, text, timexes: [{start, end, text, type, value}]}`), scored as TempEval-3 does:
 * strict span F1 (same offsets), relaxed span F1 (any overlap), and over the gold timexes found (relaxed
 * match) the share whose normalized value, and whose type, are right.
 *
 * `--hard FILE` adds the hand-written hard cases (`data/gold/temporal-hard.jsonl`, see temporal-hard.md):
 * each case is one invented article (sentences read in order, as timelines read them) with expected values;
 * `hard_acc` is the share of expectations met (`hard_new_acc` without the controls, `hard_control_acc` the
 * controls only). A `--data` file in that format is scored as hard cases alone.
 */
import { readFileSync } from 'node:fs';
import { articleTimexes, timex } from '../language/timex.js';
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

interface HardCase {
  id: string;
  dct: string;
  sentences: string[];
  expect: { sentence: number; text: string; value: string }[];
  control?: boolean;
}

/** Hard cases: right / total, over all expectations, the new cases and the controls. */
export function scoreHard(
  cases: HardCase[],
  log: (m: string) => void = () => {},
  show = false,
): { hard_acc: number; hard_new_acc: number; hard_control_acc: number; hard_cases: number } {
  let right = 0;
  let total = 0;
  let newRight = 0;
  let newTotal = 0;
  for (const c of cases) {
    const found = articleTimexes(c.sentences, c.dct);
    for (const e of c.expect) {
      const sentence = c.sentences[e.sentence];
      const at = sentence.indexOf(e.text);
      const end = at + e.text.length;
      const hit = found[e.sentence].find((t) => at >= 0 && t.start < end && at < t.end);
      const ok = hit?.value === e.value;
      total++;
      if (ok) right++;
      if (!c.control) {
        newTotal++;
        if (ok) newRight++;
      }
      if (!ok && show) log(`hard    ${c.id}: "${e.text}" gold ${e.value}, ours ${hit?.value ?? 'none'}`);
    }
  }
  const controls = total - newTotal;
  return {
    hard_acc: total ? right / total : 0,
    hard_new_acc: newTotal ? newRight / newTotal : 0,
    hard_control_acc: controls ? (right - newRight) / controls : 0,
    hard_cases: cases.length,
  };
}

const readHard = (path: string): HardCase[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as HardCase);

const f1 = (tp: number, predicted: number, gold: number) => {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

export const task: EvalTask = {
  name: 'temporal',
  description: 'time expressions: span F1 (strict, relaxed), value and type accuracy',
  flags: {
    limit: 'only the first N documents',
    errors: 'print up to N mistakes to stderr',
    hard: 'also score the hard cases of this file (data/gold/temporal-hard.jsonl)',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    const showAll = typeof flags.errors === 'string' && Number(flags.errors) > 0;
    const first = readFileSync(data, 'utf8').split('\n', 1)[0];
    if (first.includes('"sentences"')) {
      const started = performance.now();
      const cases = readHard(data);
      return {
        task: 'temporal',
        data,
        items: cases.length,
        seconds: (performance.now() - started) / 1000,
        metrics: scoreHard(cases, log, showAll),
      };
    }
    const hard = typeof flags.hard === 'string' ? scoreHard(readHard(flags.hard), log, showAll) : {};
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
        ...hard,
      },
    };
  },
};
