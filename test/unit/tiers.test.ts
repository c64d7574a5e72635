/**
 * The test tiers: `npm test` runs test/unit, `npm run test:data` test/data, `npm run test:browser`
 * test/browser, `npm run test:services` test/services. A test file anywhere else would silently run in no
 * tier, so none may be.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoRoot } from '../helpers.js';

const TIERS = ['unit', 'data', 'browser', 'services'];

test('every test file sits in a tier folder (test/unit, test/data, test/browser or test/services)', () => {
  const stray = readdirSync(`${repoRoot}test`, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => !TIERS.some((tier) => f.startsWith(`${tier}/`)) || f.split('/').length > 2);
  assert.deepEqual(stray, [], 'move them into a tier folder (npm test only runs test/unit/*.test.ts)');
});

test('the test scripts run exactly the tier folders', () => {
  const { scripts } = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as {
    scripts: Record<string, string>;
  };
  assert.match(scripts.test, / test\/unit\/\*\.test\.ts$/);
  assert.match(scripts['test:data'], / test\/data\/\*\.test\.ts$/);
  assert.match(scripts['test:browser'], / test\/browser\/\*\.test\.ts$/);
  assert.match(scripts['test:services'], / test\/services\/\*\.test\.ts$/);
});
