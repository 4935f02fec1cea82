/** HTTP route groups and the auth middleware they share. */
export type { AppEnv, SecurityPolicy } from './env.ts';
export { requireAccount, requireRole, requestToken, SESSION_COOKIE } from './auth.ts';
export { requestGuards, requireAllowedOrigin, isAllowedOrigin, ownOrigin, clientAddress, isHttps } from './request-guards.ts';
export { FailureLimiter, DEFAULT_FAILURE_LIMITS } from './rate-limit.ts';
export { accountRoutes, DEFAULT_INVITATION_HOURS, MAX_INVITATION_HOURS } from './accounts.ts';
export { readJsonObject, requireString, optionalString, MAX_TITLE_LENGTH } from './fields.ts';
export { healthRoutes } from './health.ts';
export { loginRoutes } from './login.ts';
export { documentRoutes } from './documents.ts';
export { syncRoutes } from './sync.ts';
export { staticRoutes } from './static.ts';
