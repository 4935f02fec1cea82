/**
 * What the user reads when the server closes the connection or refuses a change: one plain
 * sentence per case, never a code. The server's close codes are listed in
 * `server/sync/close-codes.ts`; its refusals arrive as `"<code> <reason>"`.
 */
import { MAX_UPDATE_BYTES, formatBytes } from '../../shared/limits/index.ts';

/** How the editor reacts to a close: reconnect at once, reconnect after a pause, or stay closed. */
export type CloseAction = 'reconnect' | 'wait' | 'stop';

/** The plain sentence and the reaction for a close code. */
export interface CloseExplanation {
  message: string;
  action: CloseAction;
}

/** Seconds the editor waits before reconnecting after being told it sent too fast. */
export const RATE_LIMIT_PAUSE_SECONDS = 5;

const CLOSES: Record<number, CloseExplanation> = {
  1001: { message: 'The server is restarting; reconnecting.', action: 'reconnect' },
  1009: { message: `Your change is too large to send (the limit is ${formatBytes(MAX_UPDATE_BYTES)}).`, action: 'stop' },
  1011: { message: 'The server could not store your last change; trying again.', action: 'reconnect' },
  4400: { message: 'Your editor sent something the server could not read. Reload the page to continue.', action: 'stop' },
  4401: { message: 'You are signed out. Sign in again to continue.', action: 'stop' },
  4403: { message: 'You no longer have access to this document.', action: 'stop' },
  4404: { message: 'This document no longer exists.', action: 'stop' },
  4413: { message: `Your change is too large to send (the limit is ${formatBytes(MAX_UPDATE_BYTES)}).`, action: 'stop' },
  4422: { message: 'Your editor sent a change the server could not read. Reload the page to continue.', action: 'stop' },
  4423: { message: 'Your editor sent cursor information the server could not accept. Reload the page to continue.', action: 'stop' },
  4429: { message: 'You are sending changes too fast; wait a moment.', action: 'wait' },
  4508: { message: 'The connection is too slow to keep up; reconnecting.', action: 'reconnect' },
};

/** The sentence and reaction for the close `code` (unknown 44xx codes stop; anything else reconnects). */
export function explainClose(code: number): CloseExplanation {
  const known = CLOSES[code];
  if (known) return known;
  if (code >= 4400 && code < 4500) return { message: 'The server ended the session. Reload the page to continue.', action: 'stop' };
  return { message: 'The connection to the server was lost; reconnecting.', action: 'reconnect' };
}

/** A refusal split into its code (null when there is none) and its plain sentence. */
export interface RefusalExplanation {
  code: number | null;
  message: string;
}

/**
 * The plain sentence for a refusal `"<code> <reason>"`: the reason without its code, as one
 * sentence; a reason that is empty or only technical gets a general sentence.
 */
export function explainRefusal(text: string): RefusalExplanation {
  const match = /^(\d{4})\s+(.*)$/s.exec(text.trim());
  const code = match ? Number(match[1]) : null;
  let reason = (match ? match[2] : text).trim();
  // The server's own prefixes name codes, not what happened.
  reason = reason.replace(/^(Forbidden|Invalid content|Message too large):\s*/i, '');
  if (code === 4422 && !/[.!?]$/.test(reason)) return { code, message: 'The server refused your last change because it would leave the document invalid.' };
  if (reason === '') return { code, message: 'The server refused your last change.' };
  // Ids mean nothing to the user (and must not be shown): drop them from the sentence.
  reason = reason.replace(/\s*\b(?:\d{5,}|[a-z]+_[A-Za-z0-9_-]{4,})\b/g, '').replace(/\s{2,}/g, ' ').trim();
  if (reason === '') return { code, message: 'The server refused your last change.' };
  const sentence = reason[0].toUpperCase() + reason.slice(1);
  return { code, message: /[.!?]$/.test(sentence) ? sentence : `${sentence}.` };
}
