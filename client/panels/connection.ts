/** The connection pill in the top bar: connected / connecting / reconnecting / offline, and unsent edits. */
import type { ConnectionMonitor, ConnectionSnapshot } from '../connection/index.ts';
import { el } from './jump.ts';

const LABELS: Record<ConnectionSnapshot['state'], string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  closed: 'Disconnected',
};

/** The text shown for a snapshot, e.g. "Offline — unsent edits". */
export function connectionLabel(snapshot: ConnectionSnapshot): string {
  const base = LABELS[snapshot.state];
  if (snapshot.state === 'closed' && snapshot.reason) return `${base}: ${snapshot.reason}`;
  return snapshot.unsentEdits && snapshot.state !== 'connected' ? `${base} — unsent edits` : base;
}

/** The pill element, following `monitor`. */
export function createConnectionPill(monitor: ConnectionMonitor): { element: HTMLElement; destroy(): void } {
  const element = el('div', 'connection');
  element.setAttribute('role', 'status');
  element.setAttribute('aria-live', 'polite');
  const dot = el('span', 'connection-dot');
  const text = el('span', 'connection-text');
  element.append(dot, text);
  const stop = monitor.subscribe((snapshot) => {
    element.dataset.state = snapshot.state;
    element.dataset.unsent = String(snapshot.unsentEdits);
    text.textContent = connectionLabel(snapshot);
    element.title = snapshot.unsentEdits ? 'Your edits are kept here and merge when the connection returns.' : '';
  });
  return { element, destroy: stop };
}

/**
 * A banner shown when the server refused one of our edits (a race: the text changed meanwhile).
 * The editor reloads the shared text by itself (client/editor/recovery.ts); the banner only says
 * so, in plain words (the server's reason names ids and is for the logs).
 */
export function createRefusalBanner(monitor: ConnectionMonitor): { element: HTMLElement; destroy(): void } {
  const element = el('div', 'banner refusal-banner');
  element.setAttribute('role', 'alert');
  element.hidden = true;
  element.textContent = 'The server did not accept your last change: the shared text is being loaded again.';
  const stop = monitor.subscribe((snapshot) => {
    element.hidden = snapshot.refusal === null;
    if (snapshot.refusal) element.textContent = snapshot.refusal;
  });
  return { element, destroy: stop };
}
