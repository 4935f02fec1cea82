/** `GET /healthz`: 200 while the server runs. */
import { Hono } from 'hono';
import type { AppEnv } from './env.ts';

/** Health route group. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', (c) => c.json({ ok: true }));
