/**
 * The permission guard of the update pipeline (see `update-guard.ts`), deciding on the room's
 * accepted state: an update that changes nothing passes (the room then stores nothing); observers
 * change nothing; plain typing that the rules certainly allow — the chair's, the secretariat's in
 * agreed text, a delegate's inside its own sole-sponsored insertion bracket — is settled by the
 * fast inspection of the decoded update (`inspect.ts`); anything else is applied to a copy of the
 * accepted state, which must integrate completely and still be a valid treaty (else 4422), and
 * the rules decide on the ProseMirror documents before and after (else 4403). Client ids and
 * integrability are checked by the room before the guard runs.
 */
import { checkUpdatePrecisely, inspectUpdate, mayEdit, type UpdateInspection } from '../../shared/permissions/index.ts';
import { schema } from '../../shared/schema/index.ts';
import { CloseCodes } from './close-codes.ts';
import type { UpdateGuard, UpdateGuardResult } from './update-guard.ts';

/** Which way the guard decided an update. */
export type GuardPath = 'unchanged' | 'fast' | 'slow' | 'refused';

/** Options of `createPermissionGuard`. */
export interface PermissionGuardOptions {
  /** Told how each update was decided, with the detail (why the precise path ran, or why it was refused). */
  observe?: (path: GuardPath, reason: string | null) => void;
}

/** Create the permission guard. */
export function createPermissionGuard(options: PermissionGuardOptions = {}): UpdateGuard {
  const observe = options.observe ?? (() => {});
  const refuse = (code: number, reason: string, detail = reason): UpdateGuardResult => {
    observe('refused', detail);
    return { ok: false, code, reason };
  };

  return (update, { account, doc, decoded }) => {
    let inspection: UpdateInspection;
    try {
      inspection = inspectUpdate(decoded ?? update, doc, account, schema);
    } catch (error) {
      return refuse(CloseCodes.InvalidContent.code, `undecodable update (${(error as Error).message})`);
    }
    if (!inspection.changes) {
      observe('unchanged', null);
      return { ok: true, changes: false };
    }
    if (!mayEdit(account)) return refuse(CloseCodes.Forbidden.code, `${account.role} ${account.name} (${account.delegation}) may not edit`);
    if (inspection.relevant === null) {
      observe('fast', null);
      return { ok: true };
    }
    const problem = checkUpdatePrecisely(update, doc, account, schema);
    if (problem?.invalid) return refuse(CloseCodes.InvalidContent.code, `${CloseCodes.InvalidContent.reason}: ${problem.reason}`, problem.detail);
    if (problem) return refuse(CloseCodes.Forbidden.code, problem.reason, problem.detail);
    observe('slow', inspection.relevant);
    return { ok: true };
  };
}
