/**
 * A live document: one Y.Doc and its awareness, shared by the connections editing it, and the
 * owners of its Yjs client ids. A client's update is decided against the room's accepted state
 * (`accepted-state.ts`: the live document plus every update accepted before it, in order) and, if
 * accepted, applied to that state at once; then its client ids are bound to its author (the
 * server's changes to `SERVER_OWNER`) and it is queued. The queue is flushed once per event-loop
 * turn: the whole batch — one log row per update, with its author, and the new client-id
 * bindings — is appended in one transaction, then each update is applied to the live Y.Doc with
 * its typed origin, and what they changed is merged into ONE Update message sent to every
 * connection (sender included — the echo is the durable acknowledgement). Nothing is broadcast or
 * answered from the live document before it is in the log.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import type { Schema } from 'prosemirror-model';
import { ClientIdRegistry, integrationProblem, writtenClients } from '../../shared/permissions/index.ts';
import { SERVER_OWNER, type ClientOwner, type DocumentStore } from '../storage/types.ts';
import { AcceptedState } from './accepted-state.ts';
import { CloseCodes, closeWith } from './close-codes.ts';
import type { Connection } from './connection.ts';
import { awarenessUser } from './identity.ts';
import { filterPresence } from './presence-filter.ts';
import { originAccountId, type TransactionOrigin } from './origins.ts';
import { awarenessMessage, permissionDeniedMessage, syncStep1Message, syncStep2Message, updateMessage } from './protocol.ts';
import { checkUpdate, type DecodedUpdate } from './update-check.ts';
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
  /** The batch being written to the log (accepted, not yet in `doc`). */
  private inFlight: Pending[] = [];
  /** The state updates are decided against: `doc` plus `inFlight` and `queue`, in order. */
  readonly accepted: AcceptedState;
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
    this.accepted = new AcceptedState(doc);
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

  /**
   * The update pipeline for a client's update: check at the door → integrable into the accepted
   * state → client ids → guard → applied to the accepted state → (if it changed anything) queued
   * for the log, the live doc and the broadcast. A refusal is reported to the sender alone.
   */
  receiveUpdate(connection: Connection, update: Uint8Array): void {
    const check = checkUpdate(update, this.settings.schema);
    if (!check.ok) {
      if (check.close) connection.close(closeWith(CloseCodes.InvalidContent, check.reason));
      else this.refuse(connection, CloseCodes.InvalidContent.code, `${CloseCodes.InvalidContent.reason}: ${check.reason}`);
      return;
    }
    if (check.empty) return;
    const refusal = this.accept(connection, update, check.decoded);
    if (refusal) this.refuse(connection, refusal.code, refusal.reason);
  }

  /** Decide and apply a checked client update; returns the refusal, or null once it is accepted (and queued if it changed anything). */
  private accept(connection: Connection, update: Uint8Array, decoded: DecodedUpdate): { code: number; reason: string } | null {
    const { account } = connection;
    const state = this.accepted.doc;
    const integration = integrationProblem(decoded, state);
    if (integration) return { code: CloseCodes.InvalidContent.code, reason: `${CloseCodes.InvalidContent.reason}: ${integration}` };
    const written = writtenClients(decoded.structs, (client) => Y.getState(state.store, client));
    const taken = this.owners.refusal(written, account.id, (client) => this.announcer(client, connection));
    if (taken) return { code: CloseCodes.Forbidden.code, reason: taken };
    const verdict = this.settings.guard(update, { account, doc: state, clientIds: connection.clientIds, owners: this.owners, decoded });
    if (!verdict.ok) return verdict;
    const applied = this.accepted.apply(update, this.doc, () => this.unwritten(), decoded);
    if (!applied.ok) return { code: CloseCodes.InvalidContent.code, reason: `${CloseCodes.InvalidContent.reason}: ${applied.reason}` };
    // An update that changes nothing is not stored (nor broadcast).
    if (!applied.changed) return null;
    if (verdict.changes === false) {
      // The guard let it through unchecked as a no-op; it was not one.
      this.accepted.rebuild(this.doc, this.unwritten());
      return { code: CloseCodes.Forbidden.code, reason: 'the update changes the document in a way the guard did not check' };
    }
    for (const client of written.writers) connection.clientIds.add(client);
    const bound = this.owners.bind(written.writers, account.id).map((clientId) => ({ clientId, accountId: account.id }));
    this.enqueue(update, { kind: 'connection', connectionId: connection.id, account }, bound).catch(() => {
      connection.close(CloseCodes.InternalError);
    });
    return null;
  }

  /** Tell `connection` its update was refused; its connection stays open. */
  private refuse(connection: Connection, code: number, reason: string): void {
    connection.refusedUpdates += 1;
    connection.send(permissionDeniedMessage(`${code} ${reason}`));
  }

  /** The account of another connection announcing `clientId` in awareness, or null. */
  private announcer(clientId: number, connection: Connection): string | null {
    for (const other of this.connections) {
      if (other !== connection && other.awarenessIds.has(clientId)) return other.account.id;
    }
    return null;
  }

  /** The accepted updates not yet applied to the live doc, in order. */
  private unwritten(): Uint8Array[] {
    return [...this.inFlight, ...this.queue].map((pending) => pending.update);
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
      // Another connection of the same account may take an id over: it is that client reconnecting
      // before the server noticed its old socket died.
      heldByOther: (client) => {
        const holder = this.presenceHolders.get(client);
        return holder !== undefined && holder !== connection && holder.account.id !== connection.account.id;
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
      const holder = this.presenceHolders.get(entry.client);
      if (holder && holder !== connection) {
        holder.presenceIds.delete(entry.client);
        holder.awarenessIds.delete(entry.client);
      }
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
   * Submit a change made on the server's behalf (trusted: no guard): apply it to the accepted
   * state, bind its unowned client ids (`clients`, default: every client id with structs in it)
   * to `SERVER_OWNER` (or the connection's account for a connection origin) and queue it for the
   * log, then the doc and the broadcast. Resolves once it is stored and applied; rejects if it
   * cannot be integrated at once or the store failed (nothing is then applied, and the bindings
   * are released).
   */
  submit(update: Uint8Array, origin: TransactionOrigin, clients?: Iterable<number>): Promise<void> {
    const applied = this.accepted.apply(update, this.doc, () => this.unwritten());
    if (!applied.ok) return Promise.reject(new RangeError(`Server change to ${this.id} refused: ${applied.reason}`));
    const owner = origin.kind === 'connection' ? origin.account.id : SERVER_OWNER;
    const bound = this.owners.bind(clients ?? Y.parseUpdateMeta(update).from.keys(), owner).map((clientId) => ({ clientId, accountId: owner }));
    return this.enqueue(update, origin, bound);
  }

  /** Queue an update already applied to the accepted state; resolves once it is stored and applied to the live doc. */
  private enqueue(update: Uint8Array, origin: TransactionOrigin, bound: ClientOwner[]): Promise<void> {
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
        this.inFlight = batch;
        let seq: number;
        try {
          seq = await this.settings.store.append(
            this.id,
            batch.map((pending) => ({ data: pending.update, accountId: originAccountId(pending.origin) })),
            batch.flatMap((pending) => pending.bound),
          );
        } catch (error) {
          // The updates accepted after the failed batch were decided on a state that will not
          // exist: refuse them too and go back to what is stored.
          const dropped = [...batch, ...this.queue.splice(0)];
          this.settings.log(`plenipo: storing ${batch.length} update(s) of ${this.id} failed: ${(error as Error).message}`);
          this.inFlight = [];
          this.accepted.rebuild(this.doc, []);
          for (const pending of dropped) {
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
        this.inFlight = [];
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
    this.accepted.destroy();
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
