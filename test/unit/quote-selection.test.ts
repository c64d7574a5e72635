import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allStoryQuotes, showable, storyQuotes } from '../../src/analyse/quote-selection.js';
import { briefThreshold } from '../../src/language/quote-ranker.js';
import type { Article, Quote } from '../../src/model.js';

const quote = (articleId: string, text: string, speaker: string, kind: Quote['kind'] = 'direct'): Quote => ({
  articleId,
  text,
  start: 0,
  end: text.length,
  kind,
  speaker: { name: speaker, start: 0, end: speaker.length },
});

const article = (id: string, publisher: string, text: string, title = 'A title'): Article => ({
  id,
  source: `${id}.txt`,
  publisher,
  title,
  language: 'en',
  paragraphs: text.split('\n\n'),
  text,
  hash: id,
});

const story = [
  article(
    'a1',
    'Coast Herald',
    'The ferry to Marren island stopped after the pier collapsed. The ferry repairs will take months.',
  ),
  article(
    'a2',
    'Coast Herald',
    'Repairs to the pier and the ferry ramp started on Monday; the ferry stays in port.',
  ),
  article('a3', 'Island Post', 'Islanders wait for the ferry. The pier repairs cost four million.'),
];

test('quotes below the brief threshold are not listed; a score at it is', () => {
  const t = briefThreshold();
  const low = quote('a1', 'the ferry will run again by the spring', 'Ines Carvalho');
  const high = quote('a3', 'the pier repairs will be finished before the summer', 'Tomas Reyes');
  const scores = new Map([
    [low, t - 0.5],
    [high, t],
  ]);
  assert.deepEqual(
    storyQuotes([low, high], story, (q) => scores.get(q)).map((q) => q.speaker?.name),
    ['Tomas Reyes'],
  );
});

test('most central first, spread across sources, two per speaker, the same words once', () => {
  const all = [
    // Source order: the oldest article's quotes first; the first is off the story's subject.
    quote('a1', 'we had a lovely summer for the garden and the roses', 'Ines Carvalho'),
    quote('a1', 'the ferry repairs at the pier will take months', 'Ines Carvalho'),
    quote('a1', 'the ferry and the pier repairs come first for us', 'Ines Carvalho'),
    quote('a2', 'the ferry ramp and the pier are being repaired now', 'Clara Bonnet'),
    // The same words in a second wire copy.
    quote('a3', 'the ferry repairs at the pier will take months', 'Ines Carvalho'),
    quote('a3', 'islanders need the ferry back before the winter storms', 'Tomas Reyes'),
  ];
  const listed = storyQuotes(all, story, () => undefined);
  const texts = listed.map((q) => q.text);
  assert.equal(new Set(texts).size, texts.length, 'no duplicate words');
  assert.ok(listed.filter((q) => q.speaker?.name === 'Ines Carvalho').length <= 2);
  // The off-subject quote comes last (or not at all), not first as in source order.
  assert.notEqual(texts[0], all[0].text);
  assert.ok(texts.indexOf(all[0].text) === -1 || texts.indexOf(all[0].text) === texts.length - 1);
  // The second source's quote is among the first three, not after every quote of the first.
  const islandPost = texts.indexOf(all[5].text);
  assert.ok(islandPost >= 0 && islandPost < 3, texts.join(' | '));
  // Deterministic.
  assert.deepEqual(
    storyQuotes(all, story, () => undefined),
    listed,
  );
});

test('speakers no reader can use are not listed', () => {
  for (const name of [
    'who',
    'he',
    'to the crowd',
    'WASHINGTON',
    'perhaps',
    'the government of',
    'It is worth',
    'the Post quotes the mayor as',
    "he's",
    "he shouldn't",
    'I do get rather',
    'Perhaps Dawkins',
    'One',
    'no one',
    'Some of you',
    'Later Monday',
  ])
    assert.equal(showable(quote('a1', 'the pier will be repaired by the spring', name)), false, name);
  for (const name of ['Ines Carvalho', 'a senior official', 'The company’s spokeswoman', 'Officials', 'NATO'])
    assert.equal(showable(quote('a1', 'the pier will be repaired by the spring', name)), true, name);
  // A lede with its dateline is the page's own words.
  assert.equal(
    showable(quote('a1', 'MARREN, May 2 (CH) - The pier collapsed on Tuesday night', 'officials')),
    false,
  );
  assert.equal(showable(quote('a1', 'US crews - and islanders - will rebuild the pier', 'officials')), true);
  // Fewer than five words: too short to stand alone.
  assert.equal(showable(quote('a1', 'we will see', 'Ines Carvalho')), false);
});

test('a quote in the page title line is not listed', () => {
  const text =
    'Storm Bella: "A night we will never forget"\n\nResidents of Harwick spent the night in the school gym. ' +
    '"The roof came off at midnight and we ran," said Marta Okonkwo, a teacher.';
  const a = article('t1', 'Coast Herald', text, 'Storm Bella: "A night we will never forget"');
  const all = allStoryQuotes([a], new Map(), []);
  const listed = storyQuotes(all, [a]).map((q) => q.text);
  assert.ok(!listed.some((t) => /never forget/.test(t)), listed.join(' | '));
  assert.ok(
    listed.some((t) => /roof came off/.test(t)),
    listed.join(' | '),
  );
});

test('plain nouns and actions are not listed as quotes ("Ambulances called", "declared a state of alert")', () => {
  const text =
    'A bus overturned on the coast road near Pellham on Sunday.\n\n' +
    'Ambulances called to the scene took eleven people to the county hospital.\n\n' +
    'The regional council declared a state of alert on the coast road after the crash.\n\n' +
    '"The road was far too icy for a bus that size," said Marta Okonkwo, who drives the route every day.';
  const a = article('n1', 'Coast Herald', text, 'Bus overturns near Pellham');
  const listed = storyQuotes(allStoryQuotes([a], new Map(), []), [a]);
  assert.deepEqual(
    listed.map((q) => q.speaker?.name),
    ['Marta Okonkwo'],
  );
});
