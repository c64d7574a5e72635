/** Scoring of `newsfuse eval brief` on a tiny invented brief (data/gold/briefs.md), and the briefs it reads. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  type GoldSentence,
  goldProblem,
  halfOf,
  labelHolds,
  scoreBriefs,
  scoringLine,
  task,
} from '../../src/eval/brief.js';
import { sentenceHash, sourceAround, storyBriefs } from '../../src/eval/brief-stories.js';
import { tempDir } from '../helpers.js';

const gold = (over: Partial<GoldSentence>): GoldSentence => ({
  story: 'multinews/x',
  brief: 0,
  index: 0,
  hash: 'h0',
  from: 'x-p1',
  offset: 0,
  label: 'usable',
  ...over,
});
/** A shown sentence of brief 0 of the invented story, at `index` in its summary. */
const row = (hash: string, index: number) => ({
  story: 'multinews/x',
  hash,
  cited: [],
  shown: 1,
  brief: 0,
  index,
});

test('citations are scored by cited vs true supporters, pooled over sentences', () => {
  const labelled = [
    gold({ hash: 'h0', supporters: ['a', 'b'], reports: 2 }),
    gold({ hash: 'h1', supporters: ['a'], reports: 1, label: 'caption' }),
  ];
  const m = scoreBriefs(labelled, [
    { story: 'multinews/x', hash: 'h0', cited: ['a'], shown: 2 },
    { story: 'multinews/x', hash: 'h1', cited: ['a', 'c'], shown: 3 },
  ]);
  // cited a, a, c: two right of three; true a, b, a: two found of three
  assert.equal(m.citation_precision, 0.6667);
  assert.equal(m.citation_recall, 0.6667);
  assert.equal(m.corroboration_exact, 0.5);
  assert.equal(m.corroboration_high, 1);
  assert.equal(m.corroboration_low, 0);
  assert.equal(m.usable, 0.5);
  assert.deepEqual((m.not_usable as Record<string, number>).caption, 0.5);
});

test('a changed summary is not scored silently: gone and unlabelled sentences are counted', () => {
  const labelled = [gold({ hash: 'h0' }), gold({ hash: 'h1' }), gold({ hash: 'h2', label: 'furniture' })];
  const m = scoreBriefs(labelled, [
    { story: 'multinews/x', hash: 'h0', cited: [], shown: 1 },
    { story: 'multinews/x', hash: 'new', cited: [], shown: 1 },
    // another story's sentence is not this set's business
    { story: 'multinews/y', hash: 'h1', cited: [], shown: 1 },
  ]);
  assert.equal(m.labelled, 3);
  assert.equal(m.matched, 1);
  assert.equal(m.gone, 2);
  assert.equal(m.unlabelled, 1);
  assert.equal(m.usable, 1);
  assert.equal(m.usable_lower, 0.5);
  assert.equal(m.citation_sentences, 0);
});

test('a later round adds supporters to a sentence labelled before, keeping the first usable label', () => {
  const labelled = [
    gold({ hash: 'h0', label: 'trivia-or-slogan' }),
    gold({ hash: 'h0', label: 'usable', supporters: ['a', 'b'], reports: 2 }),
  ];
  const m = scoreBriefs(labelled, [{ story: 'multinews/x', hash: 'h0', cited: ['a'], shown: 1 }]);
  assert.equal(m.labelled, 1);
  assert.equal(m.citation_sentences, 1);
  assert.equal(m.citation_recall, 0.5);
  assert.equal(m.corroboration_low, 1);
  assert.equal(m.usable, 0);
});

