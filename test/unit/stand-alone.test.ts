import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCaption } from '../../src/extract/captions.js';
import { articleSentences } from '../../src/language/sentences.js';
import type { Article } from '../../src/model.js';
import { brokenLines, insideQuotation } from '../../src/summarize/context.js';
import { summarize } from '../../src/summarize/index.js';
import { isCandidate } from '../../src/text/candidates.js';
import {
  definiteSubject,
  notStandAlone,
  outsideQuotes,
  quotationOpenAfter,
  secondReference,
} from '../../src/text/stand-alone.js';
import { sentenceOf } from '../helpers.js';

const sentence = (text: string) => sentenceOf(text);

test('a sentence that points back cannot stand alone', () => {
  for (const text of [
    'He told the council the ferry would be late again this winter.',
    'That will come on Monday, when the harbour board meets again.',
    'Many had to wait for hours on the quay in the rain last night.',
    'One of the skippers was fined for sailing without a licence.',
    'Angered by the new fares, they marched to the harbour office at noon.',
    '(Even then, the evening boat was the only one to leave on time.)',
  ])
    assert.equal(notStandAlone(text), 'points-back', text);
  assert.equal(notStandAlone('This year the ferry company carried a record number of cyclists.'), undefined);
  assert.equal(notStandAlone('Those who live on the island pay half fare.'), 'points-back');
  for (const text of [
    "They've asked the harbour board to run the evening boat again.",
    'He’s been the skipper of the island ferry for twenty years.',
    '"No, that was a different boat and a different crew," the skipper said.',
  ])
    assert.equal(notStandAlone(text), 'points-back', text);
  // An opening "It's" is mostly the empty subject ("It's not clear …"), and "Then-" is a title.
  assert.equal(notStandAlone("It's not clear when the ferry will sail again this winter."), undefined);
  assert.equal(notStandAlone('Then-mayor Odunsi opened the new quay in the spring of 2019.'), undefined);
});

test('a definite description as subject names what an earlier sentence must give', () => {
  assert.deepEqual(definiteSubject('The incident was caught on a passenger’s phone.'), ['incid']);
  assert.deepEqual(definiteSubject('The new timetable will start in the spring.'), ['timet']);
  for (const text of [
    'The Porthallow ferry sailed two hours late on Monday.',
    'The skipper, Tom Akers, said the engine had failed twice.',
    'The crew of the island ferry was praised by the coast guard.',
    'The next day, the harbour board met in the town hall.',
    'A ferry ran aground near the harbour on Monday.',
  ])
    assert.equal(definiteSubject(text), undefined, text);
});

test('first and second person outside quotation marks cannot stand alone; inside they can', () => {
  assert.equal(notStandAlone('I knew at once that the timetable would never work for islanders.'), 'person');
  assert.equal(notStandAlone('You need a ticket before boarding any of the island ferries.'), 'person');
  assert.equal(
    notStandAlone('Our crossing took four hours instead of the promised forty minutes.'),
    'person',
  );
  assert.equal(
    notStandAlone('"We will run more boats in the summer," the harbour master said on Tuesday.'),
    undefined,
  );
  // The country in capitals is not the pronoun.
  assert.equal(notStandAlone('The US coast guard inspected the ferry in the harbour on Monday.'), undefined);
});

test('a quotation needs its speaker in the sentence and its marks closed', () => {
  assert.equal(
    notStandAlone('"The boats are old and the crews are tired of waiting for repairs."'),
    'quotation',
  );
  assert.equal(notStandAlone('"The new timetable is a disgrace to the whole island community.'), 'quotation');
  assert.equal(notStandAlone('The boats will be replaced by 2030.” '), 'quotation');
  assert.equal(
    notStandAlone('“The boats are old and the crews are tired,” according to the union’s letter.'),
    undefined,
  );
  // Short scare quotes are not quotations that need a speaker.
  assert.equal(
    notStandAlone('The council called the plan "a fair deal" for islanders and tourists.'),
    undefined,
  );
  // Typewriter quotes are read as the curly marks they stand for.
  assert.equal(outsideQuotes("He watched ``Ferry Tales of the North Sea'' twice.").includes('Ferry'), false);
});

