/** What every command prints besides its result: diagnostics on stderr, one line each. */
import type { Diagnostic } from '../model.js';

/** One line per diagnostic on stderr: "warning: path:line: message". */
export function reportDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const where = d.origin.line ? `${d.origin.path}:${d.origin.line}` : d.origin.path;
    process.stderr.write(`${d.level}: ${where}: ${d.message}\n`);
  }
}
