/**
 * A live document: one Y.Doc and its awareness, shared by the connections editing it, and the
 * owners of its Yjs client ids. Every change goes through `submit`, which binds the update's
 * client ids to its author (the server's changes to `SERVER_OWNER`) and queues it; the queue is
 * flushed once per event-loop turn: the whole batch — one log row per update, with its author,
 * and the new client-id bindings — is appended in one transaction, then each update is applied to
 * the Y.Doc with its typed origin, and what they changed is merged into ONE Update message sent to
 * every connection (sender included — the echo is the durable acknowledgement). The message is
 * encoded once per batch, whatever the number of connections.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import type { Schema } from 'prosemirror-model';
import { ClientIdRegistry } from '../../shared/permissions/index.ts';
import { SERVER_OWNER, type ClientOwner, type DocumentStore } from '../storage/types.ts';
import { CloseCodes, closeWith } from './close-codes.ts';
import type { Connection } from './connection.ts';
import { awarenessUser } from './identity.ts';
import { filterPresence } from './presence-filter.ts';
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
  /** Client ids this update bound (to persist with it, or to release if storing fails). */
  bound: ClientOwner[];
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
  /** Updates applied during the current batch, broadcast together at its end; null outside a batch. */
  private outgoing: Uint8Array[] | null = null;
  /** The live connection that set each presence client id. */
  private readonly presenceHolders = new Map<number, Connection>();

  private constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    readonly settings: RoomSettings,
    /** Which account owns each Yjs client id of the document (persisted). */
    readonly owners: ClientIdRegistry,
    seq: number,
    checkpointSeq: number,
  ) {
    this.appliedSeq = seq;
    this.checkpointSeq = checkpointSeq;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: TransactionOrigin) => {
      if (origin?.kind === 'load') return;
      if (this.outgoing) this.outgoing.push(update);
      else this.broadcast(updateMessage(update));
    });
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * Load document `id` from the store (checkpoint, then the tail of the log) with its client-id
   * owners. Client ids of the stored text that have no owner yet (those of an imported document's
   * first update) are bound to `SERVER_OWNER`, so every client id in a live document has an owner.
   */
  static async load(id: string, settings: RoomSettings): Promise<Room> {
    const loaded = await settings.store.load(id);
    const owners = new ClientIdRegistry((await settings.store.clientOwners(id)).map((o) => [o.clientId, o.accountId] as const));
    const doc = new Y.Doc({ gc: true });
    const origin: TransactionOrigin = { kind: 'load' };
    doc.transact(() => {
      for (const update of loaded.updates) Y.applyUpdate(doc, update, origin);
    }, origin);
    const unowned = owners.bind(doc.store.clients.keys(), SERVER_OWNER);
    if (unowned.length > 0) await settings.store.bindClients(id, unowned.map((clientId) => ({ clientId, accountId: SERVER_OWNER })));
    return new Room(id, doc, settings, owners, loaded.seq, loaded.checkpointSeq);
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
    connection.release();
    for (const client of connection.presenceIds) if (this.presenceHolders.get(client) === connection) this.presenceHolders.delete(client);
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
    this.checkIdle();
  }

  /** Answer a SyncStep1: send what the client lacks (the peer may hold that much unread on top of the buffer limit). */
  answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    const answer = syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector));
    connection.send(answer);
    connection.stateAllowance = Math.max(connection.stateAllowance, answer.length);
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
    const verdict = this.settings.guard(update, { account: connection.account, doc: this.doc, clientIds: connection.clientIds, owners: this.owners });
    if (!verdict.ok) {
      connection.refusedUpdates += 1;
      connection.send(permissionDeniedMessage(`${verdict.code} ${verdict.reason}`));
      return;
    }
    for (const client of check.clients) connection.clientIds.add(client);
    this.submit(update, { kind: 'connection', connectionId: connection.id, account: connection.account }, check.clients).catch(() => {
      connection.close(CloseCodes.InternalError);
    });
  }

  /**
   * A client's presence (awareness) update: filtered (`presence-filter.ts`), then relayed now or,
   * above the connection's relay rate, merged and relayed when its budget allows. Refused states
   * cost strikes; out of strikes, or flooding, closes the connection.
   */
  receiveAwareness(connection: Connection, update: Uint8Array): void {
    const budget = connection.budget;
    const { entries, refusals } = filterPresence(update, {
      accountId: connection.account.id,
      user: awarenessUser(connection.account),
      ownIds: connection.presenceIds,
      heldByOther: (client) => {
        const holder = this.presenceHolders.get(client);
        return holder !== undefined && holder !== connection;
      },
      clockOf: (client) => this.awareness.meta.get(client)?.clock,
      knownStates: this.awareness.meta.size,
      owners: this.owners,
      doc: this.doc,
      limits: budget.limits,
      maxRefusals: budget.limits.strikes.burst,
    });
    for (const refusal of refusals) {
      if (budget.strike()) {
        this.settings.log(`plenipo: closing ${connection.account.id} on ${this.id}: ${refusal}`);
        connection.close(closeWith(CloseCodes.InvalidPresence, refusal));
        return;
      }
    }
    if (entries.length === 0) return;
    const timing = budget.presence();
    if (timing === 'flood') {
      connection.close(closeWith(CloseCodes.TooManyMessages, 'presence messages'));
      return;
    }
    for (const entry of entries) {
      connection.presenceIds.add(entry.client);
      this.presenceHolders.set(entry.client, connection);
      const later = connection.laterPresence.get(entry.client);
      if (!later || later.clock <= entry.clock) connection.laterPresence.set(entry.client, entry);
    }
    if (timing === 'now') this.relayPresence(connection);
    else this.schedulePresence(connection);
  }

  private relayPresence(connection: Connection): void {
    if (!this.connections.has(connection) || connection.laterPresence.size === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, connection.laterPresence.size);
    for (const [client, entry] of connection.laterPresence) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, entry.clock);
      encoding.writeVarString(encoder, entry.json);
    }
    connection.laterPresence.clear();
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), connection);
  }

  private schedulePresence(connection: Connection): void {
    if (connection.presenceTimer) return;
    connection.presenceTimer = setTimeout(() => {
      connection.presenceTimer = null;
      if (connection.budget.takePresenceRelay()) this.relayPresence(connection);
      else this.schedulePresence(connection);
    }, Math.max(1, connection.budget.presenceWait()));
    connection.presenceTimer.unref();
  }

  /**
   * Bind the update's unowned client ids (`clients`, default: every client id with structs in
   * it) to its author — the connection's account, or `SERVER_OWNER` for a server change — and
   * queue it for the log, then the doc and the broadcast. Resolves once it is stored and applied;
   * rejects if the store failed (nothing is then applied, and the bindings are released).
   */
  submit(update: Uint8Array, origin: TransactionOrigin, clients?: Iterable<number>): Promise<void> {
    const owner = origin.kind === 'connection' ? origin.account.id : SERVER_OWNER;
    const bound = this.owners.bind(clients ?? Y.parseUpdateMeta(update).from.keys(), owner).map((clientId) => ({ clientId, accountId: owner }));
    return new Promise((resolve, reject) => {
      this.queue.push({ update, origin, bound, resolve, reject });
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
            batch.flatMap((pending) => pending.bound),
          );
        } catch (error) {
          this.settings.log(`plenipo: storing ${batch.length} update(s) of ${this.id} failed: ${(error as Error).message}`);
          for (const pending of batch) {
            this.owners.unbind(pending.bound.map((b) => b.clientId));
            pending.reject(error);
          }
          continue;
        }
        this.outgoing = [];
        for (const pending of batch) {
          try {
            Y.applyUpdate(this.doc, pending.update, pending.origin);
            pending.resolve();
          } catch (error) {
            this.settings.log(`plenipo: applying a stored update to ${this.id} failed: ${(error as Error).message}`);
            pending.reject(error);
          }
        }
        const outgoing = this.outgoing;
        this.outgoing = null;
        if (outgoing.length > 0) this.broadcast(updateMessage(outgoing.length === 1 ? outgoing[0] : Y.mergeUpdates(outgoing)));
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

  /** Send a message to every connection; it is wrapped as a Buffer once, not once per connection. */
  broadcast(message: Uint8Array): void {
    if (this.connections.size === 0) return;
    const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    for (const connection of this.connections) connection.send(data);
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
