import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INGEST_LIMITS } from '../../src/ingest/limits.js';
import { cli, examplesDir, extractPage, runCli } from '../helpers.js';

const extract = extractPage;

const PROSE = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the council met on Monday to discuss the harbour budget, and members agreed to publish the full figures before the end of the month.</p>`,
  ).join('\n');

test('text: a masthead above the page date names the publisher; a headline above it does not', () => {
  const body =
    'The ferry between the two harbours ran again on Sunday after a three-week stoppage, the operator said.\n\nThe first crossing left at seven in the morning with forty passengers on board.';
  const withMasthead = extract(
    'ferry.txt',
    `Estuary Evening Post\nHome | Local | Sport | Weather\n\nSunday 9 March 2025\n\nFerry back on the water after ramp repair\n\n${body}`,
  ).article;
  assert.equal(withMasthead?.publisher, 'Estuary Evening Post');
  assert.equal(withMasthead?.title, 'Ferry back on the water after ramp repair');
  const headlineFirst = extract(
    'ferry2.txt',
    `Ferry back on the water after ramp repair\n\nSunday 9 March 2025\n\n${body}`,
  ).article;
  assert.equal(headlineFirst?.publisher, undefined);
});

test('html: the article container wins over navigation, related links and comments', () => {
  const html = `<!doctype html><html><head><title>Budget row | Harbour Gazette</title>
    <meta property="og:site_name" content="Harbour Gazette"></head><body>
    <nav><ul>${'<li><a href="/x">Section link</a></li>'.repeat(30)}</ul></nav>
    <div class="layout"><div class="main-col"><h1>Budget row</h1><div class="story-body">${PROSE(6)}</div></div>
    <div class="related-links"><ul>${'<li><a href="/r">Another story with a long headline here</a></li>'.repeat(10)}</ul></div>
    <div id="comments"><p>Reader one wrote a very long comment about the harbour budget that goes on and on for a while.</p></div></div>
    <footer><p>Copyright Harbour Gazette. All rights reserved. Terms and conditions apply to everything.</p></footer></body></html>`;
  const { article } = extract('page.html', html);
  assert.ok(article);
  assert.equal(article.title, 'Budget row');
  assert.equal(article.publisher, 'Harbour Gazette');
  assert.equal(article.paragraphs.length, 6);
  assert.doesNotMatch(article.text, /Section link|Another story|Reader one|Copyright/);
});

test('html: a page with no article (home page, error page) is "not an article"', () => {
  const home = `<html><body><header><a href="/">Home</a></header><div class="grid">${'<div class="card"><a href="/s">A headline about something that happened today</a></div>'.repeat(40)}</div></body></html>`;
  const error =
    '<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The page you requested could not be found.</p></body></html>';
  for (const [name, page] of [
    ['home.html', home],
    ['404.html', error],
  ]) {
    const r = extract(name, page);
    assert.equal(r.article, undefined, name);
    assert.ok(
      r.messages.some((m) => /not an article/.test(m)),
      name,
    );
  }
});

test('html: empty, deeply nested, unclosed and huge pages do not crash', () => {
  assert.ok(extract('empty.html', '').messages.some((m) => /empty file/.test(m)));
  // Nesting within the limit (twice the deepest real page seen) reads; beyond it the page is refused, saying why.
  const nested = (n: number) =>
    `<html><body>${'<div>'.repeat(n)}${PROSE(3)}${'</div>'.repeat(n)}</body></html>`;
  assert.equal(extract('nested.html', nested(200)).article?.paragraphs.length, 3);
  assert.deepEqual(extract('nested.html', nested(20000)).messages, [
    'HTML elements nested more than 256 deep; skipped',
  ]);
  const unclosed = `<html><body><div class="story"><p>${PROSE(4).replace(/<\/p>/g, '')}<div><span><b>`;
  const u = extract('unclosed.html', unclosed).article;
  assert.ok(u?.text.includes('Paragraph 4'));
  const huge = `<html><body><div class="story">${PROSE(3)}</div>${`<div class="ad"><a href="#">${'x '.repeat(500)}</a></div>`.repeat(20000)}</body></html>`;
  assert.ok(huge.length > 20_000_000);
  // Ingest skips a page this long (limits.ts); the extractor still copes with one when the limit is lifted.
  assert.deepEqual(extract('huge.html', huge).messages, ['html page longer than 8 M characters; skipped']);
  const h = extract('huge.html', huge, { ...INGEST_LIMITS, htmlChars: Number.POSITIVE_INFINITY }).article;
  assert.equal(h?.paragraphs.length, 3);
});

test('html: metadata from JSON-LD beats meta tags; dates normalize to ISO', () => {
  const html = `<html lang="fr"><head><title>Site - Something else</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
    {"@type":"NewsArticle","headline":"Le port rouvre","datePublished":"2024-05-02T08:00:00+02:00","author":[{"name":"Ana Lund"},{"name":"Bo Ek"}],"publisher":{"@type":"Organization","name":"Gazette du Port"}}]}</script>
    <meta name="date" content="2020-01-01"></head><body><article>${PROSE(3)}</article></body></html>`;
  const { article } = extract('ld.html', html);
  assert.equal(article?.title, 'Le port rouvre');
  assert.equal(article?.published, '2024-05-02T08:00:00+02:00');
  assert.equal(article?.byline, 'Ana Lund, Bo Ek');
  assert.equal(article?.publisher, 'Gazette du Port');
  assert.equal(article?.language, 'fr');
});

test('`newsfuse extract` prints the article, and exits 1 on a page with no article', async () => {
  const r = await cli(['extract', `${examplesDir}/harbour-radio-fire-investigation.txt`]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).title, 'Investigators begin work at burned-out Calderwick warehouse');
  const none = runCli(['extract', '-'], '<html><body><nav><a href="/">Home</a></nav></body></html>');
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no article content/);
  assert.equal((await cli(['extract', '/no/such/page.html'])).status, 2);
});
