/**
 * Reporting frames of the quote extractor, one pattern each, on sentences written for these tests.
 * Each test checks the words said (span or text), the cue and the speaker's span.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quoteCandidates, quotes } from '../../src/language/quotes.js';
import type { Quote } from '../../src/model.js';

/** Each quote as [span of text it covers, cue, span of its speaker (or '-')]. */
function frames(text: string, options?: { rank?: boolean }): [string, string, string][] {
  return quotes({ id: 't', text }, undefined, options).map((q: Quote) => [
    text.slice(q.start, q.end),
    q.cue?.text ?? '',
    q.speaker ? text.slice(q.speaker.start, q.speaker.end) : '-',
  ]);
}

test("quotation marks spelled '' … '' (newspaper archives) and an inverted frame", () => {
  const text = "''We will rebuild the bridge by spring,'' said Mayor Dana Reyes.";
  const [q] = quotes({ id: 't', text });
  assert.equal(q.kind, 'direct');
  assert.equal(q.text, 'We will rebuild the bridge by spring,');
  assert.equal(text.slice(q.speaker!.start, q.speaker!.end), 'Mayor Dana Reyes');
});

test('a frame sentence of its own after a quotation ("“…!” Ortega said.")', () => {
  assert.deepEqual(frames('The ferry was late again. “The ferry will run again next week!” Ortega said.'), [
    ['The ferry will run again next week!', 'said', 'Ortega'],
  ]);
});

test('a split quote with a comma before its second part is one quote, frame inside', () => {
  assert.deepEqual(frames('“The pier is safe,” Ortega said, “and the ferry will run on Friday.”'), [
    ['The pier is safe,” Ortega said, “and the ferry will run on Friday.', 'said', 'Ortega'],
  ]);
});

test('a quoted sentence after a participle frame continues the quote; the participle reports too', () => {
  const text =
    '“The fire is out,” the chief said, adding that crews would stay overnight. “We are not taking any chances.”';
  const [said, adding] = quotes({ id: 't', text });
  assert.equal(said.kind, 'direct');
  assert.equal(said.text, 'The fire is out. We are not taking any chances.');
  assert.equal(adding.text, 'that crews would stay overnight');
  assert.equal(adding.cue?.text, 'adding');
  assert.equal(text.slice(adding.speaker!.start, adding.speaker!.end), 'the chief');
});

test('verbs of thought and intention from the learned lexicon ("believes", "want to", "polls show")', () => {
  assert.deepEqual(frames('The council believes the harbour can reopen in May.'), [
    ['the harbour can reopen in May', 'believes', 'The council'],
  ]);
  assert.deepEqual(frames('Residents want to keep the old lighthouse.'), [
    ['to keep the old lighthouse', 'want', 'Residents'],
  ]);
  assert.deepEqual(frames('Polls show the mayor well ahead of her rivals.'), [
    ['the mayor well ahead of her rivals', 'show', 'Polls'],
  ]);
});

test('"according to" closing the sentence; passive reports; a clause around "is expected"', () => {
  assert.deepEqual(frames('The ferry carried 300 passengers on Sunday, according to the operator.'), [
    ['The ferry carried 300 passengers on Sunday', 'according to', 'the operator'],
  ]);
  assert.deepEqual(frames('The plan was criticized by several fishermen.'), [
    ['The plan', 'criticized', 'several fishermen'],
  ]);
  assert.deepEqual(frames('The ferry is expected to resume service on Monday.'), [
    ['The ferry is expected to resume service on Monday', 'expected', '-'],
  ]);
});

test('speakers before brackets and after an inverted cue with a description', () => {
  assert.deepEqual(frames('Senator Ana Ruiz (D-Ore.) said the funds would arrive before winter.'), [
    ['the funds would arrive before winter', 'said', 'Senator Ana Ruiz'],
  ]);
  assert.deepEqual(frames('The repairs will take a month, said Tomas Berg, a city engineer.'), [
    ['The repairs will take a month', 'said', 'Tomas Berg'],
  ]);
});

