/**
 * Runaway input is refused in bounded time, with a warning, and ordinary input reads as before: deeply
 * nested or element-stuffed HTML, a page whose text runs over the text limit, a word of 200,000 letters
 * before a caption date, and a 128 KB "sentence" without a stop through the quote reader.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isCaption } from '../../src/extract/captions.js';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '../../src/extract/html.js';
import { MAX_SENTENCE_CHARS, quotes } from '../../src/language/quotes.js';
import type { Article } from '../../src/model.js';
import { extractPage } from '../helpers.js';

const PARAGRAPHS = [
  'The harbour authority of Calderwick closed the north quay on Tuesday after a crane collapsed onto a cargo ship.',
  'Nobody was hurt, the authority said, but two berths will stay shut while engineers inspect the foundations.',
  'Ferries to the islands will leave from the south quay until the end of the month, the operator announced.',
];
const body = PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

const seconds = (since: number) => (performance.now() - since) / 1000;

test('400k nested elements are refused in well under a second each way, with the reason', () => {
  for (const [name, html] of [
    ['nested.html', `<html><body>${'<div>'.repeat(400_000)}${body}</body></html>`],
    ['nested-p.html', `<html><body>${'<div><p>A short line of words.</p>'.repeat(40_000)}</body></html>`],
    ['spans.html', `<html><body><div>${'<span>'.repeat(300_000)}${body}</div></body></html>`],
  ]) {
    const started = performance.now();
    const r = extractPage(name, html);
    assert.ok(seconds(started) < 10, `${name}: ${seconds(started)} s`);
    assert.equal(r.article, undefined);
    assert.ok(
      r.messages.some((m) => m.includes(`nested more than ${MAX_HTML_DEPTH} deep; skipped`)),
      `${name}: ${r.messages.join(' | ')}`,
    );
  }
});

test('more elements than the limit are refused; a page within both limits reads as before', () => {
  const many = `<html><body><article>${body}${'<b>x</b>'.repeat(MAX_HTML_ELEMENTS)}</article></body></html>`;
  const r = extractPage('many.html', many);
  assert.equal(r.article, undefined);
  assert.ok(r.messages.some((m) => m.includes(`more than ${MAX_HTML_ELEMENTS} HTML elements`)));
  // 200 levels of wrappers (twice the deepest real page seen) around the article: still read.
  const deep = `<html><body>${'<div class="wrap">'.repeat(200)}<article>${body}</article>${'</div>'.repeat(200)}</body></html>`;
  const ok = extractPage('deep.html', deep);
  assert.deepEqual(ok.article?.paragraphs, PARAGRAPHS);
});

test('a page whose extracted text is over the text limit is skipped with a warning', () => {
  const paragraph = `<p>${PARAGRAPHS.join(' ')}</p>`;
  const html = `<html><body><article>${paragraph.repeat(Math.ceil(1_100_000 / paragraph.length))}</article></body></html>`;
  const r = extractPage('long.html', html);
  assert.equal(r.article, undefined);
  assert.ok(
    r.messages.some((m) =>
      /extracted text of \d+ characters is over the 1 M characters limit; skipped/.test(m),
    ),
    r.messages.join(' | '),
  );
});

test('isCaption is linear in the length of a word, with the same answers', () => {
  const word = 'q'.repeat(200_000);
  const started = performance.now();
  assert.equal(isCaption(`${word} March 5, 2009.`), true);
  assert.equal(isCaption(`The crew said ${word} and left`), false);
  assert.equal(isCaption(`It rained on ${word}on March 5, 2009.`), true);
  assert.ok(seconds(started) < 2, `${seconds(started)} s`);
  assert.equal(isCaption('Dock workers gather at the gate in Porthallow June 3, 2025.'), true);
  assert.equal(isCaption('The tariff takes effect on January 1, 2026.'), false);
});

test('quotes: a 128 KB run-on sentence gives no frames, fast; ordinary sentences beside it still do', () => {
  const words =
    'the council said that crews fought a fire and officials told reporters that police warned residents while the harbour authority says'.split(
      ' ',
    );
  let runOn = 'Marta Okonkwo said';
  for (let i = 0; runOn.length < 128_000; i++) runOn += ` ${words[i % words.length]}`;
  const said = '“The north quay will stay closed until the engineers are done,” Ilse Varga said on Tuesday.';
  const text = `${said}\n\n${runOn}.`;
  assert.ok(runOn.length > MAX_SENTENCE_CHARS);
  const article = {
    id: 'runon',
    source: 'runon',
    title: 't',
    language: 'en',
    paragraphs: text.split('\n\n'),
    text,
  };
  const started = performance.now();
  const found = quotes(article as unknown as Article);
  assert.ok(seconds(started) < 30, `${seconds(started)} s`);
  assert.equal(found.length, 1);
  assert.ok(found[0].text.includes('north quay'));
});
