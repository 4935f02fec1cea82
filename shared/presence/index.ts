/** Presence (awareness) states: the shape the editor publishes and how to check one received. */
export { isCursorJSON, isRelativePositionJSON, isIdJSON, PRESENCE_ROOT } from './cursor.ts';
export type { CursorJSON, RelativePositionJSON, IdJSON } from './cursor.ts';
export { placeOfPosition, cursorFitsDocument } from './decode.ts';
export type { PositionPlace } from './decode.ts';
export { reducePresence, PRESENCE_FIELDS } from './state.ts';
export type { PresenceState, PresenceVerdict } from './state.ts';
export { isSessionPlace, MAX_SESSION_ARTICLE_ID } from './session.ts';
export type { SessionPlace } from './session.ts';
