/**
 * One client's websocket on one document: who it is (the account), which Yjs client ids it has
 * used, and the socket it is written to. Messages that arrive before its room has loaded are held
 * and handed over once the room is ready, so no client is answered from a half-loaded document.
 */
import type { WebSocket } from 'ws';
import type { Account } from '../storage/types.ts';
import type { CloseCode } from './close-codes.ts';

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

  constructor(
    readonly socket: WebSocket,
    readonly account: Account,
    readonly docId: string,
  ) {
    socket.on('pong', () => {
      this.alive = true;
    });
  }

  /** True while the socket can be written to. */
  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Send one binary message if the socket is open. */
  send(message: Uint8Array): void {
    if (!this.open) return;
    this.lastSent = Date.now();
    this.socket.send(message, this.sent);
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
    if (this.onMessage) this.onMessage(data);
    else this.held.push(data);
  }
}
