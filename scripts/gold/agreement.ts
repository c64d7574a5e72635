/**
 * Agreement between the first labels of a gold set and a second reader's blind sample (data/gold/briefs.md and
 * non-articles.md, "Second reader"). Read-only: prints, for each half and in all, the raw agreement and Cohen's
 * kappa on the binary question (usable or not; non-article or article, `unsure` on either side left out), the
 * agreement on the reason among the lines both call not usable / non-article, the confusion table of the full
 * labels (first reader in rows), and the disagreements by id.
 *
 *   npx tsx scripts/gold/agreement.ts [--set briefs|non-articles]
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { halfOf } from '../../src/eval/brief.js';
import { readJsonl } from '../../src/eval/data.js';

type Line = Record<string, unknown> & { label: string; reason?: string };
interface Pair {
  id: string;
  half: string;
  first: string;
  second: string;
}

const args = process.argv.slice(2);
const set = args.includes('--set') ? args[args.indexOf('--set') + 1] : 'briefs';
const gold = join(import.meta.dirname, '..', '..', 'data', 'gold');

/** Cohen's kappa of two binary label lists given as a 2×2 table [[both yes, first yes only], [second yes only, both no]]. */
function kappa(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  if (!n) return 0;
  const po = (a + d) / n;
  const pe = ((a + b) / n) * ((a + c) / n) + ((c + d) / n) * ((b + d) / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

function pairs(): {
  pairs: Pair[];
  positive: (label: string) => boolean | undefined;
  name: string;
  /** Whether the reasons sit on the positive side (non-article) or the negative one (not usable). */
  reasonsOnPositive: boolean;
} {
  if (set === 'briefs') {
    const first = new Map<string, Line>();
    for (const g of readJsonl<Line>(join(gold, 'briefs.jsonl'))) {
      const k = `${g.story} ${g.hash}`;
      if (!first.has(k)) first.set(k, g); // the eval keeps a sentence's first label
    }
    return {
      name: 'usable',
      reasonsOnPositive: false,
      positive: (l) => l === 'usable',
      pairs: readJsonl<Line>(join(gold, 'briefs-second.jsonl')).map((s) => {
        const id = `${s.story} ${s.hash}`;
        const f = first.get(id);
        if (!f) throw new Error(`${id}: no first label`);
        return { id, half: halfOf(String(s.story)), first: f.label, second: s.label };
      }),
    };
  }
  const idOf = (g: Line) => [g.set, g.doc ?? g.id ?? g.file ?? `${g.topic} ${g.index}`].join(' ');
  const first = new Map<string, Line>();
  for (const g of readJsonl<Line>(join(gold, 'non-articles.jsonl')))
    if (!first.has(idOf(g))) first.set(idOf(g), g);
  const full = (g: Line) => (g.label === 'non-article' ? `non-article: ${g.reason ?? '?'}` : g.label);
  return {
    name: 'non-article',
    reasonsOnPositive: true,
    positive: (l) => (l.startsWith('unsure') ? undefined : l.startsWith('non-article')),
    pairs: readJsonl<Line>(join(gold, 'non-articles-second.jsonl')).map((s) => {
      const id = idOf(s);
      const f = first.get(id);
      if (!f) throw new Error(`${id}: no first label`);
      const split = createHash('sha1')
        .update(`split ${s.set} ${s.doc ?? s.id ?? `${s.topic} ${s.index}`}`)
        .digest()[0];
      return { id, half: split < 86 ? 'test' : 'dev', first: full(f), second: full(s) };
    }),
  };
}

const { pairs: all, positive, name, reasonsOnPositive } = pairs();
const pct = (a: number, b: number) => (b ? `${a}/${b} = ${(a / b).toFixed(3)}` : '0/0');

function report(title: string, ps: Pair[]): void {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let skipped = 0;
  let both = 0;
  let sameReason = 0;
  for (const p of ps) {
    const f = positive(p.first);
    const s = positive(p.second);
    if (f === undefined || s === undefined) {
      skipped++;
      continue;
    }
    if (f && s) a++;
    else if (f) b++;
    else if (s) c++;
    else d++;
    if (f === s && f === reasonsOnPositive) {
      both++;
      if (p.first === p.second) sameReason++;
    }
  }
  console.log(
    `\n${title}: ${ps.length} lines${skipped ? ` (${skipped} unsure on either side left out)` : ''}`,
  );
  console.log(
    `  ${name} vs not: agreement ${pct(a + d, a + b + c + d)}, kappa ${kappa(a, b, c, d).toFixed(3)}`,
  );
  console.log(`    first ${name} & second ${name} ${a}, first only ${b}, second only ${c}, neither ${d}`);
  console.log(
    `  reason agreement among both ${reasonsOnPositive ? '' : 'not '}${name}: ${pct(sameReason, both)}`,
  );
}

const halves = [...new Set(all.map((p) => p.half))].sort().reverse();
for (const h of halves)
  report(
    `half ${h}`,
    all.filter((p) => p.half === h),
  );
report('all', all);

const labels = [...new Set(all.flatMap((p) => [p.first, p.second]))].sort();
const width = Math.max(...labels.map((l) => l.length));
console.log('\nconfusion (rows: first reader, columns: second reader, by label number)');
labels.forEach((l, i) => {
  console.log(`  ${String(i + 1).padStart(2)} ${l.padEnd(width)}`);
});
console.log(`  ${''.padEnd(width + 3)} ${labels.map((_, i) => String(i + 1).padStart(3)).join('')}`);
for (const [i, l] of labels.entries())
  console.log(
    `  ${String(i + 1).padStart(2)} ${l.padEnd(width)} ${labels.map((m) => String(all.filter((p) => p.first === l && p.second === m).length).padStart(3)).join('')}`,
  );

console.log('\ndisagreements (first → second: ids)');
const byKind = new Map<string, string[]>();
for (const p of all)
  if (p.first !== p.second) {
    const k = `${p.first} → ${p.second}`;
    byKind.set(k, [...(byKind.get(k) ?? []), `${p.id} (${p.half})`]);
  }
for (const [k, ids] of [...byKind].sort((x, y) => y[1].length - x[1].length)) {
  console.log(`  ${k} (${ids.length}):`);
  for (const id of ids) console.log(`    ${id}`);
}
