import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { type AddressVerdict, addressAllowed, type Resolver, safeFetch } from '../../src/feeds/fetch.js';

// Every server here listens on a loopback address and records what reaches it. The refusal tests prove
// that a refused fetch sent nothing by finding the private server's record empty; the allowPrivate tests
// prove the same URLs do reach it, so an empty record means something.

interface Recorder {
  server: Server;
  port: number;
  seen: string[];
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

function listen(host: string, port: number, handler: Handler): Promise<Recorder> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(request.url ?? '');
    handler(request, response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, seen, port: typeof address === 'object' && address ? address.port : port });
    });
  });
}

function close(recorder: Recorder | undefined): Promise<void> {
  if (!recorder) return Promise.resolve();
  recorder.server.closeAllConnections();
  return new Promise((resolve) => recorder.server.close(() => resolve()));
}

const privateBody = 'the private server answered';
const publicBody = 'the stand-in for a public server answered';

let private4: Recorder;
let private6: Recorder | undefined; // on ::1, when this machine has IPv6 loopback
let standIn: Recorder; // on 127.0.0.2: plays a public server for the injected policy below
let redirectTo = '';

/** The address policy newsfuse uses, except that 127.0.0.2 counts as public (the test's "internet"). */
const standInPublic = (address: string): AddressVerdict =>
  address === '127.0.0.2' ? true : addressAllowed(address);

const refusedPattern = /refusing a private or loopback address \(use --allow-private\)/;

before(async () => {
  private4 = await listen('127.0.0.1', 0, (_request, response) => response.end(privateBody));
  try {
    private6 = await listen('::1', 0, (_request, response) => response.end(privateBody));
  } catch {
    private6 = undefined;
  }
  // Same port as the private server, so one URL reaches either, depending on the address it resolves to.
  standIn = await listen('127.0.0.2', private4.port, (request, response) => {
    if (request.url === '/redirect') response.writeHead(302, { location: redirectTo }).end();
    else response.end(publicBody);
  });
});

after(async () => {
  await close(private4);
  await close(private6);
  await close(standIn);
});

const forgetRequests = () => {
  for (const recorder of [private4, private6, standIn]) if (recorder) recorder.seen.length = 0;
};

test('addressAllowed lets public unicast addresses through', () => {
  for (const address of [
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '2001:4860::8888',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
  ])
    assert.equal(addressAllowed(address), true, address);
});

test('addressAllowed refuses every non-public range, with the reason', () => {
  const cases: [string, RegExp][] = [
    ['127.0.0.1', /^loopback$/],
    ['127.255.0.9', /^loopback$/],
    ['0.0.0.0', /^unspecified$/],
    ['0.12.0.1', /^unspecified$/],
    ['10.1.2.3', /^private$/],
    ['172.20.1.1', /^private$/],
    ['192.168.0.7', /^private$/],
    ['169.254.169.254', /^link-local$/],
    ['100.64.0.1', /^carrier-grade NAT$/],
    ['100.127.255.254', /^carrier-grade NAT$/],
    ['224.0.0.1', /^multicast$/],
    ['255.255.255.255', /^broadcast$/],
    ['240.0.0.1', /^reserved$/],
    ['192.0.2.10', /^reserved$/],
    ['::1', /^loopback$/],
    ['::', /^unspecified$/],
    ['fe80::1', /^link-local$/],
    ['fe80::1%eth0', /^link-local$/],
    ['fd00::1', /^unique-local$/],
    ['fc00::1', /^unique-local$/],
    ['fec0::1', /^site-local$/],
    ['ff02::1', /^multicast$/],
    ['2001:db8::1', /^reserved$/],
    ['4000::1', /^outside global unicast$/],
    ['::ffff:127.0.0.1', /^IPv4-mapped 127\.0\.0\.1: loopback$/],
    ['::ffff:7f00:1', /^IPv4-mapped 127\.0\.0\.1: loopback$/],
    ['0:0:0:0:0:ffff:a00:1', /^IPv4-mapped 10\.0\.0\.1: private$/],
    ['::ffff:0:a9fe:a9fe', /^IPv4-translated 169\.254\.169\.254: link-local$/],
    ['::127.0.0.1', /^IPv4-compatible 127\.0\.0\.1/],
    ['::7f00:1', /^IPv4-compatible 127\.0\.0\.1/],
    // Deprecated, so refused even around a public address (Node prints such addresses dotted).
    ['::8.8.8.8', /^IPv4-compatible 8\.8\.8\.8/],
    ['64:ff9b::7f00:1', /^NAT64 127\.0\.0\.1: loopback$/],
    ['64:ff9b::192.168.1.1', /^NAT64 192\.168\.1\.1: private$/],
    ['64:ff9b:1::8.8.8.8', /^local-use NAT64$/],
    ['2002:7f00:1::', /^6to4 127\.0\.0\.1: loopback$/],
    ['2002:a00:1::5', /^6to4 10\.0\.0\.1: private$/],
    // Teredo: server 8.8.8.8, client 127.0.0.1 stored with its bits flipped (80ff:fffe).
    ['2001:0:808:808::80ff:fffe', /^Teredo client 127\.0\.0\.1: loopback$/],
    ['2001:0:a00:1::f7f7:f7f7', /^Teredo server 10\.0\.0\.1: private$/],
    ['localhost', /^not an IP address$/],
    ['', /^not an IP address$/],
  ];
  for (const [address, reason] of cases) {
    const verdict = addressAllowed(address);
    assert.notEqual(verdict, true, address);
    assert.match(String(verdict), reason, address);
  }
  // Only the flipped Teredo client is loopback; the same bits unflipped are a public address.
  assert.equal(addressAllowed('2001:0:808:808::f7f7:f7f7'), true);
});

