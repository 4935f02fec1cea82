/**
 * Typed origins of the transactions applied to a room's Y.Doc. The room decides from the origin
 * what to do after a change: every origin except `load` is broadcast; persistence always happens
 * before the change is applied, so no origin is written after the fact.
 */
import type { Account } from '../storage/types.ts';

/** Who or what changed a live document. */
export type TransactionOrigin =
  /** Replaying the stored checkpoint and log when the room opens: neither stored again nor broadcast. */
  | { readonly kind: 'load' }
  /** An update received from a client connection. */
  | { readonly kind: 'connection'; readonly connectionId: number; readonly account: Account }
  /** A change made by the server on someone's behalf (a chair's resolution, a version restore, an import). */
  | { readonly kind: 'server'; readonly reason: string; readonly account: Account | null };

/** The origin of a server-side change made for `account` (or the system when null), e.g. `serverOrigin('resolution', chair)`. */
export function serverOrigin(reason: string, account: Account | null = null): TransactionOrigin {
  return { kind: 'server', reason, account };
}

/** The account to record as author of a change with this origin, or null. */
export function originAccountId(origin: TransactionOrigin): string | null {
  return origin.kind === 'load' ? null : origin.account?.id ?? null;
}
