/**
 * Browser sign-in. `GET /login?token=...` exchanges the account's token for a server-side session
 * (the `plenipo_session` cookie: HttpOnly, SameSite=Strict, Secure over HTTPS, expiring) and
 * redirects to `/`; a missing, unknown, revoked or expired token gets 401 with an HTML page saying
 * so and what to do, too many failures 429. `GET /logout` ends the session and clears the cookie
 * (not when another site's page asks for it: `Sec-Fetch-Site` same-site or cross-site).
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SESSION_COOKIE, signInWithToken } from './auth.ts';
import type { AppEnv } from './env.ts';
import { clientStyles, signInPage, type SignInPage } from './login-page.ts';
import { isHttps } from './request-guards.ts';

/** The cookie of earlier versions, which held the raw token; cleared at every sign-in and sign-out. */
const LEGACY_TOKEN_COOKIE = 'plenipo_token';

const ASK_SECRETARIAT = 'Ask the secretariat for a new invitation link, then open it in this browser.';

/** The page shown for a refused sign-in, by the message of the refusal. */
function pageFor(status: number, message: string): SignInPage {
  if (status === 429) return { heading: 'Too many sign-in attempts', advice: 'Wait a minute, then open your invitation link again.' };
  if (/withdrawn/.test(message)) return { heading: 'This access link was withdrawn', advice: `The secretariat revoked it. ${ASK_SECRETARIAT}` };
  if (/expired/.test(message)) return { heading: 'This invitation link has expired', advice: ASK_SECRETARIAT };
  if (/Missing/.test(message)) return { heading: 'No access link given', advice: 'Open the invitation link the secretariat sent you. If you have none, ask the secretariat for one.' };
  return { heading: 'This sign-in link is not valid', advice: `Check that you opened the whole link as you received it. ${ASK_SECRETARIAT}` };
}

/** Login route group; `staticRoot` is the built client, whose stylesheet the failure page uses. */
export function loginRoutes(staticRoot: string | null): Hono<AppEnv> {
  const styles = clientStyles(staticRoot);
  const refuse = (c: Context<AppEnv>, status: ContentfulStatusCode, message: string) => {
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    c.header('Cache-Control', 'no-store');
    return c.html(signInPage(pageFor(status, message), styles), status);
  };
  return new Hono<AppEnv>()
    .get('/login', async (c) => {
      const token = c.req.query('token')?.trim() ?? '';
      if (!token) return refuse(c, 401, 'Missing token');
      let account;
      try {
        account = await signInWithToken(c, token);
      } catch (error) {
        if (error instanceof HTTPException) return refuse(c, error.status as ContentfulStatusCode, error.message);
        throw error;
      }
      const policy = c.var.policy;
      const session = await c.var.store.createSession(account.id, policy.sessionTtlMs);
      await c.var.store.touchAccount(account.id);
      deleteCookie(c, LEGACY_TOKEN_COOKIE, { path: '/' });
      setCookie(c, SESSION_COOKIE, session.id, {
        path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c, policy), maxAge: Math.floor(policy.sessionTtlMs / 1000),
      });
      c.header('Cache-Control', 'no-store');
      return c.redirect('/', 302);
    })
    .get('/logout', async (c) => {
      const site = c.req.header('sec-fetch-site');
      if (site === 'same-site' || site === 'cross-site') return c.redirect('/', 302);
      const session = getCookie(c, SESSION_COOKIE);
      if (session) await c.var.store.deleteSession(session);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, c.var.policy) });
      deleteCookie(c, LEGACY_TOKEN_COOKIE, { path: '/' });
      return c.redirect('/', 302);
    });
}
