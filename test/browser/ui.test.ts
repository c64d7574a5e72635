/**
 * The web UI in a real browser (Debian's chromium driven by playwright-core), over a store of the example
 * pages. Skips with an install hint when the browser is missing.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readSources } from '../../src/feeds/index.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/db.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { examplesDir, launchChromium, NO_BROWSER, repoRoot, serveOnLoopback, tempDir } from '../helpers.js';

let db: ReturnType<typeof openStore> | undefined;
let close: (() => void) | undefined;
let base = '';
before(async () => {
  if (NO_BROWSER) return;
  db = openStore(join(tempDir('nf-ui-'), 'ui.db'));
  ingestDocuments(db, (await readSources([examplesDir])).docs);
  ({ base, close } = await serveOnLoopback(createApp(db).fetch));
});
after(() => {
  close?.();
  db?.close();
});

test('browser: list, search "Calderwick", open the story, click a citation, the cited paragraph is highlighted', {
  skip: NO_BROWSER,
}, async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    assert.equal(await page.locator('ul.stories li').count(), 2);
    await page.fill('input[type=search]', 'Calderwick');
    await page.click('button[type=submit]');
    await page.waitForURL(/\?q=Calderwick/);
    assert.equal(await page.locator('ul.stories li').count(), 1);
    const link = page.locator('ul.stories li a').first();
    // The story is named by its news headline, not by the explainer "Quay fire: what we know so far" (issue 19).
    assert.match((await link.textContent()) ?? '', /Calderwick grain store/);
    await link.click();
    await page.waitForURL(/\/stories\//);
    assert.equal((await page.locator('ul.summary li').count()) > 0, true);
    const cite = page.locator('ul.summary a.cite').first();
    const target = ((await cite.getAttribute('href')) ?? '').slice(1);
    assert.match(target, /^src\d+-p\d+$/);
    await cite.click();
    await page.waitForURL(new RegExp(`#${target}$`));
    const paragraph = page.locator(`[id="${target}"]`);
    const background = await paragraph.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(background, 'rgb(255, 243, 176)', 'the cited paragraph is highlighted');
    assert.ok(((await paragraph.textContent()) ?? '').length > 20);
    mkdirSync(`${repoRoot}test-results`, { recursive: true });
    await page.screenshot({ path: `${repoRoot}test-results/story-citation.png`, fullPage: false });
  } finally {
    await browser.close();
  }
});
