/** Near-duplicate publications (syndicated copies): word 5-gram shingles, containment of the smaller text. */
import { words } from '../language/tokens.js';
import type { Article } from '../model.js';

const SHINGLE = 5;
/** Share of the shorter article's shingles found in the other for the two to be one report. */
export const DUPLICATE_CONTAINMENT = 0.6;

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let hit = 0;
  for (const s of small) if (large.has(s)) hit++;
  return hit / small.size;
}

/** Group articles into reports (lists of ids, first = earliest id); singletons included. */
export function groupNearDuplicates(articles: Article[]): string[][] {
  const sets = articles.map((a) => shingles(a.text));
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < articles.length; i++)
    for (let j = i + 1; j < articles.length; j++)
      if (containment(sets[i], sets[j]) >= DUPLICATE_CONTAINMENT) parent[find(j)] = find(i);
  const groups = new Map<number, string[]>();
  articles.forEach((a, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(a.id);
    groups.set(r, g);
  });
  return [...groups.values()];
}