test('a relative and a subordinate clause report only what they contain', () => {
  // The rules frame the relative clause; the ranker (quote-ranker.ts) drops it: on the train split a relative
  // pronoun for speaker and a short content weigh against a frame.
  const relative = 'Ortega, who praised the crews, said the port would reopen soon.';
  assert.deepEqual(frames(relative, { rank: false }), [
    ['the crews', 'praised', 'who'],
    ['the port would reopen soon', 'said', 'Ortega'],
  ]);
  assert.deepEqual(frames(relative), [['the port would reopen soon', 'said', 'Ortega']]);
  const subordinate = 'Although the mayor praised the crews, the union was not satisfied.';
  assert.deepEqual(frames(subordinate, { rank: false }), [['the crews', 'praised', 'the mayor']]);
  // The ranker may keep or drop that borderline frame, but never lets it run into the main clause.
  for (const [content] of frames(subordinate)) assert.ok(!content.includes('union'), content);
});

test('coordinated cues after auxiliaries keep the speaker; "promised" takes no listener', () => {
  assert.deepEqual(frames('Ortega has praised the crews and has promised new boats for the harbour.'), [
    ['the crews', 'praised', 'Ortega'],
    ['new boats for the harbour', 'promised', 'Ortega'],
  ]);
});

test('a cue after "and" continues the sentence\'s subject; participles take it past an opening phrase', () => {
  assert.deepEqual(
    frames('She greeted the crowd at the harbour in Saltmere and told them that the ferry would return.'),
    [['that the ferry would return', 'told', 'She']],
  );
  assert.deepEqual(
    frames('At the harbour on Monday, Ortega toured the new pier, saying it was ready for boats.'),
    [['it was ready for boats', 'saying', 'Ortega']],
  );
});

test('a title in quotation marks before the frame is not what was said', () => {
  assert.deepEqual(frames('On NBC’s “Meet the Press,” Ortega said the pier would reopen in June.'), [
    ['the pier would reopen in June', 'said', 'Ortega'],
  ]);
});

test('speaker turns: transcript capitals and a colon closing a paragraph; not a byline', () => {
  assert.deepEqual(frames('BYLINE: Jane Doe\n\nORTEGA: We will reopen the pier before the summer season.'), [
    ['We will reopen the pier before the summer season', ':', 'ORTEGA'],
  ]);
  assert.deepEqual(frames('The mayor continued:\n\n“We owe the crews a great deal.”'), [
    ['We owe the crews a great deal.', 'continued', 'The mayor'],
  ]);
});

test('quotes: "he added" after a quote goes on with its speaker, not with a name in the quoted words or an aside', () => {
  const text =
    'The port reopened on Monday after Mayor Anneke Visser signed the order. “The cranes are safe again,” the harbour master said. “Nobody should blame Visser for the delay,” he added.';
  const qs = quotes({ id: 'own', text });
  const last = qs.find((q) => q.text.startsWith('Nobody should blame'));
  assert.ok(last?.speaker, JSON.stringify(qs));
  assert.equal(last.speaker.name, 'the harbour master');
});

test('quotes: "he said" goes to the last person, not to a country named in a participle aside or a group after "the"', () => {
  // An inverted frame with a participle aside: the aside's speaker is the inverted frame's, not the
  // country opening the quoted words.
  const text =
    '“Norvania has signalled it would accept a harbour truce in return for a retreat,” said trade analyst Peter Holm, referring to the Velmar Front, the al-Vardan aligned militia. ' +
    '“Norvania’s main demands show a rift with its allies,” he said, adding that the unions had not rejected them.';
  const qs = quotes({ id: 'own', text });
  const second = qs.find((q) => q.text.startsWith('Norvania’s main demands'));
  assert.equal(second?.speaker?.name, 'Peter Holm', JSON.stringify(qs));
  const adding = qs.find((q) => q.cue?.text === 'adding');
  assert.equal(adding?.speaker?.name, 'Peter Holm');
  const aside = qs.find((q) => q.cue?.text === 'referring to');
  if (aside) assert.equal(aside.speaker?.name, 'Peter Holm');
  // A name after "the" is a group, not a "he".
  const later =
    '“The truce holds,” said analyst Peter Holm. The al-Vardan militia denied any role. “It will not last,” he said.';
  const q2 = quotes({ id: 'own', text: later }).find((q) => q.text.startsWith('It will not last'));
  assert.equal(q2?.speaker?.name, 'Peter Holm');
});

