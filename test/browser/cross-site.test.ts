/**
 * The cross-site attack on `serve`, replayed in a real browser (Debian's chromium driven by playwright-core):
 * a page on another loopback port posts a record to POST /api/ingest with a text/plain form, a `no-cors`
 * fetch and a CORS fetch. The server must see and refuse the first two (the third dies at the preflight)
 * and the store must not change; the same post from the server's own page is stored, so the check can fail.
 * Skips with an install hint when the browser is missing.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serve } from '@hono/node-server';
import { readSources } from '../../src/feeds/index.js';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/db.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { counts } from '../../src/store/repository.js';
import { examplesDir, launchChromium, NO_BROWSER, tempDir } from '../helpers.js';

/** The planted record: own words, long enough to be kept as an article. */
const planted = {
  title: 'Quay fire was staged, officials admit',
  text: 'Officials admitted on Friday that the quay fire had been staged for a film crew and that nobody was ever in danger. The statement was read out at the harbour office and copies were handed to every reporter who attended.',
};

let db: ReturnType<typeof openStore> | undefined;
let server: ReturnType<typeof serve> | undefined;
let attacker: Server | undefined;
let target = '';
let attackerBase = '';
/** Every POST the newsfuse server answered: its status and the Origin it carried. */
const posts: { status: number; origin?: string; type?: string }[] = [];

/** The attacker's page: a text/plain form whose one field spells the record as JSON, as in the report. */
function attackPage(action: string): string {
  const json = JSON.stringify(planted);
  // enctype=text/plain sends "name=value": the name carries the JSON up to a dummy field the "=" falls in.
  const name = `${json.slice(0, -1)},"pad":"`;
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return `<!doctype html><title>cats</title>
<form method="post" enctype="text/plain" action="${action}"><input name='${attr(name)}' value='"}'></form>`;
}

before(async () => {
  if (NO_BROWSER) return;
  db = openStore(join(tempDir('nf-xsite-'), 'xsite.db'));
  ingestDocuments(db, (await readSources([examplesDir])).docs);
  const app = createApp(db);
  server = serve({
    fetch: async (req, env) => {
      const res = await app.fetch(req, env);
      if (req.method === 'POST')
        posts.push({
          status: res.status,
          origin: req.headers.get('origin') ?? undefined,
          type: req.headers.get('content-type') ?? undefined,
        });
      return res;
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((r) => server?.once('listening', r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackPage(`${target}/api/ingest`));
  });
  await new Promise<void>((r) => attacker?.listen(0, '127.0.0.1', r));
  attackerBase = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
after(() => {
  attacker?.close();
  server?.close();
  db?.close();
});

test('browser: a page on another port cannot store a record by form, no-cors or CORS fetch; the own page can', {
  skip: NO_BROWSER,
}, async () => {
  assert.ok(db);
  const browser = await launchChromium();
  const before = counts(db).articles;
  try {
    const page = await browser.newPage();
    await page.goto(`${attackerBase}/`);

    // 1. The no-cors fetch: the browser sends it (as text/plain) but hides the answer from the page.
    await page.evaluate(
      async ([url, body]) => {
        await fetch(url, {
          method: 'POST',
          mode: 'no-cors',
          headers: { 'content-type': 'application/json' },
          body,
        });
      },
      [`${target}/api/ingest`, JSON.stringify(planted)] as const,
    );
    // 2. A CORS fetch with a JSON type: the preflight gets no CORS answer, so the POST is never sent.
    const cors = await page.evaluate(
      async ([url, body]) => {
        try {
          await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          return 'sent';
        } catch {
          return 'blocked';
        }
      },
      [`${target}/api/ingest`, JSON.stringify(planted)] as const,
    );
    assert.equal(cors, 'blocked');
    // 3. The text/plain form, submitted as a top-level navigation.
    const answered = page.waitForResponse((r) => r.url() === `${target}/api/ingest`);
    await page.evaluate(() => document.forms[0].submit());
    assert.equal((await answered).status(), 403);

    assert.equal(counts(db).articles, before, 'nothing stored from the other origin');
    assert.equal(posts.length, 2, 'the form and the no-cors fetch reached the server');
    for (const p of posts) {
      assert.equal(p.status, 403);
      assert.equal(p.origin, attackerBase);
      assert.match(p.type ?? '', /^text\/plain/);
    }

    // The control: the same record posted by a page of the server itself is stored. Our pages' CSP allows
    // no fetch at all (connect-src falls back to 'none'), so this context bypasses CSP to send one.
    const ownContext = await browser.newContext({ bypassCSP: true });
    const ownPage = await ownContext.newPage();
    await ownPage.goto(`${target}/`);
    const own = await ownPage.evaluate(
      async (body) =>
        (
          await fetch('/api/ingest', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          })
        ).status,
      JSON.stringify(planted),
    );
    assert.equal(own, 200);
    assert.equal(counts(db).articles, before + 1);
    assert.deepEqual(posts.at(-1), { status: 200, origin: target, type: 'application/json' });
  } finally {
    await browser.close();
  }
});
