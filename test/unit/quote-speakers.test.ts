import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entities } from '../../src/language/entities.js';
import { creditSpans, quotes } from '../../src/language/quotes.js';

const said = (text: string) => quotes({ id: 'u', text }, entities({ id: 'u', text }));
const speakerOf = (text: string, words: RegExp) => said(text).find((q) => words.test(q.text))?.speaker?.name;

test('a sentence opener with a contraction is no speaker ("Here\'s hoping", "Don\'t worry")', () => {
  const hoping =
    'The harbour festival opens on Friday.\n\nHere’s hoping the weather holds for the regatta on Saturday.';
  const worry =
    'Organisers moved the start line.\n\nDon’t worry about the new route, it is flatter than the old one.';
  for (const text of [hoping, worry]) {
    for (const q of said(text)) assert.ok(!/here|don/i.test(q.speaker?.name ?? ''), q.speaker?.name);
  }
});

test('a bare demonym is no speaker ("German said")', () => {
  const text =
    'The two teams met in the final in Rotterdam.\n\nGerman said the referee had missed a clear foul.';
  assert.equal(speakerOf(text, /clear foul/), undefined);
  // A named person of that people still speaks.
  const named =
    'The two teams met in the final.\n\nGerman striker Lena Vogt said the referee had missed a clear foul.';
  assert.equal(speakerOf(named, /clear foul/), 'Lena Vogt');
});

test('a writer in a credit line is never the speaker of a "he"', () => {
  const byline =
    'By Peter Holloway, staff writer\n\nThe ferry company said the boats were safe. "We checked every hull twice," he said.';
  assert.notEqual(speakerOf(byline, /every hull/), 'Peter Holloway');
  const credit =
    'Harbour master Ines Carvalho said the channel was clear. "Traffic resumes on Monday," she said.\n\n' +
    '(Reporting by Tomas Reyes; Editing by Clara Bonnet)';
  assert.equal(speakerOf(credit, /resumes on Monday/), 'Ines Carvalho');
  // The credit line itself is no quote.
  assert.ok(!said(credit).some((q) => /Reyes|Bonnet/.test(q.text)));
  // An editor's note about the writer is no quote of theirs.
  const note = "Editor's note: Ana Ruiz says she teaches history at Marren College and writes on ports.";
  assert.deepEqual(creditSpans(note), [[0, note.length]]);
  // A line that only starts like a byline is the story's.
  assert.deepEqual(creditSpans('By Tuesday the river had risen two metres.\n\nMartin Ash, Staff Writer'), [
    [44, 68],
  ]);
});

test('a pronoun is not resolved to the person the quote is about', () => {
  // Kerr is acted on (charged) and talked about ("He has done nothing wrong"): the "he" speaking is
  // someone else, left unresolved rather than guessed.
  const charged =
    'Prosecutors charged Daniel Kerr with fraud on Tuesday. "He has done nothing wrong and the evidence will show it," he said.';
  assert.notEqual(speakerOf(charged, /done nothing wrong/), 'Daniel Kerr');
  const passive =
    'Daniel Kerr was charged with fraud on Tuesday. "He has done nothing wrong and the evidence will show it," he said.';
  assert.notEqual(speakerOf(passive, /done nothing wrong/), 'Daniel Kerr');
  // Speaking of himself, he is the speaker.
  const himself =
    'Daniel Kerr was charged with fraud on Tuesday. "I have done nothing wrong and the evidence will show it," he said.';
  assert.equal(speakerOf(himself, /done nothing wrong/), 'Daniel Kerr');
});

test('a pronoun skips the person addressed: the subject speaks, not the one told', () => {
  const text =
    'Minister Paula Renn met the dockworkers’ leader, Karl Weber, on Monday. She told Weber the port would stay public. "You have my word," she said.';
  assert.equal(speakerOf(text, /stay public/), 'Paula Renn');
  assert.equal(speakerOf(text, /my word/), 'Paula Renn');
});

test('a description around a name stays the speaker ("the regional council of Valmora")', () => {
  const text = 'The regional council of Valmora said on Tuesday that the river was rising fast.';
  assert.equal(speakerOf(text, /river was rising/), 'The regional council of Valmora');
});

test('whom a quote was told is not its speaker; a cut name inside a longer one is not either', () => {
  const told = '"The road was shelled with mortars all night long," a driver told Reuters by telephone.';
  assert.equal(speakerOf(told, /shelled with mortars/), 'a driver');
  const inverted = '"The road was shelled with mortars all night long," told Reuters by telephone.';
  assert.notEqual(speakerOf(inverted, /shelled with mortars/), 'Reuters');
  const office = 'The Westland Foreign Office said on Monday that the embassy would stay open all week.';
  assert.equal(speakerOf(office, /embassy would stay open/), 'The Westland Foreign Office');
});

test('a "he" after a name in apposition goes to that name, not to the speaker before', () => {
  const text =
    'Deputy Mayor Nick Clegg played down the row. "It is about fixing the pier as soon as possible," he said. ' +
    'However the former harbour master, Sir Peter Moyle, told the council that the pier was a worry. ' +
    '"The council must set aside money for the pier this year," he said.';
  assert.equal(speakerOf(text, /set aside money/), 'Peter Moyle');
  assert.equal(speakerOf(text, /fixing the pier/), 'Nick Clegg');
});

test('a name that only qualifies the speaker is not the speaker ("Jansen aide said")', () => {
  const text =
    'Talks on the harbour blockade resumed in Ostrand.\n\n' +
    'Jansen aide said: "There are talks through the Ostrand mediators to let food and medicine into the port."';
  const name = speakerOf(text, /food and medicine/);
  assert.notEqual(name, 'Jansen');
  assert.equal(name, 'Jansen aide');
  // The name at the head of the phrase still speaks.
  const named =
    'Talks on the harbour blockade resumed.\n\nJansen aide Arne Tolle said: "There are talks through the mediators."';
  assert.equal(speakerOf(named, /through the mediators/), 'Arne Tolle');
});
