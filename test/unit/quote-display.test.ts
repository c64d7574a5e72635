import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyQuotes } from '../../src/analyse/people.js';
import type { Quote } from '../../src/model.js';
import { quoteParts, spokenWords } from '../../src/render/labels.js';

const quote = (text: string, speaker: string, kind: Quote['kind'] = 'direct'): Quote => ({
  text,
  start: 0,
  end: text.length,
  kind,
  speaker: { name: speaker, start: 0, end: speaker.length },
});

test('a mixed quote shows the words said, without its "that" and stray quotation marks', () => {
  assert.equal(
    spokenWords('that “the ferry will run again by spring”'),
    'the ferry will run again by spring',
  );
  assert.equal(
    spokenWords('the pier is safe, the inspectors agree. “'),
    'the pier is safe, the inspectors agree.',
  );
  assert.equal(spokenWords('”the tide was too low'), 'the tide was too low');
  // Quotation marks inside the words stay: they are the speaker's own quoting.
  assert.equal(spokenWords('they called it a “temporary” closure'), 'they called it a “temporary” closure');
  assert.equal(spokenWords('they called it “temporary”'), 'they called it “temporary”');
  assert.equal(
    spokenWords('“the pier is safe,” he said, “and open”'),
    '“the pier is safe,” he said, “and open”',
  );
  assert.equal(spokenWords('"we are ready"'), 'we are ready');
  assert.equal(
    quoteParts(quote('that “the crossing will reopen on Monday.”', 'Ines Carvalho')).said,
    '“the crossing will reopen on Monday”',
  );
  assert.equal(
    quoteParts(quote('the ramp had failed', 'The operator', 'indirect')).said,
    'the ramp had failed',
  );
});

test('quotes whose speaker is a bare relative pronoun are not listed', () => {
  const listed = storyQuotes([
    quote('the closure had kept every visitor away from town', 'who', 'indirect'),
    quote('the crossing would reopen on Monday morning', 'Ines Carvalho', 'indirect'),
  ]);
  assert.deepEqual(
    listed.map((q) => q.speaker?.name),
    ['Ines Carvalho'],
  );
});
