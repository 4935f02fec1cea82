/** The Plenipo server: start it, its store, its live rooms and the types other parts build on. */
export { startServer, DEFAULT_MAX_MESSAGE_BYTES } from './start.ts';
export type { StartOptions, RunningServer } from './start.ts';
export { buildApp } from './app.ts';
export type { AppDeps } from './app.ts';
export type { AppEnv, SecurityPolicy } from './http/env.ts';
export { requireAccount, requireRole, SESSION_COOKIE } from './http/auth.ts';
export { JobRunner } from './jobs/index.ts';
export { LiveSockets, ACCESS_REVOKED, watchRevocations } from './accounts/index.ts';
export * from './storage/index.ts';
export * from './sync/index.ts';
export { importProseMirrorDocument, updateFromProseMirrorJSON } from './import-document.ts';
export { DEMO_ACCOUNTS } from './seed.ts';
