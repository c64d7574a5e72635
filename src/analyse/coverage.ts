/** Coverage: per outlet, how many of the story's claims its articles carry, and which facts only it reported. */
import type { Claim, OutletCoverage } from '../model.js';

/** Exclusive claims listed per outlet, at most. */
const MAX_EXCLUSIVE = 5;

export function coverageOf(
  articleIds: string[],
  claims: Claim[],
  outletOf: (articleId: string) => string,
): OutletCoverage[] {
  const byOutlet = new Map<string, string[]>();
  for (const id of articleIds) {
    const o = outletOf(id);
    const list = byOutlet.get(o);
    if (list) list.push(id);
    else byOutlet.set(o, [id]);
  }
  const out: OutletCoverage[] = [];
  for (const [outlet, ids] of byOutlet) {
    const mine = new Set(ids);
    const carried = claims.filter((c) => c.articleIds.some((id) => mine.has(id)));
    const exclusive = carried
      // Only facts worth a reader's eye: a figure or a name, not every clause that nobody else wrote.
      .filter((c) => c.articleIds.every((id) => mine.has(id)) && /\d|\s\p{Lu}/u.test(c.text))
      .map((c) => c.text);
    out.push({
      outlet,
      articleIds: [...ids].sort(),
      claims: carried.length,
      exclusive: exclusive.slice(0, MAX_EXCLUSIVE),
      exclusiveCount: exclusive.length,
    });
  }
  return out.sort((a, b) => b.claims - a.claims || a.outlet.localeCompare(b.outlet));
}
