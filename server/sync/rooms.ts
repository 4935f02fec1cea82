/**
 * The registry of live documents: loads a room lazily when its first connection (or a server-side
 * change) needs it, unloads it after it has been idle for a while (checkpointing first), and runs
 * the keepalive. Server-side changes (a chair's resolution, a version restore) go through
 * `transact`/`applyUpdate`, which use the same log-then-broadcast path as client updates.
 */
import { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { Schema } from 'prosemirror-model';
import type { Account, DocumentStore } from '../storage/types.ts';
import { CloseCodes, closeWith } from './close-codes.ts';
import { Connection } from './connection.ts';
import { AccountBudget, ConnectionBudget, syncLimits, type SyncLimits } from './limits.ts';
import { createDispatcher, type Dispatch } from './dispatcher.ts';
import { EditQueue } from './edit-queue.ts';
import type { TransactionOrigin } from './origins.ts';
import { KEEPALIVE_MESSAGE } from './protocol.ts';
import { Room } from './room.ts';
import { PROSEMIRROR_ROOT } from './update-check.ts';
import type { UpdateGuard } from './update-guard.ts';

/** Options of `Rooms`. */
export interface RoomsOptions {
  store: DocumentStore;
  schema: Schema;
  guard: UpdateGuard;
  /** Largest frame accepted, in bytes (the ws server's maxPayload should match). */
  maxMessageBytes: number;
  /** Rates, sizes and buffers (`limits.ts`); default `DEFAULT_SYNC_LIMITS` with `maxFrameBytes = maxMessageBytes`. */
  limits?: SyncLimits;
  /** Unload a room this long after its last connection left (ms). */
  idleUnloadMs: number;
  /** Checkpoint after this many appended updates. */
  compactEvery: number;
  /** Send a keepalive after this much outgoing silence, and ping at twice this period (ms). */
  keepaliveMs: number;
  log: (line: string) => void;
}

/** Thrown by `open` when the document does not exist. */
export class DocumentNotFoundError extends RangeError {
  constructor(readonly docId: string) {
    super(`Unknown document ${JSON.stringify(docId)}`);
  }
}

/** Events of `Rooms`: a document was loaded into memory, or unloaded after being idle (or on close). */
export type RoomsEvents = { load: [docId: string]; unload: [docId: string] };

/** The live documents of a server. Emits `load` and `unload` with the document id. */
export class Rooms extends EventEmitter<RoomsEvents> {
  private readonly rooms = new Map<string, Room>();
  private readonly opening = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly dispatch: Dispatch;
  /** The limits every connection is held to. */
  readonly limits: SyncLimits;
  /** Budgets shared by all connections of an account, by account id. */
  private readonly accountBudgets = new Map<string, AccountBudget>();
  private readonly keepalive: NodeJS.Timeout;
  private lastPing = Date.now();
  private closed = false;
  /** Server-side edits, one at a time per document (`exclusive`). */
  private readonly edits = new EditQueue();

  constructor(readonly options: RoomsOptions) {
    super();
    this.limits = options.limits ?? syncLimits({ maxFrameBytes: options.maxMessageBytes });
    this.dispatch = createDispatcher(this.limits.maxFrameBytes);
    this.keepalive = setInterval(() => this.sweep(), Math.max(50, options.keepaliveMs / 2));
    this.keepalive.unref();
  }

  /** The room of a loaded document, if it is loaded. */
  get(docId: string): Room | undefined {
    return this.rooms.get(docId);
  }

  /** Ids of the loaded documents. */
  loaded(): string[] {
    return [...this.rooms.keys()];
  }

  /** The room of `docId`, loading it first if needed; rejects with `DocumentNotFoundError` for an unknown id. */
  async open(docId: string): Promise<Room> {
    if (this.closed) throw new Error('Rooms are closed');
    this.cancelUnload(docId);
    const live = this.rooms.get(docId);
    if (live) return live;
    const pending = this.opening.get(docId);
    if (pending) return pending;
    const opening = (async () => {
      await this.unloading.get(docId);
      if (!(await this.options.store.getDocument(docId))) throw new DocumentNotFoundError(docId);
      const room = await Room.load(docId, {
        store: this.options.store, schema: this.options.schema, guard: this.options.guard,
        compactEvery: this.options.compactEvery, log: this.options.log,
      });
      room.onIdle = () => this.scheduleUnload(docId);
      this.rooms.set(docId, room);
      this.emit('load', docId);
      return room;
    })();
    this.opening.set(docId, opening);
    try {
      return await opening;
    } finally {
      this.opening.delete(docId);
    }
  }

  /**
   * Accept a websocket for `docId`. The connection exists at once (so early messages are held)
   * and joins its room once the room has loaded; returns the connection.
   */
  connect(socket: WebSocket, account: Account, docId: string): Connection {
    let accountBudget = this.accountBudgets.get(account.id);
    if (!accountBudget) {
      accountBudget = new AccountBudget(this.limits);
      this.accountBudgets.set(account.id, accountBudget);
    }
    const connection = new Connection(socket, account, docId, new ConnectionBudget(this.limits, accountBudget));
    if (connection.budget.overConnectionLimit) {
      connection.close(closeWith(CloseCodes.TooManyMessages, `more than ${this.limits.maxConnectionsPerAccount} connections of this account`));
      connection.release();
      return connection;
    }
    this.open(docId).then(
      (room) => {
        if (!connection.open) {
          if (room.connections.size === 0 && room.idle) this.scheduleUnload(docId);
          return;
        }
        room.join(connection, this.dispatch);
      },
      (error) => {
        connection.close(error instanceof DocumentNotFoundError ? CloseCodes.NotFound : CloseCodes.InternalError);
      },
    );
    return connection;
  }

  /** Forget a connection whose socket closed. */
  disconnect(connection: Connection): void {
    this.rooms.get(connection.docId)?.leave(connection);
    connection.release();
  }

  /**
   * Run a server-side read-modify-write edit of `docId` (a resolution, a status change, a
   * renumbering, a restore) once every edit queued before it is stored and applied, so it reads
   * the text they left. Resolves or rejects as `edit` does. `edit` must not call `exclusive` for
   * the same document (it would wait for itself).
   */
  exclusive<T>(docId: string, edit: () => Promise<T>): Promise<T> {
    return this.edits.run(docId, edit);
  }

  /**
   * Apply a Yjs update on the server's behalf: logged, applied and broadcast like a client's
   * update. Resolves once it is stored and applied.
   */
  async applyUpdate(docId: string, update: Uint8Array, origin: TransactionOrigin): Promise<void> {
    const room = await this.open(docId);
    try {
      await room.submit(update, origin);
    } finally {
      if (room.connections.size === 0 && room.idle) this.scheduleUnload(docId);
    }
  }

  /**
   * Change a live document on the server's behalf. `change` edits the `prosemirror` fragment of a
   * scratch copy of the document; the resulting update goes through `applyUpdate`. Resolves with
   * the update (null when `change` changed nothing). Changes started together are computed on the
   * same text and stored in one batch: fine for Yjs operations (inserting, formatting), wrong for
   * a change that replaces content from what it read (`updateYFragment`) — run those inside
   * `exclusive`.
   */
  async transact(
    docId: string,
    origin: TransactionOrigin,
    change: (fragment: Y.XmlFragment, doc: Y.Doc) => void,
  ): Promise<Uint8Array | null> {
    const room = await this.open(docId);
    await room.drain();
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
    const before = Y.encodeStateVector(scratch);
    let changed = false;
    scratch.on('update', () => {
      changed = true;
    });
    scratch.transact(() => change(scratch.getXmlFragment(PROSEMIRROR_ROOT), scratch));
    const update = changed ? Y.encodeStateAsUpdate(scratch, before) : null;
    scratch.destroy();
    if (update) await this.applyUpdate(docId, update, origin);
    else if (room.connections.size === 0 && room.idle) this.scheduleUnload(docId);
    return update;
  }

  /**
   * A Y.Doc holding the current state of `docId`: a copy of the live room when loaded, else built
   * from the store. The caller owns (and may destroy) it. Rejects with `DocumentNotFoundError`.
   */
  async snapshot(docId: string): Promise<Y.Doc> {
    const room = this.rooms.get(docId);
    const doc = new Y.Doc();
    if (room) {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
      return doc;
    }
    if (!(await this.options.store.getDocument(docId))) throw new DocumentNotFoundError(docId);
    const loaded = await this.options.store.load(docId);
    doc.transact(() => {
      for (const update of loaded.updates) Y.applyUpdate(doc, update);
    });
    return doc;
  }

  /** Close every connection (1001, clients reconnect), write what is queued, checkpoint and unload everything. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepalive);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.allSettled([...this.opening.values()]);
    for (const room of this.rooms.values()) for (const connection of room.connections) connection.close(CloseCodes.GoingAway);
    await Promise.allSettled([...this.unloading.values()]);
    for (const docId of [...this.rooms.keys()]) await this.unload(docId);
  }

  private cancelUnload(docId: string): void {
    const timer = this.idleTimers.get(docId);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(docId);
    }
  }

  private scheduleUnload(docId: string): void {
    if (this.closed || this.idleTimers.has(docId)) return;
    const timer = setTimeout(() => {
      this.idleTimers.delete(docId);
      const room = this.rooms.get(docId);
      if (room && room.connections.size === 0 && room.idle) {
        const unloading = this.unload(docId).finally(() => this.unloading.delete(docId));
        this.unloading.set(docId, unloading);
      }
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(docId, timer);
  }

  private async unload(docId: string): Promise<void> {
    const room = this.rooms.get(docId);
    if (!room) return;
    this.rooms.delete(docId);
    await room.drain();
    await room.compaction;
    await room.compact();
    room.destroy();
    this.emit('unload', docId);
  }

  /** Keepalive: a no-op message after outgoing silence; ping, and drop peers that missed the last pong. */
  private sweep(): void {
    const now = Date.now();
    const ping = now - this.lastPing >= this.options.keepaliveMs * 2;
    if (ping) this.lastPing = now;
    for (const room of this.rooms.values()) {
      for (const connection of room.connections) {
        if (now - connection.lastSent >= this.options.keepaliveMs) connection.send(KEEPALIVE_MESSAGE);
        if (!ping) continue;
        if (!connection.alive) {
          connection.socket.terminate();
          continue;
        }
        connection.alive = false;
        connection.socket.ping();
      }
    }
  }
}
