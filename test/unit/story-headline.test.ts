import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type HeadlineSource,
  headlineFromSentence,
  isLeadTitle,
  storyHeadlines,
  titleProblem,
} from '../../src/analyse/headline.js';
import type { Story } from '../../src/model.js';

// Invented stories: a landslide on the Brennick coast road, a library vote in Ostry.
const SLIDE =
  'A landslide closed the Brennick coast road on Sunday after three days of heavy rain loosened the cliff above the harbour.';
const SLIDE_2 =
  'Engineers said the Brennick coast road would stay closed for a week while the landslide debris is cleared from the harbour bend.';
const SLIDE_3 =
  'Residents of Brennick walked to the harbour to watch diggers clear the landslide that buried the coast road.';
const LIBRARY =
  'The Ostry town council voted on Monday to keep the old library open for another five years after a petition signed by 4,000 residents.';

const src = (id: string, title: string, lead: string, outlet?: string): HeadlineSource => ({
  id,
  title,
  lead: [lead],
  outlet,
});
const story = (id: string, articleIds: string[], headline = 'old'): Story => ({
  id,
  articleIds,
  reports: articleIds.map((a) => ({ id: `r-${a}`, articleIds: [a] })),
  headline,
});
const name = (stories: Story[], sources: HeadlineSource[]) => {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return storyHeadlines(stories, (id) => byId.get(id)).map((s) => s.headline);
};

test('the title of the most central article names the story', () => {
  const sources = [
    src(
      'a',
      'Harbour cafe owner fears for summer trade',
      `${SLIDE_3} The cafe owner said visitors would stay away.`,
    ),
    src('b', 'Landslide shuts Brennick coast road', `${SLIDE} ${SLIDE_2}`),
    src('c', 'Coast road closed by landslide for a week', SLIDE_2),
  ];
  assert.deepEqual(name([story('s', ['a', 'b', 'c'])], sources), ['Landslide shuts Brennick coast road']);
});

test('bylines, captions, fragments and furniture never name a story', () => {
  assert.equal(titleProblem('By Mara Quell, Harbour Correspondent'), 'byline');
  assert.equal(titleProblem('Tova Brin | 14:05 UK time, Sunday, 4 May 2025 The road'), 'byline');
  assert.equal(titleProblem('Diggers clear the coast road at Brennick May 4, 2025'), 'caption');
  assert.equal(titleProblem('Retired Coast Guard Adm.'), 'fragment');
  assert.equal(titleProblem('Council votes to keep the'), 'fragment');
  assert.equal(titleProblem('Get the Morning Tide delivered to your inbox'), 'furniture');
  assert.equal(titleProblem('Landslide shuts Brennick coast road'), undefined);
  const sources = [
    src('a', 'By Mara Quell, Harbour Correspondent', SLIDE),
    src('b', 'Retired Coast Guard Adm.', SLIDE_2),
    src('c', 'Coast road closed after cliff gives way', SLIDE_3),
  ];
  assert.deepEqual(name([story('s', ['a', 'b', 'c'])], sources), ['Coast road closed after cliff gives way']);
});

test('a line shared by two stories, or printed on many pages of one outlet, is no headline', () => {
  const nav = 'Weather, tides and travel for the whole coast';
  const sources = [
    src('a', nav, SLIDE, 'tide gazette'),
    src('b', 'Landslide shuts Brennick coast road', SLIDE_2, 'tide gazette'),
    src('c', nav, LIBRARY, 'tide gazette'),
  ];
  const [slide, library] = name([story('s1', ['a', 'b']), story('s2', ['c'])], sources);
  assert.equal(slide, 'Landslide shuts Brennick coast road');
  assert.notEqual(library, nav);
  assert.match(library, /^The Ostry town council voted on Monday to keep the old library open/);
  // One outlet's line on three different pages, each its own story: none of them takes it.
  const outlet = [
    src('x', nav, SLIDE, 'coast fm'),
    src('y', nav, LIBRARY, 'coast fm'),
    src('z', nav, SLIDE_2, 'coast fm'),
  ];
  const names = name([story('s1', ['x']), story('s2', ['y']), story('s3', ['z'])], outlet);
  assert.ok(
    names.every((n) => n !== nav),
    names.join(' | '),
  );
});

test('an explainer or timeline title only when no news headline exists', () => {
  const explainer = src('a', 'Brennick landslide: what we know so far', `${SLIDE} ${SLIDE_2}`);
  const news = src('b', 'Diggers begin clearing Brennick road', SLIDE_3);
  assert.deepEqual(name([story('s', ['a', 'b'])], [explainer, news]), [
    'Diggers begin clearing Brennick road',
  ]);
  const timeline = src('c', 'The following is a timeline of key events in the Brennick slide', SLIDE);
  assert.deepEqual(name([story('t', ['c'])], [timeline]), [
    'The following is a timeline of key events in the Brennick slide',
  ]);
});

test('untitled stories take the main clause of their most central lead sentence', () => {
  // A record's title made of its first words is no title of its own.
  const lead = `${SLIDE} ${SLIDE_2}`;
  assert.ok(isLeadTitle('A landslide closed the Brennick coast road on Sunday after three days…', [lead]));
  assert.ok(!isLeadTitle('Landslide shuts Brennick coast road', [lead]));
  const sources = [
    src('a', 'A landslide closed the Brennick coast road on Sunday after three days…', lead),
    src('b', 'Engineers said the Brennick coast road would stay closed for a week…', SLIDE_2),
  ];
  const [h] = name([story('s', ['a', 'b'])], sources);
  assert.ok(!h.endsWith('…'), h);
  assert.ok(h.split(/\s+/).length <= 16, h);
  assert.match(h, /Brennick coast road/);
});

test('headlineFromSentence: dateline-free main clause, cut at a clause boundary, no dangling "…"', () => {
  assert.equal(
    headlineFromSentence(
      'Harbour officials reopened the Brennick ferry terminal on Tuesday, the port authority said.',
    ),
    'Harbour officials reopened the Brennick ferry terminal on Tuesday',
  );
  assert.equal(
    headlineFromSentence(
      'The Ostry council voted on Monday to keep the old library open for five more years, which ends a dispute that began when the roof failed.',
    ),
    'The Ostry council voted on Monday to keep the old library open for five more years',
  );
  assert.equal(
    headlineFromSentence('(CNN) -- Rescuers pulled two climbers from the Varn glacier on Friday.'),
    'Rescuers pulled two climbers from the Varn glacier on Friday',
  );
  // No boundary fits: cut at a word boundary, never on a function word, marked with "…".
  const long = headlineFromSentence(
    'Rescuers from three valleys and a helicopter crew from the coast spent the whole of the cold night searching the upper slopes of the Varn glacier for the missing pair of climbers.',
  );
  assert.ok(long.endsWith('…'), long);
  assert.ok(!/\b(?:the|of|for|from|and)…$/.test(long), long);
});

test('a story nobody can read keeps its headline; ties go to the earlier article', () => {
  assert.deepEqual(name([story('s', ['missing'], 'kept')], []), ['kept']);
  const twins = [
    src('a', 'Landslide shuts Brennick coast road', SLIDE),
    src('b', 'Landslide closes Brennick coast road', SLIDE),
  ];
  assert.deepEqual(name([story('s', ['a', 'b'])], twins), ['Landslide shuts Brennick coast road']);
});
