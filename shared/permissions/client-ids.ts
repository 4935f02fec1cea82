/**
 * Which account owns which Yjs client id in a document. The first account to write structs under
 * a client id owns it; nobody else may write under it, so no one can write text attributed to
 * another delegation.
 */

/** Client id → owning account id, for one document. */
export class ClientIdRegistry {
  private readonly owners = new Map<number, string>();

  /** The first of `clientIds` owned by an account other than `accountId`, or null. */
  conflict(clientIds: Iterable<number>, accountId: string): number | null {
    for (const id of clientIds) {
      const owner = this.owners.get(id);
      if (owner !== undefined && owner !== accountId) return id;
    }
    return null;
  }

  /** Give every unowned id of `clientIds` to `accountId`. */
  bind(clientIds: Iterable<number>, accountId: string): void {
    for (const id of clientIds) if (!this.owners.has(id)) this.owners.set(id, accountId);
  }

  /** The account owning `clientId`, or undefined. */
  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }
}