test('a second reference by title names the surname that must come first', () => {
  assert.equal(secondReference('Ms. Quennell never answered the council’s letter.'), 'quennel');
  assert.equal(secondReference('Mr Odunsi’s boat was the last to leave.'), 'odunsi');
  assert.equal(secondReference('Dr. Amara Quennell, the harbour doctor, said no one was hurt.'), undefined);
  assert.equal(secondReference('The harbour doctor said no one was hurt.'), undefined);
});

test('furniture, glued heads and photo captions are not candidates', () => {
  for (const text of [
    'Reach Dana Whitlow at dwhitlow@harbournews.example and on Twitter at @dwhitlow.',
    'Anyone who saw the collision is urged to call the harbour police at (555) 014-2234.',
    'Lina Ferreira and Tom Akers contributed to this report from the island.',
    'Tom Akers can be reached at the newsroom on weekdays before noon.',
    '(Update 3:10 p.m.) The harbour board said the ferry would sail again on Friday.',
    'Harbour Photo Desk PORTHALLOW -- The island ferry ran aground early on Monday.',
    'Porthallow, Cornwall (CNN) The island ferry ran aground early on Monday in fog.',
    'Police continue to question the skipper of the island ferry Tom...',
    'Cornwall (CNN) The island ferry ran aground early on Monday in thick fog.',
  ])
    assert.equal(isCandidate(sentence(text)), false, text);
  assert.equal(isCaption('In this March 3, 2025, file photo, the island ferry leaves the harbour.'), true);
  assert.equal(isCaption('July 17: Crew members repaint the hull of the island ferry in dry dock.'), true);
  assert.equal(isCaption('CLOSE The island ferry ran aground on Monday in thick fog.'), true);
  assert.equal(isCaption('Close to 300 passengers were taken off the ferry by lifeboat.'), false);
  // A caption run into the text with no full stop, and a slide show's counter.
  assert.equal(
    isCaption('The island ferry is carrying some 300 passengers A lifeboat crew was called out at dawn.'),
    true,
  );
  assert.equal(isCaption('A pilot watches the fog lift The ferry sailed again on Friday.'), true);
  assert.equal(isCaption('3/12 On the quay, the harbour master waves the last boat out.'), true);
  assert.equal(isCaption('9/11 Commission members visited the harbour on Friday.'), false);
  assert.equal(isCaption('Two crew members tested positive for type A flu on Monday.'), false);
  assert.equal(isCaption('The inspectors gave the harbour an A grade for safety this year.'), false);
  assert.equal(isCaption('The ferry board met in The Harbour Inn on Tuesday night.'), false);
  assert.equal(
    isCandidate(sentence('The harbour board said the island ferry would sail again on Friday morning.')),
    true,
  );
});

function article(id: string, text: string, published: string): Article {
  const paragraphs = text.split('\n\n');
  return { id, source: `${id}.txt`, title: id, published, language: 'en', paragraphs, text, hash: id };
}

test('a summary shows a second reference only after the full name', () => {
  const filler = (k: number) =>
    `Island ferry number ${k} sailed with about ${k * 10} passengers and a crew of six aboard.`;
  const a = article(
    'a',
    [
      'Ms. Quennell refused to comment on the ferry collision near the harbour on Monday.',
      ...Array.from({ length: 12 }, (_, k) => filler(k + 1)),
    ].join('\n\n'),
    '2025-03-03',
  );
  const input = { articles: [a], sentences: articleSentences(a) };
  const chosen = summarize(input, { words: 60 });
  assert.ok(chosen.length > 0);
  assert.ok(
    !chosen.some((s) => s.text.startsWith('Ms. Quennell')),
    'an unanchored second reference was shown',
  );
  const b = article(
    'b',
    [
      'Harbour director Amara Quennell resigned after the ferry collision near the harbour on Monday.',
      'Ms. Quennell refused to comment on the ferry collision near the harbour on Monday.',
    ].join('\n\n'),
    '2025-03-02',
  );
  const both = { articles: [b], sentences: articleSentences(b) };
  const shown = summarize(both, { words: 40 }).map((s) => s.text);
  assert.deepEqual(shown.length, 2, 'the second reference follows its full name');
});

