/**
 * Which account owns which Yjs client id in a document. The first account to write structs under
 * a client id owns it; nobody else may write under it, so no one can write text attributed to
 * another delegation. The sync server keeps one registry per live document and persists it.
 */

/** Client id → owning account id, for one document. */
export class ClientIdRegistry {
  private readonly owners = new Map<number, string>();

  /** A registry holding `owners` (client id, account id) pairs, e.g. loaded from storage. */
  constructor(owners: Iterable<readonly [number, string]> = []) {
    for (const [clientId, accountId] of owners) this.owners.set(clientId, accountId);
  }

  /** The first of `clientIds` owned by an account other than `accountId`, or null. */
  conflict(clientIds: Iterable<number>, accountId: string): number | null {
    for (const id of clientIds) {
      const owner = this.owners.get(id);
      if (owner !== undefined && owner !== accountId) return id;
    }
    return null;
  }

  /** Give every unowned id of `clientIds` to `accountId`; returns the ids it newly bound. */
  bind(clientIds: Iterable<number>, accountId: string): number[] {
    const bound: number[] = [];
    for (const id of clientIds) {
      if (this.owners.has(id)) continue;
      this.owners.set(id, accountId);
      bound.push(id);
    }
    return bound;
  }

  /** Forget the bindings of `clientIds` (bindings that could not be stored). */
  unbind(clientIds: Iterable<number>): void {
    for (const id of clientIds) this.owners.delete(id);
  }

  /** The account owning `clientId`, or undefined. */
  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /** Number of bound client ids. */
  get size(): number {
    return this.owners.size;
  }
}
