import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { formatModel } from '../../src/models/format.js';
import { featureHash, loadModel, MODEL_FORMAT, modelsDir, useModelsDir } from '../../src/models/load.js';

const dir = mkdtempSync(join(tmpdir(), 'newsfuse-models-test-'));
after(() => {
  useModelsDir();
  rmSync(dir, { recursive: true, force: true });
});

const FEATURES = ['toy 1', 'bias; w=WORD'];
const spec = {
  name: 'toy',
  features: FEATURES,
  declaredIn: 'FEATURES in the test',
  retrain: 'npm run train:toy',
};
const toy = (features: string, weights: Record<string, number>) => ({
  header: {
    format: MODEL_FORMAT,
    name: 'toy',
    about: 'a model made up for the test',
    trainer: 'test/models-load.test.ts',
    data: { file: 'none', sha256: '0' },
    features,
  },
  weights,
});

test('a model trained for another feature set is refused, naming both sets and the retrain command', () => {
  writeFileSync(join(dir, 'toy.json'), formatModel(toy(featureHash(['toy 0', 'bias']), { bias: 1 })));
  useModelsDir(dir);
  assert.throws(
    () => loadModel(spec),
    (e: Error) =>
      e.message.includes('toy.json was trained for feature set ') &&
      e.message.includes(`code expects ${featureHash(FEATURES)}`) &&
      e.message.includes('FEATURES in the test') &&
      e.message.endsWith('retrain with npm run train:toy'),
  );
});

test('a model of the expected feature set loads once, its numbers exact', () => {
  const weights = { bias: -0.4, 'w=said': 0.1 + 0.2, 'w=told': 1e-7, 'w="': 0.0046 };
  writeFileSync(join(dir, 'toy.json'), formatModel(toy(featureHash(FEATURES), weights)));
  useModelsDir(dir);
  const m = loadModel<ReturnType<typeof toy>>(spec);
  assert.deepEqual(m.weights, weights);
  assert.equal(m.weights['w=said'], 0.30000000000000004);
  assert.equal(loadModel(spec), m, 'read once, then kept');
  useModelsDir(dir);
  assert.notEqual(loadModel(spec), m, 'read anew after the folder is set again');
});

test('a missing model or one of another format says how to train it', () => {
  useModelsDir(dir);
  assert.throws(
    () => loadModel({ ...spec, name: 'absent' }),
    /absent\.json cannot be read .*: train it with npm run/,
  );
  writeFileSync(
    join(dir, 'old.json'),
    JSON.stringify({ header: { ...toy('', {}).header, name: 'old', format: 0 } }),
  );
  assert.throws(() => loadModel({ ...spec, name: 'old' }), /has format 0, this code reads format 1/);
});

test('model files are written one way: keys in code-point order, header first, a trailing newline', () => {
  const a = formatModel({ z: { b: [1, 2], a: 0.5 }, header: { name: 'x' }, A: 'é' });
  const b = formatModel({ A: 'é', header: { name: 'x' }, z: { a: 0.5, b: [1, 2] } });
  assert.equal(a, b);
  assert.equal(
    a,
    '{\n  "header": {\n    "name": "x"\n  },\n  "A": "é",\n  "z": {\n    "a": 0.5,\n    "b": [1, 2]\n  }\n}\n',
  );
  assert.throws(() => formatModel({ w: Number.NaN }), /no JSON for the number NaN/);
});

test('quotes reads its models on first use, not at import, and the committed models fit the code', async () => {
  const empty = mkdtempSync(join(dir, 'empty-'));
  useModelsDir(empty);
  const { quotes } = await import('../../src/language/quotes.js');
  const article = { id: 'a', text: 'The mayor said the pier would close in May.' };
  // the first model it reads: the entity tagger (speakers are entities) or the quote cues
  assert.throws(() => quotes(article), /(ner|quote-cues)\.json cannot be read/);
  useModelsDir();
  assert.match(modelsDir(), /models\/$/);
  const found = quotes(article);
  assert.equal(found.length, 1);
  assert.equal(found[0].text, 'the pier would close in May');
});
