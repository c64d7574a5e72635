/** Finding input files: paths and directories (recursively, in a stable order) → file list + diagnostics. */
import { readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../model.js';
import { INGEST_LIMITS } from './limits.js';

/** Files larger than this are refused with a warning (a news page is far smaller). */
export const MAX_FILE_BYTES = INGEST_LIMITS.fileBytes;

export interface FileList {
  files: string[];
  diagnostics: Diagnostic[];
}

/**
 * Expand paths into the files under them. Hidden entries and node_modules are skipped inside directories.
 * A symbolic link that leads back into a directory being walked (a loop) is skipped with a warning, as is
 * an entry that cannot be inspected; the walk goes on.
 */
export function listFiles(paths: string[]): FileList {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const warn = (path: string, message: string) =>
    diagnostics.push({ level: 'warning', origin: { path }, message });
  /** `open` holds the real paths of the directories being walked, outermost first. */
  const walk = (dir: string, open: Set<string>) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (err) {
      warn(dir, `cannot read directory: ${(err as Error).message}`);
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      let st: Stats | undefined;
      try {
        st = statSync(p, { throwIfNoEntry: false });
      } catch (err) {
        // A link to itself or in a ring of links (ELOOP), or a permission problem.
        const code = (err as NodeJS.ErrnoException).code;
        warn(p, code === 'ELOOP' ? 'symlink loop; skipped' : `cannot read: ${(err as Error).message}`);
        continue;
      }
      if (!st) continue;
      if (st.isDirectory()) {
        const real = realDir(p);
        if (open.has(real)) warn(p, 'symlink loop (leads back to a directory being read); skipped');
        else walk(p, new Set(open).add(real));
      } else if (st.isFile()) files.push(p);
    }
  };
  for (const path of paths) {
    if (path === '-') {
      files.push('-');
      continue;
    }
    let st: Stats | undefined;
    try {
      st = statSync(path, { throwIfNoEntry: false });
    } catch (err) {
      diagnostics.push({
        level: 'error',
        origin: { path },
        message: `cannot read: ${(err as Error).message}`,
      });
      continue;
    }
    if (!st) diagnostics.push({ level: 'error', origin: { path }, message: 'no such file or directory' });
    else if (st.isDirectory()) walk(path, new Set([realDir(path)]));
    else files.push(path);
  }
  return { files, diagnostics };
}

/** A directory's real path (symbolic links resolved); the path itself when that fails. */
function realDir(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
