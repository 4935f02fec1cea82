/** Accounts at run time: closing an account's live connections, and noticing revocations made by another process. */
export { disconnectAccount } from './disconnect.ts';
export { watchRevocations, DEFAULT_REVOCATION_POLL_MS } from './revocation-watch.ts';
export type { RevocationWatch } from './revocation-watch.ts';
