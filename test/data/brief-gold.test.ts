/** `newsfuse eval brief` over the hand-labelled brief dev set (data/gold/briefs.md), on the shared data. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { NO_DATA, repoRoot } from '../helpers.js';

const gold = fileURLToPath(new URL('../../data/gold/briefs.jsonl', import.meta.url));

test('eval brief runs over the brief dev set and reports every figure', { skip: NO_DATA }, () => {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'eval', 'brief', '--data', gold, '--json'],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const r = JSON.parse(out);
  const m = r.metrics;
  assert.equal(r.task, 'brief');
  assert.equal(m.labelled, 687);
  assert.equal(m.matched + m.gone, m.labelled);
  for (const k of ['citation_precision', 'citation_recall', 'corroboration_exact', 'usable', 'usable_lower'])
    assert.ok(m[k] >= 0 && m[k] <= 1, `${k} ${m[k]}`);
  assert.ok(m.citation_sentences > 0, 'no citation sentence matched');
  // Precision first: a citation the source does not back misleads the reader who clicks it. The target is
  // 0.97; with round 3's blind labels (2026-12-06) main reads 0.9621 and h4-cite 0.9628 (BENCHMARKS.md), so
  // this guards against a fall below today's level, not the target. With round 6 (687 labels): main 0.9549,
  // h6-cite 0.9617.
  assert.ok(m.citation_precision >= 0.96, `citation precision ${m.citation_precision} fell under 0.96`);
  // Report counts: versions and copies of one page count once (src/analyse/copies.ts); main read 0.7651 on
  // round 1-4's labels, h5-corrob 0.8072; the merged main with round 5 (615 labels) 0.8026 (BENCHMARKS.md).
  // Round 6's blind labels (687 in all) are harder: main reads 0.7545 on them all, h6-cite 0.7679.
  // The target is 0.90; this guards today's level.
  assert.ok(m.corroboration_exact >= 0.76, `corroboration exact ${m.corroboration_exact} fell under 0.76`);
  assert.ok(typeof m.not_usable === 'object');
});
