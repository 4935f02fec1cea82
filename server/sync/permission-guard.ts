/**
 * The permission guard of the update pipeline (see `update-guard.ts`): observers change nothing;
 * every client id an update writes under must belong to the sender's account (the first account
 * to write under a client id in a document owns it; the room keeps and persists the owners);
 * plain text editing — text typed into a text block, em/strong, deleting unbracketed characters —
 * is settled by the fast inspection of the decoded update and cannot break the schema; anything
 * else is applied to a copy of the document, which must still be a valid treaty (else 4422) and
 * whose bracket/option/comment inventory is compared with the one before.
 */
import * as Y from 'yjs';
import { ClientIdRegistry, checkUpdatePrecisely, inspectUpdate, mayEdit, type TextRange } from '../../shared/permissions/index.ts';
import { schema } from '../../shared/schema/index.ts';
import { CloseCodes } from './close-codes.ts';
import type { UpdateGuard, UpdateGuardResult } from './update-guard.ts';

/** Which way the guard decided an update. */
export type GuardPath = 'unchanged' | 'fast' | 'slow' | 'refused';

/** Options of `createPermissionGuard`. */
export interface PermissionGuardOptions {
  /** Told how each update was decided (tests, benchmarks). */
  observe?: (path: GuardPath, reason: string | null) => void;
}

/** Create the permission guard; it keeps the client-id ownership of every document it sees. */
export function createPermissionGuard(options: PermissionGuardOptions = {}): UpdateGuard {
  const registries = new WeakMap<Y.Doc, ClientIdRegistry>();
  /** Plain text accepted on the fast path but not yet applied to the document, per document. */
  const queuedText = new WeakMap<Y.Doc, TextRange[]>();
  const pendingIn = (doc: Y.Doc) => (id: Y.ID): Y.XmlText | null => {
    const ranges = queuedText.get(doc);
    if (!ranges) return null;
    // Forget what the document has applied since.
    const kept = ranges.filter((r) => r.end > Y.getState(doc.store, r.client));
    if (kept.length !== ranges.length) queuedText.set(doc, kept);
    return kept.find((r) => r.client === id.client && id.clock >= r.clock && id.clock < r.end)?.parent ?? null;
  };
  const observe = options.observe ?? (() => {});
  const refuse = (reason: string): UpdateGuardResult => {
    observe('refused', reason);
    return { ok: false, code: CloseCodes.Forbidden.code, reason };
  };

  return (update, { account, doc, owners }) => {
    let inspection;
    try {
      inspection = inspectUpdate(update, doc, schema, pendingIn(doc));
    } catch (error) {
      observe('refused', (error as Error).message);
      return { ok: false, code: CloseCodes.InvalidContent.code, reason: `undecodable update (${(error as Error).message})` };
    }
    if (!inspection.changes) {
      observe('unchanged', null);
      return { ok: true };
    }
    if (!mayEdit(account)) return refuse(`${account.role} ${account.name} (${account.delegation}) may not edit`);

    // A bare guard (no room around it, e.g. in a benchmark) keeps the owners itself.
    let registry = owners;
    if (!registry) {
      registry = registries.get(doc);
      if (!registry) registries.set(doc, (registry = new ClientIdRegistry()));
    }
    const taken = registry.conflict(inspection.writers, account.id);
    if (taken !== null) return refuse(`client id ${taken} belongs to another account`);
    for (const client of inspection.unknownRefs) {
      if (!inspection.writers.has(client) && registry.ownerOf(client) !== account.id) {
        return refuse(`update refers to content of client ${client} that the server has not applied`);
      }
    }

    let path: GuardPath = 'fast';
    if (inspection.relevant) {
      path = 'slow';
      const problem = checkUpdatePrecisely(update, doc, account, schema);
      if (problem?.invalid) {
        observe('refused', problem.reason);
        return { ok: false, code: CloseCodes.InvalidContent.code, reason: `${CloseCodes.InvalidContent.reason}: ${problem.reason}` };
      }
      if (problem) return refuse(problem.reason);
    }
    if (!owners) registry.bind(inspection.writers, account.id);
    if (path === 'fast' && inspection.insertedText.length > 0) {
      const ranges = queuedText.get(doc) ?? [];
      ranges.push(...inspection.insertedText);
      queuedText.set(doc, ranges);
    }
    observe(path, inspection.relevant);
    return { ok: true };
  };
}
