/**
 * The accepted state of a room: the live document plus every update accepted after it and not yet
 * written to the log, in order. The guard decides each update against it — the state the update
 * will really meet — so a batch of updates read in one turn is checked one after the other, and an
 * update is applied here at once, never held as pending. The live Y.Doc (what is stored, answered
 * to SyncStep1 and broadcast) catches up once the log write has committed.
 */
import * as Y from 'yjs';
import { hasPending, integratedContentProblem, type DecodedStructs } from '../../shared/permissions/index.ts';

/** What applying an update to the accepted state did. */
export type Acceptance = { ok: true; changed: boolean } | { ok: false; reason: string };

/** A room's accepted Y.Doc; `doc` is replaced (rebuilt) when an application fails. */
export class AcceptedState {
  doc: Y.Doc;

  /** Start from a copy of `live`. */
  constructor(live: Y.Doc) {
    this.doc = AcceptedState.copyOf(live);
  }

  private static copyOf(live: Y.Doc): Y.Doc {
    const doc = new Y.Doc({ gc: live.gc });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
    return doc;
  }

  /**
   * Apply `update` now. It must integrate completely (nothing pending) and without error; else
   * the state is rebuilt from `live` and `unwritten` (the accepted updates not yet in `live`, in
   * order, this one excluded) and the failure is returned. With `decoded`, every item it added
 * must also hold content its integrated place allows (`integratedContentProblem`). `changed` is false when the update
   * added no struct and deleted nothing (it need not be stored).
   */
  apply(update: Uint8Array, live: Y.Doc, unwritten: () => Iterable<Uint8Array>, decoded?: DecodedStructs): Acceptance {
    let changed = false;
    const onTransaction = (tr: Y.Transaction) => {
      if (tr.deleteSet.clients.size > 0) changed = true;
      else for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) changed = true;
    };
    const doc = this.doc;
    doc.on('afterTransaction', onTransaction);
    let reason: string | null = null;
    try {
      Y.applyUpdate(doc, update);
      if (hasPending(doc)) reason = 'the update waits for content the server does not have';
      // Whatever path decided it, an item whose place (taken from its neighbour) cannot hold its content is undone.
      else if (decoded) reason = integratedContentProblem(doc, decoded);
    } catch (error) {
      reason = `the update cannot be integrated (${(error as Error).message})`;
    } finally {
      doc.off('afterTransaction', onTransaction);
    }
    if (reason === null) return { ok: true, changed };
    this.rebuild(live, unwritten());
    return { ok: false, reason };
  }

  /** Rebuild from `live` and the accepted-but-unwritten updates after it. */
  rebuild(live: Y.Doc, unwritten: Iterable<Uint8Array>): void {
    const doc = AcceptedState.copyOf(live);
    for (const update of unwritten) Y.applyUpdate(doc, update);
    this.doc.destroy();
    this.doc = doc;
  }

  /** Release the Y.Doc. */
  destroy(): void {
    this.doc.destroy();
  }
}
