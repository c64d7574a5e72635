import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { articleSentences } from '../../src/language/sentences.js';
import { wordCount } from '../../src/language/tokens.js';
import type { Article } from '../../src/model.js';
import { METHODS, summarize } from '../../src/summarize/index.js';
import { cli, tempDir } from '../helpers.js';

function article(id: string, text: string, published?: string): Article {
  const paragraphs = text.split('\n\n');
  return { id, source: `${id}.txt`, title: id, published, language: 'en', paragraphs, text, hash: id };
}

const docs = [
  article(
    'a',
    'The city council approved a new ferry timetable on Monday after a long debate about fares.\n\nFerries will run every thirty minutes between the harbour and the island from next month.\n\nCouncillors said the change would cost about two million pounds a year.',
    '2025-03-03',
  ),
  article(
    'b',
    'A new ferry timetable was approved by the city council on Monday, with boats every thirty minutes.\n\nIsland residents had campaigned for more frequent crossings for years.\n\nThe opposition said the two million pound cost was too high for the city budget.',
    '2025-03-04',
  ),
  article(
    'c',
    'Island shop owners welcomed the decision to run ferries every half hour from April.\n\nTourism on the island has fallen since the old timetable cut evening crossings.\n\nThe harbour master said new berths would be ready before the summer season starts.',
    '2025-03-05',
  ),
];
const input = { articles: docs, sentences: docs.flatMap((d) => articleSentences(d)) };

test('every method returns whole sentences within the budget, deterministically', () => {
  for (const method of METHODS) {
    const a = summarize(input, { words: 40, method });
    const b = summarize(input, { words: 40, method });
    assert.deepEqual(a, b, method);
    assert.ok(a.length >= 1, `${method} chose nothing`);
    assert.ok(a.reduce((n, s) => n + wordCount(s.text), 0) <= 40, `${method} over budget`);
    for (const s of a)
      assert.ok(input.sentences.includes(s), `${method} returned a sentence not in the input`);
  }
});

test('unknown methods are refused by name', () => {
  assert.throws(
    () => summarize(input, { words: 40, method: 'magic' }),
    /unknown summarization method "magic"/,
  );
});

test('bad input: one document, empty documents, a budget larger than all text, non-English text', () => {
  const one = { articles: [docs[0]], sentences: articleSentences(docs[0]) };
  assert.ok(summarize(one, { words: 50 }).length >= 1);
  const empty = article('e', '');
  assert.deepEqual(summarize({ articles: [empty], sentences: articleSentences(empty) }, { words: 50 }), []);
  const all = summarize(input, { words: 10_000 });
  assert.ok(all.length >= 6, 'a huge budget takes (nearly) everything worth taking');
  const german = article(
    'g',
    'Der Stadtrat hat am Montag einen neuen Fahrplan für die Fähren beschlossen.\n\nDie Fähren fahren künftig alle dreißig Minuten zur Insel.',
  );
  const de = summarize({ articles: [german], sentences: articleSentences(german) }, { words: 30 });
  assert.ok(de.length >= 1 && de.every((s) => german.text.includes(s.text)));
  assert.deepEqual(summarize(input, { words: 0 }), []);
});

test('a query pulls the summary toward the information need', () => {
  const plain = summarize(input, { words: 20, method: 'centroid' }).map((s) => s.text);
  const tourism = summarize(input, {
    words: 20,
    method: 'centroid',
    query: 'tourism and shops on the island',
  }).map((s) => s.text);
  assert.ok(
    tourism.some((t) => /Tourism|shop/.test(t)),
    tourism.join(' | '),
  );
  assert.notDeepEqual(plain, tourism);
});

test('`newsfuse summarize --data --out` writes one file per cluster, one sentence per line', async () => {
  const dir = tempDir('nf-sum-');
  const data = join(dir, 'clusters.jsonl');
  writeFileSync(
    data,
    `${JSON.stringify({ id: 'ferry', docs: docs.map((d) => ({ id: d.id, text: d.text })), references: [], budget: { words: 40 } })}\n`,
  );
  const r = await cli(['summarize', '--data', data, '--out', join(dir, 'out'), '--method', 'lexrank']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(join(dir, 'out')), ['ferry.txt']);
  const lines = readFileSync(join(dir, 'out', 'ferry.txt'), 'utf8')
    .trim()
    .split('\n');
  assert.ok(lines.length >= 1 && lines.every((l) => docs.some((d) => d.text.includes(l))));
  assert.equal((await cli(['summarize', '--data', data, '--out', dir, '--method', 'nope'])).status, 2);
});

test('a sentence that points back ("He said ...", "But ...") is left out while others can fill the budget', () => {
  const pointing = article(
    'p',
    'He told reporters the ferry council had ignored island residents for years and the new timetable approved on Monday proved it.\n\nBut the ferry timetable approved by the council on Monday still leaves the island without evening crossings.',
    '2025-03-06',
  );
  const all = [...docs, pointing];
  const withPointing = { articles: all, sentences: all.flatMap((d) => articleSentences(d)) };
  for (const method of METHODS) {
    const chosen = summarize(withPointing, { words: 30, method });
    assert.ok(chosen.length >= 1, method);
    for (const s of chosen) assert.ok(!/^(He|But)\b/.test(s.text), `${method} chose "${s.text}"`);
  }
  // Alone, the pointing sentences are all there is: a reader's summary says nothing rather than show them;
  // evaluation, which must fill its length, still takes one.
  const input = { articles: [pointing], sentences: articleSentences(pointing) };
  assert.equal(summarize(input, { words: 30 }).length, 0);
  assert.ok(summarize(input, { words: 30, fill: true }).length >= 1);
});

