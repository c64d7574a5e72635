/**
 * Per-article analysis kept once computed (src/language/article-analysis.ts): the same results whether kept
 * or computed, fresh objects every call, and a store that keeps them so a story briefed again in a new
 * process does not tag its old articles again.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { readSources } from '../../src/feeds/index.js';
import {
  analysisStats,
  attachAnalysisStore,
  clearAnalysisMemory,
  perText,
} from '../../src/language/article-analysis.js';
import { findMentions } from '../../src/language/entities.js';
import { openStore } from '../../src/store/db.js';
import { briefStored, ingestDocuments } from '../../src/store/ingest.js';
import { getBrief, listStories } from '../../src/store/repository.js';
import { examplesDir, tempDir } from '../helpers.js';

const TEXT =
  'Harbour master Elin Voss said on Monday that the Saltmere ferry would sail again. The Calderwick Port Authority agreed.';

test('kept mentions equal computed ones, and every call gets objects of its own', () => {
  clearAnalysisMemory();
  const first = findMentions(TEXT);
  assert.ok(first.some((m) => m.name === 'Elin Voss'));
  first[0].name = 'changed by a caller';
  const before = analysisStats.kept;
  const again = findMentions(TEXT);
  assert.equal(analysisStats.kept, before + 1);
  assert.notEqual(again[0].name, 'changed by a caller');
  clearAnalysisMemory();
  assert.deepEqual(findMentions(TEXT), again);
});

test('a result is kept per kind, version and text; an attached store is read and written', () => {
  clearAnalysisMemory();
  const store = new Map<string, string>();
  const previous = attachAnalysisStore({ get: (k) => store.get(k), put: (k, v) => store.set(k, v) });
  try {
    let calls = 0;
    const count = (t: string) => ({ words: t.split(' ').length, call: ++calls });
    assert.deepEqual(perText('test', '1', 'a b c', count), { words: 3, call: 1 });
    assert.deepEqual(perText('test', '1', 'a b c', count), { words: 3, call: 1 });
    assert.deepEqual(perText('test', '2', 'a b c', count), { words: 3, call: 2 }, 'another version');
    clearAnalysisMemory();
    assert.deepEqual(perText('test', '1', 'a b c', count), { words: 3, call: 1 }, 'read from the store');
    assert.equal(store.size, 2);
  } finally {
    attachAnalysisStore(previous);
  }
});

test('an ingest keeps the mentions in the store; a brief built from them is the same brief', async () => {
  const db = openStore(join(tempDir('nf-kept-'), 'k.db'));
  ingestDocuments(db, (await readSources([examplesDir])).docs);
  const rows = db.prepare('SELECT COUNT(*) AS n FROM analysis').get() as { n: number };
  assert.equal(rows.n, 7, 'one entry per article text');
  const [row] = listStories(db, {});
  const stored = getBrief(db, row.id);
  assert.ok(stored);
  const story = {
    id: row.id,
    headline: row.headline,
    articleIds: stored.sources.map((s) => s.articleId),
    reports: (
      db.prepare('SELECT article_id, report_id FROM story_articles WHERE story_id = ?').all(row.id) as {
        article_id: string;
        report_id: string;
      }[]
    ).map((r) => ({ id: r.report_id, articleIds: [r.article_id] })),
  };
  clearAnalysisMemory();
  const computed = briefStored(db, story, 120);
  clearAnalysisMemory();
  const keptBefore = analysisStats.kept;
  const computedBefore = analysisStats.computed;
  const get = db.prepare('SELECT value FROM analysis WHERE key = ?').pluck();
  const previous = attachAnalysisStore({ get: (k) => get.get(k) as string | undefined, put: () => {} });
  try {
    const kept = briefStored(db, story, 120);
    assert.deepEqual(kept, computed);
    assert.equal(analysisStats.computed, computedBefore, 'nothing tagged again');
    assert.ok(analysisStats.kept >= keptBefore + story.articleIds.length);
  } finally {
    attachAnalysisStore(previous);
  }
  db.close();
});
