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
 * A banner shown when the server refused one of our edits (e.g. removing another delegation's
 * bracket): the refused change stays on this screen only, so the banner offers to reload the
 * shared text.
 */
export function createRefusalBanner(monitor: ConnectionMonitor): { element: HTMLElement; destroy(): void } {
  const element = el('div', 'banner refusal-banner');
  element.setAttribute('role', 'alert');
  element.hidden = true;
  const text = el('span');
  const reload = el('button', 'small', 'Reload the shared text');
  reload.type = 'button';
  reload.addEventListener('click', () => window.location.reload());
  element.append(text, reload);
  const stop = monitor.subscribe((snapshot) => {
    element.hidden = snapshot.refusal === null;
    if (snapshot.refusal) text.textContent = `${snapshot.refusal} Your screen now differs from the shared text. `;
  });
  return { element, destroy: stop };
}
