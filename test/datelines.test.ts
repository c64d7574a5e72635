import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripDateline } from '../src/extract/datelines.js';

test('datelines are removed from the head of a sentence', () => {
  const cases: Array<[string, string]> = [
    [
      'PORTHALLOW, June 2 (CWS) - A landslide closed the coast road on Sunday.',
      'A landslide closed the coast road on Sunday.',
    ],
    [
      'KESTREL BAY, Tasmania (Wirefeed) — Two ferries collided near the pier.',
      'Two ferries collided near the pier.',
    ],
    ['OSLO — The council voted to widen the harbour mouth.', 'The council voted to widen the harbour mouth.'],
    [
      '(Wirefeed) - Three people were hurt in the blast on Monday.',
      'Three people were hurt in the blast on Monday.',
    ],
    [
      'LINTON, Ohio, Oct. 4 (CWS) -- The plant will close next year, the owners said.',
      'The plant will close next year, the owners said.',
    ],
  ];
  for (const [input, expected] of cases) assert.equal(stripDateline(input), expected, input);
});

test('sentences without a dateline are left alone', () => {
  for (const s of [
    'NATO said the exercise would go ahead.',
    'UNICEF: Aid convoys reached the town on Friday.',
    'US officials - who declined to be named - said talks had stalled.',
    'A - the first option - was chosen.',
    'OSLO — Yes.',
    'The mayor of Linton, Ohio, said the plant would close.',
    'Updated figures show the harbour handled more grain.',
  ])
    assert.equal(stripDateline(s), s, s);
});

test('a web page place-and-time line before the dateline goes too', () => {
  assert.equal(
    stripDateline(
      'PORTHALLOW/KESTREL BAY | Tue Jun 3, 2025 7:56 pm EDT PORTHALLOW (Wirefeed) - The ferry ran again.',
    ),
    'The ferry ran again.',
  );
});
