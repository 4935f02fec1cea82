/** Browser login: `GET /login?token=...` sets the `plenipo_token` cookie and redirects to `/`; `GET /logout` clears it. */
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { TOKEN_COOKIE } from './auth.ts';
import type { AppEnv } from './env.ts';

/** Login route group. */
export const loginRoutes = new Hono<AppEnv>()
  .get('/login', async (c) => {
    const token = c.req.query('token') ?? '';
    const account = token ? await c.var.store.accountByToken(token) : null;
    if (!account) throw new HTTPException(401, { message: token ? 'Invalid token' : 'Missing token' });
    setCookie(c, TOKEN_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 * 60 * 24 * 30 });
    return c.redirect('/', 302);
  })
  .get('/logout', (c) => {
    deleteCookie(c, TOKEN_COOKIE, { path: '/' });
    return c.redirect('/', 302);
  });