test('with allowPrivate the loopback server is reached under each spelling (so the refusals below mean something)', async () => {
  forgetRequests();
  const port = private4.port;
  for (const host of ['127.0.0.1', '2130706433', '[::ffff:127.0.0.1]', '0.0.0.0', 'localhost']) {
    const fetched = await safeFetch(`http://${host}:${port}/allowed`, { allowPrivate: true });
    assert.equal(Buffer.from(fetched.bytes).toString(), privateBody, host);
  }
  assert.equal(private4.seen.length, 5);
  if (private6) {
    const fetched = await safeFetch(`http://[::1]:${private6.port}/allowed`, { allowPrivate: true });
    assert.equal(Buffer.from(fetched.bytes).toString(), privateBody);
    assert.ok(private6.seen.includes('/allowed'));
  }
});

test('every spelling of a loopback or private address is refused before anything is sent', async () => {
  forgetRequests();
  const port = private4.port;
  const hosts = [
    '127.0.0.1',
    '127.1',
    '2130706433',
    '0x7f000001',
    '0177.0.0.1',
    '127.0.0.1.',
    'localhost',
    '[::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '[0:0:0:0:0:ffff:127.0.0.1]',
    '[::127.0.0.1]',
    '[64:ff9b::7f00:1]',
    '[2002:7f00:1::]',
    '0.0.0.0',
    '0',
  ];
  for (const host of hosts) {
    const url = `http://${host}:${port}/secret`;
    await assert.rejects(safeFetch(url), refusedPattern, url);
  }
  if (private6)
    await assert.rejects(
      safeFetch(`http://[::1]:${private6.port}/secret`),
      refusedPattern,
      '[::1] on its port',
    );
  assert.deepEqual(private4.seen, []);
  assert.deepEqual(private6?.seen ?? [], []);
});

test('a redirect from an allowed server to a private address is refused at the second hop', async () => {
  const resolve: Resolver = async (hostname) => {
    assert.equal(hostname, 'intranet.test');
    return ['127.0.0.1'];
  };
  for (const target of [
    `http://127.0.0.1:${private4.port}/secret`,
    `http://[::ffff:7f00:1]:${private4.port}/secret`,
    `http://intranet.test:${private4.port}/secret`,
  ]) {
    forgetRequests();
    redirectTo = target;
    await assert.rejects(
      safeFetch(`http://127.0.0.2:${standIn.port}/redirect`, { addressPolicy: standInPublic, resolve }),
      refusedPattern,
      target,
    );
    assert.deepEqual(standIn.seen, ['/redirect'], target);
    assert.deepEqual(private4.seen, [], target);
  }
  redirectTo = 'file:///etc/passwd';
  await assert.rejects(
    safeFetch(`http://127.0.0.2:${standIn.port}/redirect`, { addressPolicy: standInPublic }),
    /only http and https/,
  );
});

