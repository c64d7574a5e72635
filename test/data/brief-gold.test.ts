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
  // 1,206 distinct labels: rounds 1-12 (873), h8-cite's round 13 (32 new), h8-usable's rounds 14-15 (109 new),
  // h9-cite's round 18 (16 new; 8 of its 24 sentences had usable labels), h9-usable's blind round 17 (59 new) and
  // its round 20 (38 new, the sentences its page-line change shows), h9-dangling's blind round 16 (48) and its
  // round 19 (34, the sentences its antecedent checks show), and the coordinator's round 22 (6 sentences the
  // merged main newly shows); 9 sentences are in two rounds. h10-usable's blind round 24 (62 of 10 new stories)
  // and the 22 sentences its page-line rules newly show (round 24, "after"), h10-cite's blind citation round 25
  // (31 sentences of 4 longer stories; 8 sentences are in rounds 24 and 25), and h10-context's round 23: 42
  // sentences of 8 new stories (blind) and 20 sentences labelled again in their new context (no new hash), then 28
  // sentences a selection change (not kept) showed, 17 of them new hashes; the coordinator's round 26 (3 sentences labelled again in the merged main's
  // context, no new hash): 1,357; h10-dangling2's round 27 (20 sentences its definite-object check shows, 6 of
  // them labelled again in context, not blind): 1,371; h10-relabel's round 28 (192 stale usable labels labelled
  // again in their current context, no new hash): 1,371; h11-dangle's blind round 29 (41 sentences of 8 new stories)
  // and its round 30 (37 sentences its dangling-reference gate shows, 34 new hashes, not blind): 1,446;
  // h11-order's blind round 33 (42 sentences of 8 new stories) and its round 34 (34 sentences labelled again in the
  // introduction order, no new hash): 1,488; h11-lead's blind round 31 (46 sentences of 10 new stories) and round
  // 32 (14 sentences its lead clean-up shows, not blind): 1,534; round 35 on the merged main (11 sentences with no
  // label that holds, 6 of them new hashes, and 37 stale usable labels labelled again in context): 1,540; the
  // coordinator's round 36 (the dangling gate retrained on the merged sentences: 10 sentences without a holding
  // label, 9 new hashes, and 5 stale usable labels, labelled again in context): 1,549.
  assert.equal(m.labelled, 1549);
  assert.equal(m.matched + m.gone, m.labelled);
  // Labels are read in context (data/gold/briefs.md, "Labels in context"): the sentences none of whose labels
  // holds where they are shown now are counted, and scored apart.
  assert.equal(m.matched_in_context + m.context_unlabelled, m.matched);
  assert.ok(m.usable_by_hash >= 0 && m.usable_by_hash <= 1);
  for (const k of ['citation_precision', 'citation_recall', 'corroboration_exact', 'usable', 'usable_lower'])
    assert.ok(m[k] >= 0 && m[k] <= 1, `${k} ${m[k]}`);
  assert.ok(m.citation_sentences > 0, 'no citation sentence matched');
  // Citations and report counts are guarded on every labelled sentence with supporters, cited as if chosen
  // (`every_*`): the figures on the shown sentences move whenever the summary picks other sentences (the
  // third stand-alone pass took 30 labelled citation sentences out of the summaries without touching a
  // citation). Targets 0.97 / 0.90; these guard today's level, not the targets: h8-cite (2026-12-06, 905
  // labels with the blind round 13 of ten longer stories, on which main read P 0.9091 and exact 0.5692):
  // every P 0.9640, R 0.8397, exact 0.7623 over 366 sentences (main with round 13: P 0.9582, exact 0.7514;
  // without it the floors were P 0.965 and exact 0.785 over 301 sentences). h9-cite added the blind round 18 (24
  // sentences of 4 longer stories, main P 0.8611, exact 0.6667): every P 0.9607, R 0.8371, exact 0.7615 over 390
  // sentences (main 0.9571 / 0.8355 / 0.7564); the floors stay. h10-cite's blind round 25 (31 sentences of the
  // two largest Multi-News clusters and two DUC topics, read 0.8163 / 0.7273 / 0.5806 alone) takes the set, with no
  // code change, to P 0.9486, R 0.8281, exact 0.7482 over 421 sentences: floors 0.945 and 0.745.
  assert.ok(m.every_citation_sentences >= 410, `only ${m.every_citation_sentences} citation sentences found`);
  assert.ok(
    m.every_citation_precision >= 0.945,
    `citation precision ${m.every_citation_precision} fell under 0.945`,
  );
  assert.ok(
    m.every_corroboration_exact >= 0.745,
    `corroboration exact ${m.every_corroboration_exact} fell under 0.745`,
  );
  assert.ok(typeof m.not_usable === 'object');
  // The usable rate (issue 19 item 3; target 0.95): guards today's level, not the target. Set from the figure
  // measured after 12 earlier labels were relabelled to one surname rule (which alone took main from 0.8004 to
  // 0.7787) and the blind round 14 of 11 new stories was added (h8-usable, 2026-12-06, 982 labels: 0.7749 on 582
  // matched sentences; main 0.7547). The blind round 17 of 9 new stories (h9-usable, 2026-12-06) read 0.5932 on
  // main and took the whole set from 0.7761 to 0.7601 (1,073 labels) with no code change; h9-usable's page-line
  // change then read 0.7674 on 1,111 labels (main 0.7596). h9-dangling's antecedent checks read 0.7931 on its
  // 1,096 labels (main 0.7692). Merged main (1,206 labels, 0 unlabelled): 0.7814, floor 0.775. The blind round 24
  // of 10 new stories (h10-usable) read 0.6129 on main and took the set to 0.7683 (1,268 labels) with no code
  // change; h10-usable's page-line rules then read 0.7748 on 1,290 labels. h10-cite's blind round 25 (31 labels,
  // 14 of them not usable: a Wikipedia page and a book chapter in news clusters, dangling references) lowers the
  // set again with no code change: 0.7702 on 1,313 labels. With h10-context's labels read in their context and
  // its round 23, the merged main reads 0.7837 on 1,357 labels (0.7707 by hash alone), 0 unlabelled: floor 0.78.
  // h10-dangling2's definite-object check read 0.7853 on 1,371 labels with its round 27 and was reverted (inside
  // labeller noise, lost on the blind round 23); main reads 0.7837 on the same labels. That figure was inflated
  // by 192 old usable labels without `needs` shown in a changed context (h10-stale: 9 of a blind 60 no longer
  // usable); h10-relabel's round 28 labels all 192 again in context and `eval brief` prefers such a line over an
  // old context-free usable one: 0.7577 (tune 0.7532, held 0.7616), usable_context_changed 0: floor 0.755.
  // h11-dangle's blind round 29 (8 new stories, 0.6585 on main) takes main to 0.7531 on 1,412 labels with no code
  // change; its learned dangling-reference gate then reads 0.7712 on 1,446 labels (tune 0.7719, held 0.7705).
  // h11-order's blind round 33 (8 new stories, main 0.6667) and its introduction order (src/summarize/order.ts)
  // read 0.7658 on 1,413 labels (main 0.7534). h11-lead's blind round 31 (main 0.7609 on it) and its lead
  // clean-up read 0.7677 on 1,427 labels (main 0.7578). The merged main with all three read 0.7834 with 6
  // unlabelled, 5 unlabelled in context and 37 usable labels in a changed context; round 35 labels them all (2 of
  // the 37 no longer usable): 0.7786 on 1,540 labels (tune 0.7891, held 0.7695; 0.7744 by hash), 0 unlabelled,
  // usable_context_changed 0. With the gate retrained on the merged main's sentences and round 36: 0.7778 on
  // 1,549 labels (tune 0.7931, held 0.7647; start e7d8196 0.7472): floor 0.775.
  assert.ok(m.usable >= 0.775, `usable ${m.usable} fell under 0.775`);
});
