import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  definiteHeads,
  indefiniteHeads,
  introductionOrder,
  nameRuns,
  type OrderItem,
} from '../../src/summarize/order.js';

/** Items in chronological order, each from its own article unless `article` says otherwise. */
const items = (...texts: (string | [string, string, number])[]): OrderItem[] =>
  texts.map((t, k) =>
    typeof t === 'string'
      ? { text: t, articleId: `a${k}`, index: 0 }
      : { text: t[0], articleId: t[1], index: t[2] },
  );

test('a surname before the full name: the sentence that names the person moves up', () => {
  const order = introductionOrder(
    items(
      'Pelletier has denied every charge in court.',
      'The mill closed in the spring after a fire in its boiler house.',
      'Martine Pelletier, 52, was charged with fraud last week.',
    ),
  );
  assert.deepEqual(order, [2, 0, 1]);
});

test('a surname written apart matches the name written together ("Van Dorn", "Karl VanDorn")', () => {
  const order = introductionOrder(
    items('Van Dorn has pleaded not guilty.', 'Karl VanDorn, 61, was arrested at his home on Friday.'),
  );
  assert.deepEqual(order, [1, 0]);
});

test('a definite description moves after the indefinite one that introduces it', () => {
  const order = introductionOrder(
    items(
      'Cameras filmed the cyclist near the bridge.',
      'A river patrol found a stolen canoe on Tuesday.',
      'Police are looking for a cyclist seen riding away from the depot.',
    ),
  );
  assert.deepEqual(order, [2, 0, 1]);
});

test('a thing an earlier sentence names, or a later one names otherwise, moves nothing', () => {
  const chronological = [0, 1, 2];
  // named before: "the ferry" after "The ferry service …"
  assert.deepEqual(
    introductionOrder(
      items(
        'Ferry crossings resumed on Monday.',
        'The ferry left the harbour an hour late.',
        'A ferry from the mainland was also delayed.',
      ),
    ),
    chronological,
  );
  // the next sentence to name it does so by name, not by an indefinite description ("Bruno the Bear")
  assert.deepEqual(
    introductionOrder(
      items(
        'Rangers said the bear left the park at dawn.',
        'Bruno the Bear was tranquillised near a school.',
        'In another valley, a bear named Otto had escaped.',
      ),
    ),
    chronological,
  );
});

test('a sentence that continues the one before it in its article moves with it', () => {
  const order = introductionOrder(
    items(
      'Okafor said the talks would resume in May.',
      ['Union leader Grace Okafor called the offer an insult.', 'b', 4],
      ['“We will not sign this,” she said.', 'b', 5],
      ['Negotiators met again on Thursday.', 'b', 9],
    ),
  );
  assert.deepEqual(order, [1, 2, 0, 3]);
});

test('two sentences that need each other keep their chronological order', () => {
  // 0 names Ruiz by surname (1 gives the full name); 1 names Brandt by surname (0 gives the full name).
  const order = introductionOrder(
    items(
      'Ruiz met Tomas Brandt at the depot on Monday.',
      'Brandt and engineer Paula Ruiz then signed the deal.',
    ),
  );
  assert.deepEqual(order, [0, 1]);
});

test('the caller may add its own referents (the story’s person entities)', () => {
  const order = introductionOrder([
    { text: 'The coach was dismissed after the final.', articleId: 'a', index: 3, leansOn: ['p1'] },
    { text: 'Attendance fell by a third this season.', articleId: 'b', index: 0 },
    { text: 'He had led the side for six years.', articleId: 'c', index: 0, introduces: ['p1'] },
  ]);
  assert.deepEqual(order, [2, 0, 1]);
});

test('names: not after "the", not places, titles cut off, no short form of a one-word name', () => {
  assert.deepEqual(
    nameRuns('Sheriff Dana Whitlock spoke outside the White House.').map((r) => r.squashed),
    ['danawhitlock'],
  );
  assert.deepEqual(nameRuns('Dana Whitlock spoke.')[0].shortForms, ['whitlock']);
  assert.deepEqual(nameRuns('Whitlock spoke.')[0].shortForms, []);
  assert.deepEqual(nameRuns('Harbour County Council met.'), []);
});

test('description heads: the last word before a verb, a year is no indefinite article', () => {
  assert.deepEqual([...definiteHeads('Divers searched the old stone pier at noon.')], ['pier']);
  assert.deepEqual([...definiteHeads('Police filmed the suspect leaving the shop.')].sort(), [
    'shop',
    'suspect',
  ]);
  assert.deepEqual([...definiteHeads('The report, Coastal Futures, was published.')], []);
  assert.deepEqual([...definiteHeads('The cause of the fire is unknown.')], ['fire']);
  assert.deepEqual([...indefiniteHeads('Two men were arrested.')], ['men']);
  assert.deepEqual([...indefiniteHeads('She starred in the 1997 film Arrival.')], []);
});