test('a summary shows a definite description only after what it refers to', () => {
  const filler = (k: number) =>
    `Island ferry number ${k} sailed with about ${k * 10} passengers and a crew of six aboard.`;
  const alone = article(
    'c',
    [
      'The collision was caught on a passenger’s phone near the harbour on Monday.',
      ...Array.from({ length: 12 }, (_, k) => filler(k + 1)),
    ].join('\n\n'),
    '2025-03-03',
  );
  const chosen = summarize({ articles: [alone], sentences: articleSentences(alone) }, { words: 60 });
  assert.ok(chosen.length > 0);
  assert.ok(
    !chosen.some((s) => s.text.startsWith('The collision')),
    'a definite description was shown without its antecedent',
  );
  const told = article(
    'd',
    [
      'Two island ferries were damaged in a collision near the harbour on Monday morning.',
      'The collision was caught on a passenger’s phone near the harbour on Monday.',
    ].join('\n\n'),
    '2025-03-02',
  );
  const shown = summarize({ articles: [told], sentences: articleSentences(told) }, { words: 40 });
  assert.equal(shown.length, 2, 'the description follows the sentence that introduces it');
});

test('a demonstrative with a noun or verb, or a pointer to the page, points back', () => {
  for (const text of [
    'That ferry is the oldest on the coast, the harbour master said.',
    'This updating of the old harbour plan is more ambitious than the last one.',
    'Those crossings were cancelled because of the storm on Monday.',
    'Read part of the skipper’s letter to the harbour board below.',
    'That led to a second inquiry into the harbour board.',
    'To get around that problem, the harbour board hired a second skipper.',
    'Under those circumstances, the ferry would have to turn back to port.',
  ])
    assert.equal(notStandAlone(text), 'points-back', text);
  for (const text of [
    'This week the harbour board will vote on the new island timetable.',
    'That night the evening ferry sailed two hours late from the quay.',
    'This summer the island ferry carries more cyclists than cars.',
    'Readers can find the full timetable of the island ferry at the harbour office.',
    '"This is our harbour and our ferry," the skipper said on Monday.',
    'When Porthallow got its quay in 1890, however, it became a ferry town.',
    'Earlier this month, the harbour board voted to buy a second ferry.',
    'The skipper says that, on most days, the ferry sails on time.',
  ])
    assert.equal(notStandAlone(text), undefined, text);
});

test('a quotation left open runs into the next sentences of its paragraph', () => {
  assert.equal(quotationOpenAfter('The skipper said: “It was not my boat.', false), true);
  assert.equal(quotationOpenAfter('It was the harbour’s boat.”', true), false);
  assert.equal(quotationOpenAfter('"It was late," he said of the ferry.', false), false);
  assert.equal(quotationOpenAfter('He said the ferry was "late again', false), true);
  assert.equal(quotationOpenAfter('" Menu | Home | the ferry sailed late.', false), false);
  const a = article(
    'q',
    [
      'The skipper said on Monday: “The boat was not mine. It belongs to the harbour board. They never fixed it.”',
      'The ferry sailed late again on Tuesday. The harbour board did not comment.',
    ].join('\n\n'),
    '2025-03-01',
  );
  const sentences = articleSentences(a);
  const inside = insideQuotation(sentences);
  assert.deepEqual(
    sentences.filter((s) => inside.has(s)).map((s) => s.text),
    ['It belongs to the harbour board.', 'They never fixed it.”'],
  );
});

