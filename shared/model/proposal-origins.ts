/**
 * Who proposed each bracket and when, read from the update log: the first logged update that
 * brings a bracket's id (an inline bracket mark, a block's `bracket` attribute, an option's or an
 * alternatives group's id) names its author and its time. Only the decoded structs are read; no
 * document is rebuilt, so the whole log of a long negotiation is read in one pass.
 */
import * as Y from 'yjs';

/** One logged update as the origins need it. */
export interface OriginUpdate {
  data: Uint8Array;
  accountId: string | null;
  createdAt: number;
}

/** Where a bracket comes from: the account (null for the server's own edits) and the time (ms). */
export interface ProposalOrigin {
  accountId: string | null;
  proposedAt: number;
}

function record(origins: Map<string, ProposalOrigin>, id: unknown, update: OriginUpdate): void {
  if (typeof id !== 'string' || id === '' || origins.has(id)) return;
  origins.set(id, { accountId: update.accountId, proposedAt: update.createdAt });
}

/** Add to `origins` the ids first brought by `updates` (in log order); ids already known keep their origin. */
export function addProposalOrigins(origins: Map<string, ProposalOrigin>, updates: Iterable<OriginUpdate>): Map<string, ProposalOrigin> {
  for (const update of updates) {
    const { structs } = Y.decodeUpdate(update.data) as unknown as { structs: Array<Y.Item | Y.GC | Y.Skip> };
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      const content = struct.content;
      if (content instanceof Y.ContentFormat) {
        if (!content.key.startsWith('bracket') || !content.value || typeof content.value !== 'object') continue;
        const value = content.value as { id?: unknown; group?: unknown };
        record(origins, value.id, update);
        record(origins, value.group, update);
      } else if (content instanceof Y.ContentAny && (struct.parentSub === 'bracket' || struct.parentSub === 'id')) {
        record(origins, content.arr[0], update);
      }
    }
  }
  return origins;
}
