/**
 * The presence (awareness) state the editor publishes, and the one function that reduces
 * whatever a client sent to it. A state holds three fields: `user` (who it is — always set
 * by the server from the account, whatever the client wrote), `cursor` (absent, null, or a
 * `CursorJSON`) and `session` (absent, null, or the chair's `SessionPlace`). Unknown fields are dropped; a state that is not an object, or whose cursor is
 * not a cursor, is refused.
 *
 * To publish a new field (say, the article the chair is on, for "follow the chair"), add it here
 * with an exact check of its value: the server relays only what this function keeps.
 */
import { isCursorJSON, type CursorJSON } from './cursor.ts';
import { isSessionPlace, type SessionPlace } from './session.ts';

/** The fields of a presence state the editor uses. */
export const PRESENCE_FIELDS = ['user', 'cursor', 'session'] as const;

/** A presence state as relayed: the server's `user` and an optional cursor. */
export interface PresenceState<User = unknown> {
  user?: User;
  cursor?: CursorJSON | null;
  /** The chair's place in session mode (shared/presence/session.ts). */
  session?: SessionPlace | null;
}

/** The outcome of `reducePresence`: the state to relay, or why it was refused. */
export type PresenceVerdict<User> =
  | { ok: true; state: PresenceState<User> }
  | { ok: false; reason: string };

/**
 * Reduce a received state to the editor's shape with `user` as its user field: keep a valid
 * `cursor`, drop unknown fields, refuse a non-object or a malformed cursor (the reason names it).
 */
export function reducePresence<User>(state: unknown, user: User): PresenceVerdict<User> {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) {
    return { ok: false, reason: `presence state ${JSON.stringify(state)?.slice(0, 40)} is not an object` };
  }
  const cursor = (state as Record<string, unknown>).cursor;
  const reduced: PresenceState<User> = { user };
  if (cursor === null) reduced.cursor = null;
  else if (cursor !== undefined) {
    if (!isCursorJSON(cursor)) return { ok: false, reason: `cursor ${JSON.stringify(cursor).slice(0, 80)} is not two relative positions` };
    reduced.cursor = cursor;
  }
  const session = (state as Record<string, unknown>).session;
  if (session === null) reduced.session = null;
  else if (session !== undefined) {
    if (!isSessionPlace(session)) return { ok: false, reason: `session ${JSON.stringify(session).slice(0, 80)} is not { article: <article id> }` };
    reduced.session = session;
  }
  return { ok: true, state: reduced };
}
