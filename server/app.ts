/**
 * The Hono app: one line per route group. Every request passes the request guards first (secure
 * headers; for state-changing requests the CSRF, Origin, JSON-only and body-size checks; the
 * websocket upgrade's Origin check). Every route under /api requires a signed-in account
 * (`c.var.account`); `c.var.store`, `c.var.rooms`, `c.var.policy`, `c.var.limiter`, `c.var.jobs`
 * are set on every request. Errors thrown as `HTTPException` become `{ error: message }` JSON with
 * their status.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { DocumentStore } from './storage/types.ts';
import type { Rooms } from './sync/rooms.ts';
import { requireAccount } from './http/auth.ts';
import type { AppEnv, SecurityPolicy } from './http/env.ts';
import { requestGuards, requireAllowedOrigin } from './http/request-guards.ts';
import { FailureLimiter } from './http/rate-limit.ts';
import { accountRoutes } from './http/accounts.ts';
import { JobRunner } from './jobs/runner.ts';
import { LiveSockets } from './accounts/live-sockets.ts';
import { healthRoutes } from './http/health.ts';
import { loginRoutes } from './http/login.ts';
import { documentRoutes } from './http/documents.ts';
import { syncRoutes } from './http/sync.ts';
import { staticRoutes } from './http/static.ts';
import { bracketRoutes } from './http/brackets.ts';
import { versionRoutes } from './http/versions.ts';
import { redlineRoutes } from './http/redline.ts';
import { exportRoutes } from './http/export.ts';
import { articleRoutes } from './http/articles.ts';
import { proposalRoutes } from './http/proposals.ts';

/** What the app needs. `staticRoot` is the built client folder, or null to serve none. */
export interface AppDeps {
  store: DocumentStore;
  rooms: Rooms;
  staticRoot: string | null;
  log?: (line: string) => void;
  /** Origins, proxy trust, session lifetime, body limit; defaults: own origin only, no proxy, 14 days, 8 MiB. */
  policy?: Partial<SecurityPolicy>;
  /** Worker pool for heavy work; default one worker without a database file. */
  jobs?: JobRunner;
  /** Failed sign-in counter; default a fresh one with the default limits. */
  limiter?: FailureLimiter;
  /** Live websockets by account; default a fresh registry. */
  liveSockets?: LiveSockets;
}

/** Defaults of the security policy. */
export const DEFAULT_POLICY: SecurityPolicy = {
  origins: [], trustProxy: false, sessionTtlMs: 14 * 24 * 3_600_000, maxBodyBytes: 8 * 1024 * 1024,
};

/** Build the Hono app over a store and its rooms. */
export function buildApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const policy: SecurityPolicy = { ...DEFAULT_POLICY, ...deps.policy };
  const limiter = deps.limiter ?? new FailureLimiter();
  const jobs = deps.jobs ?? new JobRunner({ dbPath: null });
  const liveSockets = deps.liveSockets ?? new LiveSockets(deps.store);
  app.use('*', async (c, next) => {
    c.set('store', deps.store);
    c.set('rooms', deps.rooms);
    c.set('policy', policy);
    c.set('limiter', limiter);
    c.set('jobs', jobs);
    c.set('liveSockets', liveSockets);
    await next();
  });
  app.onError((error, c) => {
    if (error instanceof HTTPException) return c.json({ error: error.message }, error.status);
    (deps.log ?? console.error)(`plenipo: ${c.req.method} ${c.req.path} failed: ${(error as Error).stack ?? error}`);
    return c.json({ error: 'Internal server error' }, 500);
  });
  app.use('*', ...requestGuards(policy));
  app.use('/sync/*', async (c, next) => {
    requireAllowedOrigin(c, policy);
    await next();
  });
  app.use('/api/*', requireAccount());

  app.route('/', healthRoutes);
  app.route('/', loginRoutes(deps.staticRoot));
  app.route('/api', accountRoutes);
  app.route('/api', documentRoutes);
  app.route('/', syncRoutes);
  app.route('/api', bracketRoutes);
  app.route('/api', versionRoutes);
  app.route('/api', redlineRoutes);
  app.route('/api', exportRoutes);
  app.route('/api', articleRoutes);
  app.route('/api', proposalRoutes);
  // Mount new route groups above this line; the built client is served last.
  if (deps.staticRoot) app.route('/', staticRoutes(deps.staticRoot));

  app.notFound((c) => c.json({ error: `No route ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
