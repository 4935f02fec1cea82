/**
 * Schema migrations of the SQLite store, applied in order by `PRAGMA user_version`.
 * Migration 1 creates every table of the server contract up front. Migration 2 adds
 * `client_owners` (which account owns each Yjs client id of a document) and fills it from the
 * existing log: the first logged update under a client id names its owner. Migration 3 adds
 * `resolutions.update_seq`, the log seq of the update that carried a resolution (null for older
 * records), so that a chair can undo it. Migration 4 adds what accounts need beyond a token
 * (revocation, invitation expiry, last activity), server-side `sessions` (the browser's cookie holds
 * a session id, never the token), `account_events` (revocations and rotations, which a running
 * server polls to close live sessions that another process — the CLI — revoked), and
 * `checkpoint_history`: every checkpoint is also kept with the time of the newest update it covers,
 * so the text at a past time is rebuilt from the nearest earlier checkpoint instead of the whole log.
 */
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { SERVER_OWNER } from './types.ts';

/** SQL of each migration; index i brings the database from version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    base TEXT NULL,
    created_at INTEGER NOT NULL,
    source_version TEXT NULL
  );
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    delegation TEXT NOT NULL,
    role TEXT NOT NULL,
    token_hash TEXT UNIQUE NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE updates (
    doc_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    account_id TEXT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX updates_by_time ON updates (doc_id, created_at);
  CREATE TABLE checkpoints (
    doc_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    state BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    label TEXT NOT NULL,
    author_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    state BLOB NOT NULL,
    json TEXT NOT NULL
  );
  CREATE INDEX versions_by_doc ON versions (doc_id, created_at);
  CREATE TABLE resolutions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    bracket_id TEXT NOT NULL,
    action TEXT NOT NULL,
    option_id TEXT NULL,
    account_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    before_text TEXT NOT NULL,
    after_text TEXT NOT NULL
  );
  CREATE INDEX resolutions_by_doc ON resolutions (doc_id, created_at);
  `,
  `
  CREATE TABLE client_owners (
    doc_id TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, client_id)
  ) WITHOUT ROWID;
  `,
  `
  ALTER TABLE resolutions ADD COLUMN update_seq INTEGER NULL;
  `,
  `
  ALTER TABLE accounts ADD COLUMN revoked_at INTEGER NULL;
  ALTER TABLE accounts ADD COLUMN invitation_expires_at INTEGER NULL;
  ALTER TABLE accounts ADD COLUMN last_active_at INTEGER NULL;
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sessions_by_account ON sessions (account_id);
  CREATE TABLE account_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE checkpoint_history (
    doc_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    covers_until INTEGER NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
  ) WITHOUT ROWID;
  `,
  `
  ALTER TABLE resolutions ADD COLUMN details TEXT NULL;
  `,
];

/** Work a migration needs beyond its SQL, run in the same transaction, by target version. */
const AFTER: Record<number, (db: Database.Database) => void> = {
  2: (db) => {
    const bind = db.prepare('INSERT OR IGNORE INTO client_owners (doc_id, client_id, account_id) VALUES (?, ?, ?)');
    const rows = db.prepare<[], { doc_id: string; data: Buffer; account_id: string | null }>('SELECT doc_id, data, account_id FROM updates ORDER BY doc_id, seq');
    // The log is read to the end before anything is written (a connection cannot write while iterating).
    const owners = new Map<string, { docId: string; clientId: number; accountId: string }>();
    for (const row of rows.iterate()) {
      for (const clientId of Y.parseUpdateMeta(new Uint8Array(row.data)).from.keys()) {
        const key = `${row.doc_id}\u0000${clientId}`;
        if (!owners.has(key)) owners.set(key, { docId: row.doc_id, clientId, accountId: row.account_id ?? SERVER_OWNER });
      }
    }
    for (const owner of owners.values()) bind.run(owner.docId, owner.clientId, owner.accountId);
  },
};

/** Bring the database to the latest schema version; throws a RangeError if it is newer than this code. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new RangeError(`Database schema version ${current} is newer than this server (${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      AFTER[version + 1]?.(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
