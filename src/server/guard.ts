/**
 * What keeps `newsfuse serve` from being driven by pages on other sites (hono middleware):
 * - the Host header must name this server, so a DNS-rebound name cannot read the API;
 * - a write (any method but GET, HEAD, OPTIONS) must come from this origin or from a non-browser client,
 *   carry JSON, and, when a token is set, the bearer token.
 * A browser form or a `no-cors` fetch can only send text/plain, form or multipart bodies and always sends
 * `Origin` (and `Sec-Fetch-Site` in current browsers) on a POST, so each of these checks alone stops them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import ipaddr from 'ipaddr.js';

export interface GuardOptions {
  /** The address the server listens on (default 127.0.0.1); wildcards (0.0.0.0, ::) mean every interface. */
  host?: string;
  /** The port it listens on; when absent, the port each connection arrived on (in-process: any). */
  port?: number;
  /** More names the Host header may carry (a proxy's public name): `NAME` (any port) or `NAME:PORT`. */
  allowedHosts?: string[];
  /** When set, writes need `Authorization: Bearer TOKEN`. */
  token?: string;
}

/** The media types a write body may have (JSON, or JSON Lines under its two common names). */
export const WRITE_TYPES = ['application/json', 'application/x-ndjson', 'application/jsonl'];

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const unbracket = (host: string) => host.replace(/^\[(.*)\]$/, '$1');
const bracket = (address: string) => (address.includes(':') ? `[${address}]` : address);

/** True for `localhost` and any loopback address (127.0.0.0/8, ::1, ::ffff:127.x.y.z). */
export function isLoopbackHost(host: string): boolean {
  const h = unbracket(host.trim().toLowerCase());
  if (h === 'localhost') return true;
  return ipaddr.isValid(h) && ipaddr.process(h).range() === 'loopback';
}

function isWildcardHost(host: string): boolean {
  const h = unbracket(host.trim());
  return ipaddr.isValid(h) && ipaddr.process(h).range() === 'unspecified';
}

/** `name` and optional port of a Host header value; undefined when it is not a bare host[:port]. */
export function parseHostHeader(value: string): { name: string; port?: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return undefined;
  return { name: m[1].toLowerCase(), port: m[2] === undefined ? undefined : Number(m[2]) };
}

/** The names the Host header may carry with the server's own port. */
function ownNames(listen: string): Set<string> {
  const names = new Set([bracket(unbracket(listen.trim().toLowerCase()))]);
  if (isLoopbackHost(listen) || isWildcardHost(listen)) for (const n of LOOPBACK_NAMES) names.add(n);
  if (isWildcardHost(listen))
    // An address literal cannot be rebound to another server, so every address of this machine is safe.
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) if (!a.address.includes('%')) names.add(bracket(a.address.toLowerCase()));
  return names;
}

/** The local port of the connection under @hono/node-server; undefined in-process (`app.request`). */
function connectionPort(c: Context): number | undefined {
  const env = c.env as { incoming?: { socket?: { localPort?: number } } } | undefined;
  return env?.incoming?.socket?.localPort;
}

/** The Host the request names: its header, or (in-process, where there is none) the URL's host. */
const requestHost = (c: Context) => c.req.header('host') ?? new URL(c.req.url).host;

/** Refuses (421) a request whose Host header names another server. */
export function hostGuard(options: GuardOptions = {}): MiddlewareHandler {
  const names = ownNames(options.host ?? '127.0.0.1');
  const extra = (options.allowedHosts ?? []).map((h) => parseHostHeader(h) ?? { name: h.toLowerCase() });
  return async (c, next) => {
    const header = c.req.header('host');
    // Browsers always send Host; only HTTP/1.0 tools and in-process calls have none, and neither is a page.
    if (header !== undefined) {
      const host = parseHostHeader(header);
      const port = host?.port ?? 80;
      const expected = options.port ?? connectionPort(c);
      const ok =
        host !== undefined &&
        ((names.has(host.name) && (expected === undefined || port === expected)) ||
          extra.some((e) => e.name === host.name && (e.port === undefined || e.port === port)));
      if (!ok)
        return c.json(
          { error: `host ${JSON.stringify(header)} is not this server (see --allowed-host)` },
          421,
        );
    }
    await next();
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of a presented token with the configured one (equal-length digests). */
export function tokenMatches(presented: string, token: string): boolean {
  return timingSafeEqual(digest(presented), digest(token));
}

/**
 * Whether an Origin header names the host the request went to. Ports are compared with the scheme's default
 * filled in, so `https://news.example` behind a TLS proxy matches a Host of `news.example`.
 */
function originMatches(origin: string, hostHeader: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file pages) and anything unparsable is no origin of ours
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = parseHostHeader(hostHeader);
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  return (
    host !== undefined &&
    bracket(unbracket(url.hostname)) === host.name &&
    Number(url.port || defaultPort) === (host.port ?? defaultPort)
  );
}

/** Why a write request is refused, with its status; undefined when it may proceed. */
function writeRefusal(
  c: Context,
  token: string | undefined,
): { status: 401 | 403 | 415; error: string } | undefined {
  const origin = c.req.header('origin');
  let sameOrigin = false;
  if (origin !== undefined) {
    sameOrigin = originMatches(origin, requestHost(c));
    if (!sameOrigin) return { status: 403, error: `cross-origin write refused (Origin ${origin})` };
  }
  const site = c.req.header('sec-fetch-site');
  if (site === 'cross-site' || (site === 'same-site' && !sameOrigin))
    return { status: 403, error: `cross-site write refused (Sec-Fetch-Site ${site})` };
  if (token !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!m || !tokenMatches(m[1], token))
      return { status: 401, error: 'this server needs "Authorization: Bearer TOKEN" for writes' };
  }
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (!WRITE_TYPES.includes(type))
    return {
      status: 415,
      error: `body must be ${WRITE_TYPES.join(', ')}, got ${type || 'none'}; send a page as {"html": ...} or {"text": ...}`,
    };
  return undefined;
}

/** Refuses writes from other sites (403), without the token (401) or with a non-JSON body (415). */
export function writeGuard(options: GuardOptions = {}): MiddlewareHandler {
  const token = options.token || undefined;
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const refusal = writeRefusal(c, token);
      if (refusal) {
        if (refusal.status === 401) c.header('www-authenticate', 'Bearer');
        return c.json({ error: refusal.error }, refusal.status);
      }
    }
    await next();
  };
}
