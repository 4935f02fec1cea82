/**
 * Undo a chair's resolution as a new live edit. The document is rebuilt from the log on a scratch
 * Y.Doc up to just before the resolution's update; that update is applied under a marker origin
 * tracked by a `Y.UndoManager`, the later updates untracked, and `undo()` reverts only what the
 * resolution did — edits made since survive. The difference is submitted to the room (logged,
 * applied, broadcast, origin `resolution-undo`) and recorded as a resolution with action `undo`
 * whose `optionId` names the resolution undone.
 */
import * as Y from 'yjs';
import { HTTPException } from 'hono/http-exception';
import type { Account, DocumentStore, ResolutionRecord } from '../storage/types.ts';
import { serverOrigin } from '../sync/origins.ts';
import type { Rooms } from '../sync/rooms.ts';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';
import { loggedSeq } from './apply.ts';

/** Action recorded for an undone resolution. */
export const UNDO_ACTION = 'undo';

/** The update reverting the log entry `targetSeq` of `log` (every entry, in seq order), against `live`'s state; null if it changes nothing. */
export function undoUpdate(log: Array<{ seq: number; data: Uint8Array }>, targetSeq: number, live: Y.Doc): Uint8Array | null {
  const scratch = new Y.Doc({ gc: false });
  const marker = { undoing: targetSeq };
  try {
    const fragment = scratch.getXmlFragment(PROSEMIRROR_ROOT);
    let manager: Y.UndoManager | null = null;
    for (const entry of log) {
      if (entry.seq === targetSeq) {
        manager = new Y.UndoManager(fragment, { trackedOrigins: new Set([marker]), captureTimeout: 0 });
        Y.applyUpdate(scratch, entry.data, marker);
      } else {
        Y.applyUpdate(scratch, entry.data);
      }
    }
    if (!manager) throw new RangeError(`No update ${targetSeq} in the log`);
    let changed = false;
    scratch.on('update', () => {
      changed = true;
    });
    manager.undo();
    manager.destroy();
    if (!changed) return null;
    // Whatever the live document has not seen yet: the undo's structs and deletions.
    return Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(live));
  } finally {
    scratch.destroy();
  }
}

/**
 * Undo resolution `resolutionId` of document `docId` for `account` (a chair: the caller checks).
 * Every resolution carried by the same update (a bulk resolution) is undone with it. Throws
 * HTTPException 404 for an unknown resolution, 409 when it was already undone or cannot be
 * (no recorded update, or itself an undo); resolves with the new records. Runs one at a time with
 * the document's other server edits, so two undos of one resolution cannot both pass the check.
 */
export function undoResolution(rooms: Rooms, store: DocumentStore, account: Account, docId: string, resolutionId: string): Promise<ResolutionRecord[]> {
  return rooms.exclusive(docId, () => undoLive(rooms, store, account, docId, resolutionId));
}

/** `undoResolution`'s work, run while no other server edit of `docId` runs. */
async function undoLive(rooms: Rooms, store: DocumentStore, account: Account, docId: string, resolutionId: string): Promise<ResolutionRecord[]> {
  const records = await store.listResolutions(docId);
  const target = records.find((r) => r.id === resolutionId);
  if (!target) throw new HTTPException(404, { message: `Unknown resolution ${JSON.stringify(resolutionId)} of document ${JSON.stringify(docId)}` });
  if (target.action === UNDO_ACTION) throw new HTTPException(409, { message: `Resolution ${resolutionId} is itself an undo` });
  if (target.updateSeq === null) throw new HTTPException(409, { message: `Resolution ${resolutionId} has no recorded update to undo` });
  if (records.some((r) => r.action === UNDO_ACTION && r.optionId === resolutionId)) throw new HTTPException(409, { message: `Resolution ${resolutionId} is already undone` });
  const undone = records.filter((r) => r.updateSeq === target.updateSeq && r.action !== UNDO_ACTION);

  const room = await rooms.open(docId);
  await room.drain();
  let log = await store.updatesAfter(docId, 0);
  // Client updates may have been stored while the log was read: read on until it reaches the live doc.
  for (await room.drain(); (log.at(-1)?.seq ?? 0) < room.appliedSeq; await room.drain()) log = log.concat(await store.updatesAfter(docId, log.at(-1)?.seq ?? 0));
  const update = undoUpdate(log, target.updateSeq, room.doc);
  let updateSeq: number | null = null;
  if (update) {
    const seqBefore = room.appliedSeq;
    await room.submit(update, serverOrigin('resolution-undo', account));
    updateSeq = await loggedSeq(store, docId, seqBefore, update);
  }
  const out: ResolutionRecord[] = [];
  for (const record of undone) {
    out.push(await store.addResolution({
      docId, bracketId: record.bracketId, action: UNDO_ACTION, optionId: record.id, accountId: account.id,
      beforeText: record.afterText, afterText: record.beforeText, updateSeq,
      details: record.details ? { ...record.details, decision: 'undone' } : null,
    }));
  }
  return out;
}
