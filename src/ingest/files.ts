/** Finding input files: paths and directories (recursively, in a stable order) → file list + diagnostics. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../model.js';

/** Files larger than this are refused with a warning (a news page is far smaller). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface FileList {
  files: string[];
  diagnostics: Diagnostic[];
}

/** Expand paths into the files under them. Hidden entries and node_modules are skipped inside directories. */
export function listFiles(paths: string[]): FileList {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (err) {
      diagnostics.push({
        level: 'warning',
        origin: { path: dir },
        message: `cannot read directory: ${(err as Error).message}`,
      });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) files.push(p);
    }
  };
  for (const path of paths) {
    if (path === '-') {
      files.push('-');
      continue;
    }
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) diagnostics.push({ level: 'error', origin: { path }, message: 'no such file or directory' });
    else if (st.isDirectory()) walk(path);
    else files.push(path);
  }
  return { files, diagnostics };
}
