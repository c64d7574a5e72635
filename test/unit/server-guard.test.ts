/**
 * What `serve` refuses: a Host naming another server, writes from other sites, writes without the token,
 * non-JSON write bodies and mistyped records; and what it still lets through (same-origin pages, curl).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { recordTypeError } from '../../src/ingest/record.js';
import { createApp } from '../../src/server/app.js';
import { isLoopbackHost, parseHostHeader, tokenMatches } from '../../src/server/guard.js';
import { openStore } from '../../src/store/db.js';
import { counts } from '../../src/store/repository.js';
import { cli, tempDir } from '../helpers.js';

const dir = tempDir('nf-guard-');
const db = openStore(join(dir, 'guard.db'));
after(() => db.close());
const stored = () => counts(db).articles;

const HOST = '127.0.0.1:8080';
// A small post is answered when its job is done; the wait is long so that a loaded machine cannot turn it into a 202.
const app = createApp(db, { host: '127.0.0.1', port: 8080, syncWaitMs: 600_000 });

/** A record of own text, long enough to be kept as an article; `n` makes it distinct. */
const record = (n: number) => ({
  title: `Lighthouse keeper report ${n}`,
  date: '2025-05-0' + ((n % 9) + 1),
  text: `The lighthouse on Gannet Point was relit on evening ${n} after a month of repairs to its lamp and gallery. Keepers said the new lens throws its beam nine miles further out to sea than the old one did, which pilots of the night boats welcomed.`,
});

const post = (headers: Record<string, string>, body: string, target = app) =>
  target.request('/api/ingest', { method: 'POST', body, headers: { host: HOST, ...headers } });
const errorOf = async (r: Response) => ((await r.json()) as { error: string }).error;

test('Host: the listen address and the loopback names with the port pass; other names and ports are 421', async () => {
  for (const host of ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080', '[::1]:8080']) {
    const r = await app.request('/', { headers: { host } });
    assert.equal(r.status, 200, host);
  }
  for (const host of [
    'evil.example:8080',
    'evil.example',
    '127.0.0.1:9999',
    '127.0.0.1',
    'a@127.0.0.1:8080',
    '',
  ]) {
    for (const path of ['/', '/api/stories']) {
      const r = await app.request(path, { headers: { host } });
      assert.equal(r.status, 421, `${host} ${path}`);
      assert.match(await errorOf(r), /not this server/);
      // Refusals carry the security headers too.
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
    }
  }
  const before = stored();
  const rebound = await post({ host: 'rebound.example:8080', 'content-type': 'application/json' }, '{}');
  assert.equal(rebound.status, 421);
  assert.equal(stored(), before);
});

test('Host: --allowed-host names pass (any port, or the one given); a wildcard listen takes the loopback names', async () => {
  const proxied = createApp(db, { port: 8080, allowedHosts: ['news.example.org', 'Proxy.example:8443'] });
  const status = async (target: typeof app, host: string) =>
    (await target.request('/', { headers: { host } })).status;
  assert.equal(await status(proxied, 'news.example.org'), 200);
  assert.equal(await status(proxied, 'news.example.org:3000'), 200);
  assert.equal(await status(proxied, 'proxy.example:8443'), 200);
  assert.equal(await status(proxied, 'proxy.example'), 421);
  assert.equal(await status(proxied, 'other.example.org'), 421);
  const wildcard = createApp(db, { host: '0.0.0.0', port: 8080, token: 't' });
  assert.equal(await status(wildcard, 'localhost:8080'), 200);
  assert.equal(await status(wildcard, 'evil.example:8080'), 421);
  // In-process, with no port configured and no connection, any port of a loopback name passes.
  assert.equal(await status(createApp(db), 'localhost:1234'), 200);
  assert.equal(await status(createApp(db), 'evil.example:1234'), 421);
});

test('writes: a curl-like post (no Origin, no Sec-Fetch) and a same-origin browser post are stored', async () => {
  const before = stored();
  const curl = await post({ 'content-type': 'application/json' }, JSON.stringify(record(1)));
  assert.equal(curl.status, 200, await curl.clone().text());
  const browser = await post(
    {
      'content-type': 'application/json; charset=utf-8',
      origin: `http://${HOST}`,
      'sec-fetch-site': 'same-origin',
      'sec-fetch-mode': 'cors',
    },
    JSON.stringify(record(2)),
  );
  assert.equal(browser.status, 200, await browser.clone().text());
  const lines = [record(3), record(4)].map((r) => JSON.stringify(r)).join('\n');
  for (const type of ['application/x-ndjson', 'application/jsonl']) {
    const r = await post({ 'content-type': type }, `${lines}\n`);
    assert.equal(r.status, 200, type);
  }
  assert.equal(stored(), before + 4);
});