test('a text broken by hard line ends: the sentences after a cut-off line are no candidates', () => {
  const a = article(
    'w',
    [
      'The harbour board said the new timetable would be reviewed by the',
      'Ferry Council, which meets in May. The skipper agreed.',
      'and the island council. The review starts in June.',
      'The ferry sailed late again on Tuesday. eBay sold the old boat. The quay was repaired.',
    ].join('\n\n'),
    '2025-03-01',
  );
  const sentences = articleSentences(a);
  const broken = brokenLines(sentences);
  assert.deepEqual(
    sentences.filter((s) => broken.has(s)).map((s) => s.text),
    ['Ferry Council, which meets in May.', 'The review starts in June.'],
  );
});

test("captions, figure labels and a paper's document text do not stand alone in a summary", async () => {
  const { captionOrDocumentText } = await import('../../src/summarize/context.js');
  for (const t of [
    'Fishermen mend their nets beside the harbour wall in Port Elsa, Norland, Saturday, March 7, 2026.',
    'The mayor speaks to reporters outside the town hall, Friday, May, 2 2025.',
    'A reconstruction of the new beetle is shown in this March 3, 2025 handout picture.',
    'Ann Lee (left) and Bo Park cut the ribbon at the new library.',
    'Fig. 3 Wing scales of the new moth.',
    'View Images A painter works on a mural of the old port.',
    '1–4; Supplementary Notes 2 and 3).',
    'The scales of the moth are long and thin (Fig. 2a–c).',
    'Several wing shapes appear to have served as displays12,14,21.',
    'The samples were imaged at high resolution (Fig. 4a–d; Supplementary Figs.',
  ])
    assert.equal(captionOrDocumentText(t), true, t);
  for (const t of [
    'The vote was held on Saturday, March 7, 2026.',
    'He said (in a statement) that the bridge would reopen.',
    'The H1N1 virus has spread to forty countries.',
    'Sales of the Phone4 model rose by a third.',
    'The council met on Friday, and the mayor left early.',
  ])
    assert.equal(captionOrDocumentText(t), false, t);
});

test('transcript tags, dated list entries, broadcaster tags and contracted pointers are no summary lines', async () => {
  const { notASummaryLine } = await import('../../src/summarize/context.js');
  for (const t of [
    'MAYOR: Well, the ferry will run on time.',
    'DL: The islands have not changed much in a century.',
    'March 4 - Protesters take over the harbour office in Port Elsa.',
    '12 June 2024 — The council votes to close the old quay.',
    'Port Elsa, Norland (CNN) -- It is a story of a long winter.',
    "That's when the engineers began to take the leak seriously.",
    "Here's what the council says it knows about the leak.",
  ])
    assert.equal(notASummaryLine(t), true, t);
  for (const t of [
    'The mayor said: the ferry will run on time.',
    'On March 4, protesters took over the harbour office in Port Elsa.',
    'NATO said the strike hit a depot near the port.',
    "That's a record for the harbour, the board said.",
  ])
    assert.equal(notASummaryLine(t), false, t);
});

test("a sentence a photo's credit line follows is a caption", async () => {
  const { creditedCaptions } = await import('../../src/summarize/context.js');
  const a = article(
    'c',
    [
      'The harbour master points to the new berth on the east quay.',
      '(Photo by Ann Lee for the Port Elsa Gazette)',
      'The berth will open in May, the harbour board said on Monday.',
      'Divers inspect the old pier before its repair.',
      '(AP Photo/Bo Park)',
    ].join('\n\n'),
    '2025-03-01',
  );
  const sentences = articleSentences(a);
  const credited = creditedCaptions(sentences);
  assert.deepEqual(
    sentences.filter((s) => credited.has(s)).map((s) => s.text),
    [
      'The harbour master points to the new berth on the east quay.',
      'Divers inspect the old pier before its repair.',
    ],
  );
});
