import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanTextParagraphs } from '../../src/extract/text-cleanup.js';
import { articleSentences } from '../../src/language/sentences.js';
import type { Article } from '../../src/model.js';
import { withoutDateline } from '../../src/text/candidates.js';
import { correctedFact, correctionNotice } from '../../src/text/corrections.js';
import { leadHead, wordCase } from '../../src/text/lead-head.js';

const BODY =
  'Volunteers carried sandbags to the river wall all night. The volunteers said the water had stopped rising by dawn, and firefighters from two towns helped them.';
const lead = (first: string, body = BODY) => {
  const n = leadHead(first, wordCase(body));
  return first.slice(n);
};

test('a headline run into the lead is taken off before a capitalised function word', () => {
  assert.equal(
    lead('Harbour reopens after storm The harbour at Inchmore reopened on Monday after a week of repairs.'),
    'The harbour at Inchmore reopened on Monday after a week of repairs.',
  );
  // A headline, then a caption: both go, each ending where a sentence opens.
  assert.equal(
    lead(
      'Flood waters recede in the valley Firefighters battled the flood for two days A week of rain ended on Sunday, the weather office said.',
    ),
    'A week of rain ended on Sunday, the weather office said.',
  );
});

test('a capitalised common word opens the lead only when the article writes it in lower case', () => {
  const first = 'River wall holds overnight Volunteers carried sandbags to the wall until the water fell.';
  assert.equal(lead(first), 'Volunteers carried sandbags to the wall until the water fell.');
  // Without the lower-case "volunteers" in the text the capital may be a name's: nothing is taken off.
  assert.equal(lead(first, 'Sandbags were piled high on the bank for the whole night.'), first);
});

test('names, titles and a lead with no head are left whole', () => {
  for (const whole of [
    // A title before a name, though the article writes "president" in lower case.
    'A federal judge on Monday found President Ellis in contempt of court for his testimony.',
    // A name whose middle word is a function word.
    'Members of Friends Of The Earth marched past the harbour office on Saturday morning.',
    // A pronoun after a noun inside a sentence ("the experts I wanted to hear").
    'Of all the experts I wanted to hear from about the flood, the engineer was the first to call back.',
    // What follows is a title in title case, not a sentence.
    'Ferry Firm Left On The Sidelines As Port Takes Over Crossing Routes For Winter',
    // A quotation after a verb is one sentence.
    'Marchers chant "The river is ours" along the wall as the water falls.',
  ])
    assert.equal(lead(whole, `${BODY} The president spoke.`), whole);
});

test('the head is marked on the first sentence only, and the summary quotes the lead', () => {
  const text = `Harbour reopens after storm The harbour at Inchmore reopened on Monday after a week of repairs.\n\nHarbour master speaks The crossing is safe again, the harbour master said on Monday.`;
  const article = { id: 'a', paragraphs: text.split('\n\n'), text } as Article;
  const [first, second] = articleSentences(article);
  assert.equal(withoutDateline(first), 'The harbour at Inchmore reopened on Monday after a week of repairs.');
  assert.equal(first.caption, undefined);
  // The same shape later in the article is left to the page-line checks.
  assert.equal(second.dateline, undefined);
});

test('a gallery button as the head marks what follows as its caption', () => {
  const text =
    'View Images An artist’s drawing of the new ferry that will sail to Inchmore from next spring.';
  const [s] = articleSentences({ id: 'a', paragraphs: [text], text } as Article);
  assert.equal(s.caption, true);
});

test('a correction notice and the fact it corrects are dropped from plain text', () => {
  const notice = 'An earlier version of this story misstated the day the harbour reopened.';
  const fact = 'It reopened on Monday, not Tuesday.';
  assert.ok(correctionNotice(notice));
  assert.ok(!correctionNotice('The article said the harbour would reopen on Monday.'));
  assert.ok(correctedFact(fact, notice));
  assert.ok(
    correctedFact(
      'Mayor Quill chairs the harbour board.',
      'The article incorrectly said that Mayor Quill chairs the ferry board.',
    ),
  );
  assert.ok(!correctedFact('Ferries ran all day to the island and back.', notice));
  assert.deepEqual(cleanTextParagraphs([notice, fact, 'Ferries ran again on Monday after the storm.']), [
    'Ferries ran again on Monday after the storm.',
  ]);
  // A story that reports on a misstatement keeps its sentences.
  const news = 'The minister misstated the harbour figures in parliament on Monday, officials said.';
  assert.deepEqual(cleanTextParagraphs([news]), [news]);
});
