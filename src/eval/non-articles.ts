/**
 * `newsfuse eval non-articles --data data/gold/non-articles.jsonl [--shared DIR] [--list] [--split dev|test]
 * [--rules]`:
 * non-article detection against the hand-labelled dev set (protocol in data/gold/non-articles.md). Each
 * labelled input is extracted the way a brief extracts it (src/eval/non-article-inputs.ts); dropped means "not
 * an article". Reports precision and recall of "not an article" over the labelled inputs (unsure ones left
 * out), on the dev and held-out test parts apart and on round 2's test part, recall per gold reason, how often
 * the reason named is the gold one, and how many inputs of the sets that are all articles (the extraction
 * sets' pages, DUC 2006) are dropped. `--list` prints every wrong decision (of one part with `--split`).
 */
import { extractArticle } from '../extract/index.js';
import { useNonArticleModel } from '../extract/non-article.js';
import { contentHash } from '../ingest/hash.js';
import { rawDocument } from '../ingest/record.js';
import type { RawKind } from '../model.js';
import type { EvalOptions, EvalResult, EvalTask, Metrics } from './contract.js';
import { type NonArticleInput, nonArticleInputs } from './non-article-inputs.js';
import { sharedDir } from './shared-docs.js';

export type { NonArticleGold } from './non-article-inputs.js';

/** The reason an input is dropped for (the text in the warning's parentheses), or undefined when kept. */
export function dropReason(kind: RawKind, content: string, path: string): string | undefined {
  const raw = rawDocument({ origin: { path }, kind, content, hash: contentHash(content) });
  const r = extractArticle(raw);
  if (r.article) return undefined;
  return /\(([^)]+)\)/.exec(r.diagnostics[0]?.message ?? '')?.[1] ?? 'dropped';
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const blank = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

function scores(c: Counts): Metrics {
  const p = ratio(c.tp, c.tp + c.fp);
  const r = ratio(c.tp, c.tp + c.fn);
  return {
    precision: p,
    recall: r,
    f1: p + r ? (2 * p * r) / (p + r) : 0,
    non_articles: c.tp + c.fn,
    articles: c.fp + c.tn,
    false_drops: c.fp,
  };
}

export const task: EvalTask = {
  name: 'non-articles',
  description: 'non-article detection vs a hand-labelled dev set (precision/recall of "not an article")',
  flags: {
    shared: 'folder of the shared data the inputs come from (default ../shared/data beside the repo)',
    list: 'print every wrong decision to stderr',
    split: 'list the wrong decisions of this part only (dev or test)',
    rules: 'the rules alone, without the learned combiner (models/non-article.json)',
  },
  async run({ data, flags, log }: EvalOptions): Promise<EvalResult> {
    const started = Date.now();
    const shared = sharedDir(flags.shared, data);
    const inputs = nonArticleInputs(data, shared);
    if (flags.rules) useNonArticleModel(null);
    try {
      return report();
    } finally {
      if (flags.rules) useNonArticleModel();
    }
    function report(): EvalResult {
      const listed = (x: NonArticleInput) => flags.list && (!flags.split || flags.split === x.split);
      const all = blank();
      const parts = new Map<string, Counts>();
      const bump = (name: string, field: keyof Counts) => {
        const c = parts.get(name) ?? blank();
        parts.set(name, c);
        c[field]++;
      };
      const byReason = new Map<string, { n: number; found: number }>();
      const wholeSets = new Map<string, { pages: number; dropped: number; test_dropped: number }>();
      let reasonRight = 0;
      for (const x of inputs) {
        const why = dropReason(x.kind, x.content, x.key);
        if (x.wholeSet) {
          const w = wholeSets.get(x.set) ?? { pages: 0, dropped: 0, test_dropped: 0 };
          wholeSets.set(x.set, w);
          w.pages++;
          if (why) {
            w.dropped++;
            if (x.split === 'test') w.test_dropped++;
            if (listed(x)) log(`article dropped: ${x.key} (${why}) [${x.split}]`);
          }
          continue;
        }
        const field: keyof Counts = x.label === 'non-article' ? (why ? 'tp' : 'fn') : why ? 'fp' : 'tn';
        all[field]++;
        for (const part of [x.split, x.set, `round ${x.round} ${x.split}`]) bump(part, field);
        if (x.label === 'non-article') {
          const r = byReason.get(x.reason ?? '?') ?? { n: 0, found: 0 };
          byReason.set(x.reason ?? '?', r);
          r.n++;
          if (why) {
            r.found++;
            if (why === x.reason) reasonRight++;
            else if (listed(x)) log(`reason: ${x.key}: gold ${x.reason}, said ${why} [${x.split}]`);
          } else if (listed(x)) log(`missed: ${x.key} (${x.reason}) [${x.split}]`);
        } else if (why && listed(x)) log(`article dropped: ${x.key} (${why}) [${x.split}]`);
      }
      const details: Record<string, Metrics> = {};
      for (const [name, w] of wholeSets) details[name] = { ...w };
      for (const name of ['dev', 'test', 'round 2 test', 'round 1 test', 'round 2 dev', 'round 1 dev'])
        if (parts.has(name)) details[name] = scores(parts.get(name)!);
      for (const [name, c] of parts) if (!(name in details)) details[name] = scores(c);
      for (const [reason, x] of byReason)
        details[`reason: ${reason}`] = { n: x.n, recall: ratio(x.found, x.n) };
      for (const [name, m] of Object.entries(details))
        log(
          `  ${name}: ${Object.entries(m)
            .map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : v}`)
            .join(', ')}`,
        );
      const dropped = (pick: (name: string) => boolean) =>
        [...wholeSets].filter(([n]) => pick(n)).reduce((n, [, w]) => n + w.dropped, 0);
      const metrics: Metrics = {
        ...scores(all),
        reason_acc: ratio(reasonRight, all.tp),
        articles_dropped: dropped((n) => n.startsWith('extraction/')),
        duc_dropped: dropped((n) => n === 'duc'),
        test_precision: details.test?.precision ?? 0,
        test_recall: details.test?.recall ?? 0,
      };
      return {
        task: 'non-articles',
        data,
        items: inputs.length,
        seconds: (Date.now() - started) / 1000,
        metrics,
        details,
      };
    }
  },
};
