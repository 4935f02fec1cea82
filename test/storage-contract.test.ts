import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../server/storage/index.ts';
import { describeDocumentStore } from './storage-contract.ts';
import { tempDir } from './server-helpers.ts';

describeDocumentStore('SQLite', async () => {
  const temp = tempDir();
  const store = openSqliteStore(join(temp.dir, 'store.db'));
  return { store, dispose: async () => { await store.close(); temp.cleanup(); } };
});

describe('SQLite store', () => {
  it('creates every table of the contract at schema version 1, with tokens stored hashed', async () => {
    const temp = tempDir();
    const path = join(temp.dir, 'store.db');
    const store = openSqliteStore(path);
    const { token } = await store.createAccount({ name: 'A', delegation: 'FR', role: 'delegate' });
    await store.close();
    const db = new Database(path, { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((row) => (row as { name: string }).name);
    expect(tables).toEqual(['accounts', 'checkpoints', 'documents', 'resolutions', 'updates', 'versions']);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
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
    expect(() => openSqliteStore(path)).toThrow(/99.*1/);
    temp.cleanup();
  });
});
