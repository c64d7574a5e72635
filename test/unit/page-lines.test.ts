import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripDateline } from '../../src/extract/datelines.js';
import { notASummaryLine, pageLine, wrongSplits } from '../../src/summarize/page-lines.js';
import { sentenceOf } from '../helpers.js';

test('reader call-outs and link prompts are page furniture', () => {
  for (const text of [
    'Anyone with information about the stolen ferry bell can call Harbour Police at 555-0142.',
    'Those with information are asked to contact the harbour office.',
    'Tips may be left with the island hotline at (555) 013-2468 at any hour.',
    'Residents can reach the ferry desk at 555-013-TIPS after six.',
    'Visit the harbour board for more on the winter timetable.',
    'Learn how the island ferry keeps its engines running in the cold.',
    'Watch the skipper’s interview in the video below.',
    'Sign up for our harbour newsletter.',
    'Island readers have been describing how the storm reached their homes.',
  ])
    assert.equal(pageLine(text), 'furniture', text);
});

test('a figure range or a score is not a phone number', () => {
  for (const text of [
    'The rebels still have some 1, 500-2000 fighters in the hills, the ministry said.',
    'The ferry carried 250-3000 passengers a day between 1998-2004.',
    'Visitors to the island rose by 120 percent last year.',
  ])
    assert.equal(pageLine(text), undefined, text);
});

test('markers, lead-ins and a headline run into a dateline are refused', () => {
  assert.equal(pageLine('Update: The ferry will sail again on Friday.'), 'byline');
  assert.equal(pageLine("Editor's note (2:15 p.m.): The harbour board has since met."), 'byline');
  assert.equal(
    pageLine(
      'Ferry Skipper Fired, Union Says PORTLOW, Maine (AP) - The island ferry company fired its skipper.',
    ),
    'byline',
  );
  assert.equal(pageLine('1630 The harbour master says the ferry will sail at dawn.'), 'byline');
  assert.equal(pageLine('0907The island council says the quay is safe.'), 'byline');
  assert.equal(pageLine('1998 was the ferry’s busiest year.'), undefined);
  assert.equal(pageLine('Following are reactions from the island to the new timetable.'), 'lead-in');
  assert.equal(pageLine('Here are the new sailing times:'), 'lead-in');
  // A dateline at the head of the lead is the dateline reader's, not a run-in headline.
  assert.equal(
    pageLine('PORTLOW, Maine (AP) -- The island ferry company fired its skipper on Monday.'),
    undefined,
  );
});

test('captions in the present tense or without a verb are refused', () => {
  for (const text of [
    'A deckhand holds up a ship’s bell on the quay at Portlow.',
    'An islander walks past the shuttered ticket office on Harbour Road, Portlow.',
    'Jane Quayle, in the wheelhouse after her last crossing.',
    'March 3, 2021: The old ferry is shown at the breakers’ yard.',
    'An official product shot of the new ferry, the first built on the island.',
    'The skipper is pictured with the harbour master at the opening.',
  ])
    assert.equal(pageLine(text), 'caption', text);
  for (const text of [
    'The charge carries a maximum sentence of five years in prison.',
    'The ferry company holds 40 percent of the island’s freight trade.',
    'He smiles as he talks about the old boats he sailed as a boy.',
    'A deckhand held up the bell and said it had been found in the mud.',
    'Island leaders embrace the plan for a second ferry.',
  ])
    assert.equal(pageLine(text), undefined, text);
  assert.equal(notASummaryLine('Visit the harbour board for more on the winter timetable.'), true);
  assert.equal(notASummaryLine('The harbour board voted on Tuesday to buy a second ferry.'), false);
});

test('both halves of a split after a title, and an attribution split from its quote', () => {
  const s = [
    'The petition names the harbour master, Mayor Odunsi and Sens.',
    'Ada Brook and Tom Vale as “enemies of the island.”',
    '“Would you sail in that?”',
    'Quayle wrote in the comments under the photo.',
    '“We will sail on Friday,” Quayle said.',
    'Quayle said the crew had been paid.',
  ].map((t, i) => sentenceOf(t, 'a', i));
  const out = wrongSplits(s);
  assert.deepEqual(
    s.filter((x) => out.has(x)).map((x) => x.index),
    [0, 1, 3],
  );
  // A sentence that ends on a state's abbreviation after a comma is not cut; an attribution with its own
  // content ("said the crew …") is a sentence.
  const t = ['The ferry came from Littleton, Col.', 'It was sold in the spring.'].map((x, i) =>
    sentenceOf(x, 'b', i),
  );
  assert.equal(wrongSplits(t).size, 0);
});

test('a wire underscore after the place is a dateline', () => {
  assert.equal(
    stripDateline('PORTLOW _ The island ferry sailed again on Friday after a week in dry dock.'),
    'The island ferry sailed again on Friday after a week in dry dock.',
  );
});

test("a page's own lines: widget labels, credit and staff lines, gallery counters, glued stamps, run-ins", () => {
  for (const text of [
    'EMBED More News Videos The island ferry returns to the harbour after repairs.',
    'Island Press journalist Ann Roe reported this story in Porthallow and Ben Doe reported from Truro.',
    "The BBC's Ann Roe reports from Porthallow.",
    'Ben Doe reports during Harbour News at 6pm on June 1, 2025.',
    "Ann Roe is Harbourside.com's science editor.",
    "I'm Ben Doe, the island's ferry correspondent.",
    'Please get involved and leave a comment.',
  ])
    assert.equal(pageLine(text), 'furniture', text);
  assert.equal(pageLine('Hide Caption 9 of 23 Photos: The ferry in its first winter.'), 'caption');
  assert.equal(
    pageLine(
      'Ferry strike ends Crews return to work on the island route Sunday 3 April 2005 02.26 BST The ferry sailed at dawn.',
    ),
    'byline',
  );
  assert.equal(
    pageLine(
      'Ferry hits the quay It is unclear why the ferry turned early The harbour master says the crew is safe.',
    ),
    'run-in',
  );
  for (const text of [
    'The ferry captain reports from the harbour that the storm has passed, officials said.',
    'Island Radio reports from Porthallow that 12 boats were damaged on Monday.',
    'On Sunday 3 April the ferry sailed at 2.26 in the morning.',
  ])
    assert.equal(pageLine(text), undefined, text);
});
