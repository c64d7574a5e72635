import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allStoryQuotes, storyEntities } from '../../src/analyse/people.js';
import { speakerConflicts } from '../../src/analyse/speakers.js';
import { articleSentences } from '../../src/language/sentences.js';
import type { Article } from '../../src/model.js';

const article = (id: string, text: string): Article => ({
  id,
  source: `${id}.txt`,
  title: '',
  language: 'en',
  paragraphs: text.split(/\n\n/),
  text,
  hash: id,
});

/** Speaker disagreements among articles (each its own report unless `copies` groups them). */
function conflicts(articles: Article[], copies: string[][] = []) {
  const { perArticle, merged } = storyEntities(articles);
  const quotes = allStoryQuotes(articles, perArticle, merged);
  const reportOf = new Map<string, string>();
  for (const group of copies) for (const id of group) reportOf.set(id, group[0]);
  return speakerConflicts(quotes, articles.flatMap(articleSentences), reportOf);
}

const WORDS = '“The ferry timetable will return to normal once the new pontoon is bolted in place,”';

test('the same words given to two named speakers by two reports are a disagreement', () => {
  const d = conflicts([
    article('a', `Work on the slipway resumed on Monday. ${WORDS} Harbour Master Ines Calloway said.`),
    article(
      'b',
      `Crews were back on the slipway on Monday. ${WORDS} said Piet Brandsma, the council's transport lead.`,
    ),
  ]);
  assert.equal(d.length, 1);
  assert.equal(d[0].kind, 'speaker');
  assert.match(d[0].about, /^who said “The ferry timetable will return/);
  assert.deepEqual(
    d[0].values.map((v) => [v.value, v.articleIds]),
    [
      ['Ines Calloway', ['a']],
      ['Piet Brandsma', ['b']],
    ],
  );
});

test('no disagreement: one speaker by full name and surname, pronouns, descriptions, copies, formulae', () => {
  const a = `Work on the slipway resumed on Monday. ${WORDS} Harbour Master Ines Calloway said.`;
  // Full name in one report, surname in the other: one person.
  assert.deepEqual(conflicts([article('a', a), article('b', `${WORDS} Calloway told reporters.`)]), []);
  // "he said" is resolved to whoever was named last: a guess, never evidence of a conflict.
  assert.deepEqual(
    conflicts([article('a', a), article('b', `Piet Brandsma visited the quay. ${WORDS} he said.`)]),
    [],
  );
  // An unnamed official may be the named one.
  assert.deepEqual(conflicts([article('a', a), article('b', `${WORDS} a port official said.`)]), []);
  // Two publications of one report are one source, whatever they print.
  assert.deepEqual(
    conflicts([article('a', a), article('b', `${WORDS} Piet Brandsma said.`)], [['a', 'b']]),
    [],
  );
  // Short, formulaic words recur by chance.
  assert.deepEqual(
    conflicts([
      article('a', '“Thank you very much,” Ines Calloway said.'),
      article('b', '“Thank you very much,” Piet Brandsma said.'),
    ]),
    [],
  );
  // A transcript's turns are not reports of speech.
  assert.deepEqual(
    conflicts([
      article(
        'a',
        'CALLOWAY: The ferry timetable will return to normal once the pontoon is bolted in place.',
      ),
      article(
        'b',
        'BRANDSMA: The ferry timetable will return to normal once the pontoon is bolted in place.',
      ),
    ]),
    [],
  );
});
