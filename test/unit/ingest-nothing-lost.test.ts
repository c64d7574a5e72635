/** Ingest loses nothing silently: every feed shape yields its items, and damaged input is read and reported. */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { WARCRecord, WARCSerializer } from 'warcio';
import { extractArticle } from '../../src/extract/index.js';
import { tokenWords } from '../../src/extract/text-length.js';
import { readSources } from '../../src/feeds/index.js';
import { documentsFromWarc } from '../../src/feeds/warc.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { listFiles } from '../../src/ingest/files.js';
import { documentsFromBytes } from '../../src/ingest/index.js';
import { rawDocument } from '../../src/ingest/record.js';
import { tempDir } from '../helpers.js';

const BODY =
  'The ferry service between Aldmouth and the islands resumed on Monday after a week of storms, the operator said. ' +
  'Crews checked both slipways before the first crossing, and the timetable returns to normal on Wednesday.';

test('an Atom feed yields its entries: content, summary, and a warning for link-only entries', async () => {
  const dir = tempDir();
  const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Aldmouth Harbour News</title><id>urn:x</id>
<updated>2025-03-04T08:00:00Z</updated>
<entry><title type="text">Ferries sail again</title><id>urn:1</id><updated>2025-03-04T08:00:00Z</updated>
<published>2025-03-03T08:00:00Z</published><link rel="alternate" href="https://example.org/ferries"/>
<link rel="self" href="https://example.org/self"/><content type="html">&lt;p&gt;${BODY}&lt;/p&gt;</content></entry>
<entry><title>Quay repairs</title><id>urn:2</id><updated>2025-03-05T08:00:00Z</updated>
<link href="https://example.org/quay"/><summary>The north quay closes for repairs in April, the harbour board said.</summary></entry>
<entry><title>Link only</title><id>urn:3</id><updated>2025-03-05T08:00:00Z</updated>
<link rel="alternate" href="https://example.org/only"/></entry>
</feed>`;
  writeFileSync(join(dir, 'harbour.atom'), atom);
  const r = await readSources([join(dir, 'harbour.atom')]);
  assert.equal(r.docs.length, 2);
  const [first, second] = r.docs;
  assert.equal(first.kind, 'html');
  assert.match(first.content, /ferry service between Aldmouth/);
  assert.deepEqual(first.hints, {
    title: 'Ferries sail again',
    url: 'https://example.org/ferries',
    date: '2025-03-03T08:00:00Z',
    publisher: 'Aldmouth Harbour News',
  });
  assert.equal(second.kind, 'text');
  assert.match(second.content, /north quay closes/);
  assert.equal(second.hints.url, 'https://example.org/quay');
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0].level, 'warning');
  assert.match(r.diagnostics[0].message, /1 of 3 feed items carry only a link/);
});

test('an RSS 1.0 (RDF) feed and a JSON Feed yield their items with dates', async () => {
  const dir = tempDir();
  const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="https://example.org/"><title>Island Post</title><link>https://example.org/</link>
<description>News</description></channel>
<item rdf:about="https://example.org/a"><title>Ferries</title><link>https://example.org/a</link>
<description>${BODY}</description><dc:date>2025-03-03</dc:date></item>
<item rdf:about="https://example.org/b"><title>Quay</title><link>https://example.org/b</link>
<content:encoded><![CDATA[<p>The quay closes in April.</p>]]></content:encoded></item>
</rdf:RDF>`;
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Island Wire',
    items: [
      {
        id: '1',
        url: 'https://example.org/j1',
        title: 'Ferries',
        content_html: `<p>${BODY}</p>`,
        date_published: '2025-03-03T09:00:00Z',
      },
      { id: '2', url: 'https://example.org/j2', content_text: 'The quay closes in April.' },
    ],
  });
  writeFileSync(join(dir, 'post.rdf'), rdf);
  writeFileSync(join(dir, 'wire.json'), json);
  const r = await readSources([join(dir, 'post.rdf'), join(dir, 'wire.json')]);
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(
    r.docs.map((d) => [d.hints.publisher, d.hints.url, d.hints.date, d.kind]),
    [
      ['Island Post', 'https://example.org/a', '2025-03-03', 'text'],
      ['Island Post', 'https://example.org/b', undefined, 'html'],
      ['Island Wire', 'https://example.org/j1', '2025-03-03T09:00:00Z', 'html'],
      ['Island Wire', 'https://example.org/j2', undefined, 'text'],
    ],
  );
});

