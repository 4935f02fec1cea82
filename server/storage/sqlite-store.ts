/**
 * The SQLite implementation of `DocumentStore` (better-sqlite3, WAL). Statements are prepared once
 * when the store opens; writes run inside `db.transaction`. The update log is append-only:
 * checkpoints are written beside it and never replace it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { newId } from '../../shared/model/ids.ts';
import { migrate } from './migrations.ts';
import { SqliteAccounts } from './sqlite-accounts.ts';
import { stateAt } from './state-at.ts';
import {
  type Account,
  type AccountDetails,
  type AccountEvent,
  type TokenCheck,
  type ClientOwner,
  type DocumentRecord,
  type DocumentStore,
  type LoadedDocument,
  type LoggedUpdate,
  type NewUpdate,
  type ResolutionRecord,
  type VersionRecord,
} from './types.ts';

/** How hard SQLite syncs to disk: `full` survives power loss, `normal` (WAL) survives process crashes. */
export type SyncPolicy = 'full' | 'normal';

/** Options of `openSqliteStore`. */
export interface SqliteStoreOptions {
  /** PRAGMA synchronous; default `normal` (WAL: a commit survives a killed process; `full` also survives power loss). */
  sync?: SyncPolicy;
}

interface DocumentRow { id: string; title: string; base: string | null; created_at: number; source_version: string | null }
interface UpdateRow { seq: number; data: Buffer; account_id: string | null; created_at: number }
interface VersionRow { id: string; doc_id: string; label: string; author_id: string; created_at: number; state: Buffer; json: string }
interface ResolutionRow {
  id: string; doc_id: string; bracket_id: string; action: string; option_id: string | null;
  account_id: string; created_at: number; before_text: string; after_text: string; update_seq: number | null;
  details: string | null;
}

const toDocument = (row: DocumentRow): DocumentRecord => ({
  id: row.id, title: row.title, base: row.base, createdAt: row.created_at, sourceVersion: row.source_version,
});
const toUpdate = (row: UpdateRow): LoggedUpdate => ({
  seq: row.seq, data: new Uint8Array(row.data), accountId: row.account_id, createdAt: row.created_at,
});
const toVersion = (row: VersionRow): VersionRecord => ({
  id: row.id, docId: row.doc_id, label: row.label, authorId: row.author_id, createdAt: row.created_at,
  state: new Uint8Array(row.state), json: row.json,
});
const toResolution = (row: ResolutionRow): ResolutionRecord => ({
  id: row.id, docId: row.doc_id, bracketId: row.bracket_id, action: row.action, optionId: row.option_id,
  accountId: row.account_id, createdAt: row.created_at, beforeText: row.before_text, afterText: row.after_text, updateSeq: row.update_seq,
  details: row.details ? JSON.parse(row.details) : null,
});

/** A checkpoint is also kept in `checkpoint_history` when this many updates were logged since the last kept one. */
export const HISTORY_EVERY = 1000;

/** SQLite-backed store. Open it with `openSqliteStore`. */
export class SqliteStore implements DocumentStore {
  /** The underlying connection, for tests and maintenance tools. */
  readonly db: Database.Database;
  /** Accounts, tokens and sessions. */
  readonly accounts: SqliteAccounts;
  private readonly sql;