test('a person named by surname alone follows the sentence that names them in full', () => {
  const earlier = article(
    'p1',
    'Morgan was denied bail at the hearing in the county court on Tuesday morning.\n\nThe county court will hear the case again in the spring, a clerk of the court said.',
    '2025-05-01',
  );
  const later = article(
    'p2',
    'Dana Morgan, a 41-year-old bakery owner from the river district, was charged with arson on Monday.\n\nFire crews spent six hours at the bakery on the river road before the blaze was out.',
    '2025-05-02',
  );
  const both = {
    articles: [earlier, later],
    sentences: [earlier, later].flatMap((d) => articleSentences(d)),
  };
  const texts = summarize(both, { words: 200 }).map((s) => s.text);
  const full = texts.findIndex((t) => t.startsWith('Dana Morgan'));
  const short = texts.findIndex((t) => t.startsWith('Morgan was denied'));
  assert.ok(full >= 0, 'the sentence naming her in full is chosen');
  assert.ok(short >= 0, 'the short reference is chosen too');
  assert.ok(full < short, `introduced after the short reference: ${texts.join(' | ')}`);
});

test('a speaker named by surname or pronoun alone is kept only after a sentence that names a person', async () => {
  const { anchored, buildContext } = await import('../../src/summarize/context.js');
  const charged = article(
    'q1',
    'Dana Morgan, a 41-year-old bakery owner from the river district, was charged with arson on Monday.\n\nFire crews spent six hours at the bakery on the river road before the blaze was out.',
    '2025-05-01',
  );
  const quoted = article(
    'q2',
    '“The fire started in the back room of the bakery late on Sunday night,” Morgan said on Tuesday.\n\n“We will rebuild the whole bakery before the summer comes,” she said on Tuesday.',
    '2025-05-02',
  );
  const input = {
    articles: [charged, quoted],
    sentences: [charged, quoted].flatMap((d) => articleSentences(d)),
  };
  const ctx = buildContext(input, { words: 200 });
  const at = (prefix: string) => ctx.pool.findIndex((s) => s.text.startsWith(prefix));
  const [full, surname, pronoun] = [at('Dana Morgan'), at('“The fire'), at('“We will')];
  assert.ok(full >= 0 && surname >= 0 && pronoun >= 0, 'all three are candidates');
  const alone = anchored(ctx, [surname, pronoun]);
  assert.ok(!alone.includes(surname), 'the surname speaker is not introduced');
  assert.ok(!alone.includes(pronoun), 'the pronoun speaker follows no person');
  const introduced = anchored(ctx, [full, surname, pronoun]);
  assert.deepEqual(introduced, [full, surname, pronoun]);
});

test('a one-word speaker the story never names in full, and a pronoun speaker after another article, are left out', async () => {
  const { anchored, buildContext } = await import('../../src/summarize/context.js');
  const fire = article(
    'w1',
    'Dana Morgan, a 41-year-old bakery owner from the river district, was charged with arson on Monday.\n\nFire crews spent six hours at the bakery on the river road before the blaze was out.',
    '2025-05-01',
  );
  const neighbour = article(
    'w2',
    'The river road stayed closed for most of Tuesday while inspectors checked the bakery walls.\n\n“I heard the windows crack just after midnight and ran outside,” Ferdinand said on Tuesday.\n\n“Nobody on this street slept that night,” he said on Wednesday.',
    '2025-05-02',
  );
  const input = {
    articles: [fire, neighbour],
    sentences: [fire, neighbour].flatMap((d) => articleSentences(d)),
  };
  const ctx = buildContext(input, { words: 200 });
  const at = (prefix: string) => ctx.pool.findIndex((s) => s.text.startsWith(prefix));
  const [full, oneWord, pronoun] = [at('Dana Morgan'), at('“I heard'), at('“Nobody')];
  assert.ok(full >= 0 && oneWord >= 0 && pronoun >= 0, 'all three are candidates');
  const kept = anchored(ctx, [full, oneWord, pronoun]);
  assert.ok(kept.includes(full));
  assert.ok(!kept.includes(oneWord), 'Ferdinand is never introduced');
  assert.ok(!kept.includes(pronoun), '“he” would read as Dana Morgan, of another article');
});

test('a described subject with no antecedent makes room; after the sentence that describes it, it stays', async () => {
  const { anchored, buildContext } = await import('../../src/summarize/context.js');
  const shop = article(
    'd1',
    'A woman posing as a delivery driver took eleven cakes from a bakery on the river road on Saturday.\n\nThe woman, dressed in a courier jacket, walked into the kitchen through the back door.',
    '2025-06-01',
  );
  const input = { articles: [shop], sentences: articleSentences(shop) };
  const ctx = buildContext(input, { words: 200 });
  const at = (prefix: string) => ctx.pool.findIndex((s) => s.text.startsWith(prefix));
  const [told, described] = [at('A woman'), at('The woman')];
  assert.ok(told >= 0 && described >= 0);
  assert.ok(!anchored(ctx, [described]).includes(described), 'alone, “the woman” has no antecedent');
  assert.deepEqual(anchored(ctx, [told, described]), [told, described]);
});