test('writes from other sites are 403: foreign or null Origin, Sec-Fetch-Site cross-site or same-site', async () => {
  const before = stored();
  const body = JSON.stringify(record(5));
  const refused: Record<string, string>[] = [
    { origin: 'http://127.0.0.1:9999', 'sec-fetch-site': 'same-site' },
    { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    { origin: 'http://evil.example' },
    { origin: 'null' },
    { origin: `https://${HOST}.evil.example` },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ];
  for (const headers of refused) {
    const r = await post({ 'content-type': 'application/json', ...headers }, body);
    assert.equal(r.status, 403, JSON.stringify(headers));
    assert.match(await errorOf(r), /cross-(origin|site) write refused/);
  }
  assert.equal(stored(), before);
});

test('write bodies other than JSON / JSON Lines are 415: the text/plain form and no-cors fetch of the attack', async () => {
  const before = stored();
  for (const type of [
    'text/plain',
    'text/plain;charset=UTF-8',
    'text/plain; application/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/html',
    '',
  ]) {
    const r = await post(type ? { 'content-type': type } : {}, JSON.stringify(record(6)));
    assert.equal(r.status, 415, type);
    assert.match(await errorOf(r), /\{"html": \.\.\.\}/);
  }
  assert.equal(stored(), before);
});

test('token: writes need the right bearer token (401 otherwise); reads stay open', async () => {
  const guarded = createApp(db, { port: 8080, token: 'harbour-lamp-7' });
  const before = stored();
  const body = JSON.stringify(record(7));
  for (const authorization of [
    undefined,
    'Bearer wrong',
    'Bearer harbour-lamp-',
    'Basic harbour-lamp-7',
    'Bearer ',
  ]) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== undefined) headers.authorization = authorization;
    const r = await post(headers, body, guarded);
    assert.equal(r.status, 401, String(authorization));
    assert.equal(r.headers.get('www-authenticate'), 'Bearer');
  }
  assert.equal(stored(), before);
  const ok = await post(
    { 'content-type': 'application/json', authorization: 'bearer harbour-lamp-7' },
    body,
    guarded,
  );
  assert.equal(ok.status, 200);
  assert.equal(stored(), before + 1);
  assert.equal((await guarded.request('/api/stories', { headers: { host: HOST } })).status, 200);
  // The token does not replace the cross-site checks.
  const crossSite = await post(
    {
      'content-type': 'application/json',
      authorization: 'Bearer harbour-lamp-7',
      origin: 'http://evil.example',
    },
    body,
    guarded,
  );
  assert.equal(crossSite.status, 403);
  assert.equal(tokenMatches('abc', 'abc'), true);
  assert.equal(tokenMatches('abc', 'abcd'), false);
});

test('mistyped records are 400 naming the field, never 500; a bad record stores none of its batch', async () => {
  const before = stored();
  const cases: [string, string, RegExp][] = [
    ['application/json', '{"html":5}', /^record 1: "html" must be a string, got number$/],
    ['application/json', '{"text":null}', /^record 1: "text" must be a string, got null$/],
    ['application/json', '[1, 2]', /^record 1: must be a JSON object, got number$/],
    ['application/json', '[null]', /^record 1: must be a JSON object, got null$/],
    ['application/json', '"text"', /^record 1: must be a JSON object, got string$/],
    ['application/json', '{"text":{"p":"x"}}', /"text" must be a string, got object/],
    [
      'application/json',
      `[${JSON.stringify(record(8))}, {"title": ["x"], "text": "y"}]`,
      /^record 2: "title" must be a string, got an array$/,
    ],
    [
      'application/json',
      JSON.stringify({ ...record(8), date: 20250501 }),
      /"date" must be a string, got number/,
    ],
    ['application/json', '{"title":"no body","text":"  "}', /needs a non-blank "text" or "html"/],
    ['application/json', '[]', /no records/],
    [
      'application/x-ndjson',
      `${JSON.stringify(record(8))}\n{"html":true}\n`,
      /^line 2: "html" must be a string, got boolean$/,
    ],
    ['application/x-ndjson', `${JSON.stringify(record(8))}\n{"html":`, /^line 2: malformed JSON/],
    [
      'application/x-ndjson',
      `[${JSON.stringify(record(8))}]`,
      /^line 1: must be a JSON object, got an array$/,
    ],
  ];
  for (const [type, body, message] of cases) {
    const r = await post({ 'content-type': type }, body);
    assert.equal(r.status, 400, body);
    assert.match(await errorOf(r), message);
  }
  assert.equal(stored(), before);
  assert.equal(recordTypeError({ text: 'x', extra: 5 }), undefined, 'unknown fields are not checked');
});

test('loopback and Host parsing; serve refuses a non-loopback --host without a token (exit 2)', async () => {
  for (const h of ['localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1'])
    assert.equal(isLoopbackHost(h), true, h);
  for (const h of ['0.0.0.0', '::', '192.168.1.20', 'news.example.org', 'localhost.evil.example'])
    assert.equal(isLoopbackHost(h), false, h);
  assert.deepEqual(parseHostHeader('[::1]:8080'), { name: '[::1]', port: 8080 });
  assert.deepEqual(parseHostHeader('Example.ORG'), { name: 'example.org', port: undefined });
  assert.equal(parseHostHeader('user@example.org'), undefined);

  const saved = process.env.NEWSFUSE_TOKEN;
  delete process.env.NEWSFUSE_TOKEN;
  try {
    const r = await cli(['serve', '--db', join(dir, 'never.db'), '--host', '0.0.0.0', '--port', '1']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--host 0\.0\.0\.0 .*--token or NEWSFUSE_TOKEN/);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  } finally {
    if (saved !== undefined) process.env.NEWSFUSE_TOKEN = saved;
  }
});
