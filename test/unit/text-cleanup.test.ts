import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripDateline } from '../../src/extract/datelines.js';
import { extractArticle } from '../../src/extract/index.js';
import { cleanTextParagraphs, unglueSentences } from '../../src/extract/text-cleanup.js';
import { contentHash } from '../../src/ingest/hash.js';
import { rawDocument } from '../../src/ingest/record.js';

const LEAD = 'The ferry to Inchmore ran again on Sunday after a three-week stoppage, the operator said.';
const NEXT = 'The first crossing left at seven in the morning with forty passengers on board.';

test('sentences glued at a full stop get their space back; addresses and abbreviations do not', () => {
  assert.equal(
    unglueSentences('Water rose through the night after the storm.Officials said the road would stay shut.'),
    'Water rose through the night after the storm. Officials said the road would stay shut.',
  );
  assert.equal(
    unglueSentences('"We are ready."The mayor spoke first.'),
    '"We are ready." The mayor spoke first.',
  );
  for (const same of [
    'See www.harbourgazette.example/News.Today for the list.',
    'The U.S.Navy sent a tug.',
    'Write to desk@gazette.example.Org today.',
    'Built with Node.js and more.',
  ])
    assert.equal(unglueSentences(same), same);
});

test('captions, photo credits, bylines and credit lines on their own are dropped', () => {
  const out = cleanTextParagraphs([
    'Image copyright Harbour Pictures',
    'Photo: Ann Lee/Wirefeed',
    'By Morag Keir, Transport Correspondent',
    LEAD,
    `${NEXT} (Reporting by Ann Lee; Editing by Bo Ek)`,
    'Reporting by Ann Lee in Inchmore; Editing by Bo Ek',
  ]);
  assert.deepEqual(out, [LEAD, NEXT]);
  // Sentences that merely start like furniture stay.
  const news = [
    'By Sunday, the harbour had reopened to small boats and the ferry was back.',
    'Reporting by the local paper showed the ramp had been faulty for months.',
    'Pictures show the quay under water on Saturday night.',
  ];
  assert.deepEqual(cleanTextParagraphs(news), news);
});

test('reader call-outs, share prompts and pull-quote markers are dropped, the news around them kept', () => {
  const out = cleanTextParagraphs([
    `${LEAD} Send your pictures and videos to the newsdesk. ${NEXT}`,
    'Were you on the ferry? You can send us your experiences using the form below.',
    '"It felt like the whole town came down to the pier" End Quote Isla Bain',
    'Start Quote We had waited three weeks for this',
    '"A great day" End Quote Isla Bain Passengers queued from dawn at the slipway.',
    'Get daily updates directly to your inbox. Thank you for subscribing!',
  ]);
  // What follows a pull quote's end is kept (its attribution runs into it, as on the pages that have them).
  assert.deepEqual(out, [
    `${LEAD} ${NEXT}`,
    'Were you on the ferry?',
    'Isla Bain Passengers queued from dawn at the slipway.',
  ]);
});

test('a known title run into the first sentence is cut off', () => {
  const title = 'Inchmore ferry back on the water';
  assert.deepEqual(cleanTextParagraphs([`${title} ${LEAD}`, NEXT], title), [LEAD, NEXT]);
  // Not when the title is the sentence's own beginning.
  const own = `${title.replace('Inchmore ferry', 'The Inchmore ferry')} and running.`;
  assert.deepEqual(cleanTextParagraphs([own], title), [own]);
});

test('a JSONL record is cleaned once at extraction; an em dash touching the lead is a dateline', () => {
  const text = `Inchmore ferry back on the water ${LEAD}\n\nBy Morag Keir\n\n${NEXT}\n\nShare your stories with us by email.`;
  const raw = rawDocument({
    origin: { path: 'feed.jsonl', line: 2 },
    kind: 'record',
    content: text,
    hash: contentHash(text),
    hints: { title: 'Inchmore ferry back on the water' },
  });
  const { article } = extractArticle(raw);
  assert.deepEqual(article?.paragraphs, [LEAD, NEXT]);
  assert.equal(stripDateline(`INCHMORE—${LEAD}`), LEAD);
});

test('a long paragraph that starts like a caption is kept, and quickly', () => {
  const long = `Video: ${'the tide came in over the quay wall '.repeat(80)}`.trim();
  const started = Date.now();
  assert.deepEqual(cleanTextParagraphs([long]), [long]);
  assert.ok(Date.now() - started < 500, `${Date.now() - started} ms`);
});

test('list items cut at their bullets, "cents" left for a bullet included; amounts in cents stay', () => {
  assert.deepEqual(
    cleanTextParagraphs([
      'Ferry back after three weeks cents Harbour open to traffic again',
      `${LEAD} • ${NEXT}`,
      'Tickets went up by 50 cents Monday, a few cents more than in dollars and cents Inchmore expected.',
    ]),
    [
      'Ferry back after three weeks',
      'Harbour open to traffic again',
      LEAD,
      NEXT,
      'Tickets went up by 50 cents Monday, a few cents more than in dollars and cents Inchmore expected.',
    ],
  );
});

test('a page that opens with its title and bullet points loses them and the lead they run into', () => {
  assert.deepEqual(
    cleanTextParagraphs([
      `Inchmore ferry back after 21 cents Harbour open again cents Fares up by a tenth ${LEAD} ${NEXT}`,
      'The fare rose by 50 cents Monday and by 40 cents Tuesday, the operator said.',
    ]),
    [NEXT, 'The fare rose by 50 cents Monday and by 40 cents Tuesday, the operator said.'],
  );
  assert.deepEqual(cleanTextParagraphs([`• Harbour open again • Fares up ${LEAD} ${NEXT}`]), [NEXT]);
  // A list after a sentence or a colon is the body's own: its items stay, each a paragraph.
  assert.deepEqual(cleanTextParagraphs([`The operator named three changes: • ${LEAD} • ${NEXT}`]), [
    'The operator named three changes:',
    LEAD,
    NEXT,
  ]);
});
