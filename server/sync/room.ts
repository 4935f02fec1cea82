/**
 * A live document: one Y.Doc and its awareness, shared by the connections editing it. Every
 * change goes through `submit`, which queues it; the queue is flushed once per event-loop turn:
 * the whole batch is appended to the log in one transaction, then each update is applied to the
 * Y.Doc with its typed origin, and the doc's `update` event broadcasts it to every connection
 * (sender included — the echo is the durable acknowledgement).
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Schema } from 'prosemirror-model';
import type { DocumentStore } from '../storage/types.ts';
import { CloseCodes, closeWith } from './close-codes.ts';
import type { Connection } from './connection.ts';
import { awarenessUser } from './identity.ts';
import { originAccountId, type TransactionOrigin } from './origins.ts';
import { awarenessMessage, permissionDeniedMessage, syncStep1Message, syncStep2Message, updateMessage } from './protocol.ts';
import { checkUpdate } from './update-check.ts';
import type { UpdateGuard } from './update-guard.ts';

/** Settings a room needs from the server. */
export interface RoomSettings {
  store: DocumentStore;
  schema: Schema;
  guard: UpdateGuard;
  /** Checkpoint once this many updates have been appended since the last checkpoint. */
  compactEvery: number;
  log: (line: string) => void;
}

interface Pending {
  update: Uint8Array;
  origin: TransactionOrigin;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A loaded document and its connections. Create with `Room.load`. */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Last log seq applied to `doc`. */
  appliedSeq: number;
  /** Seq covered by the latest checkpoint. */
  checkpointSeq: number;
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private compacting = false;
  /** The background checkpoint started after the last flush, if any. */
  compaction: Promise<void> | null = null;
  /** Called when the room loses its last connection and has nothing queued. */
  onIdle: (() => void) | null = null;