  constructor(readonly path: string, options: SqliteStoreOptions = {}) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
    } catch (error) {
      throw new RangeError(`Cannot open database ${path} for writing (${(error as Error).message}); check the permissions of the file and of its folder`);
    }
    this.db.pragma(`synchronous = ${options.sync === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.accounts = new SqliteAccounts(this.db);
    const db = this.db;
    this.sql = {
      insertDocument: db.prepare('INSERT INTO documents (id, title, base, created_at, source_version) VALUES (?, ?, ?, ?, ?)'),
      getDocument: db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
      listDocuments: db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY created_at, id'),
      lastSeq: db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM updates WHERE doc_id = ?'),
      insertUpdate: db.prepare('INSERT INTO updates (doc_id, seq, data, account_id, created_at) VALUES (?, ?, ?, ?, ?)'),
      updatesAfter: db.prepare<[string, number], UpdateRow>('SELECT seq, data, account_id, created_at FROM updates WHERE doc_id = ? AND seq > ? ORDER BY seq'),
      updatesUntil: db.prepare<[string, number], UpdateRow>('SELECT seq, data, account_id, created_at FROM updates WHERE doc_id = ? AND created_at <= ? ORDER BY seq'),
      getCheckpoint: db.prepare<[string], { seq: number; state: Buffer }>('SELECT seq, state FROM checkpoints WHERE doc_id = ?'),
      upsertCheckpoint: db.prepare(
        'INSERT INTO checkpoints (doc_id, seq, state, created_at) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (doc_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, created_at = excluded.created_at ' +
          'WHERE excluded.seq > checkpoints.seq',
      ),
      lastHistory: db.prepare<[string], { seq: number }>('SELECT seq FROM checkpoint_history WHERE doc_id = ? ORDER BY seq DESC LIMIT 1'),
      coversUntil: db.prepare<[string, number], { t: number | null }>('SELECT MAX(created_at) AS t FROM updates WHERE doc_id = ? AND seq <= ?'),
      insertHistory: db.prepare('INSERT OR IGNORE INTO checkpoint_history (doc_id, seq, covers_until, state) VALUES (?, ?, ?, ?)'),
      insertVersion: db.prepare('INSERT INTO versions (id, doc_id, label, author_id, created_at, state, json) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      getVersion: db.prepare<[string], VersionRow>('SELECT * FROM versions WHERE id = ?'),
      listVersions: db.prepare<[string], VersionRow>('SELECT * FROM versions WHERE doc_id = ? ORDER BY created_at, id'),
      renameVersion: db.prepare('UPDATE versions SET label = ? WHERE id = ?'),
      deleteVersion: db.prepare('DELETE FROM versions WHERE id = ?'),
      insertResolution: db.prepare(
        'INSERT INTO resolutions (id, doc_id, bracket_id, action, option_id, account_id, created_at, before_text, after_text, update_seq, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      listResolutions: db.prepare<[string], ResolutionRow>('SELECT * FROM resolutions WHERE doc_id = ? ORDER BY created_at, id'),
      bindClient: db.prepare('INSERT OR IGNORE INTO client_owners (doc_id, client_id, account_id) VALUES (?, ?, ?)'),
      clientOwners: db.prepare<[string], { client_id: number; account_id: string }>('SELECT client_id, account_id FROM client_owners WHERE doc_id = ? ORDER BY client_id'),
    };
  }

  /** Append synchronously in one transaction, with the client-id bindings; returns the last seq written. */
  private readonly appendTx = (docId: string, updates: NewUpdate[], owners: ClientOwner[]): number => {
    return this.db.transaction(() => {
      let seq = this.sql.lastSeq.get(docId)?.seq ?? 0;
      const now = Date.now();
      for (const update of updates) {
        seq += 1;
        this.sql.insertUpdate.run(docId, seq, Buffer.from(update.data), update.accountId, update.createdAt ?? now);
      }
      for (const owner of owners) this.sql.bindClient.run(docId, owner.clientId, owner.accountId);
      return seq;
    })();
  };

  async createDocument(input: Parameters<DocumentStore['createDocument']>[0]): Promise<DocumentRecord> {
    const record: DocumentRecord = {
      id: input.id ?? newId('doc'),
      title: input.title,
      base: input.base ?? null,
      createdAt: input.createdAt ?? Date.now(),
      sourceVersion: input.sourceVersion ?? null,
    };
    this.db.transaction(() => {
      this.sql.insertDocument.run(record.id, record.title, record.base, record.createdAt, record.sourceVersion);
      if (input.initialUpdate) {
        this.sql.insertUpdate.run(record.id, 1, Buffer.from(input.initialUpdate), input.accountId ?? null, record.createdAt);
      }
    })();
    return record;
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const row = this.sql.getDocument.get(id);
    return row ? toDocument(row) : null;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    return this.sql.listDocuments.all().map(toDocument);
  }

  async append(docId: string, updates: NewUpdate[], owners: ClientOwner[] = []): Promise<number> {
    return this.appendTx(docId, updates, owners);
  }

  async bindClients(docId: string, owners: ClientOwner[]): Promise<void> {
    this.db.transaction(() => {
      for (const owner of owners) this.sql.bindClient.run(docId, owner.clientId, owner.accountId);
    })();
  }

  async clientOwners(docId: string): Promise<ClientOwner[]> {
    return this.sql.clientOwners.all(docId).map((row) => ({ clientId: row.client_id, accountId: row.account_id }));
  }

  async load(docId: string): Promise<LoadedDocument> {
    const checkpoint = this.sql.getCheckpoint.get(docId);
    const checkpointSeq = checkpoint?.seq ?? 0;
    const tail = this.sql.updatesAfter.all(docId, checkpointSeq);
    const updates = tail.map((row) => new Uint8Array(row.data));
    if (checkpoint) updates.unshift(new Uint8Array(checkpoint.state));
    const seq = tail.length > 0 ? tail[tail.length - 1].seq : checkpointSeq;
    return { updates, seq, checkpointSeq };
  }

  async checkpoint(docId: string, seq: number, state: Uint8Array): Promise<void> {
    this.db.transaction(() => {
      this.sql.upsertCheckpoint.run(docId, seq, Buffer.from(state), Date.now());
      // Keep one checkpoint per HISTORY_EVERY updates for `stateAt`, with the newest time it covers.
      const last = this.sql.lastHistory.get(docId)?.seq ?? 0;
      if (seq - last < HISTORY_EVERY) return;
      const coversUntil = this.sql.coversUntil.get(docId, seq)?.t;
      if (coversUntil != null) this.sql.insertHistory.run(docId, seq, coversUntil, Buffer.from(state));
    })();
  }

  async updatesAfter(docId: string, afterSeq: number): Promise<LoggedUpdate[]> {
    return this.sql.updatesAfter.all(docId, afterSeq).map(toUpdate);
  }

  async updatesUntil(docId: string, time: number): Promise<LoggedUpdate[]> {
    return this.sql.updatesUntil.all(docId, time).map(toUpdate);
  }

  async stateAt(docId: string, time: number): Promise<Uint8Array> {
    return stateAt(this.db, docId, time);
  }

  async createAccount(input: Parameters<DocumentStore['createAccount']>[0]): Promise<{ account: Account; token: string }> {
    return this.accounts.create(input);
  }

  async accountByToken(token: string): Promise<Account | null> {
    const check = this.accounts.check(token);
    return check.status === 'ok' ? check.account : null;
  }

  async checkToken(token: string): Promise<TokenCheck> {
    return this.accounts.check(token);
  }

  async getAccount(id: string): Promise<Account | null> {
    return this.accounts.get(id);
  }

  async listAccounts(): Promise<Account[]> {
    return this.accounts.list();
  }

  async listAccountDetails(): Promise<AccountDetails[]> {
    return this.accounts.listDetails();
  }

  async revokeAccount(id: string): Promise<boolean> {
    return this.accounts.revoke(id);
  }

  async rotateToken(id: string): Promise<string | null> {
    return this.accounts.rotate(id);
  }

  async touchAccount(id: string): Promise<void> {
    this.accounts.touch(id);
  }

  async createSession(accountId: string, ttlMs: number): Promise<{ id: string; expiresAt: number }> {
    return this.accounts.createSession(accountId, ttlMs);
  }

  async accountBySession(sessionId: string): Promise<Account | null> {
    return this.accounts.bySession(sessionId);
  }

  async deleteSession(sessionId: string): Promise<void> {
    this.accounts.deleteSession(sessionId);
  }

  async accountEventsAfter(seq: number): Promise<AccountEvent[]> {
    return this.accounts.eventsAfter(seq);
  }

  async createVersion(input: Parameters<DocumentStore['createVersion']>[0]): Promise<VersionRecord> {
    const record: VersionRecord = {
      id: input.id ?? newId('ver'), docId: input.docId, label: input.label, authorId: input.authorId,
      createdAt: input.createdAt ?? Date.now(), state: input.state, json: input.json,
    };
    this.sql.insertVersion.run(record.id, record.docId, record.label, record.authorId, record.createdAt, Buffer.from(record.state), record.json);
    return record;
  }

  async getVersion(id: string): Promise<VersionRecord | null> {
    const row = this.sql.getVersion.get(id);
    return row ? toVersion(row) : null;
  }

  async listVersions(docId: string): Promise<VersionRecord[]> {
    return this.sql.listVersions.all(docId).map(toVersion);
  }

  async renameVersion(id: string, label: string): Promise<VersionRecord | null> {
    this.sql.renameVersion.run(label, id);
    return this.getVersion(id);
  }

  async deleteVersion(id: string): Promise<boolean> {
    return this.sql.deleteVersion.run(id).changes > 0;
  }

  async addResolution(input: Parameters<DocumentStore['addResolution']>[0]): Promise<ResolutionRecord> {
    const record: ResolutionRecord = {
      id: input.id ?? newId('res'), docId: input.docId, bracketId: input.bracketId, action: input.action,
      optionId: input.optionId ?? null, accountId: input.accountId, createdAt: input.createdAt ?? Date.now(),
      beforeText: input.beforeText, afterText: input.afterText, updateSeq: input.updateSeq ?? null,
      details: input.details ?? null,
    };
    this.sql.insertResolution.run(
      record.id, record.docId, record.bracketId, record.action, record.optionId, record.accountId,
      record.createdAt, record.beforeText, record.afterText, record.updateSeq,
      record.details ? JSON.stringify(record.details) : null,
    );
    return record;
  }

  async listResolutions(docId: string): Promise<ResolutionRecord[]> {
    return this.sql.listResolutions.all(docId).map(toResolution);
  }

  /**
   * Throw a RangeError naming the file unless the database can be written (a committed write of
   * the schema version it already has): a server on a read-only file or folder must not start
   * and report healthy.
   */
  assertWritable(): void {
    try {
      const version = this.db.pragma('user_version', { simple: true }) as number;
      this.db.transaction(() => this.db.pragma(`user_version = ${version}`)).immediate();
    } catch (error) {
      throw new RangeError(`Database ${this.path} is not writable (${(error as Error).message}); check the permissions of the file and of its folder`);
    }
  }

  /**
   * Copy the database to `file` while it is in use (SQLite's online backup: a consistent
   * snapshot, writers are not blocked for long). Resolves when the copy is complete.
   */
  async backup(file: string): Promise<void> {
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Open (creating and migrating if needed) the SQLite store at `path`; throws if it cannot be opened. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
