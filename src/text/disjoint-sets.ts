/**
 * Disjoint sets over the indices 0..n−1 (union–find with path halving). The smaller index always stays a
 * group's root, so the groups and their roots do not depend on the order of the unions: callers that name a
 * group by its root get the same answer whatever order they joined things in. Pure, near-linear.
 */
export class DisjointSets {
  private readonly parent: number[];

  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }

  /** The root of `i`'s group. */
  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]];
      i = p[i];
    }
    return i;
  }

  /** Join the groups of `i` and `j`; the root kept is the smaller of the two roots. */
  union(i: number, j: number): number {
    const a = this.find(i);
    const b = this.find(j);
    if (a < b) this.parent[b] = a;
    else if (b < a) this.parent[a] = b;
    return Math.min(a, b);
  }
}
