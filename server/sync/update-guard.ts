/**
 * The permission hook of the update pipeline: decide, before anything is stored, whether an
 * account may apply an update. Other parts (brackets, chair rights) replace the default guard via
 * `startServer({ updateGuard })`, usually composing it with `defaultUpdateGuard`.
 */
import type * as Y from 'yjs';
import type { ClientIdRegistry } from '../../shared/permissions/index.ts';
import type { Account } from '../storage/types.ts';
import { CloseCodes } from './close-codes.ts';

/**
 * What a guard knows: who sends, the live document before the update, the Yjs client ids the
 * connection has used, and (from a room) the document's persisted client-id owners. The room
 * binds an accepted update's client ids itself; a guard only reads `owners`.
 */
export interface UpdateGuardContext {
  account: Account;
  doc: Y.Doc;
  clientIds: Set<number>;
  owners?: ClientIdRegistry;
}

/** The guard's verdict. A refusal's `code` and `reason` are reported to the sender. */
export type UpdateGuardResult = { ok: true } | { ok: false; code: number; reason: string };

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
    for (const guard of guards) {
      const verdict = guard(update, ctx);
      if (!verdict.ok) return verdict;
    }
    return { ok: true };
  };
}
