/**
 * Whether a Yjs update can be integrated completely, at once, into a document: every run of
 * structs of a client continues from what the document (or the update itself) already has, every
 * item refers (as left/right neighbour or parent) only to content that exists, no struct is partly
 * known (its start repeating what the document has, its end new), and every deletion
 * falls on content that exists. Yjs would otherwise keep the rest as pending and apply it later,
 * unchecked, when the missing content arrives; the server refuses such an update instead (an
 * in-sync y-websocket client never sends one). Pure: reads the decoded update and the store's clocks.
 */
import * as Y from 'yjs';

/** A decoded Yjs update (`Y.decodeUpdate`). */
export interface DecodedStructs {
  structs: Array<Y.Item | Y.GC | Y.Skip>;
  ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
}

/** The clock each client reaches once `decoded` is integrated into `doc`, or why it cannot be integrated at once. */
export function integratedClocks(decoded: DecodedStructs, doc: Y.Doc): { clocks: Map<number, number> } | { problem: string } {
  const clocks = new Map<number, number>();
  const clockOf = (client: number) => clocks.get(client) ?? Y.getState(doc.store, client);
  const seen = new Set<number>();
  let current: number | null = null;
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    if (client !== current) {
      // Yjs keeps only the last run of structs of a client; an update listing one twice is crafted.
      if (seen.has(client)) return { problem: `the structs of client ${client} come in two runs` };
      seen.add(client);
      current = client;
    }
    if (struct instanceof Y.Skip) continue;
    const known = clockOf(client);
    if (clock > known) return { problem: `structs of client ${client} start at clock ${clock}, but the document has that client only up to clock ${known}` };
    // Yjs would integrate only the unknown end of such a struct, with the known item before it as its
    // left neighbour: if that item is not what the sender had there, the end lands in a place (another
    // parent, an attribute) that differs between this document and every copy decoded from it later.
    if (clock < known && clock + struct.length > known) {
      return { problem: `a struct of client ${client} repeats clocks ${clock}..${known - 1} the document has and goes on to ${clock + struct.length - 1}` };
    }
    clocks.set(client, Math.max(known, clock + struct.length));
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    if (clock + struct.length <= Y.getState(doc.store, client)) continue;
    for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (!(ref instanceof Y.ID)) continue;
      if (ref.client === client ? ref.clock >= clock : ref.clock >= clockOf(ref.client)) {
        return { problem: `item ${client}:${clock} refers to ${ref.client}:${ref.clock}, which the document does not have` };
      }
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const end = clockOf(client);
    for (const { clock, len } of ranges) {
      if (clock + len > end) return { problem: `the update deletes ${client}:${clock}..${clock + len - 1}, but the document has that client only up to clock ${end}` };
    }
  }
  return { clocks };
}

/** Why `decoded` cannot be integrated into `doc` at once, or null when it can. */
export function integrationProblem(decoded: DecodedStructs, doc: Y.Doc): string | null {
  const result = integratedClocks(decoded, doc);
  return 'problem' in result ? result.problem : null;
}

/** Whether `doc` holds structs or deletions Yjs is keeping until missing content arrives. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
