/** What modern pages need of the HTML extractor: lexicon headings, edge labels, fallbacks (invented pages). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from '../../src/extract/html.js';

const prose = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>The council of Lindenfeld discussed the ${topic} for the ${i + 1}th time on a grey Tuesday, and the members agreed that nothing would be decided before spring.</p>`,
  ).join('\n');

test('a German related-articles heading ends the article and its teasers are left out', () => {
  const html = `<html><body><div class="story">${prose('bridge', 4)}
    <p>Mehr zum Thema</p>
    <p>Der Stadtrat von Lindenfeld hat am Dienstag erneut über die Brücke beraten und keine Entscheidung getroffen.</p>
  </div></body></html>`;
  const { paragraphs } = extractHtml(html);
  assert.equal(paragraphs.length, 4);
  assert.ok(!paragraphs.some((p) => /Mehr zum Thema|Stadtrat/.test(p)));
});

test('a "Lesen Sie auch:" teaser line inside the article is dropped, the prose after it kept', () => {
  const html = `<html><body><article>${prose('bridge', 2)}
    <p>Lesen Sie auch: Lindenfeld baut eine neue Schule</p>
    ${prose('school', 2)}</article></body></html>`;
  const { paragraphs } = extractHtml(html);
  assert.equal(paragraphs.length, 4);
  assert.ok(!paragraphs.some((p) => p.startsWith('Lesen Sie auch')));
});

test('a comment heading in another language ends the article', () => {
  const html = `<html><body><div class="entry">${prose('market', 3)}
    <h3>Commentaires (2)</h3>
    <p>Je suis tout à fait d'accord avec le conseil, il faut attendre le printemps pour décider enfin.</p>
  </div></body></html>`;
  const { paragraphs } = extractHtml(html);
  assert.equal(paragraphs.length, 3);
});

test('a short question or label at the end of the article is trimmed, one between paragraphs is kept', () => {
  const html = `<html><body><div class="post">${prose('harbour', 2)}
    <p>Was this helpful?</p>${prose('harbour', 1)}
    <p>War der Artikel nützlich?</p><p>Kontakt:</p></div></body></html>`;
  const { paragraphs } = extractHtml(html);
  assert.equal(paragraphs.length, 4);
  assert.equal(paragraphs[2], 'Was this helpful?');
});

test('a page of short lines falls back to the element named as the article body', () => {
  const html = `<html><body><nav><a href="/">Home</a></nav><div class="entry-content">
    <p>„Ich weiß, ich sollte das nicht sagen“</p><p>– „Dann sag es nicht“</p><p>– „Gut.“</p>
  </div></body></html>`;
  const { paragraphs } = extractHtml(html);
  assert.deepEqual(paragraphs, [
    '„Ich weiß, ich sollte das nicht sagen“',
    '– „Dann sag es nicht“',
    '– „Gut.“',
  ]);
});

test('with no named body either, the JSON-LD articleBody is the last resort', () => {
  const ld = JSON.stringify({
    '@type': 'NewsArticle',
    headline: 'Ferry resumes',
    articleBody: 'The ferry to Lindenfeld runs again.\n\nTickets cost &amp; stay the same.',
  });
  const html = `<html><head><script type="application/ld+json">${ld}</script></head><body>
    <div id="app"><span>Loading</span></div></body></html>`;
  assert.deepEqual(extractHtml(html).paragraphs, [
    'The ferry to Lindenfeld runs again.',
    'Tickets cost & stay the same.',
  ]);
});

test('a title field that swallowed markup or is a placeholder gives way to the heading before the body', () => {
  const body = prose('ferry', 3);
  const swallowed = `<html><head><title>Ferry <a href="/x">Home</a></title></head><body>
    <div class="main"><h2>Ferry to Lindenfeld resumes service</h2>${body}</div></body></html>`;
  assert.equal(extractHtml(swallowed).title, 'Ferry to Lindenfeld resumes service');
  const placeholder = `<html><head><title>page</title></head><body><div class="main">
    <h3>Ferry to Lindenfeld resumes service</h3>${body}</div></body></html>`;
  assert.equal(extractHtml(placeholder).title, 'Ferry to Lindenfeld resumes service');
});

test('photo credits inside a figure and an author box beside the article are left out', () => {
  const html = `<html><body><article><figure><img src="a.jpg"><figcaption>Foto: Jane Roe</figcaption></figure>
    ${prose('bridge', 3)}
    <div class="author-bio"><p>Jane Roe writes about the towns of the Lindenfeld valley and has done so for twenty years, mostly on Tuesdays.</p></div>
    </article></body></html>`;
  const { paragraphs } = extractHtml(html);
  assert.equal(paragraphs.length, 3);
  assert.ok(!paragraphs.some((p) => /Jane Roe/.test(p)));
});

test('a descriptive caption stays; prompts and credit lines in other languages are left out', () => {
  const html = `<html><body><article><figure><figcaption>The new bridge of Lindenfeld seen from the old harbour at dawn on Monday</figcaption></figure>
    ${prose('bridge', 2)}
    <p>Abonnez-vous pour recevoir chaque matin les nouvelles de Lindenfeld dans votre boîte.</p>
    <p>(Bild: Lindenfelder Bote)</p>
    ${prose('harbour', 2)}</article></body></html>`;
  const { paragraphs } = extractHtml(html);
  assert.ok(paragraphs[0].startsWith('The new bridge'));
  assert.equal(paragraphs.length, 5);
  assert.ok(!paragraphs.some((p) => /Abonnez|Bild:/.test(p)));
});