  private constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    readonly settings: RoomSettings,
    seq: number,
    checkpointSeq: number,
  ) {
    this.appliedSeq = seq;
    this.checkpointSeq = checkpointSeq;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: TransactionOrigin) => {
      if (origin?.kind === 'load') return;
      this.broadcast(updateMessage(update));
    });
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Load document `id` from the store (checkpoint, then the tail of the log). */
  static async load(id: string, settings: RoomSettings): Promise<Room> {
    const loaded = await settings.store.load(id);
    const doc = new Y.Doc({ gc: true });
    const origin: TransactionOrigin = { kind: 'load' };
    doc.transact(() => {
      for (const update of loaded.updates) Y.applyUpdate(doc, update, origin);
    }, origin);
    return new Room(id, doc, settings, loaded.seq, loaded.checkpointSeq);
  }

  /** True when nothing is queued or being written. */
  get idle(): boolean {
    return this.queue.length === 0 && this.flushing === null;
  }

  /** Take a connection in: greet it (SyncStep1, awareness) and hand it any messages it sent meanwhile. */
  join(connection: Connection, dispatch: (room: Room, connection: Connection, data: ArrayBuffer | string) => void): void {
    this.connections.add(connection);
    connection.send(syncStep1Message(Y.encodeStateVector(this.doc)));
    if (this.awareness.getStates().size > 0) {
      connection.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])));
    }
    connection.onMessage = (data) => dispatch(this, connection, data);
    for (const data of connection.held.splice(0)) connection.onMessage(data);
  }

  /** Drop a connection: remove its awareness states and tell the others. */
  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    connection.onMessage = null;
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
    this.checkIdle();
  }

  /** Answer a SyncStep1: send what the client lacks. */
  answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    connection.send(syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector)));
  }

  /** Send every awareness state to one connection (QueryAwareness). */
  sendAwareness(connection: Connection): void {
    const clients = [...this.awareness.getStates().keys()];
    connection.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)));
  }

  /** The update pipeline for a client's update: check → guard → queue for log, apply and broadcast. */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    const check = checkUpdate(update, this.settings.schema);
    if (!check.ok) {
      connection.close(closeWith(CloseCodes.InvalidContent, check.reason));
      return;
    }
    if (check.empty) return;
    const verdict = this.settings.guard(update, { account: connection.account, doc: this.doc, clientIds: connection.clientIds });
    if (!verdict.ok) {
      connection.refusedUpdates += 1;
      connection.send(permissionDeniedMessage(`${verdict.code} ${verdict.reason}`));
      return;
    }
    for (const client of check.clients) connection.clientIds.add(client);
    this.submit(update, { kind: 'connection', connectionId: connection.id, account: connection.account }).catch(() => {
      connection.close(CloseCodes.InternalError);
    });
  }

  /** Relay a client's awareness update after setting each state's `user` from its account. */
  receiveAwareness(connection: Connection, update: Uint8Array): void {
    const rewritten = rewriteAwareness(update, connection, this.connections);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, rewritten, connection);
  }

  /**
   * Queue an update for the log, then the doc and the broadcast. Resolves once it is stored and
   * applied; rejects if the store failed (nothing is then applied).
   */
  submit(update: Uint8Array, origin: TransactionOrigin): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ update, origin, resolve, reject });
      if (this.flushing === null) this.flushing = new Promise((done) => setImmediate(done)).then(() => this.flush());
    });
  }

  /** Resolves once everything queued so far is stored and applied. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        let seq: number;
        try {
          seq = await this.settings.store.append(
            this.id,
            batch.map((pending) => ({ data: pending.update, accountId: originAccountId(pending.origin) })),
          );
        } catch (error) {
          this.settings.log(`plenipo: storing ${batch.length} update(s) of ${this.id} failed: ${(error as Error).message}`);
          for (const pending of batch) pending.reject(error);
          continue;
        }
        for (const pending of batch) {
          try {
            Y.applyUpdate(this.doc, pending.update, pending.origin);
            pending.resolve();
          } catch (error) {
            this.settings.log(`plenipo: applying a stored update to ${this.id} failed: ${(error as Error).message}`);
            pending.reject(error);
          }
        }
        this.appliedSeq = seq;
      }
    } finally {
      this.flushing = null;
    }
    if (this.appliedSeq - this.checkpointSeq >= this.settings.compactEvery && !this.compaction) {
      this.compaction = new Promise((done) => setImmediate(done))
        .then(() => this.compact())
        .finally(() => {
          this.compaction = null;
        });
    }
    this.checkIdle();
  }

  /** Write a checkpoint of the current state if the log has grown since the last one. */
  async compact(): Promise<void> {
    if (this.compacting || this.appliedSeq <= this.checkpointSeq) return;
    await this.drain();
    this.compacting = true;
    try {
      const seq = this.appliedSeq;
      await this.settings.store.checkpoint(this.id, seq, Y.encodeStateAsUpdate(this.doc));
      this.checkpointSeq = Math.max(this.checkpointSeq, seq);
    } catch (error) {
      this.settings.log(`plenipo: checkpoint of ${this.id} failed: ${(error as Error).message}`);
    } finally {
      this.compacting = false;
    }
  }

  /** Send a message to every connection. */
  broadcast(message: Uint8Array): void {
    for (const connection of this.connections) connection.send(message);
  }

  /** Release the Y.Doc and awareness. */
  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private checkIdle(): void {
    if (this.connections.size === 0 && this.idle) this.onIdle?.();
  }

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const owner = origin as Connection | null;
    if (owner && this.connections.has(owner)) {
      for (const client of [...change.added, ...change.updated]) {
        owner.awarenessIds.add(client);
        owner.clientIds.add(client);
      }
      for (const client of change.removed) owner.awarenessIds.delete(client);
    }
    this.broadcast(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
  };
}

/**
 * Re-encode an awareness update with each state's `user` field set from the connection's account.
 * Entries for client ids owned by another connection are dropped, so no one can move another's cursor.
 * Throws (a decoding or JSON error) on a malformed update.
 */
export function rewriteAwareness(update: Uint8Array, connection: Connection, connections: Iterable<Connection>): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const entries: Array<{ client: number; clock: number; state: unknown }> = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    entries.push({ client, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new RangeError(`Awareness update has ${update.length - decoder.pos} trailing bytes`);
  const foreign = new Set<number>();
  for (const other of connections) if (other !== connection) for (const id of other.awarenessIds) foreign.add(id);
  const user = awarenessUser(connection.account);
  const encoder = encoding.createEncoder();
  const kept = entries.filter((entry) => !foreign.has(entry.client));
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    const state = entry.state !== null && typeof entry.state === 'object' && !Array.isArray(entry.state)
      ? { ...(entry.state as Record<string, unknown>), user }
      : entry.state === null ? null : { user };
    encoding.writeVarUint(encoder, entry.client);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}
