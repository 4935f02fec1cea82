/**
 * A raw-protocol sync client: one websocket speaking y-websocket or Hocuspocus framing (see
 * `wire.ts`), cheaper than a WebsocketProvider so that one load process can hold a hundred of them.
 *
 * A *live* client (a typist) keeps a Y.Doc and applies every update as it arrives, as an editor
 * would. A *passive* client only time-stamps and keeps what it receives; its Y.Doc is built after
 * the measured window (`finalDoc`), so the load generator spends its CPU on the socket, not on Yjs,
 * while the clock runs.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, decodeMessage, encodeHocuspocusAuth, encodeSync, type Framing } from './wire.ts';

/** Where and how a client connects. */
export interface ClientSpec {
  /** Full websocket URL (document path and token already in it for y-websocket servers). */
  url: string;
  framing: Framing;
  documentName: string;
  token: string;
  /**
   * Per-client URLs, when the server wants the load spread over accounts: client `i` of the load
   * uses `urls[i % urls.length]` (see `specFor`). Plenipo limits connections per account.
   */
  urls?: string[];
}

/** The spec client number `index` of a load connects with: its own URL from `spec.urls`, if any. */
export function specFor(spec: ClientSpec, index: number): ClientSpec {
  return spec.urls?.length ? { ...spec, url: spec.urls[index % spec.urls.length] } : spec;
}

/** Monotonic milliseconds shared by every process on the machine (CLOCK_MONOTONIC). */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

const REMOTE = Symbol('remote');
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

/** One raw-protocol client. `onUpdate` sees every step 2 and update, time-stamped on arrival. */
export class RawClient {
  readonly doc: Y.Doc | null;
  readonly received: Uint8Array[] = [];
  private socket: WebSocket | null = null;
  private closedByUs = false;
  closed = false;

  constructor(
    readonly spec: ClientSpec,
    readonly live: boolean,
    private readonly onUpdate: (data: Uint8Array, time: number) => void,
    private readonly onClose: () => void = () => {},
    clientID?: number,
  ) {
    this.doc = live ? new Y.Doc() : null;
    if (this.doc && clientID !== undefined) this.doc.clientID = clientID;
    this.doc?.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.send(encodeSync(spec.framing, spec.documentName, SYNC_UPDATE, update));
    });
  }

  /** Open the socket and resolve once the server's step 2 has arrived (the client is synced). */
  connect(timeoutMs = 30_000): Promise<void> {
    const { url, framing, documentName, token } = this.spec;
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      this.socket = socket;
      let synced = false;
      const timer = setTimeout(() => fail(new Error(`client for ${url} not synced after ${timeoutMs} ms`)), timeoutMs);
      const fail = (error: Error): void => { clearTimeout(timer); if (!synced) reject(error); };
      socket.binaryType = 'nodebuffer';
      socket.on('open', () => {
        if (framing === 'hocuspocus') socket.send(encodeHocuspocusAuth(documentName, token));
        const stateVector = this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]);
        socket.send(encodeSync(framing, documentName, SYNC_STEP1, stateVector));
      });
      socket.on('message', (raw: Buffer) => {
        const time = now();
        const message = decodeMessage(framing, raw);
        if (message.kind === 'denied') { fail(new Error(`server denied ${documentName}: ${message.reason}`)); socket.close(); return; }
        if (message.kind !== 'sync') return;
        if (message.syncType === SYNC_STEP1) {
          const answer = this.doc ? Y.encodeStateAsUpdate(this.doc, message.data) : EMPTY_UPDATE;
          socket.send(encodeSync(framing, documentName, SYNC_STEP2, answer));
          return;
        }
        this.receive(message.data, time);
        if (message.syncType === SYNC_STEP2 && !synced) { synced = true; clearTimeout(timer); resolve(); }
      });
      socket.on('error', (error) => fail(error));
      socket.on('close', (code, reason) => {
        this.closed = true;
        fail(new Error(`socket to ${url} closed before sync: ${code} ${reason.toString()}`));
        if (!this.closedByUs) this.onClose();
      });
    });
  }

  private receive(data: Uint8Array, time: number): void {
    this.onUpdate(data, time);
    if (this.doc) Y.applyUpdate(this.doc, data, REMOTE);
    else this.received.push(data);
  }

  /** Send raw bytes if the socket is open; returns whether they went out. */
  send(message: Uint8Array): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(message);
    return true;
  }

  /** The client's document: the live one, or one rebuilt from everything received. */
  finalDoc(): Y.Doc {
    if (this.doc) return this.doc;
    const doc = new Y.Doc();
    doc.transact(() => { for (const update of this.received) Y.applyUpdate(doc, update, REMOTE); });
    return doc;
  }

  /** Close the socket (idempotent). */
  close(): void {
    this.closedByUs = true;
    this.socket?.close();
  }
}