test('one invalid byte in a UTF-8 file is replaced, every paragraph kept, and the line reported', () => {
  const paragraphs = [
    'The council’s budget meeting ran late on Tuesday — members argued over the harbour fund.',
    'A proposal to raise parking fees was withdrawn after a petition gathered 2,000 names.',
    'The café owners’ association said the change would have cost them customers.',
    'The next meeting is on 14 April, the council’s clerk said.',
  ];
  const bytes = Buffer.from(paragraphs.join('\n\n'), 'utf8');
  const at = bytes.indexOf(Buffer.from('association'));
  bytes[at] = 0xff; // paragraph 3, line 5
  const r = documentsFromBytes('council.txt', bytes);
  assert.equal(r.docs.length, 1);
  const content = r.docs[0].content;
  assert.match(content, /The council’s budget meeting ran late on Tuesday — members/);
  assert.match(content, /The café owners’ \uFFFDssociation said/);
  assert.match(content, /The next meeting is on 14 April/);
  assert.deepEqual(r.diagnostics, [
    {
      level: 'warning',
      origin: { path: 'council.txt', line: 5 },
      message: '1 invalid UTF-8 byte replaced with U+FFFD',
    },
  ]);
});

test('legacy single-byte text with no UTF-8 sequences still decodes as windows-1252', () => {
  const d = decodeBytes(Buffer.from('Caf\xe9 owners met the mayor\x92s staff.', 'latin1'));
  assert.ok('text' in d);
  assert.equal(d.text, 'Café owners met the mayor’s staff.');
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.repairs, undefined);
});

/** A gzipped or plain WARC of response records, one per page. */
async function warc(pages: [string, string][], gzip: boolean): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (const [url, html] of pages) {
    const record = WARCRecord.create(
      {
        url,
        type: 'response',
        date: '2025-03-04T10:00:00Z',
        httpHeaders: { 'Content-Type': 'text/html; charset=utf-8' },
      },
      (async function* () {
        yield new TextEncoder().encode(html);
      })(),
    );
    parts.push(await WARCSerializer.serialize(record, { gzip }));
  }
  return Buffer.concat(parts);
}

const PAGE = (n: number) => `<html><body><article><p>Page ${n}. ${BODY}</p></article></body></html>`;

test('a truncated .warc.gz keeps its whole records and reports the cut one', async () => {
  const dir = tempDir();
  const whole = await warc(
    [
      ['https://example.org/1', PAGE(1)],
      ['https://example.org/2', PAGE(2)],
    ],
    true,
  );
  const path = join(dir, 'crawl.warc.gz');
  writeFileSync(path, whole);
  const full = await documentsFromWarc(path);
  assert.equal(full.docs.length, 2);
  assert.deepEqual(full.diagnostics, []);
  writeFileSync(path, whole.subarray(0, whole.length - 60));
  const cut = await documentsFromWarc(path);
  assert.deepEqual(
    cut.docs.map((d) => d.hints.url),
    ['https://example.org/1'],
  );
  assert.equal(cut.diagnostics.length, 1);
  assert.deepEqual(cut.diagnostics[0].origin, { path, line: 2 });
  assert.match(
    cut.diagnostics[0].message,
    /^truncated archive: record 2 \(at byte \d+\) is incomplete; skipped$/,
  );
});

