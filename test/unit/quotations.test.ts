/** The quotation-mark scanner: spans of quoted words, and quotations going on over paragraphs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quotations } from '../../src/language/quotations.js';
import { quotes } from '../../src/language/quotes.js';

const spans = (text: string) =>
  quotations(text).map((q) => [text.slice(q.start, q.end), q.closed, q.continues] as const);

test('a quotation left open at the end of a paragraph continues into one that opens another', () => {
  const text = '“The quay is safe,” the warden said. “We open at nine.\n\n“Bring a coat.” She left.';
  assert.deepEqual(spans(text), [
    ['“The quay is safe,”', true, false],
    ['“We open at nine.', false, true],
    ['“Bring a coat.”', true, false],
  ]);
});

test('a paragraph ending on a stray mark, then one opening a quotation: no crash, nothing continues', () => {
  const stray =
    'The ferry left at noon, the harbour master said."\n\n"We will be back tomorrow," the captain said.';
  assert.deepEqual(spans(stray), [['"We will be back tomorrow,"', true, false]]);
  // The stray mark must not mark an earlier, closed quotation as continuing either.
  const earlier =
    '"Gates open at nine," the warden said.\n\nThe ferry left at noon."\n\n“Back soon,” he said.';
  assert.deepEqual(spans(earlier), [
    ['"Gates open at nine,"', true, false],
    ['“Back soon,”', true, false],
  ]);
  const q = quotes({ id: 's', text: stray });
  assert.ok(q.some((x) => /We will be back tomorrow/.test(x.text) && x.speaker?.name === 'the captain'));
});

test('a lone mark ending the text makes no quotation; paragraphs of marks only continue nothing', () => {
  assert.deepEqual(spans('The tide turned.\n\n"'), []);
  assert.ok(spans('""\n\n"\n\n“”\n\n”\n\n"').every(([, , continues]) => !continues));
});
