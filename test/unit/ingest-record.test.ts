import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readSources } from '../../src/feeds/index.js';
import { recordDocument } from '../../src/ingest/record.js';
import type { Article } from '../../src/model.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/db.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { allArticles } from '../../src/store/repository.js';

const dir = mkdtempSync(join(tmpdir(), 'nf-record-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A record whose text has wrapped lines inside paragraphs, and that names its date `published`. */
const record = {
  published: '2025-03-04',
  byline: 'Mara Quill',
  publisher: 'Harbour Radio',
  text: [
    'PORTHALLOW, March 4 (Wirefeed) - The harbour board voted on Tuesday to close the north quay\nfor repairs after a survey found cracks in two of its piers.',
    'Ferries will use the south quay from next week, the board said,\nand freight will be moved to Kestrel Bay until the work is done.',
    'The repairs are expected to take four months.',
  ].join('\n\n'),
};

const compared = (a: Article | undefined) =>
  a && {
    title: a.title,
    text: a.text,
    paragraphs: a.paragraphs,
    published: a.published,
    byline: a.byline,
    publisher: a.publisher,
  };

test('a record gives the same stored article from a JSONL file and from POST /api/ingest', async () => {
  const file = join(dir, 'records.jsonl');
  writeFileSync(file, `${JSON.stringify(record)}\n`);
  const fromFile = openStore(join(dir, 'file.db'));
  ingestDocuments(fromFile, (await readSources([file])).docs);

  const fromApi = openStore(join(dir, 'api.db'));
  // A slow machine may take longer than the server's usual wait to start the ingest worker.
  const res = await createApp(fromApi, { syncWaitMs: 120_000 }).request('/api/ingest', {
    method: 'POST',
    body: JSON.stringify(record),
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(res.status, 200);

  const [a] = allArticles(fromFile);
  const [b] = allArticles(fromApi);
  assert.equal(a.paragraphs.length, 3, 'blank lines separate paragraphs; single newlines are unwrapped');
  assert.equal(a.published, '2025-03-04');
  assert.equal(a.byline, 'Mara Quill');
  assert.deepEqual(compared(b), compared(a));
  fromFile.close();
  fromApi.close();
});

test('a record needs an object with text or html; fields are trimmed, blank ones dropped', () => {
  const origin = { path: 'x.jsonl', line: 1 };
  assert.deepEqual(recordDocument([1], origin, 'h'), { problem: 'not-object' });
  assert.deepEqual(recordDocument({ title: 'No body', text: '  ' }, origin, 'h'), { problem: 'no-content' });
  const doc = recordDocument(
    { title: ' Quay closed ', url: '', date: 7, html: '<p>Body</p>', text: 'x' },
    origin,
    'h',
  );
  assert.ok(!('problem' in doc));
  assert.equal(doc.kind, 'html');
  assert.equal(doc.content, '<p>Body</p>');
  assert.deepEqual(doc.hints, { title: 'Quay closed' });
});
