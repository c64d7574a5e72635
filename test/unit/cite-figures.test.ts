import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captionLike, conflictingNumbers, quotations } from '../../src/brief/cite.js';
import type { Sentence } from '../../src/model.js';

test('figures of different kinds do not conflict', () => {
  assert.equal(
    conflictingNumbers(
      'Robbers took $4,500 from the couple after the test drive.',
      'Officers are holding three people over the robbery of the couple.',
    ),
    false,
  );
  assert.equal(
    conflictingNumbers(
      'The farmer was hit by one bullet in the leg.',
      'The 61-year-old farmer was struck in the leg by a single bullet.',
    ),
    false,
  );
});

test('counts of one kind still conflict', () => {
  assert.equal(conflictingNumbers('Twelve climbers were hurt.', 'Fourteen climbers were injured.'), true);
});

test('a rounded duration agrees, a different one does not', () => {
  assert.equal(
    conflictingNumbers(
      'Patients were followed over an average of 3.9 years.',
      'The team followed them for four years.',
    ),
    false,
  );
  assert.equal(
    conflictingNumbers(
      'Patients were followed over an average of 3.9 years.',
      'The team followed them for six years.',
    ),
    true,
  );
});

test('ages are compared with ages', () => {
  assert.equal(
    conflictingNumbers(
      'A one and a half year old girl was bitten by a dog.',
      'A dog bit a four-year-old girl.',
    ),
    true,
  );
  assert.equal(
    conflictingNumbers('A 7-year-old boy was rescued.', 'Divers rescued the seven-year-old boy.'),
    false,
  );
});

test('a caption is cited only by near-identical text', () => {
  const s = (text: string) => ({ articleId: 'x', index: 0, text }) as Sentence;
  assert.equal(captionLike(s('Ada Brill (left) and Tom Okoro rehearsing the play in 2004.')), true);
  assert.equal(
    captionLike(s('Firefighters walk past a burned barn in Elmdale on Friday, Mar. 3, 2023.')),
    true,
  );
  assert.equal(captionLike(s('The council will vote on the budget on Friday.')), false);
  // a photo gallery's player text run into its caption
  assert.equal(
    captionLike(
      s('1 of 12 Full Screen Autoplay Close Skip Ad × Storm damage View Photos Crews clear a road.'),
    ),
    true,
  );
  assert.equal(captionLike(s('Caption Crews clear a fallen oak from the road in Elmdale.')), true);
});

test('a quotation is a clause to state, a phrase in scare quotes is not', () => {
  assert.deepEqual(quotations('“We rebuilt the whole pier in six weeks,” the mayor said.').length, 1);
  assert.deepEqual(
    quotations('The mayor praised the crews, saying “they rebuilt the whole pier in six weeks.”'),
    [],
  );
  assert.deepEqual(quotations('He called the fine a “cash grab.”'), []);
});

test('a count is set against a date left over, an age or a sum is not', () => {
  assert.equal(
    conflictingNumbers(
      'Officials said 23 schools were shut.',
      'BOSTON | Tue May 19, 2009 4:02 pm EDT A teacher died.',
    ),
    true,
  );
});

test('two sums of one currency conflict even when another figure agrees', () => {
  assert.equal(
    conflictingNumbers(
      'The county expects the road fund to hold $3.4 million over the next 5 years.',
      'Over the next 5 years the road fund will hold $4.4 million, the county said.',
    ),
    true,
  );
  assert.equal(
    conflictingNumbers(
      'The county expects the road fund to hold $3.4 million over the next 5 years.',
      'Over the next 5 years the road fund will hold about $3.4 million.',
    ),
    false,
  );
  // a rounded sum still agrees
  assert.equal(
    conflictingNumbers('The mayor was paid $182,730 in 2019.', 'In 2019 the mayor earned about $183,000.'),
    false,
  );
});
