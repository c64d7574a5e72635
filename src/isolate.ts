/**
 * One bad page never stops a run: stages that work per article or per story run through `attempt`, so a
 * stage that throws on one input costs only that input's output and leaves a warning saying why.
 */
import type { Diagnostic, Origin } from './model.js';

/** What was thrown, on one line and of bounded length (it ends up in a one-line diagnostic). */
export function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message || err.name : String(err);
  const line = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** The warning for an input a stage threw on: "could not analyse (reason)", or another verb. */
export function failedOn(origin: Origin, err: unknown, what = 'could not analyse'): Diagnostic {
  return { level: 'warning', origin, message: `${what} (${reasonOf(err)})` };
}

/** `run()`, or undefined with a warning added to `diagnostics` when it throws. */
export function attempt<T>(
  run: () => T,
  origin: Origin,
  diagnostics: Diagnostic[],
  what?: string,
): T | undefined {
  try {
    return run();
  } catch (err) {
    diagnostics.push(failedOn(origin, err, what));
    return undefined;
  }
}
