/**
 * Scorers and stages checked against the dev sets beside the repo: ROUGE against NIST's official DUC 2006
 * numbers, summarization on DUC 2006, timex on TimeBank.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDuc, officialScores, scorePeers } from '../../src/eval/duc-official.js';
import { loadWordNetExceptions } from '../../src/eval/rouge.js';
import { task as summarizeTask } from '../../src/eval/summarize.js';
import { task as temporalTask } from '../../src/eval/temporal.js';
import { NO_DATA, sharedData } from '../helpers.js';

/** ROUGE-1.5.5 consults WordNet's exception lists when stemming; Debian ships them in wordnet-base. */
const wordnet = loadWordNetExceptions();
const NO_WORDNET = wordnet
  ? false
  : 'WordNet exception lists not found — the ROUGE check needs them (apt-get install wordnet-base)';

test('matches NIST: every DUC 2006 summarizer within 0.001 on ROUGE-2 and ROUGE-SU4 (250 words, stemmed, jackknifed)', {
  skip: NO_DATA || NO_WORDNET,
}, () => {
  const dir = `${sharedData}summarization`;
  const { clusters, peers } = loadDuc(dir);
  const ours = scorePeers(clusters, peers, 250, wordnet!);
  const r2 = officialScores(`${dir}/duc2006-official-scores/rouge2.jk.m.avg`);
  const su4 = officialScores(`${dir}/duc2006-official-scores/rougeSU4.jk.m.avg`);
  assert.equal(ours.size, r2.size);
  for (const [system, official] of r2) {
    const mine = ours.get(system);
    assert.ok(mine, `system ${system} scored`);
    assert.ok(Math.abs(mine.rouge2.r - official) <= 0.001, `${system} R2 ${mine.rouge2.r} vs ${official}`);
    assert.ok(
      Math.abs(mine.rougeSU4.r - su4.get(system)!) <= 0.001,
      `${system} SU4 ${mine.rougeSU4.r} vs ${su4.get(system)}`,
    );
  }
});

test('DUC 2006 (first 5 topics): newsfuse beats the lead baseline on ROUGE-2', {
  skip: NO_DATA,
}, async () => {
  const data = `${sharedData}summarization/duc2006.jsonl.gz`;
  const ours = await summarizeTask.run({ data, flags: { limit: '5' }, log: () => {} });
  const lead = await summarizeTask.run({ data, flags: { limit: '5', method: 'lead' }, log: () => {} });
  const r2 = (r: typeof ours) => (r.metrics.rouge2 as { r: number }).r;
  assert.ok(r2(ours) > r2(lead), `newsfuse ${r2(ours)} vs lead ${r2(lead)}`);
});

test('TimeBank: relaxed span F1 ≥ 0.85 and value accuracy ≥ 0.80', { skip: NO_DATA }, async () => {
  const r = await temporalTask.run({
    data: `${sharedData}temporal/timebank.jsonl`,
    flags: {},
    log: () => {},
  });
  const m = r.metrics as Record<string, number>;
  assert.ok(m.span_f1 >= 0.85, `span F1 ${m.span_f1}`);
  assert.ok(m.value_acc >= 0.8, `value accuracy ${m.value_acc}`);
  assert.equal(m.gold, 1243);
});
