/** HTTP route groups and the auth middleware they share. */
export type { AppEnv } from './env.ts';
export { requireAccount, requireRole, requestToken, TOKEN_COOKIE } from './auth.ts';
export { healthRoutes } from './health.ts';
export { loginRoutes } from './login.ts';
export { documentRoutes } from './documents.ts';
export { syncRoutes } from './sync.ts';
export { staticRoutes } from './static.ts';
