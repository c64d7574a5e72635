/**
 * `newsfuse eval merges --data data/gold/merges.jsonl [--shared DIR]`: alias merging against hand-labelled
 * pairs of entity names (data/gold/merges.md). For each story the brief's own path runs — every article's
 * entities, merged across the story (storyEntities) — and a pair counts as merged when both names are
 * mentions (or spellings) of one merged entity. Precision, recall and F1 of the "same" decisions over the
 * pairs whose two names the pipeline found; `found` is that share, `r_all` the recall counting a positive
 * whose name was not found as a miss. Per dataset in the details.
 */
import { storyEntities } from '../analyse/people.js';
import { trimmedBeforeName } from '../language/entities.js';
import type { Article, Entity } from '../model.js';
import type { EvalResult, EvalTask, Metrics } from './contract.js';
import { readJsonl } from './data.js';
import { sharedDir, sharedDocs } from './shared-docs.js';

/** One labelled pair: two names as a story writes them, and whether they name the same entity there. */
export interface MergePair {
  /** "duc2006:D0601A", "multinews:<id>", "t17:<topic>:<YYYY-MM-DD>" (the topic's articles of that day). */
  story: string;
  a: string;
  b: string;
  kind_a: string;
  kind_b: string;
  label: 'same' | 'different';
  /** Why the pair is a candidate and what decided the label (data/gold/merges.md lists the codes). */
  note: string;
}

type Doc = { id: string; text: string };

/** The articles of a story of the shared data, as {id, text}; undefined when the story is not there. */
export function storyLoader(shared: string): (story: string) => Doc[] | undefined {
  const docs = sharedDocs(shared);
  const topics = new Map<string, Map<string, Doc[]>>();
  return (story) => {
    const [source, id, date] = story.split(':');
    if (source === 'duc2006' || source === 'multinews')
      return docs.cluster(source, id)?.map((d) => ({ id: d.id, text: d.text }));
    if (source !== 't17') return undefined;
    let byDate = topics.get(id);
    if (!byDate) {
      byDate = new Map();
      for (const a of docs.topic(id) ?? []) {
        const list = byDate.get(a.date ?? '') ?? [];
        list.push({ id: `${id}-${a.id}`, text: a.text });
        byDate.set(a.date ?? '', list);
      }
      topics.set(id, byDate);
    }
    return byDate.get(date);
  };
}

/**
 * Whether a name written as `before` + mention + `after` is the mention with only what the pipeline trims:
 * titles, openers or page furniture in front, punctuation or a possessive after ("Ms. Pao" → "Pao"). A
 * mention inside a longer name that the tagger cut differently ("Mississippi" in "University of
 * Mississippi") is another entity, not that name found.
 */
function trimmedOnly(before: string, after: string): boolean {
  if (!/^(?:['’]s)?[^\p{L}\p{N}]*$/u.test(after)) return false;
  return before
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .every(trimmedBeforeName);
}

/**
 * The merged entity each spelling of a story belongs to: exact spelling first, then ignoring case, then the
 * entity with a mention inside a place where the story writes the name when the rest of the name is what the
 * pipeline trims (a title or an opener off the name as the labeller saw it: "Ms. Pao" → "Pao").
 */
function lookup(merged: Entity[], docs: Doc[]): (name: string) => Entity | undefined {
  const exact = new Map<string, Entity>();
  const folded = new Map<string, Entity>();
  const byArticle = new Map<string, Array<{ start: number; end: number; e: Entity }>>();
  for (const e of merged) {
    for (const n of [...e.mentions.map((m) => m.text), e.name, ...e.aliases]) {
      if (!exact.has(n)) exact.set(n, e);
      if (!folded.has(n.toLowerCase())) folded.set(n.toLowerCase(), e);
    }
    for (const m of e.mentions) {
      const list = byArticle.get(m.articleId ?? '') ?? [];
      list.push({ start: m.start, end: m.end, e });
      byArticle.set(m.articleId ?? '', list);
    }
  }
  const inText = (name: string) => {
    for (const d of docs)
      for (let at = d.text.indexOf(name); at >= 0; at = d.text.indexOf(name, at + 1)) {
        const hit = (byArticle.get(d.id) ?? []).find(
          (m) =>
            m.start >= at &&
            m.end <= at + name.length &&
            trimmedOnly(d.text.slice(at, m.start), d.text.slice(m.end, at + name.length)),
        );
        if (hit) return hit.e;
      }
    return undefined;
  };
  return (name) => exact.get(name) ?? folded.get(name.toLowerCase()) ?? inText(name);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  missing: number;
  missingPositives: number;
  pairs: number;
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0, missing: 0, missingPositives: 0, pairs: 0 });

function metricsOf(c: Counts): Metrics {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const positives = c.tp + c.fn + c.missingPositives;
  return {
    p,
    r,
    f1: p + r ? (2 * p * r) / (p + r) : 0,
    found: c.pairs ? (c.pairs - c.missing) / c.pairs : 0,
    r_all: positives ? c.tp / positives : 0,
    pairs: c.pairs,
    tp: c.tp,
    fp: c.fp,
    fn: c.fn,
  };
}

export const task: EvalTask = {
  name: 'merges',
  description: 'alias merging: P/R/F1 of "same entity" decisions on hand-labelled name pairs of real stories',
  flags: {
    shared: 'folder of the shared data the stories come from (default ../shared/data beside the repo)',
    errors: 'print the wrong decisions to stderr',
  },
  async run({ data, flags, log }): Promise<EvalResult> {
    const t0 = performance.now();
    const shared = sharedDir(flags.shared, data);
    const pairs = readJsonl<MergePair>(data);
    const load = storyLoader(shared);
    const byStory = new Map<string, MergePair[]>();
    for (const p of pairs) byStory.set(p.story, [...(byStory.get(p.story) ?? []), p]);
    const total = empty();
    const perSource = new Map<string, Counts>();
    for (const [story, list] of byStory) {
      const docs = load(story);
      if (!docs) {
        log(`merges: story ${story} not found under ${shared}; its ${list.length} pairs are skipped`);
        continue;
      }
      const { merged } = storyEntities(docs as unknown as Article[]);
      const entityOf = lookup(merged, docs);
      const source = story.split(':')[0];
      const counts = perSource.get(source) ?? empty();
      perSource.set(source, counts);
      for (const pair of list) {
        for (const c of [total, counts]) c.pairs++;
        const ea = entityOf(pair.a);
        const eb = entityOf(pair.b);
        const gold = pair.label === 'same';
        if (!ea || !eb) {
          for (const c of [total, counts]) {
            c.missing++;
            if (gold) c.missingPositives++;
          }
          if (flags.errors) log(`missing  ${story}  ${pair.a} | ${pair.b}`);
          continue;
        }
        const same = ea === eb;
        const cell = same ? (gold ? 'tp' : 'fp') : gold ? 'fn' : 'tn';
        for (const c of [total, counts]) c[cell]++;
        if (flags.errors && (cell === 'fp' || cell === 'fn'))
          log(`${cell}  ${story}  ${pair.a} [${ea.kind}] | ${pair.b} [${eb.kind}]  (${pair.note})`);
      }
    }
    const details: Record<string, Metrics> = {};
    for (const [source, c] of [...perSource].sort()) details[source] = metricsOf(c);
    return {
      task: 'merges',
      data,
      items: pairs.length,
      seconds: (performance.now() - t0) / 1000,
      metrics: metricsOf(total),
      details,
    };
  },
};
