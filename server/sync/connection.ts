/**
 * One client's websocket on one document: who it is (the account), which Yjs client ids it has
 * used, its budgets (`limits.ts`), and the socket it is written to. Messages that arrive before
 * its room has loaded are held (up to a limit) and handed over once the room is ready, so no
 * client is answered from a half-loaded document. A peer that does not read is terminated before
 * more than `maxBufferedBytes` (plus the last full state it asked for) wait for it.
 */
import type { WebSocket } from 'ws';
import type { Account } from '../storage/types.ts';
import { CloseCodes, closeWith, type CloseCode } from './close-codes.ts';
import { AccountBudget, ConnectionBudget, syncLimits } from './limits.ts';

let nextConnectionId = 1;

/** A client connection to a document's room. */
export class Connection {
  /** Process-unique id, used in transaction origins. */
  readonly id = nextConnectionId++;
  /** Yjs client ids this connection has written with or announced in awareness. */
  readonly clientIds = new Set<number>();
  /** Awareness client ids whose states this connection owns (removed when it drops). */
  readonly awarenessIds = new Set<number>();
  /** Time (ms) anything was last sent, for the keepalive. */
  lastSent = Date.now();
  /** False until a pong answers the last ping. */
  alive = true;
  /** Updates refused by the update guard so far. */
  refusedUpdates = 0;
  /** Close code sent by the server, if it closed this connection. */
  closedWith: CloseCode | null = null;
  /** Messages received before the room was ready. */
  readonly held: Array<ArrayBuffer | string> = [];
  /** Set by the room when it has taken the connection in. */
  onMessage: ((data: ArrayBuffer | string) => void) | null = null;
  /** Every presence client id this connection ever set a state for (never shrinks; capped). */
  readonly presenceIds = new Set<number>();
  /** Presence entries received faster than the relay budget, merged (latest per client id) until due. */
  readonly laterPresence = new Map<number, { clock: number; json: string }>();
  /** Timer relaying `laterPresence`. */
  presenceTimer: NodeJS.Timeout | null = null;
  /** Bytes of the largest full state sent to this peer: it may wait on top of `maxBufferedBytes`. */
  stateAllowance = 0;
  /** Bytes of held messages. */
  private heldBytes = 0;

  constructor(
    readonly socket: WebSocket,
    readonly account: Account,
    readonly docId: string,
    /** This connection's budgets (default: the default limits and a budget of its own). */
    readonly budget: ConnectionBudget = new ConnectionBudget(syncLimits(), new AccountBudget(syncLimits())),
  ) {
    socket.on('pong', () => {
      this.alive = true;
    });
  }

  /** True while the socket can be written to. */
  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /**
   * Send one binary message if the socket is open. When more than the buffer limit already waits
   * for the peer, terminate the socket instead (it does not read; the buffer is released at once).
   */
  send(message: Uint8Array): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount > this.budget.limits.maxBufferedBytes + this.stateAllowance) {
      this.terminate(closeWith(CloseCodes.SlowReader, `${this.socket.bufferedAmount} bytes unread`));
      return;
    }
    this.lastSent = Date.now();
    this.socket.send(message, this.sent);
  }

  /** Drop the socket at once, recording `code` as the reason (the peer sees 1006). */
  terminate(code: CloseCode): void {
    if (!this.closedWith) this.closedWith = code;
    this.socket.terminate();
  }

  /** Completion callback of every send (one function, not one closure per message): drop a socket that failed. */
  private readonly sent = (error?: Error): void => {
    if (error) this.socket.terminate();
  };

  /** Close the socket with a named code (once). */
  close(code: CloseCode): void {
    if (this.closedWith || this.socket.readyState >= this.socket.CLOSING) return;
    this.closedWith = code;
    this.socket.close(code.code, code.reason);
  }

  /** Hand a received frame to the room, or hold it until the room is ready. */
  receive(data: ArrayBuffer | string): void {
    if (this.closedWith) return;
    if (this.onMessage) {
      this.onMessage(data);
      return;
    }
    this.heldBytes += typeof data === 'string' ? data.length : data.byteLength;
    if (this.held.length >= this.budget.limits.maxHeldMessages || this.heldBytes > 2 * this.budget.limits.maxFrameBytes) {
      this.held.length = 0;
      this.close(closeWith(CloseCodes.TooManyMessages, 'sent while the document was loading'));
      return;
    }
    this.held.push(data);
  }

  /** Stop the presence timer and stop counting against the account (on leave or close). */
  release(): void {
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    this.laterPresence.clear();
    this.budget.release();
  }
}
