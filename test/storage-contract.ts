/**
 * The contract every `DocumentStore` implementation must pass. Call `describeDocumentStore` from
 * a test file with a factory for a fresh, empty store of the implementation under test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SERVER_OWNER, type DocumentStore } from '../server/storage/types.ts';

/** A fresh empty store and how to dispose of it. */
export interface StoreUnderTest {
  store: DocumentStore;
  dispose(): Promise<void>;
}

/** An update inserting `text` at the start of the `prosemirror` fragment of a doc with `doc`'s history. */
function typed(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment('prosemirror');
  const paragraph = new Y.XmlElement('plain');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(0, [paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** Text of a state update, paragraphs joined with "|". */
function textOf(...updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getXmlFragment('prosemirror').toArray().map((node) => (node as Y.XmlElement).get(0)?.toString()).join('|');
}

/** Register the contract tests for one implementation. */
export function describeDocumentStore(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let current: StoreUnderTest | null = null;
    const fresh = async (): Promise<DocumentStore> => {
      current = await open();
      return current.store;
    };
    afterEach(async () => {
      await current?.dispose();
      current = null;
    });

    it('creates a document and lists it', async () => {
      const store = await fresh();
      const record = await store.createDocument({ title: 'Protocol', base: 'convention-2001' });
      expect(await store.getDocument(record.id)).toEqual(record);
      expect(await store.listDocuments()).toEqual([record]);
      expect(await store.getDocument('nope')).toBeNull();
    });

    it('stores the initial update as the first log entry', async () => {
      const store = await fresh();
      const initial = typed(new Y.Doc(), 'first');
      const record = await store.createDocument({ title: 'T', initialUpdate: initial });
      const loaded = await store.load(record.id);
      expect(loaded.seq).toBe(1);
      expect(textOf(...loaded.updates)).toBe('first');
    });

    it('appends updates with consecutive sequence numbers and their authors', async () => {
      const store = await fresh();
      const { id } = await store.createDocument({ title: 'T' });
      const doc = new Y.Doc();
      expect(await store.append(id, [{ data: typed(doc, 'a'), accountId: 'acc_1' }, { data: typed(doc, 'b'), accountId: null }])).toBe(2);
      expect(await store.append(id, [{ data: typed(doc, 'c'), accountId: 'acc_2' }])).toBe(3);
      const log = await store.updatesAfter(id, 0);
      expect(log.map((entry) => [entry.seq, entry.accountId])).toEqual([[1, 'acc_1'], [2, null], [3, 'acc_2']]);
      expect(textOf(...(await store.load(id)).updates)).toBe('c|b|a');
    });

    it('loads the checkpoint followed by the tail, and keeps the log', async () => {
      const store = await fresh();
      const { id } = await store.createDocument({ title: 'T' });
      const doc = new Y.Doc();
      await store.append(id, [{ data: typed(doc, 'a'), accountId: null }, { data: typed(doc, 'b'), accountId: null }]);
      await store.checkpoint(id, 2, Y.encodeStateAsUpdate(doc));
      await store.append(id, [{ data: typed(doc, 'c'), accountId: null }]);
      const loaded = await store.load(id);
      expect(loaded).toMatchObject({ seq: 3, checkpointSeq: 2 });
      expect(loaded.updates).toHaveLength(2);
      expect(textOf(...loaded.updates)).toBe('c|b|a');
      expect(await store.updatesAfter(id, 0)).toHaveLength(3);
    });

    it('never moves a checkpoint backwards', async () => {
      const store = await fresh();
      const { id } = await store.createDocument({ title: 'T' });
      const doc = new Y.Doc();
      await store.append(id, [{ data: typed(doc, 'a'), accountId: null }]);
      const early = Y.encodeStateAsUpdate(doc);
      await store.append(id, [{ data: typed(doc, 'b'), accountId: null }]);
      await store.checkpoint(id, 2, Y.encodeStateAsUpdate(doc));
      await store.checkpoint(id, 1, early);
      expect((await store.load(id)).checkpointSeq).toBe(2);
      expect(textOf(...(await store.load(id)).updates)).toBe('b|a');
    });

    it('rebuilds the state as it stood at a given time', async () => {
      const store = await fresh();
      const { id } = await store.createDocument({ title: 'T' });
      const doc = new Y.Doc();
      await store.append(id, [{ data: typed(doc, 'a'), accountId: null, createdAt: 1000 }]);
      await store.append(id, [{ data: typed(doc, 'b'), accountId: null, createdAt: 2000 }]);
      await store.append(id, [{ data: typed(doc, 'c'), accountId: null, createdAt: 3000 }]);
      expect(textOf(await store.stateAt(id, 2500))).toBe('b|a');
      expect((await store.updatesUntil(id, 1000)).map((entry) => entry.seq)).toEqual([1]);
      expect(textOf(await store.stateAt(id, 500))).toBe('');
    });

    it('keeps logs of different documents apart', async () => {
      const store = await fresh();
      const one = await store.createDocument({ title: 'One' });
      const two = await store.createDocument({ title: 'Two' });
      await store.append(one.id, [{ data: typed(new Y.Doc(), 'one'), accountId: null }]);
      expect((await store.load(two.id)).updates).toEqual([]);
      expect(await store.append(two.id, [{ data: typed(new Y.Doc(), 'two'), accountId: null }])).toBe(1);
    });

    it('finds an account by its token and not by anything else', async () => {
      const store = await fresh();
      const { account, token } = await store.createAccount({ name: 'Kenya', delegation: 'KE', role: 'delegate' });
      expect(token.length).toBeGreaterThanOrEqual(32);
      expect(await store.accountByToken(token)).toEqual(account);
      expect(await store.accountByToken(token + 'x')).toBeNull();
      expect(await store.accountByToken('')).toBeNull();
      expect(await store.getAccount(account.id)).toEqual(account);
      expect(await store.listAccounts()).toEqual([account]);
    });

    it('gives every account a different token', async () => {
      const store = await fresh();
      const a = await store.createAccount({ name: 'A', delegation: 'FR', role: 'delegate' });
      const b = await store.createAccount({ name: 'B', delegation: 'FR', role: 'delegate' });
      expect(a.token).not.toBe(b.token);
    });

    it('refuses an unknown role, naming it', async () => {
      const store = await fresh();
      await expect(store.createAccount({ name: 'X', delegation: 'XX', role: 'king' as never })).rejects.toThrow(/"king"/);
    });

    it('creates, lists, renames and deletes versions', async () => {
      const store = await fresh();
      const { id } = await store.createDocument({ title: 'T' });
      const state = typed(new Y.Doc(), 'v');
      const version = await store.createVersion({ docId: id, label: 'Rev.1', authorId: 'acc_1', state, json: '{"type":"doc"}' });
      expect(await store.getVersion(version.id)).toEqual(version);
      expect(await store.listVersions(id)).toEqual([version]);
      expect((await store.renameVersion(version.id, 'Rev.1/Corr.1'))?.label).toBe('Rev.1/Corr.1');
      expect(await store.deleteVersion(version.id)).toBe(true);
      expect(await store.deleteVersion(version.id)).toBe(false);
      expect(await store.listVersions(id)).toEqual([]);
    });

    it('records resolutions in order', async () => {
      const store = await fresh();
      const { id } = await store.createDocument({ title: 'T' });
      const first = await store.addResolution({
        docId: id, bracketId: 'br_1', action: 'keep', optionId: null, accountId: 'acc_chair', beforeText: '[a]', afterText: 'a', createdAt: 1,
      });
      const second = await store.addResolution({
        docId: id, bracketId: 'br_2', action: 'choose', optionId: 'opt_1', accountId: 'acc_chair', beforeText: 'x', afterText: 'y', createdAt: 2,
      });
      expect(await store.listResolutions(id)).toEqual([first, second]);
    });

    it('keeps the log seq of the update that carried a resolution', async () => {
      const store = await fresh();
      const { id } = await store.createDocument({ title: 'T' });
      const record = await store.addResolution({
        docId: id, bracketId: 'br_1', action: 'drop', optionId: null, accountId: 'acc_chair', beforeText: '[a]', afterText: '', updateSeq: 7,
      });
      expect(record.updateSeq).toBe(7);
      expect((await store.listResolutions(id))[0].updateSeq).toBe(7);
    });

    it('binds client ids with the appended updates, the first owner keeping each id', async () => {
      const store = await fresh();
      const doc = await store.createDocument({ title: 'T' });
      const other = await store.createDocument({ title: 'U' });
      await store.append(doc.id, [{ data: typed(new Y.Doc(), 'a'), accountId: 'acc_fr' }], [{ clientId: 7, accountId: 'acc_fr' }]);
      await store.append(doc.id, [{ data: typed(new Y.Doc(), 'b'), accountId: 'acc_ke' }], [{ clientId: 7, accountId: 'acc_ke' }, { clientId: 8, accountId: 'acc_ke' }]);
      await store.bindClients(doc.id, [{ clientId: 8, accountId: 'acc_us' }, { clientId: 9, accountId: SERVER_OWNER }]);
      expect(await store.clientOwners(doc.id)).toEqual([
        { clientId: 7, accountId: 'acc_fr' },
        { clientId: 8, accountId: 'acc_ke' },
        { clientId: 9, accountId: SERVER_OWNER },
      ]);
      expect(await store.clientOwners(other.id)).toEqual([]);
    });

    it('refuses to create an account under the reserved server owner id', async () => {
      const store = await fresh();
      await expect(store.createAccount({ id: SERVER_OWNER, name: 'S', delegation: 'X', role: 'chair' })).rejects.toThrow(/"@server" is reserved/);
    });

    it('revokes an account: its token, its sessions and its events say so', async () => {
      const store = await fresh();
      const { account, token } = await store.createAccount({ name: 'Kenya', delegation: 'KE', role: 'delegate' });
      const session = await store.createSession(account.id, 60_000);
      expect(await store.accountBySession(session.id)).toEqual(account);
      expect(await store.revokeAccount(account.id)).toBe(true);
      expect(await store.checkToken(token)).toEqual({ status: 'revoked', account });
      expect(await store.accountByToken(token)).toBeNull();
      expect(await store.accountBySession(session.id)).toBeNull();
      expect((await store.listAccountDetails())[0]).toMatchObject({ id: account.id, revoked: true });
      expect((await store.accountEventsAfter(0)).map((e) => [e.accountId, e.kind])).toEqual([[account.id, 'revoke']]);
      expect(await store.revokeAccount('acc_nobody')).toBe(false);
    });

    it('rotates a token: the old one and the sessions end, the new one signs in', async () => {
      const store = await fresh();
      const { account, token } = await store.createAccount({ name: 'France', delegation: 'FR', role: 'delegate' });
      const session = await store.createSession(account.id, 60_000);
      const fresh2 = (await store.rotateToken(account.id))!;
      expect(fresh2).not.toBe(token);
      expect(await store.checkToken(token)).toEqual({ status: 'unknown' });
      expect(await store.accountByToken(fresh2)).toEqual(account);
      expect(await store.accountBySession(session.id)).toBeNull();
      const events = await store.accountEventsAfter(0);
      expect(events.map((e) => e.kind)).toEqual(['rotate']);
      expect(await store.accountEventsAfter(events[0].seq)).toEqual([]);
      expect(await store.rotateToken('acc_nobody')).toBeNull();
    });

    it('refuses an invitation token after it expires, and a session after it expires', async () => {
      const store = await fresh();
      const { account, token } = await store.createAccount({ name: 'Late', delegation: 'LT', role: 'delegate', invitationExpiresAt: Date.now() - 1 });
      expect(await store.checkToken(token)).toEqual({ status: 'expired', account });
      const { token: valid } = await store.createAccount({ name: 'On time', delegation: 'OT', role: 'delegate', invitationExpiresAt: Date.now() + 60_000 });
      expect((await store.checkToken(valid)).status).toBe('ok');
      const session = await store.createSession(account.id, -1);
      expect(await store.accountBySession(session.id)).toBeNull();
      await store.deleteSession(session.id);
    });

    it('records the last activity of an account', async () => {
      const store = await fresh();
      const { account } = await store.createAccount({ name: 'Kenya', delegation: 'KE', role: 'delegate' });
      expect((await store.listAccountDetails())[0].lastActiveAt).toBeNull();
      await store.touchAccount(account.id);
      expect((await store.listAccountDetails())[0].lastActiveAt).toBeGreaterThan(0);
    });
  });
}
