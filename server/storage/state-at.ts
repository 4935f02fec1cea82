/**
 * The text of a document as it stood at a past time, from SQLite: the newest kept checkpoint
 * (`checkpoint_history`) whose updates are all at or before that time, then the log entries after
 * it written at or before it, merged into one Yjs update. Used by the store and, on a read-only
 * connection of their own, by the worker threads that build time-travel redlines.
 */
import type Database from 'better-sqlite3';
import * as Y from 'yjs';

const statements = new WeakMap<Database.Database, {
  start: Database.Statement<[string, number], { seq: number; state: Buffer }>;
  tail: Database.Statement<[string, number, number], { data: Buffer }>;
}>();

/** Updates merged at a time by `mergeMany`: `Y.mergeUpdates` of thousands of keystrokes at once is quadratic (26 s for 20,000), in groups of 16 it takes tens of ms. */
const MERGE_GROUP = 16;

/** Merge `updates` into one, in a tree of small groups. */
export function mergeMany(updates: Uint8Array[]): Uint8Array {
  let level = updates;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += MERGE_GROUP) next.push(level.length - i === 1 ? level[i] : Y.mergeUpdates(level.slice(i, i + MERGE_GROUP)));
    level = next;
  }
  return level.length === 1 ? level[0] : Y.mergeUpdates([]);
}

/** The state of `docId` at `time` (epoch ms) as one merged Yjs update; empty when nothing was logged by then. */
export function stateAt(db: Database.Database, docId: string, time: number): Uint8Array {
  let sql = statements.get(db);
  if (!sql) {
    sql = {
      start: db.prepare('SELECT seq, state FROM checkpoint_history WHERE doc_id = ? AND covers_until <= ? ORDER BY seq DESC LIMIT 1'),
      tail: db.prepare('SELECT data FROM updates WHERE doc_id = ? AND seq > ? AND created_at <= ? ORDER BY seq'),
    };
    statements.set(db, sql);
  }
  const start = sql.start.get(docId, time);
  const updates = sql.tail.all(docId, start?.seq ?? 0, time).map((row) => new Uint8Array(row.data));
  if (start) updates.unshift(new Uint8Array(start.state));
  return mergeMany(updates);
}