test('every labelled sentence with supporters is scored when cited as if chosen, shown or not', () => {
  const labelled = [
    gold({ hash: 'h0', supporters: ['a', 'b'], reports: 2 }),
    gold({ hash: 'h1', supporters: ['a'], reports: 1 }),
    gold({ hash: 'h2', supporters: ['c'], reports: 1 }),
    gold({ hash: 'h3' }),
  ];
  const shown = [{ story: 'multinews/x', hash: 'h0', cited: ['a', 'b'], shown: 2 }];
  const every = [
    { story: 'multinews/x', hash: 'h0', cited: ['a', 'b'], shown: 2 },
    { story: 'multinews/x', hash: 'h1', cited: ['a', 'd'], shown: 2 },
    // a sentence without supporters is not a citation sentence; h2 is in no story of the pipeline
    { story: 'multinews/x', hash: 'h3', cited: ['a'], shown: 1 },
  ];
  const m = scoreBriefs(labelled, shown, every);
  assert.equal(m.citation_sentences, 1);
  assert.equal(m.citation_precision, 1);
  assert.equal(m.every_citation_sentences, 2);
  assert.equal(m.every_not_found, 1);
  // cited a, b, a, d: three right of four; true a, b, a: all found
  assert.equal(m.every_citation_precision, 0.75);
  assert.equal(m.every_citation_recall, 1);
  assert.equal(m.every_corroboration_exact, 0.5);
  assert.equal(m.every_corroboration_high, 1);
  // without the rows the figures are not reported at all
  assert.equal(scoreBriefs(labelled, shown).every_citation_sentences, undefined);
});

test('gold lines are checked: known labels, supporters with their count', () => {
  assert.equal(goldProblem(gold({})), undefined);
  assert.match(goldProblem(gold({ label: 'nice' as never })) ?? '', /unknown label/);
  assert.match(goldProblem(gold({ supporters: ['a'] })) ?? '', /go together/);
  assert.match(goldProblem({ hash: 'h' }) ?? '', /story/);
});

test('a context-dependent label holds only while its labelling context does', () => {
  const dangling = gold({ label: 'dangling-reference', before: ['a'] });
  assert.equal(labelHolds(dangling, ['a']), true);
  assert.equal(labelHolds(dangling, []), true, 'a sentence gone from in front cannot hold the antecedent');
  assert.equal(labelHolds(dangling, ['b', 'a']), false, 'a new sentence in front may hold it');
  const leaning = gold({ before: ['a', 'b'], needs: ['a'] });
  assert.equal(labelHolds(leaning, ['a']), true);
  assert.equal(labelHolds(leaning, ['b']), false);
  // a usable label that did not record what it needs, any other label, a line without a context: always
  assert.equal(labelHolds(gold({ before: ['a'] }), []), true);
  assert.equal(labelHolds(gold({ label: 'caption', before: [] }), ['a']), true);
  assert.equal(labelHolds(gold({ label: 'dangling-reference' }), ['a']), true);
  assert.equal(labelHolds(dangling, undefined), true);
});

test('the usable rate reads the first label that holds where the sentence is shown', () => {
  const labelled = [
    gold({ hash: 'h1', label: 'dangling-reference', before: [] }),
    gold({ hash: 'h1', label: 'usable', before: ['h0'], needs: ['h0'] }),
    gold({ hash: 'h0', before: [], needs: [] }),
    gold({ hash: 'h2', label: 'dangling-reference', before: [] }),
    gold({ hash: 'h3', before: ['h9'] }),
  ];
  // h0 now introduces h1's referent: h1's second line holds; h2 now has h0 and h1 before it: unlabelled there
  const m = scoreBriefs(labelled, [row('h0', 0), row('h1', 1), row('h2', 2), row('h3', 3)]);
  assert.equal(m.matched, 4);
  assert.equal(m.matched_in_context, 3);
  assert.equal(m.context_unlabelled, 1);
  assert.deepEqual(m.context_stale, { 'dangling-reference': 1 });
  assert.equal(m.usable, 1);
  assert.equal(m.usable_lower, 0.75);
  assert.equal(m.usable_by_hash, 0.5);
  assert.equal(m.usable_context_changed, 1);
  // without h0 in front, h1's first label holds
  const alone = scoreBriefs(labelled, [row('h1', 0)]);
  assert.equal(alone.usable, 0);
  assert.equal(alone.context_unlabelled, 0);
  assert.match(goldProblem(gold({ label: 'caption', before: [], needs: [] })) ?? '', /usable/);
  assert.match(goldProblem(gold({ before: ['a'], needs: ['b'] })) ?? '', /"before"/);
});

