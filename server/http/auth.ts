/**
 * Authentication: a token comes as `Authorization: Bearer <token>`, the `plenipo_token` cookie, or
 * (for websockets, which cannot set headers in browsers) the `token` query parameter.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { Role } from '../storage/types.ts';
import type { AppEnv } from './env.ts';

/** Name of the login cookie. */
export const TOKEN_COOKIE = 'plenipo_token';

/** The token a request carries (header, then cookie, then `token` query parameter when allowed), or null. */
export function requestToken(c: Context, allowQuery = false): string | null {
  const header = c.req.header('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const cookie = getCookie(c, TOKEN_COOKIE);
  if (cookie) return cookie;
  if (allowQuery) return c.req.query('token') ?? null;
  return null;
}

/** Middleware: 401 unless the request carries a valid token; sets `c.var.account`. */
export function requireAccount(options: { allowQueryToken?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = requestToken(c, options.allowQueryToken ?? false);
    const account = token ? await c.var.store.accountByToken(token) : null;
    if (!account) throw new HTTPException(401, { message: token ? 'Invalid token' : 'Missing token' });
    c.set('account', account);
    await next();
  };
}

/** Middleware (after `requireAccount`): 403 unless the account has one of `roles`. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const account = c.var.account;
    if (!roles.includes(account.role)) {
      throw new HTTPException(403, { message: `Role ${account.role} of ${account.name} may not do this (needs ${roles.join(' or ')})` });
    }
    await next();
  };
}
