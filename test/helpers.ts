/** Shared test helpers: paths to the repo, the shared dev data, and a CLI runner. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const sharedData = fileURLToPath(new URL('../../shared/data/', import.meta.url));
export const samplesDir = `${sharedData}samples/aleppo-talks`;

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run `newsfuse <args>` from the TypeScript sources in a child process. */
export function runCli(args: string[], input?: string): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `${repoRoot}src/cli/main.ts`, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