test('a truncated plain .warc does not store the partial record', async () => {
  const dir = tempDir();
  const whole = await warc(
    [
      ['https://example.org/1', PAGE(1)],
      ['https://example.org/2', PAGE(2)],
    ],
    false,
  );
  const path = join(dir, 'crawl.warc');
  writeFileSync(path, whole);
  assert.equal((await documentsFromWarc(path)).docs.length, 2);
  writeFileSync(path, whole.subarray(0, whole.length - 80));
  const cut = await documentsFromWarc(path);
  assert.deepEqual(
    cut.docs.map((d) => d.hints.url),
    ['https://example.org/1'],
  );
  assert.equal(cut.diagnostics.length, 1);
  assert.match(cut.diagnostics[0].message, /truncated archive: record 2/);
});

test('a symlink loop in a directory is skipped with a warning and the walk goes on', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'a', 'one.txt'), BODY);
  writeFileSync(join(dir, 'a', 'b', 'two.txt'), BODY);
  writeFileSync(join(dir, 'z.txt'), BODY);
  symlinkSync('../..', join(dir, 'a', 'b', 'up')); // back to dir: a loop
  symlinkSync('self', join(dir, 'a', 'self')); // a link to itself
  const r = listFiles([dir]);
  assert.deepEqual(r.files, [join(dir, 'a', 'b', 'two.txt'), join(dir, 'a', 'one.txt'), join(dir, 'z.txt')]);
  assert.deepEqual(
    r.diagnostics.map((d) => [d.level, d.origin.path, d.message.split(' (')[0].split(';')[0]]),
    [
      ['warning', join(dir, 'a', 'b', 'up'), 'symlink loop'],
      ['warning', join(dir, 'a', 'self'), 'symlink loop'],
    ],
  );
});

test('a JSONL file with a stray NUL byte is read, the NUL removed and reported; real binary is refused', () => {
  const lines = [
    JSON.stringify({ title: 'Ferries sail again', text: BODY }),
    JSON.stringify({ title: 'Quay repairs', text: `The north quay closes in April. ${BODY}` }),
  ];
  // A NUL inside the first line's "title" key, as a bad copy leaves it.
  const r = documentsFromBytes(
    'wire.jsonl',
    Buffer.from(`${lines[0].slice(0, 5)}\0${lines[0].slice(5)}\n${lines[1]}\n`),
  );
  assert.deepEqual(
    r.docs.map((d) => d.hints.title),
    ['Ferries sail again', 'Quay repairs'],
  );
  assert.deepEqual(r.diagnostics, [
    { level: 'warning', origin: { path: 'wire.jsonl', line: 1 }, message: '1 stray NUL byte removed' },
  ]);
  const junk = Buffer.alloc(2048);
  for (let i = 0; i < junk.length; i++) junk[i] = i % 3 === 0 ? 0 : 65 + (i % 26);
  assert.match(documentsFromBytes('blob.jsonl', junk).diagnostics[0].message, /binary data/);
});

test('a short Japanese news page is an article: unspaced text is measured by characters', () => {
  // Written for this test: a harbour ferry resumes service after storms.
  const paras = [
    '嵐のため一週間運休していた港と島々を結ぶフェリーが、月曜日に運航を再開したと運航会社が発表した。',
    '乗組員は最初の便の前に両方の桟橋を点検し、時刻表は水曜日から通常どおりに戻るという。',
    '島の商店主たちは、食料品の配送が再開されることを歓迎している。',
  ];
  const html = `<html lang="ja"><head><title>フェリー運航再開</title></head><body>
<nav><a href="/">トップ</a> <a href="/news">ニュース</a></nav>
<article>${paras.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
  const raw = rawDocument({
    origin: { path: 'ferry.html' },
    kind: 'html',
    content: html,
    hash: 'f'.repeat(64),
  });
  const r = extractArticle(raw);
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.article?.paragraphs, paras);
  // The measure itself: a token without unspaced script is one word, as before.
  assert.equal(tokenWords('harbour'), 1);
  assert.equal(tokenWords('—'), 1);
  assert.equal(tokenWords('フェリーが運航'), 4);
});
