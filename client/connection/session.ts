/**
 * A Session joins one document: the shared Y.Doc, its WebsocketProvider on `/sync/:documentId`
 * (authenticated by the cookie, or by `?token=` when this tab signed in with a bearer token) and
 * the awareness state that tells the others who we are.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import type { Account } from './api.ts';
import { bearerToken } from './api.ts';
import { delegationColour } from './colours.ts';
import { ConnectionMonitor } from './monitor.ts';
import { guardSends, shouldReconnect } from './send-guard.ts';

/**
 * The awareness `user` field: the account's name, delegation, role and colour. The server rewrites
 * it from the connection's account, so no one can appear as another delegation.
 */
export interface PresenceUser {
  id?: string;
  name: string;
  delegation: string;
  role: string;
  color: string;
}

/** An open document: the Y.Doc, the provider, awareness and the connection monitor. */
export interface Session {
  documentId: string;
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  awareness: Awareness;
  monitor: ConnectionMonitor;
  destroy(): void;
}

/** The websocket base URL of this page's server (`ws://host/sync` or `wss://host/sync`). */
export function syncUrl(location: Location = window.location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/sync`;
}

/** Open the document `documentId` as `account`: connect, publish presence, watch the connection. */
export function openSession(documentId: string, account: Account): Session {
  const ydoc = new Y.Doc();
  const token = bearerToken();
  const provider = new WebsocketProvider(syncUrl(), documentId, ydoc, {
    params: token ? { token } : {},
    // Cross-tab BroadcastChannel would let edits bypass the server's permission check.
    disableBc: true,
    // Reconnect only when it can help: a refusal that would repeat must not loop.
    shouldReconnect,
  });
  const user: PresenceUser = {
    id: account.id,
    name: account.name,
    delegation: account.delegation,
    role: account.role,
    color: delegationColour(account.delegation),
  };
  provider.awareness.setLocalStateField('user', user);
  const monitor = new ConnectionMonitor(provider, ydoc);
  const unguard = guardSends(provider, monitor);
  return {
    documentId,
    ydoc,
    provider,
    awareness: provider.awareness,
    monitor,
    destroy() {
      unguard();
      monitor.destroy();
      provider.destroy();
      ydoc.destroy();
    },
  };
}
