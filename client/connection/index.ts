/** The client's links to the server: HTTP API, the document session and its connection state. */
export { api, post, fetchMe, fetchDocuments, fetchDocument, useBearerToken, bearerToken, ApiError } from './api.ts';
export type { Account, DocumentSummary, Role } from './api.ts';
export { openSession, syncUrl } from './session.ts';
export type { Session, PresenceUser } from './session.ts';
export { ConnectionMonitor } from './monitor.ts';
export type { ConnectionState, ConnectionSnapshot } from './monitor.ts';
export { delegationColour } from './colours.ts';
export { explainClose, explainRefusal, RATE_LIMIT_PAUSE_SECONDS } from './messages.ts';
export type { CloseAction, CloseExplanation, RefusalExplanation } from './messages.ts';
export { guardSends, shouldReconnect } from './send-guard.ts';
