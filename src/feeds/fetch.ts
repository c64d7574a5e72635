/**
 * Fetching pages and feeds safely: http(s) only, a timeout, a size limit, a redirect limit, and no
 * connection to a private, loopback or other non-public address unless allowed (a feed must not be able to
 * make newsfuse probe the local network).
 *
 * The address check runs on the address each connection is made to, not on the host name: the socket gets
 * its addresses from `guardedLookup`, which resolves the name, checks every answer and only then hands them
 * over, so a name that resolves to a public address when checked and to 127.0.0.1 a moment later (DNS
 * rebinding) gets no second chance. IP literals never reach a lookup function (net.connect skips it), so they
 * are checked directly. Every redirect is a new request and so a new check.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type AddressPolicy, type AddressVerdict, addressAllowed } from './address-guard.js';
import { readBody } from './response-body.js';

export {
  type AddressPolicy,
  type AddressVerdict,
  addressAllowed,
  isPrivateAddress,
} from './address-guard.js';

/** Resolves a host name to all its addresses. */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  allowPrivate?: boolean;
  /** How host names become addresses; the system resolver unless a test gives its own. */
  resolve?: Resolver;
  /** Which addresses may be connected to; `addressAllowed` unless a test gives its own. Ignored with `allowPrivate`. */
  addressPolicy?: AddressPolicy;
}

export interface Fetched {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

const systemResolve: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, answers) =>
      error ? reject(error) : resolve(answers.map((answer) => answer.address)),
    ),
  );

const anyAddress = (): AddressVerdict => true;

function refused(href: string, address: string, reason: string): Error {
  return new Error(
    `${href}: refusing a private or loopback address (use --allow-private): ${address} (${reason})`,
  );
}

/** The first address of `addresses` that `policy` refuses, as an error, or null when all may be used. */
function refusal(href: string, addresses: string[], policy: AddressPolicy): Error | null {
  for (const address of addresses) {
    const verdict = policy(address);
    if (verdict !== true) return refused(href, address, verdict);
  }
  return null;
}

/**
 * A lookup function for one request's socket: it resolves the name, refuses the whole answer if any
 * address in it is refused (the socket may try each of them), and only then gives the addresses to the
 * socket, so the socket connects only to addresses that were checked.
 */
function guardedLookup(href: string, resolve: Resolver, policy: AddressPolicy): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolve(hostname).then(
      (answers) => {
        const error = refusal(href, answers, policy);
        if (error) return callback(error, '');
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable: LookupAddress[] = answers
          .map((address) => ({ address, family: isIP(address) }))
          .filter((answer) => answer.family !== 0 && (family === 0 || answer.family === family));
        if (usable.length === 0)
          return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, usable);
        else callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/** Starts a GET of `url` whose socket connects only to addresses `policy` allows; resolves with the response head. */
function get(
  url: URL,
  resolve: Resolver,
  policy: AddressPolicy,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(hostname)) {
    const error = refusal(url.href, [hostname], policy);
    if (error) return Promise.reject(error);
  }
  return new Promise((resolveResponse, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      {
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: {
          host: url.host,
          'user-agent': 'newsfuse (+offline news briefs)',
          accept: '*/*',
          'accept-encoding': 'gzip, deflate, br',
        },
        // A fresh connection for every request: a pooled socket would skip the lookup, and with it the check.
        agent: false,
        lookup: guardedLookup(url.href, resolve, policy),
        signal,
      },
      resolveResponse,
    );
    request.on('error', reject);
    request.end();
  });
}

export async function safeFetch(href: string, options: FetchOptions = {}): Promise<Fetched> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const resolve = options.resolve ?? systemResolve;
  const policy = options.allowPrivate ? anyAddress : (options.addressPolicy ?? addressAllowed);
  let url = new URL(href);
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new Error(`${url.href}: only http and https are fetched`);
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    try {
      const response = await get(url, resolve, policy, timeout.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.destroy();
        url = new URL(location, url);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new Error(`${url.href}: HTTP ${status}`);
      }
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > maxBytes) {
        response.destroy();
        throw new Error(`${url.href}: larger than ${maxBytes} bytes`);
      }
      const encoding = response.headers['content-encoding'];
      const bytes = await readBody(response, encoding, maxBytes, url.href, timeout.signal);
      return { url: url.href, contentType: response.headers['content-type'] ?? '', bytes };
    } catch (error) {
      if (timeout.signal.aborted) throw new Error(`${url.href}: no complete answer within ${timeoutMs} ms`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
  throw new Error(`${href}: too many redirects`);
}