test('DNS rebinding: the address checked is the address connected to', async () => {
  forgetRequests();
  // The name resolves to the "public" stand-in once, then to the private server: the old check looked the
  // name up, and the request looked it up again.
  let calls = 0;
  const rebinding: Resolver = async () => (++calls === 1 ? ['127.0.0.2'] : ['127.0.0.1']);
  const options = { addressPolicy: standInPublic, resolve: rebinding };
  const url = `http://news.test:${private4.port}/page`;
  const fetched = await safeFetch(url, options);
  assert.equal(Buffer.from(fetched.bytes).toString(), publicBody);
  assert.equal(calls, 1, 'one resolution per connection, and it is the one checked');
  await assert.rejects(safeFetch(url, options), refusedPattern);
  assert.deepEqual(standIn.seen, ['/page']);
  assert.deepEqual(private4.seen, []);
  // An answer with one allowed and one refused address is refused whole: the socket may try either.
  const mixed: Resolver = async () => ['127.0.0.2', '127.0.0.1'];
  await assert.rejects(safeFetch(url, { addressPolicy: standInPublic, resolve: mixed }), refusedPattern);
  assert.deepEqual(standIn.seen, ['/page']);
  assert.deepEqual(private4.seen, []);
});

test('fetching keeps its limits: encodings, decoded size, raw size, redirects, timeout', async () => {
  const text = 'A short feed about a harbour fire, repeated so it compresses well. '.repeat(200);
  const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros in about 64 KiB
  const bodies: Record<string, [string | undefined, Buffer]> = {
    '/plain': [undefined, Buffer.from(text)],
    '/gzip': ['gzip', zlib.gzipSync(text)],
    '/deflate': ['deflate', zlib.deflateSync(text)],
    '/raw-deflate': ['deflate', zlib.deflateRawSync(text)],
    '/br': ['br', zlib.brotliCompressSync(text)],
    '/stacked': ['deflate, gzip', zlib.gzipSync(zlib.deflateSync(text))],
    '/bomb': ['gzip', bomb],
    '/unknown': ['zstd', Buffer.from(text)],
    '/corrupt': ['gzip', Buffer.from('not gzip data at all')],
  };
  const local = await listen('127.0.0.1', 0, (request, response) => {
    const path = request.url ?? '';
    if (path === '/loop') return void response.writeHead(302, { location: '/loop' }).end();
    if (path === '/silent') return; // never answers
    const [encoding, body] = bodies[path] ?? [undefined, Buffer.alloc(0)];
    response.writeHead(200, {
      'content-type': 'text/plain',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    response.end(body);
  });
  try {
    const base = `http://127.0.0.1:${local.port}`;
    const options = { allowPrivate: true };
    for (const path of ['/plain', '/gzip', '/deflate', '/raw-deflate', '/br', '/stacked']) {
      const fetched = await safeFetch(`${base}${path}`, options);
      assert.equal(Buffer.from(fetched.bytes).toString(), text, path);
      assert.equal(fetched.contentType, 'text/plain');
      assert.equal(fetched.url, `${base}${path}`);
    }
    const started = Date.now();
    await assert.rejects(
      safeFetch(`${base}/bomb`, { ...options, maxBytes: 1024 * 1024 }),
      /larger than 1048576 bytes/,
    );
    assert.ok(Date.now() - started < 5000, 'the bomb is dropped at the limit, not inflated whole');
    await assert.rejects(safeFetch(`${base}/plain`, { ...options, maxBytes: 100 }), /larger than 100 bytes/);
    await assert.rejects(safeFetch(`${base}/unknown`, options), /unsupported content encoding zstd/);
    await assert.rejects(safeFetch(`${base}/corrupt`, options));
    await assert.rejects(safeFetch(`${base}/loop`, { ...options, maxRedirects: 3 }), /too many redirects/);
    assert.equal(local.seen.filter((path) => path === '/loop').length, 4);
    await assert.rejects(safeFetch(`${base}/silent`, { ...options, timeoutMs: 200 }), /within 200 ms/);
  } finally {
    await close(local);
  }
});
