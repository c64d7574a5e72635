/**
 * Fetching pages and feeds safely: http(s) only, a timeout, a size limit, a redirect limit, and no
 * requests to private, loopback or link-local addresses unless allowed (a feed must not be able to make
 * newsfuse probe the local network).
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  allowPrivate?: boolean;
}

export interface Fetched {
  url: string;
  contentType: string;
  bytes: Uint8Array;
}

/** Addresses that belong to this machine or its network. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || v6 === '::' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}

async function checkHost(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${url.href}: only http and https are fetched`);
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  if (addresses.some(isPrivateAddress))
    throw new Error(`${url.href}: refusing a private or loopback address (use --allow-private)`);
}

export async function safeFetch(href: string, options: FetchOptions = {}): Promise<Fetched> {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  let url = new URL(href);
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop++) {
    await checkHost(url, options.allowPrivate ?? false);
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      headers: { 'user-agent': 'newsfuse (+offline news briefs)' },
    });
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      url = new URL(response.headers.get('location')!, url);
      continue;
    }
    if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > maxBytes) throw new Error(`${url.href}: larger than ${maxBytes} bytes`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) throw new Error(`${url.href}: larger than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
    return {
      url: url.href,
      contentType: response.headers.get('content-type') ?? '',
      bytes: Buffer.concat(chunks),
    };
  }
  throw new Error(`${href}: too many redirects`);
}
