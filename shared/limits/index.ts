/**
 * Limits of the sync protocol that the editor must know as well as the server, so that the editor
 * never sends what the server would refuse, and the sentences both use to tell the user. The
 * server's own values (rates, buffers, presence) are in `server/sync/limits.ts`.
 */

/** Largest Yjs update (one change, e.g. a paste) the server accepts by default: 4 MiB. */
export const MAX_UPDATE_BYTES = 4 * 1024 * 1024;

/** Largest websocket frame the server reads by default (a larger one is cut off with 1009): 16 MiB. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** A size for people: "812 bytes", "12 KB", "4 MB", "10.5 MB" (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  const shown = value >= 10 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${unit}`;
}

/** The sentence shown when a change is above the limit, e.g. "Your change is too large to send (12 MB; the limit is 4 MB)." */
export function tooLargeMessage(bytes: number, limit: number): string {
  return `Your change is too large to send (${formatBytes(bytes)}; the limit is ${formatBytes(limit)}).`;
}