test('the sentence hash folds white space and names the text', () => {
  assert.equal(sentenceHash('A  cat\nsat. '), sentenceHash('A cat sat.'));
  assert.notEqual(sentenceHash('A cat sat.'), sentenceHash('A dog sat.'));
  assert.match(sentenceHash('x'), /^[0-9a-f]{12}$/);
});

const docs = [
  {
    id: 'k-p1',
    text:
      'The town council of Marrow Bay voted on Tuesday to close the old ferry pier after inspectors found cracks in its pilings.\n\n' +
      'Council leader Ida Fenwick said the pier would stay shut until repairs costing about 40,000 pounds were finished.\n\n' +
      'Fishing boats will use the harbour wall in the meantime, the council said.',
  },
  {
    id: 'k-p2',
    text:
      'Marrow Bay council voted on Tuesday to close the old ferry pier after inspectors found cracks in its pilings.\n\n' +
      'Repairs are expected to cost about 40,000 pounds, council leader Ida Fenwick said.\n\n' +
      'Ferry passengers were told to board at the harbour wall from next week.',
  },
];

test('briefs are made by the pipeline and name articles by their shared-data ids', () => {
  const { sentences } = storyBriefs('multinews/k', docs);
  assert.ok(sentences.length > 0);
  for (const s of sentences) {
    assert.ok(['k-p1', 'k-p2'].includes(s.from), s.from);
    for (const c of s.cited) assert.ok(['k-p1', 'k-p2'].includes(c), c);
    assert.equal(s.hash, sentenceHash(s.text));
  }
});

test('a labelled sentence the summary does not show is cited as the brief would cite it', () => {
  // More sentences than a 120-word summary holds, so some are not shown.
  const more = [
    'Inspectors from the county found three cracked pilings under the pier during a routine check last month.',
    'The ferry to Inchmore carried about 200 passengers a day during the summer season, the operator said.',
    'Shops on the harbour front said they feared losing trade while the pier stayed closed to visitors.',
    'A public meeting on the repairs will be held in the town hall on Thursday evening, the council said.',
    'The pier was built in 1898 and was last repaired after a storm damaged its deck in 1987.',
  ];
  const long = [{ ...docs[0], text: `${docs[0].text}\n\n${more.join('\n\n')}` }, docs[1]];
  const { sentences } = storyBriefs('multinews/k', long);
  const shownHashes = new Set(sentences.map((s) => s.hash));
  const unshown = more.filter((t) => !shownHashes.has(sentenceHash(t)));
  assert.ok(unshown.length > 0, 'every sentence was shown: the test needs a longer story');
  const refs = [
    ...sentences.map((s) => ({ from: s.from, hash: s.hash })),
    ...unshown.map((t) => ({ from: 'k-p1', hash: sentenceHash(t) })),
    // a hash of no sentence of that article is not cited
    { from: 'k-p2', hash: sentenceHash(unshown[0]) },
  ];
  const { everyCited } = storyBriefs('multinews/k', long, refs);
  // every shown sentence comes back with the very citations and count the brief shows
  for (const s of sentences) {
    const e = everyCited.find((x) => x.hash === s.hash);
    assert.ok(e, s.text);
    assert.deepEqual([...e.cited].sort(), [...s.cited].sort());
    assert.equal(e.shown, s.shown);
  }
  for (const t of unshown) {
    const e = everyCited.filter((x) => x.hash === sentenceHash(t));
    assert.equal(e.length, 1, t);
    assert.equal(e[0].from, 'k-p1');
    assert.ok(e[0].cited.includes('k-p1'));
  }
  assert.equal(everyCited.length, sentences.length + unshown.length);
});

test('the task warns about a bad gold line with file:line and scores the rest', async () => {
  const dir = tempDir();
  const file = join(dir, 'gold.jsonl');
  writeFileSync(
    file,
    `${JSON.stringify(gold({ story: 'multinews/none', label: 'odd' as never }))}\n${JSON.stringify(gold({ story: 'multinews/none' }))}\n`,
  );
  const logs: string[] = [];
  const r = await task.run({ data: file, flags: { shared: join(dir, 'nothing') }, log: (m) => logs.push(m) });
  assert.ok(
    logs.some((l) => l.includes(`${file}:1: unknown label`)),
    logs.join('\n'),
  );
  assert.ok(
    logs.some((l) => l.includes('multinews/none')),
    logs.join('\n'),
  );
  assert.equal(r.items, 0);
});

