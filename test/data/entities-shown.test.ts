/** `newsfuse eval entities` over the hand-labelled shown entities (data/gold/entities-shown.md), on the shared data. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { NO_DATA, repoRoot } from '../helpers.js';

const gold = fileURLToPath(new URL('../../data/gold/entities-shown.jsonl', import.meta.url));

test('eval entities runs over the shown-entity gold set and holds its precision', { skip: NO_DATA }, () => {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'eval', 'entities', '--data', gold, '--json'],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const r = JSON.parse(out);
  const m = r.metrics;
  assert.equal(r.task, 'entities');
  assert.equal(m.labelled, 962);
  assert.ok(m.matched > 0);
  for (const k of ['precision', 'precision_lower', 'kind_accuracy', 'ok_kept'])
    assert.ok(m[k] >= 0 && m[k] <= 1, `${k} ${m[k]}`);
  // Precision first: a listed entity that is no name misleads the reader more than a shorter list.
  assert.ok(m.precision >= 0.77, `precision ${m.precision} fell under 0.77`);
  // Real names still listed: 0.9739 before h7-cluster, 0.9176 after it (2026-12-06). Lone reports now join their
  // story, so four Timeline17 windows list one story's 15 names where two lists were shown (960 entities shown ->
  // 887); the precision of what is listed is unchanged (0.7751 -> 0.7742). This guards against a further fall.
  // 0.9176 -> 0.9052 with h8-nonart's retrained non-article combiner (2026-12-06): the Guardian teaser run whose
  // names the H1N1_guardian window listed (H1N1_guardian/60, labelled a non-article index page in
  // data/gold/non-articles.jsonl) is now dropped, so its story and its names are gone, rightly.
  assert.ok(m.ok_kept >= 0.9, `only ${m.ok_kept} of the real names labelled ok are still shown`);
  assert.ok(m.unlabelled <= 60, `${m.unlabelled} shown entities have no label: label them`);
  assert.ok(r.details.tune && r.details.held, 'both halves are reported');
});
