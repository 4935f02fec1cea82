/** Live sync: rooms of Y.Docs over the y-websocket protocol, with the update pipeline and its guard. */
export { Rooms, DocumentNotFoundError } from './rooms.ts';
export { EditQueue } from './edit-queue.ts';
export type { RoomsOptions, RoomsEvents } from './rooms.ts';
export { Room } from './room.ts';
export { Connection } from './connection.ts';
export { CloseCodes, closeWith } from './close-codes.ts';
export type { CloseCode } from './close-codes.ts';
export { defaultUpdateGuard, allGuards } from './update-guard.ts';
export type { UpdateGuard, UpdateGuardContext, UpdateGuardResult } from './update-guard.ts';
export { serverOrigin, originAccountId } from './origins.ts';
export type { TransactionOrigin } from './origins.ts';
export { checkUpdate, markNameOfKey, PROSEMIRROR_ROOT } from './update-check.ts';
export type { UpdateCheck, DecodedUpdate } from './update-check.ts';
export { awarenessUser, delegationColor } from './identity.ts';
export type { AwarenessUser } from './identity.ts';
export {
  MessageType, SyncType, syncStep1Message, syncStep2Message, updateMessage, awarenessMessage, permissionDeniedMessage, KEEPALIVE_MESSAGE,
} from './protocol.ts';
export { createDispatcher } from './dispatcher.ts';
export { DEFAULT_SYNC_LIMITS, syncLimits, AccountBudget, ConnectionBudget } from './limits.ts';
export type { SyncLimits, Rate, PresenceTiming } from './limits.ts';
export { filterPresence } from './presence-filter.ts';
export type { PresenceEntry, PresenceContext, PresenceFilterResult } from './presence-filter.ts';
export { TokenBucket } from './token-bucket.ts';