test('a quotation, then a speaker with "and" and a cue with only an adjunct after it: the quotation was said', () => {
  const [q] = quotes({
    id: 'own',
    text: '“The harbour must stay open for the winter,” the port director and former mayor said in a statement.',
  });
  assert.equal(q?.text, 'The harbour must stay open for the winter,');
  assert.equal(q?.kind, 'direct');
});

test('no frame for a verb coordinated after a cue, nor for a passive without an agent', () => {
  assert.deepEqual(frames('The mayor paused and wiped a tear from her eye.'), []);
  assert.deepEqual(frames('The new harbour fee was criticized in the local press.'), []);
});

test('a headline "Source: ..." opening the article is an attribution', () => {
  assert.deepEqual(frames('Poll: Harbour tax splits the town.\n\nThe survey of 800 residents ...'), [
    ['Harbour tax splits the town', ':', 'Poll'],
  ]);
});

test('inverted frames after a clause with its own commas, and an opening mark typed as the closing one', () => {
  assert.deepEqual(
    frames(
      'Even if the office closed, some of its work would be done by others, said Ortega, who ran it.',
    )[0],
    ['Even if the office closed, some of its work would be done by others', 'said', 'Ortega'],
  );
  assert.deepEqual(frames('But that is not good enough, said Ilse Varga, a harbour analyst.'), [
    ['But that is not good enough', 'said', 'Ilse Varga'],
  ]);
  const [q] = quotes({
    id: 'own',
    text: '“It is unusual,“ said Ilse Varga, a harbour analyst. “It is hard to do.”',
  });
  assert.equal(q?.text, 'It is unusual. It is hard to do.');
  assert.equal(q?.speaker?.name, 'Ilse Varga');
});

test('one quoted word before a trailing frame is what was said', () => {
  assert.deepEqual(frames('The crew asked for help. “Tugboats,” Ortega said.'), [
    ['Tugboats,', 'said', 'Ortega'],
  ]);
});

test('the words of a split quote read as sentences when the frame between them ends one', () => {
  const across = quotes({
    id: 't',
    text: 'The harbour master spoke on Monday. "We waited for the tide to turn," she said. "Nobody was going out in that."',
  });
  assert.equal(across[0]?.text, 'We waited for the tide to turn. Nobody was going out in that.');
  const within = quotes({
    id: 't',
    text: '"We waited for the tide," she said, "and Tomas took the first boat out."',
  });
  assert.equal(within[0]?.text, 'We waited for the tide, and Tomas took the first boat out.');
});

test('noun and phrasal cues make candidates ("the claim that X", "their attacks on X"), the speaker a possessive', () => {
  const text = 'Residents dismissed the claim that the harbour was safe.';
  const nouns = quoteCandidates({ id: 't', text })
    .filter((c) => c.features.includes('nouncue'))
    .map((c) => [text.slice(c.quote.start, c.quote.end), c.quote.cue?.text]);
  assert.deepEqual(nouns, [['that the harbour was safe', 'claim that']]);
  // Kept by the ranker, with the possessive before the noun for its speaker.
  assert.deepEqual(frames('Critics stepped up their attacks on the council over the closure of the pier.'), [
    ['the council over the closure of the pier', 'attacks on', 'their'],
  ]);
});
