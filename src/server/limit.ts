/**
 * At most `max` requests in hand at once (hono middleware). Beyond that a request is refused at once with
 * 503 and `Retry-After: 1` rather than queued: a queue behind slow story pages only grows every client's wait.
 */
import type { MiddlewareHandler } from 'hono';

export function concurrencyLimit(max: number): MiddlewareHandler {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= max) {
      c.header('retry-after', '1');
      return c.json({ error: `server busy (more than ${max} requests at once); retry shortly` }, 503);
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}
