import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { serve } from '@hono/node-server';
import { chromium } from 'playwright-core';
import { readSources } from '../src/feeds/index.js';
import { createApp } from '../src/server/app.js';
import { openStore } from '../src/store/db.js';
import { ingestDocuments } from '../src/store/ingest.js';
import { repoRoot, samplesDir } from './helpers.js';

const db = openStore(join(mkdtempSync(join(tmpdir(), 'nf-ui-')), 'ui.db'));
ingestDocuments(db, (await readSources([samplesDir])).docs);
const server = serve({ fetch: createApp(db).fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  server.close();
  db.close();
});

test('browser: list, search "Ankara", open the story, click a citation, the cited paragraph is highlighted', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    assert.equal(await page.locator('ul.stories li').count(), 1);
    await page.fill('input[type=search]', 'Ankara');
    await page.click('button[type=submit]');
    await page.waitForURL(/\?q=Ankara/);
    const link = page.locator('ul.stories li a').first();
    assert.match((await link.textContent()) ?? '', /talks/i);
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
