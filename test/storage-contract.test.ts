import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { MIGRATIONS, SERVER_OWNER, openSqliteStore } from '../server/storage/index.ts';
import { describeDocumentStore } from './storage-contract.ts';
import { tempDir } from './server-helpers.ts';

describeDocumentStore('SQLite', async () => {
  const temp = tempDir();
  const store = openSqliteStore(join(temp.dir, 'store.db'));
  return { store, dispose: async () => { await store.close(); temp.cleanup(); } };
});

describe('SQLite store', () => {
  it('creates every table of the contract at the latest schema version, with tokens stored hashed', async () => {
    const temp = tempDir();
    const path = join(temp.dir, 'store.db');
    const store = openSqliteStore(path);
    const { token } = await store.createAccount({ name: 'A', delegation: 'FR', role: 'delegate' });
    await store.close();
    const db = new Database(path, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => (row as { name: string }).name);
    expect(tables).toEqual(['account_events', 'accounts', 'checkpoint_history', 'checkpoints', 'client_owners', 'documents', 'resolutions', 'sessions', 'sqlite_sequence', 'updates', 'versions']);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const stored = db.prepare('SELECT token_hash FROM accounts').get() as { token_hash: string };
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    db.close();
    temp.cleanup();
  });

  it('refuses a database written by a newer version, naming both versions', () => {
    const temp = tempDir();
    const path = join(temp.dir, 'store.db');
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStore(path)).toThrow(new RegExp(`99.*\\(${MIGRATIONS.length}\\)`));
    temp.cleanup();
  });

  it('gives resolutions recorded before migration 3 a null update seq', async () => {
    const temp = tempDir();
    const path = join(temp.dir, 'store.db');
    const legacy = new Database(path);
    legacy.exec(MIGRATIONS[0]);
    legacy.exec(MIGRATIONS[1]);
    legacy.pragma('user_version = 2');
    legacy.prepare('INSERT INTO resolutions (id, doc_id, bracket_id, action, option_id, account_id, created_at, before_text, after_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run('res_1', 'd', 'br_1', 'keep', null, 'acc_chair', 1, '[a]', 'a');
    legacy.close();
    const store = openSqliteStore(path);
    expect((await store.listResolutions('d'))[0]).toMatchObject({ id: 'res_1', updateSeq: null });
    await store.close();
    temp.cleanup();
  });

  it('fills client_owners from the log when migrating a version 1 database: the first author of each client id owns it', async () => {
    const temp = tempDir();
    const path = join(temp.dir, 'store.db');
    const legacy = new Database(path);
    legacy.exec(MIGRATIONS[0]);
    legacy.pragma('user_version = 1');
    const a = new Y.Doc();
    a.clientID = 11;
    const b = new Y.Doc();
    b.clientID = 22;
    a.getXmlFragment('prosemirror').insert(0, [new Y.XmlText('imported')]);
    const imported = Y.encodeStateAsUpdate(a);
    Y.applyUpdate(b, imported);
    const before = Y.encodeStateVector(b);
    (b.getXmlFragment('prosemirror').get(0) as Y.XmlText).insert(0, 'KE ');
    const typed = Y.encodeStateAsUpdate(b, before);
    const insert = legacy.prepare('INSERT INTO updates (doc_id, seq, data, account_id, created_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('d', 1, Buffer.from(imported), null, 1);
    insert.run('d', 2, Buffer.from(typed), 'acc_ke', 2);
    legacy.close();
    const store = openSqliteStore(path);
    expect(await store.clientOwners('d')).toEqual([
      { clientId: 11, accountId: SERVER_OWNER },
      { clientId: 22, accountId: 'acc_ke' },
    ]);
    await store.close();
    temp.cleanup();
  });
});
