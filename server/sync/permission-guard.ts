/**
 * The permission guard of the update pipeline (see `update-guard.ts`): observers change nothing;
 * every client id an update writes under must belong to the sender's account (the first account
 * to write under a client id in a document owns it); plain text editing is settled by the fast
 * inspection of the decoded update; anything that may touch a bracket, option or comment is
 * checked precisely by comparing inventories before and after on a copy of the document.
 */
import type * as Y from 'yjs';
import { ClientIdRegistry, checkUpdatePrecisely, inspectUpdate, mayEdit } from '../../shared/permissions/index.ts';
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
  const observe = options.observe ?? (() => {});
  const refuse = (reason: string): UpdateGuardResult => {
    observe('refused', reason);
    return { ok: false, code: CloseCodes.Forbidden.code, reason };
  };

  return (update, { account, doc }) => {
    let inspection;
    try {
      inspection = inspectUpdate(update, doc);
    } catch (error) {
      observe('refused', (error as Error).message);
      return { ok: false, code: CloseCodes.InvalidContent.code, reason: `undecodable update (${(error as Error).message})` };
    }
    if (!inspection.changes) {
      observe('unchanged', null);
      return { ok: true };
    }
    if (!mayEdit(account)) return refuse(`${account.role} ${account.name} (${account.delegation}) may not edit`);

    let registry = registries.get(doc);
    if (!registry) registries.set(doc, (registry = new ClientIdRegistry()));
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
      const problem = checkUpdatePrecisely(update, doc, account);
      if (problem) return refuse(problem);
    }
    registry.bind(inspection.writers, account.id);
    observe(path, inspection.relevant);
    return { ok: true };
  };
}
