/**
 * Every websocket close code the sync server uses, in one place. The 44xx range mirrors HTTP 4xx
 * and tells y-websocket 3 clients not to reconnect (reconnecting cannot fix it); 1001, 1011 and
 * the 45xx range are transient and the client reconnects. The editor never shows a code: it
 * turns each into a plain sentence (`client/connection/messages.ts`).
 */

/** A named websocket close code with its default reason. */
export interface CloseCode {
  readonly code: number;
  readonly reason: string;
}

/** The close codes of the sync protocol. */
export const CloseCodes = {
  /** The frame is not a y-websocket message (unknown type, truncated, trailing bytes, text frame). */
  MalformedMessage: { code: 4400, reason: 'Malformed message' },
  /** No valid token. (Normally the HTTP upgrade is refused with 401 before a socket exists.) */
  Unauthorized: { code: 4401, reason: 'Unauthorized' },
  /** The account may not do what the message asks. */
  Forbidden: { code: 4403, reason: 'Forbidden' },
  /** The document does not exist (or was removed while connected). */
  NotFound: { code: 4404, reason: 'Document not found' },
  /**
   * The frame exceeds the message size limit. (An update above the update limit is not closed
   * but refused with a permission-denied message carrying this code, so nothing reconnects.)
   */
  TooLarge: { code: 4413, reason: 'Message too large' },
  /** The update cannot be decoded by Yjs, or holds content the treaty schema does not know. */
  InvalidContent: { code: 4422, reason: 'Invalid content' },
  /** Presence (awareness) states refused again and again: malformed, too large, or for others' client ids. */
  InvalidPresence: { code: 4423, reason: 'Invalid presence' },
  /** Updates, presence messages, requests or connections above their rate (`limits.ts`). The editor waits and reconnects. */
  TooManyMessages: { code: 4429, reason: 'Too many messages' },
  /**
   * The peer does not read what it is sent (its outgoing buffer passed the limit). The socket is
   * terminated at once to release the buffer, so the peer sees 1006; the code is for the log.
   */
  SlowReader: { code: 4508, reason: 'Not reading' },
  /** The server is shutting down; clients reconnect. */
  GoingAway: { code: 1001, reason: 'Server shutting down' },
  /** The server failed to store or apply an update; clients reconnect and resend. */
  InternalError: { code: 1011, reason: 'Internal error' },
} as const satisfies Record<string, CloseCode>;

/** The close code `code` with `detail` appended to its reason, cut to the 123 bytes a close frame allows. */
export function closeWith(code: CloseCode, detail?: string): CloseCode {
  const full = detail ? `${code.reason}: ${detail}` : code.reason;
  if (Buffer.byteLength(full, 'utf8') <= 123) return { code: code.code, reason: full };
  let cut = full;
  while (Buffer.byteLength(cut, 'utf8') > 120) cut = cut.slice(0, -1);
  return { code: code.code, reason: `${cut}...` };
}
