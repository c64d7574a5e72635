/**
 * Error analysis aid for the brief dev set's usable labels (issue 19 item 3): for one half of the stories
 * (`--half tune|held`, or `all`), every summary sentence the briefs show, with its label ("?" when unlabelled), the
 * place it was taken from and, for sentences not usable or unlabelled, the sentences before it in its article
 * (where an antecedent would be). Writes to a file outside the repository (it holds third-party text):
 * `npx tsx bench/usable-errors.ts OUT.txt [--half tune|held|all] [--before N] [--shared DIR]`; `--half all
 * --before 0` lists every shown sentence with its label alone.
 */
import { writeFileSync } from 'node:fs';
import { type GoldSentence, goldProblem, labelledStories } from '../src/eval/brief.js';
import { storyBriefs } from '../src/eval/brief-stories.js';
import { sharedDir } from '../src/eval/shared-docs.js';
import { articleSentences } from '../src/language/sentences.js';
import type { Sentence } from '../src/model.js';
import { brokenLines, insideQuotation, standsAlone } from '../src/summarize/context.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out) throw new Error('usage: bench/usable-errors.ts OUT.txt [--half tune|held|all] [--before N]');
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const half = flag('--half') ?? 'tune';
const before = Number(flag('--before') ?? 2);
const shared = sharedDir(flag('--shared'), 'data/gold/briefs.jsonl');
const briefed: { story: string; made: ReturnType<typeof storyBriefs> }[] = [];
const { gold } = labelledStories<GoldSentence>(
  'data/gold/briefs.jsonl',
  half === 'all' ? undefined : half,
  shared,
  goldProblem,
  (line) => console.error(line),
  (story, docs) => briefed.push({ story, made: storyBriefs(story, docs) }),
);
const label = new Map<string, string>();
for (const g of gold) if (!label.has(`${g.story}#${g.hash}`)) label.set(`${g.story}#${g.hash}`, g.label);
const lines: string[] = [];
const counts = new Map<string, number>();
for (const { story, made } of briefed) {
  const { briefs, sentences, articles } = made;
  const byId = new Map(articles.map((a) => [a.id, a]));
  // An article's sentences and its quotation and broken-line marks, read once however many summary
  // sentences it gives.
  const read = new Map<string, { own: Sentence[]; quoted: Set<Sentence>; broken: Set<Sentence> }>();
  const readOf = (id: string) => {
    let r = read.get(id);
    if (!r) {
      const a = byId.get(id);
      const own = a ? articleSentences(a) : [];
      r = { own, quoted: insideQuotation(own), broken: brokenLines(own) };
      read.set(id, r);
    }
    return r;
  };
  lines.push(`=== ${story}`);
  for (const s of sentences) {
    const l = label.get(`${s.story}#${s.hash}`) ?? '?';
    counts.set(l, (counts.get(l) ?? 0) + 1);
    const from = briefs[s.brief].summary[s.index].from;
    const { own, quoted, broken } = readOf(from.articleId);
    // "weak": taken although it does not stand alone (the pool was too small without it).
    const me = own[from.sentenceIndex];
    const weak = me && (!standsAlone(me) || quoted.has(me) || broken.has(me)) ? ' weak' : '';
    lines.push(
      `${l === 'usable' ? '  ' : '**'} ${l}${weak}\t${s.brief}.${s.index}\t${s.from}#${from.sentenceIndex}\t${s.text}`,
    );
    if (l !== 'usable' && before > 0) {
      for (const p of own.slice(Math.max(0, from.sentenceIndex - before), from.sentenceIndex))
        lines.push(`\t\t\t<${from.sentenceIndex - p.index}> ${p.text}`);
    }
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(
  [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', '),
);
