/** Shared pieces of the server tests: a real server on port 0 with a temp database, real providers, event waits. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { startServer, type RunningServer, type StartOptions } from '../server/start.ts';
import { importProseMirrorDocument } from '../server/import-document.ts';
import type { Account, Role } from '../server/storage/types.ts';

/** A small valid treaty document with one article. */
export function treatyJSON(text = 'Each Party shall adopt such measures.'): unknown {
  return {
    type: 'doc',
    content: [
      { type: 'docinfo', attrs: { base: 'convention-2001' } },
      { type: 'title', content: [{ type: 'text', text: 'Protocol on Cybercrime' }] },
      { type: 'article', attrs: { id: 'art_1' }, content: [
        { type: 'heading', content: [{ type: 'text', text: 'Definitions' }] },
        { type: 'plain', attrs: { id: 'p_1' }, content: [{ type: 'text', text }] },
      ] },
    ],
  };
}

/** A temporary folder removed by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plenipo-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A test server with a document and accounts of each role. */
export interface TestServer {
  server: RunningServer;
  dbPath: string;
  docId: string;
  tokens: Record<string, string>;
  accounts: Record<string, Account>;
  providers: WebsocketProvider[];
  /** A real WebsocketProvider on a fresh Y.Doc for `who` ('fr', 'ke', 'observer', ...). */
  connect(who: string, options?: { docId?: string; connect?: boolean }): { doc: Y.Doc; provider: WebsocketProvider };
  /** Close the server and start a new one on the same port and database (providers reconnect). */
  restart(): Promise<void>;
  /** A raw `ws` socket on the sync endpoint, resolved once open. */
  rawSocket(who: string, docId?: string): Promise<WebSocket>;
  stop(): Promise<void>;
}

const ROLES: Record<string, { name: string; delegation: string; role: Role }> = {
  fr: { name: 'France', delegation: 'FR', role: 'delegate' },
  ke: { name: 'Kenya', delegation: 'KE', role: 'delegate' },
  us: { name: 'United States', delegation: 'US', role: 'delegate' },
  chair: { name: 'Chair', delegation: 'CHAIR', role: 'chair' },
  sec: { name: 'Secretariat', delegation: 'SECRETARIAT', role: 'secretariat' },
  observer: { name: 'ICRC', delegation: 'ICRC', role: 'observer' },
};

/** Start a real server on port 0 with a temp database, one document and an account per role. */
export async function startTestServer(options: Partial<StartOptions> & { dbPath?: string } = {}): Promise<TestServer> {
  const temp = options.dbPath ? null : tempDir();
  const dbPath = options.dbPath ?? join(temp!.dir, 'plenipo.db');
  const server = await startServer({ quiet: true, staticRoot: null, ...options, dbPath });
  const tokens: Record<string, string> = {};
  const accounts: Record<string, Account> = {};
  for (const [key, spec] of Object.entries(ROLES)) {
    const { account, token } = await server.store.createAccount(spec);
    tokens[key] = token;
    accounts[key] = account;
  }
  const record = (await server.store.listDocuments())[0] ?? (await importProseMirrorDocument(server.store, { json: treatyJSON() }));
  const providers: WebsocketProvider[] = [];
  const test: TestServer = {
    server, dbPath,
    async restart() {
      await test.server.close();
      test.server = await startServer({ quiet: true, staticRoot: null, ...options, dbPath, port: test.server.port });
    },
    rawSocket(who, docId) {
      const socket = new WebSocket(`ws://127.0.0.1:${test.server.port}/sync/${docId ?? record.id}?token=${tokens[who]}`);
      return new Promise((resolve, reject) => {
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
    }, docId: record.id, tokens, accounts, providers,
    connect(who, connectOptions = {}) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`ws://127.0.0.1:${test.server.port}/sync`, connectOptions.docId ?? record.id, doc, {
        params: { token: tokens[who] }, WebSocketPolyfill: WebSocket as never, connect: connectOptions.connect ?? true, disableBc: true,
      });
      providers.push(provider);
      return { doc, provider };
    },
    async stop() {
      for (const provider of providers) provider.destroy();
      await test.server.close();
      temp?.cleanup();
    },
  };
  return test;
}

/** Resolves when the provider has synced with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (state: boolean) => {
      if (!state) return;
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
}

/** Resolves when `predicate` holds, re-checking on every update of `doc`. */
export function whenDoc(doc: Y.Doc, predicate: () => boolean): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!predicate()) return;
      doc.off('update', check);
      resolve();
    };
    doc.on('update', check);
  });
}

/** Resolves with the close event of the provider's current socket. */
export function nextClose(provider: WebsocketProvider): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const onClose = (event: { code: number; reason: string } | null) => {
      provider.off('connection-close', onClose);
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
    };
    provider.on('connection-close', onClose as never);
  });
}

/** The plain text of the first `plain` block of a document's prosemirror fragment. */
export function firstPlainText(doc: Y.Doc): string {
  const fragment = doc.getXmlFragment('prosemirror');
  const plain = fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'plain').next();
  if (plain.done) return '';
  const text = (plain.value as Y.XmlElement).get(0);
  if (!(text instanceof Y.XmlText)) return '';
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** The XmlText of the first `plain` block (to type into). */
export function firstPlain(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment('prosemirror');
  const plain = fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'plain').next();
  if (plain.done) throw new RangeError('Document has no plain block');
  const text = (plain.value as Y.XmlElement).get(0);
  if (!(text instanceof Y.XmlText)) throw new RangeError('First plain block holds no text');
  return text;
}

/** Resolves with the code and reason a raw socket is closed with. */
export function closed(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

/** A JSON request as `token` to `/api/documents/<test.docId><path>` through the app (POST when there is a body). */
export function documentRequest(test: TestServer, token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return Promise.resolve(test.server.app.request(`/api/documents/${test.docId}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  }));
}
