/**
 * Online backup and restore of the SQLite database. `backup` copies a database that a server may
 * be writing to at that moment (SQLite's online backup API through better-sqlite3's
 * `db.backup()`: a consistent snapshot; in WAL mode the server's writes are not blocked), then
 * checks the copy. `restore` never overwrites: it copies a backup into a database file that does
 * not exist yet, after checking it, so it can never pull a database from under a running server;
 * start the server on the restored file (or stop the server, move the old file away, and restore
 * to its path).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MIGRATIONS } from '../storage/migrations.ts';
import type { SqliteStore } from '../storage/sqlite-store.ts';

/** What a checked database holds. */
export interface DatabaseSummary {
  documents: number;
  updates: number;
  accounts: number;
}

/** Open `file` read-only and check it is a sound Plenipo database; resolves with its counts, or throws a RangeError saying what is wrong. */
export function checkDatabase(file: string): DatabaseSummary {
  if (!existsSync(file)) throw new RangeError(`No database at ${file}`);
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new RangeError(`${file} failed SQLite's integrity check: ${String(integrity)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > MIGRATIONS.length) throw new RangeError(`${file} is not a Plenipo database this server can open (schema version ${version})`);
    const count = (table: string) => (db!.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { documents: count('documents'), updates: count('updates'), accounts: count('accounts') };
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new RangeError(`${file} is not a readable Plenipo database (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

/** Copy the live database of `store` to `file` (which must not exist) and check the copy. */
export async function backupDatabase(store: SqliteStore, file: string): Promise<DatabaseSummary> {
  if (existsSync(file)) throw new RangeError(`${file} already exists; choose a new file name for the backup`);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  try {
    // After the first step, copy all remaining pages in one step, so a busy server cannot keep restarting the copy.
    await store.db.backup(file, { progress: () => 1_000_000 });
    return checkDatabase(file);
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}

/** Copy the backup `file` to the database path `target`, which must not exist yet; resolves with what it holds. */
export function restoreDatabase(file: string, target: string): DatabaseSummary {
  const summary = checkDatabase(file);
  if (existsSync(target)) {
    throw new RangeError(`${target} already exists; restore into a new file (--db NEW_FILE) and start the server on it, or stop the server and move ${target} away first`);
  }
  mkdirSync(dirname(resolve(target)), { recursive: true });
  copyFileSync(file, target);
  return summary;
}
