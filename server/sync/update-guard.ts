/**
 * The permission hook of the update pipeline: decide, before anything is stored, whether an
 * account may apply an update. Other parts (brackets, chair rights) replace the default guard via
 * `startServer({ updateGuard })`, usually composing it with `defaultUpdateGuard`.
 */
import type * as Y from 'yjs';
import type { ClientIdRegistry } from '../../shared/permissions/index.ts';
import type { Account } from '../storage/types.ts';
import { CloseCodes } from './close-codes.ts';
import type { DecodedUpdate } from './update-check.ts';

/**
 * What a guard knows: who sends; `doc`, the room's accepted state — the state the update will
 * really meet (the live document plus every update accepted before it, written or not), which the
 * guard must not change; the Yjs client ids the connection has used; (from a room) the document's
 * persisted client-id owners; and the decoded update. Before the guard runs, the room has checked
 * that the update integrates completely into `doc` and that its client ids may be bound to the
 * account; it binds them itself once the update is accepted.
 */
export interface UpdateGuardContext {
  account: Account;
  doc: Y.Doc;
  clientIds: Set<number>;
  owners?: ClientIdRegistry;
  decoded?: DecodedUpdate;
}

/**
 * The guard's verdict. A refusal's `code` and `reason` are reported to the sender. `changes:
 * false` says the guard found that the update changes nothing (and so checked nothing more); the
 * room refuses it should applying it change something after all.
 */
export type UpdateGuardResult = { ok: true; changes?: boolean } | { ok: false; code: number; reason: string };

/** Decide whether `ctx.account` may apply `update` (a non-empty Yjs v1 update) to `ctx.doc`. */
export type UpdateGuard = (update: Uint8Array, ctx: UpdateGuardContext) => UpdateGuardResult;

/** The default guard: observers may not edit; every other role may. */
export const defaultUpdateGuard: UpdateGuard = (_update, ctx) =>
  ctx.account.role === 'observer'
    ? { ok: false, code: CloseCodes.Forbidden.code, reason: `Observer ${ctx.account.name} (${ctx.account.delegation}) may not edit` }
    : { ok: true };

/** A guard that accepts an update only when every given guard does; the first refusal wins. */
export function allGuards(...guards: UpdateGuard[]): UpdateGuard {
  return (update, ctx) => {
    let changes = true;
    for (const guard of guards) {
      const verdict = guard(update, ctx);
      if (!verdict.ok) return verdict;
      if (verdict.changes === false) changes = false;
    }
    return changes ? { ok: true } : { ok: true, changes: false };
  };
}
