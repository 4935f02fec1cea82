/**
 * The Hono app: one line per route group. Every route under /api requires a signed-in account
 * (`c.var.account`); `c.var.store` and `c.var.rooms` are set on every request. Errors thrown as
 * `HTTPException` become `{ error: message }` JSON with their status.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DocumentStore } from './storage/types.ts';
import type { Rooms } from './sync/rooms.ts';
import { requireAccount } from './http/auth.ts';
import type { AppEnv } from './http/env.ts';
import { healthRoutes } from './http/health.ts';
import { loginRoutes } from './http/login.ts';
import { documentRoutes } from './http/documents.ts';
import { syncRoutes } from './http/sync.ts';
import { staticRoutes } from './http/static.ts';
import { bracketRoutes } from './http/brackets.ts';
import { versionRoutes } from './http/versions.ts';
import { redlineRoutes } from './http/redline.ts';
import { exportRoutes } from './http/export.ts';
import { proposalRoutes } from './http/proposals.ts';
import { articleRoutes } from './http/articles.ts';

/** What the app needs. `staticRoot` is the built client folder, or null to serve none. */
export interface AppDeps {
  store: DocumentStore;
  rooms: Rooms;
  staticRoot: string | null;
  log?: (line: string) => void;
}

/** Build the Hono app over a store and its rooms. */
export function buildApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('store', deps.store);
    c.set('rooms', deps.rooms);
    await next();
  });
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    (deps.log ?? console.error)(`plenipo: ${c.req.method} ${c.req.path} failed: ${(error as Error).stack ?? error}`);
    return c.json({ error: 'Internal server error' }, 500);
  });
  app.use('/api/*', requireAccount());

  app.route('/', healthRoutes);
  app.route('/', loginRoutes);
  app.route('/api', documentRoutes);
  app.route('/', syncRoutes);
  app.route('/api', bracketRoutes);
  app.route('/api', versionRoutes);
  app.route('/api', redlineRoutes);
  app.route('/api', exportRoutes);
  app.route('/api', proposalRoutes);
  app.route('/api', articleRoutes);
  // Mount new route groups above this line; the built client is served last.
  if (deps.staticRoot) app.route('/', staticRoutes(deps.staticRoot));

  app.notFound((c) => c.json({ error: `No route ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
