/**
 * Authentication. A request is signed in by `Authorization: Bearer <token>`, by the
 * `plenipo_session` cookie (a server-side session that `GET /login?token=` exchanged the token
 * for; the cookie never holds the token), or — for websockets, which cannot set headers in
 * browsers — by the `token` query parameter. A token that is unknown, revoked or past its
 * invitation expiry gets 401 with a message saying which; unknown tokens count towards the
 * sign-in rate limit (429).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { Account, Role, TokenCheck } from '../storage/types.ts';
import type { AppEnv } from './env.ts';
import { clientAddress } from './request-guards.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'plenipo_session';

/** The bearer token of a request (header, then `token` query parameter when allowed), or null. */
export function requestToken(c: Context, allowQuery = false): string | null {
  const header = c.req.header('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  if (allowQuery) return c.req.query('token') || null;
  return null;
}

/** The plain sentence a refused token gets. */
export function tokenRefusal(check: Exclude<TokenCheck, { status: 'ok' }>): string {
  if (check.status === 'revoked') return 'This access link was withdrawn by the secretariat';
  if (check.status === 'expired') return 'This invitation link has expired';
  return 'Invalid token';
}

/** Too many failed sign-ins from this address or with this token prefix: 429. */
export function tooManyAttempts(): HTTPException {
  return new HTTPException(429, { message: 'Too many failed sign-in attempts; wait a minute and try again' });
}

/**
 * Check a token with the sign-in rate limit: resolves with its account, or throws 429 (limit
 * reached) or 401 (naming why the token does not sign in), counting the failure.
 */
export async function signInWithToken(c: Context<AppEnv>, token: string): Promise<Account> {
  const address = clientAddress(c, c.var.policy);
  if (c.var.limiter.blocked(address, token)) throw tooManyAttempts();
  const check = await c.var.store.checkToken(token);
  if (check.status === 'ok') return check.account;
  // Only guesses count: a revoked or expired token is a real one (a client retrying it must not lock out its whole network).
  if (check.status === 'unknown') c.var.limiter.fail(address, token);
  throw new HTTPException(401, { message: tokenRefusal(check) });
}

/** The account of the request's session cookie, or null. */
export async function sessionAccount(c: Context<AppEnv>): Promise<Account | null> {
  const session = getCookie(c, SESSION_COOKIE);
  return session ? c.var.store.accountBySession(session) : null;
}

/** Middleware: 401 unless the request carries a valid token or session; sets `c.var.account`. */
export function requireAccount(options: { allowQueryToken?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = requestToken(c, options.allowQueryToken ?? false);
    let account: Account | null;
    if (token) account = await signInWithToken(c, token);
    else {
      account = await sessionAccount(c);
      if (!account) {
        throw new HTTPException(401, { message: getCookie(c, SESSION_COOKIE) ? 'Your session has ended; open your access link again' : 'Missing token' });
      }
    }
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
