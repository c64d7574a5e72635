import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiJson } from '../../scripts/train/model-file.js';
import { type GazetteerLists, gazetteerMatches, indexGazetteer } from '../../src/language/ner/gazetteer.js';
import { decodeNerFile, encodeNerTables, type NerFile } from '../../src/language/ner/tagger.js';
import { formatModel } from '../../src/models/format.js';
import { MODEL_FORMAT } from '../../src/models/load.js';

/** The index as it was built before it was made on demand: every phrase split and grouped up front. */
function fullIndex(lists: GazetteerLists) {
  const index = new Map<string, Array<{ tokens: string[]; list: string }>>();
  for (const list of Object.keys(lists).sort())
    for (const phrase of lists[list]) {
      const tokens = phrase.split(' ');
      let entries = index.get(tokens[0]);
      if (!entries) index.set(tokens[0], (entries = []));
      entries.push({ tokens, list });
    }
  for (const entries of index.values()) entries.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

// invented names: shared first tokens, a hyphen after the token (sorts after the space), the token alone,
// the same name in two lists, and a list given out of order
const LISTS: GazetteerLists = {
  city: ['port alba', 'port', 'port alba north', 'port-verde', 'porto', 'vell', 'vell marsh', 'zarn'],
  region: ['port alba', 'upper vell', 'vell'],
  country: ['portland republic', 'zarnia', 'the vell isles', 'vell isles'],
};

test('the on-demand gazetteer index gives each first token the entries of the full index, in its order', () => {
  const lazy = indexGazetteer(LISTS);
  const full = fullIndex(LISTS);
  for (const first of [...full.keys(), 'por', 'portx', 'vel', 'zz', 'port alba', '', 'a'])
    assert.deepEqual(lazy.get(first), full.get(first), first);
  // asked again: the same entries, from its cache
  assert.deepEqual(lazy.get('port'), full.get('port'));
  assert.equal(lazy.get('port')?.[0].tokens.join(' '), 'port alba north');
});

test('gazetteer matching through the on-demand index marks the longest name of each list', () => {
  const tokens = ['Port', 'Alba', 'North', 'and', 'PORT-VERDE', 'near', 'Vell', 'Isles'];
  const m = gazetteerMatches(
    tokens.map((t) => t.toLowerCase()),
    tokens,
    indexGazetteer(LISTS),
  );
  assert.deepEqual(m, [
    ['city:B', 'region:B'],
    ['city:I', 'region:I'],
    ['city:I'],
    [],
    ['city:B'],
    [],
    ['country:B', 'city:B', 'region:B'],
    ['country:I'],
  ]);
});

const file = (tables: Pick<NerFile, 'features' | 'weights' | 'gazetteer'>): NerFile => ({
  header: {
    format: MODEL_FORMAT,
    name: 'ner',
    about: 'a model made up for the test',
    trainer: 'test/unit/ner-model-file.test.ts',
    data: { file: 'none', sha256: '0' },
    features: '0',
  },
  scale: 1000,
  transitions: [1, -2],
  lower: ['said'],
  ...tables,
});

test('the model tables read back as written, through the file format', () => {
  const features = ['b', 'w=ahoy', 'w=ça|va', 'g=city:B&init'];
  const rows = [
    [0, 1, -2, 3, -40, 500, -6000, 70000, -800000],
    [12, 0, 0, 0, 0, 0, 0, 0, -1],
    [7, 7, 7, 7, 7, 7, 7, 7, 7],
    [-3, -3, -3, -3, -3, -3, -3, -3, -3],
  ];
  const gazetteer = { city: ['port alba', 'vell', 'vélo-sur-mer'], region: [], demonym: ['velli'] };
  const text = asciiJson(formatModel(file(encodeNerTables(features, rows, gazetteer))));
  assert.ok(/^[\x00-\x7f]*$/.test(text) && text.includes('v\\u00e9lo'));
  const model = decodeNerFile(JSON.parse(text) as NerFile);
  assert.deepEqual(model.features, features);
  assert.deepEqual(Array.from(model.weights), rows.flat());
  assert.deepEqual(model.gazetteer, gazetteer);
  assert.deepEqual(model.lower, ['said']);
});

test('tables that cannot be stored or read back are refused', () => {
  const row = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  assert.throws(() => encodeNerTables(['w=a b'], [row], {}), /cannot be stored between/);
  assert.throws(() => encodeNerTables(['w=a'], [row.slice(1)], {}), /9 integers/);
  assert.throws(() => encodeNerTables(['w=a'], [[...row.slice(1), 0.5]], {}), /9 integers/);
  assert.throws(() => encodeNerTables(['w=a'], [row], { city: ['vell', 'port'] }), /not sorted/);
  assert.throws(() => encodeNerTables(['w=a'], [row], { city: ['port|vell'] }), /cannot be stored between/);
  const good = encodeNerTables(['w=a', 'w=b'], [row, row], {});
  for (const weights of [
    '1 2 3 4 5 6 7 8 9',
    '1 2 3 4 5 6 7 8 9,1 2 3 4 5 6 7 8',
    '1 2 3 4 5 6 7 8,9 1 2 3 4 5 6 7 8 9',
    '1 2 3 4 5 6 7 8 9\n1 2 3 4 5 6 7 8 9',
    '1 2 3 4 5 6 7 8 9,1 2 3 4 5 6 7 8 9,',
  ])
    assert.throws(() => decodeNerFile(file({ ...good, weights })), /retrain with npm run train:ner/, weights);
  assert.throws(() => decodeNerFile(file({ ...good, weights: good.weights.replace('5', 'x') })), /retrain/);
  assert.throws(() => decodeNerFile(file({ ...good, weights: good.weights.replace('5', '5-') })), /retrain/);
  assert.doesNotThrow(() => decodeNerFile(file(good)));
});
