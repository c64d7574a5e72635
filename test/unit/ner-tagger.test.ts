import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TAG_COUNT } from '../../src/language/ner/decode.js';
import { sentenceFeatures } from '../../src/language/ner/features.js';
import { indexGazetteer } from '../../src/language/ner/gazetteer.js';
import { emissions, tagEntities, tagTokens } from '../../src/language/ner/tagger.js';
import { RowScorer } from '../../src/language/ner/token-rows.js';

test('tagTokens finds people, places and organisations in a sentence of news', () => {
  const tokens =
    'Prime Minister Helen Clark told reporters in Wellington that the United Nations would help .'.split(' ');
  const tags = tagTokens(tokens);
  assert.equal(tags.length, tokens.length);
  const spans = tagEntities(tokens).map((s) => `${tokens.slice(s.start, s.end).join(' ')}/${s.type}`);
  assert.ok(spans.includes('Helen Clark/PER'), spans.join(', '));
  assert.ok(spans.includes('Wellington/LOC'), spans.join(', '));
  assert.ok(spans.includes('United Nations/ORG'), spans.join(', '));
  assert.deepEqual(tagTokens([]), []);
});

test('an ALL-CAPS headline is tagged as well', () => {
  const tokens = 'SOCCER - ARSENAL BEAT CHELSEA IN LONDON .'.split(' ');
  const spans = tagEntities(tokens).map((s) => tokens.slice(s.start, s.end).join(' '));
  assert.ok(spans.includes('LONDON'), spans.join(', '));
  assert.ok(!spans.includes('BEAT'), spans.join(', '));
});

test('the cached row path scores exactly as the feature strings do', () => {
  const sentences = [
    'Prime Minister Helen Clark told reporters in Wellington on Monday .',
    'RUGBY UNION - NEW ZEALAND BEAT FRANCE 24-10 IN PARIS',
    'Clark said Clark would visit St. Louis , then U.S. bases .',
    'Wellington',
  ].map((s) => s.split(' '));
  const lexicon = {
    lower: new Set(['told', 'reporters', 'in', 'on', 'said', 'would', 'visit', 'then', 'bases']),
    gazetteer: indexGazetteer({
      city: ['wellington', 'paris', 'st. louis'],
      country: ['new zealand', 'france'],
    }),
  };
  // every feature seen, with small integer weights that differ by feature and tag
  const rows = new Map<string, number>();
  for (const s of sentences)
    for (const fs of sentenceFeatures(s, lexicon))
      for (const f of fs) if (!rows.has(f) && rows.size % 7 !== 3) rows.set(f, rows.size * TAG_COUNT);
  const table = Float64Array.from({ length: (rows.size + 7) * TAG_COUNT }, (_, i) => ((i * 37) % 23) - 11);
  const scorer = new RowScorer(lexicon, rows, table);
  for (const s of sentences) {
    const expected = emissions(sentenceFeatures(s, lexicon), rows, table);
    assert.deepEqual(scorer.emissions(s), expected, s.join(' '));
    assert.deepEqual(scorer.emissions(s), expected, 'again, from the cache');
  }
});
