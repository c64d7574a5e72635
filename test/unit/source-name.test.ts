import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceName } from '../../src/brief/source-name.js';

const entry = (source: string, extra: { publisher?: string; url?: string } = {}) => ({
  ref: 1,
  articleId: 'a',
  title: 'Ferry delayed',
  source,
  ...extra,
});

test('a source is named by its publisher, else its URL host, else its file name', () => {
  assert.equal(sourceName(entry('pages/a.html', { publisher: 'Harbour Radio' })), 'Harbour Radio');
  assert.equal(
    sourceName(entry('pages/a.html', { url: 'https://www.harbour.example/ferry' })),
    'harbour.example',
  );
  assert.equal(sourceName(entry('feeds/island.jsonl:3')), 'island.jsonl');
  assert.equal(sourceName(entry('pages/a.html', { url: 'not a url' })), 'a.html');
});

test('a URL without a host never names a source with an empty name', () => {
  for (const url of ['javascript:void(0)', 'data:text/html,hello', 'mailto:desk@harbour.example'])
    assert.equal(sourceName(entry('pages/ferry.html', { url })), 'ferry.html', url);
});
