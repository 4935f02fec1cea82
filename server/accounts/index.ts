/** Accounts at run time: their live connections (closed at once on revocation), and noticing revocations made by another process. */
export { LiveSockets, ACCESS_REVOKED } from './live-sockets.ts';
export { watchRevocations, DEFAULT_REVOCATION_POLL_MS } from './revocation-watch.ts';
export type { RevocationWatch } from './revocation-watch.ts';
