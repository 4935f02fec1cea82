/**
 * Which account owns which Yjs client id in a document. An account binds a client id by writing
 * real content under it (new items holding text, elements, formats or attributes — not Skip
 * structs, garbage-collected or already-deleted structs, nor deletions alone); nobody else may
 * write under it after that, so no one can write text attributed to another delegation. An id that
 * another account's connection announces in awareness is never bound, and one update may bind at
 * most `MAX_NEW_CLIENT_IDS` ids. The sync server keeps one registry per live document and persists it.
 */
import * as Y from 'yjs';

/** Most client ids one update may bind (an editor writes under one; a merged offline state under a few). */
export const MAX_NEW_CLIENT_IDS = 4;

/** The client ids an update writes under, against the state it will meet. */
export interface WrittenClients {
  /** Client ids under which the update brings structs (any kind but Skip) beyond the known state. */
  writers: Set<number>;
  /** Those of `writers` under which it brings items with real content (not GC, not deleted content). */
  withContent: Set<number>;
}

/** The client ids `structs` (a decoded update) write under, given the known clock of each client. */
export function writtenClients(structs: Iterable<Y.Item | Y.GC | Y.Skip>, knownClock: (client: number) => number): WrittenClients {
  const writers = new Set<number>();
  const withContent = new Set<number>();
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    const { client, clock } = struct.id;
    if (clock + struct.length <= knownClock(client)) continue;
    writers.add(client);
    if (struct instanceof Y.Item && !(struct.content instanceof Y.ContentDeleted)) withContent.add(client);
  }
  return { writers, withContent };
}

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

  /**
   * Why `accountId` may not write what `written` describes, or null: a writer owned by another
   * account; a new id announced in awareness by another account's connection (`announcedBy`
   * returns that account's id, or null); a new id with no real content; more than
   * `MAX_NEW_CLIENT_IDS` new ids.
   */
  refusal(written: WrittenClients, accountId: string, announcedBy: (clientId: number) => string | null = () => null): string | null {
    const fresh: number[] = [];
    for (const id of written.writers) {
      const owner = this.owners.get(id);
      if (owner === accountId) continue;
      if (owner !== undefined) return `client id ${id} belongs to another account`;
      const holder = announcedBy(id);
      if (holder !== null && holder !== accountId) return `client id ${id} is in use by another connection`;
      if (!written.withContent.has(id)) return `client id ${id} would be bound without content (only skipped, garbage-collected or deleted structs)`;
      fresh.push(id);
    }
    if (fresh.length > MAX_NEW_CLIENT_IDS) return `the update writes under ${fresh.length} new client ids (at most ${MAX_NEW_CLIENT_IDS})`;
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
