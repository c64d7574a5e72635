/**
 * Briefs are deterministic: the same input gives the same bytes however busy the machine is. Nothing in
 * the pipeline may depend on wall-clock time (a solver time limit, a deadline); this runs the brief of the
 * examples once on a quiet machine and once beside two processes that keep every core busy.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { test } from 'node:test';
import { repoRoot, runCli } from '../helpers.js';

/** A process that spins until killed (or for a minute at most, should the test die first). */
function cpuHog(): ChildProcess {
  return spawn(process.execPath, ['-e', 'const end = Date.now() + 60000; while (Date.now() < end) {}'], {
    stdio: 'ignore',
  });
}

test('the brief of the examples is byte-identical with two CPU-heavy processes running', () => {
  const args = ['brief', '--format', 'json', `${repoRoot}examples/harbor-fire/`];
  const quiet = runCli(args);
  assert.equal(quiet.status, 0, quiet.stderr);
  const hogs = [cpuHog(), cpuHog()];
  try {
    const busy = runCli(args);
    assert.equal(busy.status, 0, busy.stderr);
    assert.ok(quiet.stdout.length > 1000);
    assert.equal(busy.stdout, quiet.stdout);
  } finally {
    for (const h of hogs) h.kill('SIGKILL');
  }
});
