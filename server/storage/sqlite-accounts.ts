/**
 * Accounts, their tokens and their browser sessions in SQLite. A token is stored as its SHA-256
 * hash and compared in constant time; a browser session is a random id (also stored hashed) that
 * `/login?token=` exchanges the token for, so the cookie never holds the token. Revoking or
 * rotating an account deletes its sessions and appends an `account_events` row, which every
 * running server polls (`accountEventsAfter`) to close the account's live connections — the CLI
 * that revokes runs in another process than the server.
 */
import type Database from 'better-sqlite3';
import { timingSafeEqual } from 'node:crypto';
import { newId } from '../../shared/model/ids.ts';
import { hashToken, newToken } from './tokens.ts';
import { ROLES, SERVER_OWNER, type Account, type AccountDetails, type AccountEvent, type Role, type TokenCheck } from './types.ts';

interface AccountRow {
  id: string; name: string; delegation: string; role: string; token_hash: string; created_at: number;
  revoked_at: number | null; invitation_expires_at: number | null; last_active_at: number | null;
}

const toAccount = (row: AccountRow): Account => ({ id: row.id, name: row.name, delegation: row.delegation, role: row.role as Role });
const toDetails = (row: AccountRow): AccountDetails => ({
  ...toAccount(row), createdAt: row.created_at, lastActiveAt: row.last_active_at, revoked: row.revoked_at !== null,
  invitationExpiresAt: row.invitation_expires_at,
});

/** True when two hex digests are equal, in time independent of where they differ. */
function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The account, token and session half of the SQLite store. Statements are prepared once. */
export class SqliteAccounts {
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    this.sql = {
      insert: db.prepare('INSERT INTO accounts (id, name, delegation, role, token_hash, created_at, invitation_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      byHash: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE token_hash = ?'),
      byId: db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?'),
      list: db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY created_at, id'),
      revoke: db.prepare('UPDATE accounts SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      setToken: db.prepare('UPDATE accounts SET token_hash = ?, invitation_expires_at = NULL WHERE id = ?'),
      touch: db.prepare('UPDATE accounts SET last_active_at = ? WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (id_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      sessionAccount: db.prepare<[string, number], AccountRow & { id_hash: string }>(
        'SELECT a.*, s.id_hash FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = ? AND s.expires_at > ? AND a.revoked_at IS NULL',
      ),
      deleteSession: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
      deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE account_id = ?'),
      deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      insertEvent: db.prepare('INSERT INTO account_events (account_id, kind, created_at) VALUES (?, ?, ?)'),
      eventsAfter: db.prepare<[number], { seq: number; account_id: string; kind: string }>('SELECT seq, account_id, kind FROM account_events WHERE seq > ? ORDER BY seq'),
      lastEvent: db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM account_events'),
    };
  }

  /** Create an account with a fresh token (returned once, stored hashed); `invitationExpiresAt` limits when the token signs in. */
  create(input: { name: string; delegation: string; role: Role; id?: string; invitationExpiresAt?: number | null }): { account: Account; token: string } {
    if (!ROLES.includes(input.role)) throw new RangeError(`Unknown role ${JSON.stringify(input.role)} (expected one of ${ROLES.join(', ')})`);
    if (!input.name.trim()) throw new RangeError('Account name must not be empty');
    if (!input.delegation.trim()) throw new RangeError('Account delegation must not be empty');
    if (input.id === SERVER_OWNER) throw new RangeError(`Account id ${JSON.stringify(input.id)} is reserved for the server`);
    const account: Account = { id: input.id ?? newId('acc'), name: input.name, delegation: input.delegation, role: input.role };
    const token = newToken();
    this.sql.insert.run(account.id, account.name, account.delegation, account.role, hashToken(token), Date.now(), input.invitationExpiresAt ?? null);
    return { account, token };
  }

  /** What a token is worth now: its account, or why it does not sign in. */
  check(token: string, now = Date.now()): TokenCheck {
    if (!token) return { status: 'unknown' };
    const hash = hashToken(token);
    const row = this.sql.byHash.get(hash);
    if (!row || !sameDigest(row.token_hash, hash)) return { status: 'unknown' };
    if (row.revoked_at !== null) return { status: 'revoked', account: toAccount(row) };
    if (row.invitation_expires_at !== null && row.invitation_expires_at <= now) return { status: 'expired', account: toAccount(row) };
    return { status: 'ok', account: toAccount(row) };
  }

  /** The account with this id, or null. */
  get(id: string): Account | null {
    const row = this.sql.byId.get(id);
    return row ? toAccount(row) : null;
  }

  /** The account with this id and its state (revoked, invitation expiry, last activity), or null. */
  details(id: string): AccountDetails | null {
    const row = this.sql.byId.get(id);
    return row ? toDetails(row) : null;
  }

  /** All accounts, oldest first. */
  list(): Account[] {
    return this.sql.list.all().map(toAccount);
  }

  /** All accounts with their state, oldest first. */
  listDetails(): AccountDetails[] {
    return this.sql.list.all().map(toDetails);
  }

  /** Revoke an account: its token and sessions stop working and running servers close its connections. False when unknown. */
  revoke(id: string): boolean {
    if (!this.sql.byId.get(id)) return false;
    this.db.transaction(() => {
      this.sql.revoke.run(Date.now(), id);
      this.sql.deleteSessionsOf.run(id);
      this.sql.insertEvent.run(id, 'revoke', Date.now());
    })();
    return true;
  }

  /** Give an account a new token (returned once); the old token and every session end. Null when unknown; RangeError when revoked. */
  rotate(id: string): string | null {
    const row = this.sql.byId.get(id);
    if (!row) return null;
    if (row.revoked_at !== null) throw new RangeError(`Account ${JSON.stringify(id)} is revoked; create a new account instead`);
    const token = newToken();
    this.db.transaction(() => {
      this.sql.setToken.run(hashToken(token), id);
      this.sql.deleteSessionsOf.run(id);
      this.sql.insertEvent.run(id, 'rotate', Date.now());
    })();
    return token;
  }

  /** Record that an account was active at `time` (sign-in, sync connection). */
  touch(id: string, time = Date.now()): void {
    this.sql.touch.run(time, id);
  }

  /** Start a browser session for an account, lasting `ttlMs`; returns its id (shown once, stored hashed). */
  createSession(accountId: string, ttlMs: number): { id: string; expiresAt: number } {
    const id = newToken();
    const now = Date.now();
    const expiresAt = now + ttlMs;
    this.db.transaction(() => {
      this.sql.deleteExpired.run(now);
      this.sql.insertSession.run(hashToken(id), accountId, now, expiresAt);
    })();
    return { id, expiresAt };
  }

  /** The account of a live (unexpired, not revoked) session, or null. */
  bySession(sessionId: string, now = Date.now()): Account | null {
    if (!sessionId) return null;
    const hash = hashToken(sessionId);
    const row = this.sql.sessionAccount.get(hash, now);
    return row && sameDigest(row.id_hash, hash) ? toAccount(row) : null;
  }

  /** End one session (logout). */
  deleteSession(sessionId: string): void {
    this.sql.deleteSession.run(hashToken(sessionId));
  }

  /** Revocations and rotations after `seq`, oldest first. */
  eventsAfter(seq: number): AccountEvent[] {
    return this.sql.eventsAfter.all(seq).map((row) => ({ seq: row.seq, accountId: row.account_id, kind: row.kind as AccountEvent['kind'] }));
  }

  /** Seq of the newest account event (0 when none). */
  lastEvent(): number {
    return this.sql.lastEvent.get()?.seq ?? 0;
  }
}
