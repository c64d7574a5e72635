/** What every command prints besides its result: diagnostics on stderr, one line each. */
import type { Diagnostic } from '../model.js';

/** One line per diagnostic on stderr: "warning: path:line: message". */
export function reportDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const where = d.origin.line ? `${d.origin.path}:${d.origin.line}` : d.origin.path;
    process.stderr.write(`${d.level}: ${where}: ${d.message}\n`);
  }
}

/**
 * A reader that stops reading (`newsfuse brief … | head -1`) closes the pipe: the next write fails with
 * EPIPE. That is not an error of ours: stop quietly with status 0 (the reader got what it asked
 * for; README's exit codes stay 0/1/2). Any other stream error stays an error, reported in one line.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      if (stream === process.stdout) process.stderr.write(`newsfuse: cannot write output (${err.message})\n`);
      process.exit(1);
    });
  }
}

/** How far a phase of a long command is (reading 12/40 files, briefing 7/443 stories, ...). */
export interface PhaseProgress {
  phase: string;
  done: number;
  total: number;
  /** What is counted (files, articles, stories). */
  unit?: string;
}

/** A duration for people: "45 s", "3 min 20 s", "1 h 05 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * One progress line: the phase, how far, the rate since the phase began and the time left at that rate
 * ("briefing 120/443 stories · 8.1/s · ETA 40 s"). `elapsedMs` is the time since the phase began.
 */
export function formatProgress(p: PhaseProgress, elapsedMs: number): string {
  const parts = [`${p.phase} ${p.done}/${p.total}${p.unit ? ` ${p.unit}` : ''}`];
  const rate = elapsedMs > 0 ? p.done / (elapsedMs / 1000) : 0;
  if (p.done > 0 && elapsedMs >= 500) {
    parts.push(`${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s`);
    if (p.done < p.total) parts.push(`ETA ${formatDuration((p.total - p.done) / rate)}`);
    else parts.push(`done in ${formatDuration(elapsedMs / 1000)}`);
  }
  return parts.join(' · ');
}

/**
 * Progress of a long command on stderr. On a terminal one line is redrawn in place (at most 10 times a
 * second); elsewhere (a log file, with `--progress`) a line is written when a phase ends and at most every
 * 5 s in between. Nothing is written unless the caller asked for progress (see `wantProgress`).
 */
export class ProgressReporter {
  private phase?: string;
  private started = 0;
  private lastWrite = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly tty: boolean,
    private readonly now: () => number = () => performance.now(),
  ) {}

  update(p: PhaseProgress): void {
    const t = this.now();
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.started = t;
      this.lastWrite = Number.NEGATIVE_INFINITY;
    }
    const last = p.done >= p.total;
    if (!last && t - this.lastWrite < (this.tty ? 100 : 5000)) return;
    this.lastWrite = t;
    const line = formatProgress(p, t - this.started);
    if (this.tty) {
      this.write(`\r${line}\x1b[K${last ? '\n' : ''}`);
      this.drawn = !last;
    } else this.write(`${line}\n`);
  }

  /** End a line left open on a terminal (before other output). */
  end(): void {
    if (this.drawn) this.write('\n');
    this.drawn = false;
  }
}

/** Progress is shown on a terminal, or anywhere when asked for (`--progress`); `--no-progress` hides it. */
export function wantProgress(
  flag: boolean | undefined,
  stream: { isTTY?: boolean } = process.stderr,
): boolean {
  return flag ?? !!stream.isTTY;
}