test('stories split into a tune and a held-out half by their id alone', async () => {
  const ids = Array.from({ length: 200 }, (_, i) => `multinews/story-${i}`);
  const halves = ids.map(halfOf);
  assert.deepEqual(ids.map(halfOf), halves);
  const tune = halves.filter((h) => h === 'tune').length;
  assert.ok(tune > 70 && tune < 130, `${tune} of 200 in the tune half`);
  // --half keeps one half's labels only, and rejects anything else
  const dir = tempDir();
  const file = join(dir, 'gold.jsonl');
  const held = ids.find((id) => halfOf(id) === 'held') as string;
  const tuned = ids.find((id) => halfOf(id) === 'tune') as string;
  writeFileSync(
    file,
    `${JSON.stringify(gold({ story: held }))}\n${JSON.stringify(gold({ story: tuned }))}\n`,
  );
  const logs: string[] = [];
  const flags = { shared: join(dir, 'nothing'), half: 'held' };
  await task.run({ data: file, flags, log: (m) => logs.push(m) });
  assert.ok(logs.some((l) => l.includes(held)));
  assert.ok(!logs.some((l) => l.includes(tuned)));
  await assert.rejects(
    task.run({ data: file, flags: { ...flags, half: 'both' }, log: () => {} }),
    /tune or held/,
  );
});

test('a label made again in the present context is preferred over an old context-free usable line', () => {
  // h2 was labelled usable (no needs) after h0 and h1; now only h1 is shown before it, and round 28 labels it
  // again there as a dangling reference: that line scores it, not the old one that still "holds"
  const labelled = [
    gold({ hash: 'h1', before: [], needs: [] }),
    gold({ hash: 'h2', before: ['h0', 'h1'] }),
    gold({ hash: 'h2', label: 'dangling-reference', before: ['h1'] }),
    gold({ hash: 'h3', before: ['h0', 'h1', 'h2'] }),
    gold({ hash: 'h3', label: 'trivia-or-slogan', before: ['h9'] }),
    gold({ hash: 'h3', before: ['h9', 'h1'], needs: ['h1'] }),
  ];
  const m = scoreBriefs(labelled, [row('h1', 0), row('h2', 1), row('h3', 2)]);
  assert.equal(m.matched_in_context, 3);
  assert.equal(m.usable, 0.6667, 'h1 and h3 (by its needs line) usable, h2 not');
  assert.equal(m.usable_context_changed, 0);
  assert.equal(m.usable_by_hash, 1);
  const h2 = labelled.filter((l) => l.hash === 'h2');
  assert.equal(scoringLine(h2, ['h1'])?.label, 'dangling-reference');
  // in its old context, or where the new line does not hold, the old line still scores it
  assert.equal(scoringLine(h2, ['h0', 'h1'])?.label, 'usable');
  assert.equal(scoringLine(h2, ['h5', 'h1'])?.label, 'usable');
  // a first line that is not a context-free usable one is kept
  const h3 = labelled.filter((l) => l.hash === 'h3').slice(1);
  assert.equal(scoringLine(h3, ['h1'])?.label, 'trivia-or-slogan');
});

test('a labeller reads the source sentences around a shown one, and nothing for text the article lacks', () => {
  const article =
    'The ferry left at dawn. It carried forty cars. The captain turned back at noon. Nobody was hurt. The line apologised.';
  assert.equal(
    sourceAround(article, 'The captain turned back at noon.', 2, 1),
    'The ferry left at dawn. ⏐ It carried forty cars. ⏐ The captain turned back at noon. ⏐ Nobody was hurt.',
  );
  assert.equal(sourceAround(article, 'It carried forty cars.', 1, -1), 'The ferry left at dawn.');
  assert.equal(sourceAround(article, 'The ferry left at dawn.', 1, -1), '');
  assert.equal(sourceAround(article, 'A bridge collapsed.', 2, 1), undefined);
});
