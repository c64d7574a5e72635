/** Day numbers of ISO dates: the unit in which stages compare publication dates. Pure. */

/** Day number (days since 1970-01-01) of an ISO date, or undefined when absent or unparsable. */
export function dayOf(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : undefined;
}
