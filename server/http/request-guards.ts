/**
 * What every request passes before a route sees it: Hono's `secure-headers`; for every
 * state-changing request (any method but GET, HEAD, OPTIONS) Hono's `csrf` (a form-like body is
 * refused unless `Sec-Fetch-Site: same-origin` or an allowed `Origin`), then our own rules — an
 * `Origin` that is present must be allowed (403), the body must be `application/json` (415, even
 * when empty: a `no-cors` fetch or an HTML form cannot send that type) — and Hono's `body-limit`
 * (413). The websocket upgrade checks `Origin` the same way (`requireAllowedOrigin`).
 *
 * Allowed origins: the server's own (scheme and `Host` of the request; behind a trusted proxy,
 * `X-Forwarded-Proto` and `X-Forwarded-Host`) and those listed in PLENIPO_ORIGINS. A request
 * without `Origin` is not from a browser page (browsers send it on every POST and websocket), so
 * it is let through: CSRF needs a browser carrying the victim's cookie.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv, SecurityPolicy } from './env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin this request was addressed to (`https://host:port`), as the browser sees it. */
export function ownOrigin(c: Context<AppEnv>, policy: SecurityPolicy): string {
  const url = new URL(c.req.url);
  if (!policy.trustProxy) return url.origin;
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0].trim();
  const host = c.req.header('x-forwarded-host')?.split(',')[0].trim();
  return `${proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)}://${host || url.host}`;
}

/** True when the request came over HTTPS (directly, or per `X-Forwarded-Proto` from a trusted proxy). */
export function isHttps(c: Context<AppEnv>, policy: SecurityPolicy): boolean {
  return ownOrigin(c, policy).startsWith('https:');
}

/** True when `origin` is the server's own or one of PLENIPO_ORIGINS. */
export function isAllowedOrigin(origin: string, c: Context<AppEnv>, policy: SecurityPolicy): boolean {
  return origin === ownOrigin(c, policy) || policy.origins.includes(origin);
}

/** The client's address (the first `X-Forwarded-For` entry behind a trusted proxy), or "unknown" without a socket. */
export function clientAddress(c: Context<AppEnv>, policy: SecurityPolicy): string {
  if (policy.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0].trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** Refuse (403) a request whose `Origin` header is present and not allowed. */
export function requireAllowedOrigin(c: Context<AppEnv>, policy: SecurityPolicy): void {
  const origin = c.req.header('origin');
  if (origin !== undefined && !isAllowedOrigin(origin, c, policy)) {
    throw new HTTPException(403, { message: `Requests from ${JSON.stringify(origin)} are refused: only pages of this server may do this` });
  }
}

/** True when the content type is JSON (`application/json`, any parameters). */
function isJson(contentType: string | undefined): boolean {
  return !!contentType && /^application\/json\s*(;|$)/i.test(contentType);
}

/** The middlewares every request passes, in order; mount them with `app.use('*', ...)`. */
export function requestGuards(policy: SecurityPolicy): MiddlewareHandler<AppEnv>[] {
  const csrfCheck = csrf({ origin: (origin, c) => isAllowedOrigin(origin, c as Context<AppEnv>, policy), secFetchSite: 'same-origin' });
  const limit = bodyLimit({
    maxSize: policy.maxBodyBytes,
    onError: () => {
      throw new HTTPException(413, { message: `Request body larger than ${policy.maxBodyBytes} bytes` });
    },
  });
  return [
    secureHeaders({ referrerPolicy: 'no-referrer', crossOriginResourcePolicy: 'same-origin' }),
    async (c, next) => {
      if (SAFE_METHODS.has(c.req.method)) return next();
      try {
        await csrfCheck(c, async () => {});
      } catch {
        throw new HTTPException(403, { message: `Cross-origin ${c.req.method} refused (Origin ${JSON.stringify(c.req.header('origin') ?? null)}, Sec-Fetch-Site ${JSON.stringify(c.req.header('sec-fetch-site') ?? null)})` });
      }
      requireAllowedOrigin(c, policy);
      const type = c.req.header('content-type');
      if (!isJson(type)) throw new HTTPException(415, { message: `Send the body as application/json, not ${JSON.stringify(type ?? 'nothing')}` });
      return limit(c, next);
    },
  ];
}
