import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datelineAgency, stripDateline } from '../../src/extract/datelines.js';
import { extractArticle } from '../../src/extract/index.js';
import { articleSentences } from '../../src/language/sentences.js';
import type { RawDocument } from '../../src/model.js';
import { withoutDateline } from '../../src/text/candidates.js';

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

test('what wire pages put before a dateline goes with it: version notes, time stamps, highlights, bylines', () => {
  const cases: Array<[string, string]> = [
    [
      '(Repeats with a fixed headline) PORTHALLOW, June 2 (CWS) - A landslide closed the coast road on Sunday.',
      'A landslide closed the coast road on Sunday.',
    ],
    [
      'Tue Jun 3, 2025 7:56 pm EDT KESTREL BAY (Wirefeed) - Two ferries collided near the pier.',
      'Two ferries collided near the pier.',
    ],
    [
      '* Harbour closed to freight * Pilots strike for a second day By Mara Quill, Shipping Reporter PORTHALLOW (Wirefeed) - The port stayed shut on Tuesday.',
      'The port stayed shut on Tuesday.',
    ],
    [
      '\\* Harbour closed to freight \\* Talks set for Friday KESTREL BAY (Wirefeed) - Dockers walked out again.',
      'Dockers walked out again.',
    ],
    [
      'By Tom Fenn LINTON, Ohio (CWS) - The plant will close next year, the owners said.',
      'The plant will close next year, the owners said.',
    ],
  ];
  for (const [input, expected] of cases) assert.equal(stripDateline(input), expected, input);
});

test('a version note or highlight with no dateline after it is left alone', () => {
  for (const s of [
    '(Adds details) Yes.',
    '* Harbour closed to freight for a second day as pilots strike.',
    'By Friday the council had voted to widen the harbour mouth.',
  ])
    assert.equal(stripDateline(s), s, s);
});

test('the agency a dateline names', () => {
  assert.equal(
    datelineAgency('PORTHALLOW, June 2 (Wirefeed) - A landslide closed the coast road on Sunday.'),
    'Wirefeed',
  );
  assert.equal(
    datelineAgency(
      'Tue Jun 3, 2025 7:56 pm EDT KESTREL BAY (Coast Press) — Two ferries collided near the pier.',
    ),
    'Coast Press',
  );
  assert.equal(datelineAgency('OSLO — The council voted to widen the harbour mouth.'), undefined);
  assert.equal(datelineAgency('The council (Labour) - as expected - voted to widen the harbour.'), undefined);
});

function record(content: string, hints: RawDocument['hints']): RawDocument {
  return { id: 'r1', origin: { path: 'feed.jsonl', line: 3 }, kind: 'record', content, hash: 'h', hints };
}

test('a record with no publisher and no URL is known by its dateline agency; a stated one wins', () => {
  const body =
    'PORTHALLOW, June 2 (Wirefeed) - A landslide closed the coast road on Sunday after two days of rain. ' +
    'Council crews said the road would stay shut until engineers had checked the cliff above it.';
  assert.equal(extractArticle(record(body, {})).article?.publisher, 'Wirefeed');
  assert.equal(
    extractArticle(record(body, { publisher: 'Harbour Radio' })).article?.publisher,
    'Harbour Radio',
  );
  assert.equal(extractArticle(record(body, { url: 'https://example.org/a' })).article?.publisher, undefined);
});

test('a dateline is marked once on its sentence, by length; later stages quote the words after it', () => {
  const paragraphs = [
    'KESTREL BAY, Tasmania (Wirefeed) — Two ferries collided near the pier. Nobody was hurt, the harbour master said.',
    'OSLO — The council voted to widen the harbour mouth.',
  ];
  const sentences = articleSentences({
    id: 'a',
    source: 'a.txt',
    title: 'Ferries',
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    hash: 'a',
  });
  assert.deepEqual(
    sentences.map((s) => s.dateline),
    ['KESTREL BAY, Tasmania (Wirefeed) — '.length, undefined, 'OSLO — '.length],
  );
  assert.deepEqual(sentences.map(withoutDateline), [
    'Two ferries collided near the pier.',
    'Nobody was hurt, the harbour master said.',
    'The council voted to widen the harbour mouth.',
  ]);
});
