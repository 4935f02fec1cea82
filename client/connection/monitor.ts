/**
 * The connection state shown in the top bar: `connecting` (first contact), `connected` (synced
 * with the server), `reconnecting` (lost the socket, retrying), `offline` (the browser is offline
 * or the server keeps refusing, or the session was disconnected on purpose), `closed` (the server
 * ended the session, e.g. signed out, or asked us to wait), plus whether local edits are waiting to
 * reach the server. Built from y-websocket's `status`, `sync` and `closed` events and the Y.Doc's
 * own updates. Every reason and refusal is a plain sentence (`messages.ts`), never a code.
 */
import type * as Y from 'yjs';
import { messageAuth as MESSAGE_AUTH, type WebsocketProvider } from 'y-websocket';
import * as authProtocol from 'y-protocols/auth';
import { explainClose, explainRefusal } from './messages.ts';

/** See the module comment. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/** A snapshot of the connection: its state, whether edits are unsent, and why it closed. */
export interface ConnectionSnapshot {
  state: ConnectionState;
  unsentEdits: boolean;
  /** Why the server closed the connection, in plain words (cleared once synced again). */
  reason: string | null;
  /** Why one of our edits was refused, in plain words (the screen then differs from the shared text). */
  refusal: string | null;
  /** The close code or refusal code behind `reason`/`refusal`, for code (never shown). */
  code: number | null;
}

/** Attempts after which "reconnecting" is shown as "offline". */
const OFFLINE_AFTER_ATTEMPTS = 4;

/** Watches a provider and tells listeners the current `ConnectionSnapshot`. */
export class ConnectionMonitor {
  private everSynced = false;
  private snapshot: ConnectionSnapshot = { state: 'connecting', unsentEdits: false, reason: null, refusal: null, code: null };
  private readonly listeners = new Set<(snapshot: ConnectionSnapshot) => void>();
  private readonly refusalListeners = new Set<(reason: string) => void>();
  private readonly cleanups: Array<() => void> = [];

  constructor(private readonly provider: WebsocketProvider, ydoc: Y.Doc) {
    const onStatus = () => this.refresh();
    const onSync = (synced: boolean) => {
      if (synced) {
        this.everSynced = true;
        // Our sync step 2 answers the server's step 1 on every (re)connect: pending edits go with it.
        this.snapshot = { ...this.snapshot, unsentEdits: false, reason: null };
      }
      this.refresh();
    };
    const onClosed = (event: { code: number; reason: string }) => {
      this.snapshot = { ...this.snapshot, reason: explainClose(event.code).message, code: event.code };
      this.refresh();
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === provider) return;
      if (!provider.wsconnected || !provider.synced) {
        if (!this.snapshot.unsentEdits) {
          this.snapshot = { ...this.snapshot, unsentEdits: true };
          this.refresh();
        }
      }
    };
    // y-websocket only logs "permission denied" (y-protocols auth message); tell the user instead.
    const authHandler = provider.messageHandlers[MESSAGE_AUTH];
    provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, ydoc, (_doc, reason) => {
        const refusal = explainRefusal(reason);
        this.refuse(refusal.message, refusal.code, reason);
      });
    };
    this.cleanups.push(() => { provider.messageHandlers[MESSAGE_AUTH] = authHandler; });
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('closed', onClosed);
    ydoc.on('update', onUpdate);
    window.addEventListener('online', onStatus);
    window.addEventListener('offline', onStatus);
    const timer = window.setInterval(onStatus, 1000);
    this.cleanups.push(
      () => provider.off('status', onStatus),
      () => provider.off('sync', onSync),
      () => provider.off('closed', onClosed),
      () => ydoc.off('update', onUpdate),
      () => window.removeEventListener('online', onStatus),
      () => window.removeEventListener('offline', onStatus),
      () => window.clearInterval(timer),
    );
  }

  /** The current snapshot. */
  get current(): ConnectionSnapshot {
    return this.snapshot;
  }

  /** Call `listener` now and on every change; returns a function that stops listening. */
  subscribe(listener: (snapshot: ConnectionSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => this.listeners.delete(listener);
  }

  /**
   * Report a refused change — by the server, or here before it left (e.g. too large to send) —
   * to the subscribers (`message` is the plain sentence shown) and the refusal listeners
   * (`reason`, the server's text when it has one).
   */
  refuse(message: string, code: number | null = null, reason = message): void {
    this.snapshot = { ...this.snapshot, refusal: message, code };
    this.refresh();
    for (const listener of this.refusalListeners) listener(reason);
  }

  /** Call `listener` with the server's reason each time it refuses one of our updates; returns a function that stops. */
  onRefusal(listener: (reason: string) => void): () => void {
    this.refusalListeners.add(listener);
    return () => this.refusalListeners.delete(listener);
  }

  /** Stop watching the provider. */
  destroy(): void {
    for (const cleanup of this.cleanups) cleanup();
    this.listeners.clear();
    this.refusalListeners.clear();
  }

  private emitted = '';

  private refresh(): void {
    this.snapshot = { ...this.snapshot, state: this.computeState() };
    const key = `${this.snapshot.state}|${this.snapshot.unsentEdits}|${this.snapshot.reason}|${this.snapshot.refusal}`;
    if (key === this.emitted) return;
    this.emitted = key;
    for (const listener of this.listeners) listener(this.snapshot);
  }

  private computeState(): ConnectionState {
    const provider = this.provider;
    if (!provider.shouldConnect) return this.snapshot.reason !== null ? 'closed' : 'offline';
    if (provider.wsconnected && provider.synced) return 'connected';
    if (!navigator.onLine) return 'offline';
    if (!this.everSynced) return 'connecting';
    return provider.wsUnsuccessfulReconnects >= OFFLINE_AFTER_ATTEMPTS ? 'offline' : 'reconnecting';
  }
}
