/**
 * Who proposed each bracket, and when: `GET /api/documents/:id/proposals` →
 * `{ [bracketId]: { proposedBy: { accountId, name, delegation } | null, proposedAt } }` for every
 * bracket, option and alternatives-group id the update log brings (`proposedBy` null for the
 * server's own edits, e.g. the imported text). Read from the log by `addProposalOrigins`, kept per
 * document and extended with the updates logged since the last request.
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { addProposalOrigins, type ProposalOrigin } from '../../shared/model/index.ts';
import type { DocumentStore } from '../storage/types.ts';
import type { AppEnv } from './env.ts';

interface Known {
  lastSeq: number;
  origins: Map<string, ProposalOrigin>;
}

const cache = new WeakMap<DocumentStore, Map<string, Known>>();

async function originsOf(store: DocumentStore, docId: string): Promise<Map<string, ProposalOrigin>> {
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, perStore = new Map());
  const known = perStore.get(docId) ?? { lastSeq: 0, origins: new Map() };
  const updates = await store.updatesAfter(docId, known.lastSeq);
  addProposalOrigins(known.origins, updates);
  if (updates.length) known.lastSeq = updates[updates.length - 1].seq;
  perStore.set(docId, known);
  return known.origins;
}

/** The proposals route group (paths relative to /api). */
export const proposalRoutes = new Hono<AppEnv>()
  .get('/documents/:id/proposals', async (c) => {
    const id = c.req.param('id');
    if (!(await c.var.store.getDocument(id))) throw new HTTPException(404, { message: `Unknown document ${JSON.stringify(id)}` });
    const origins = await originsOf(c.var.store, id);
    const accounts = new Map((await c.var.store.listAccounts()).map((a) => [a.id, { accountId: a.id, name: a.name, delegation: a.delegation }]));
    const out: Record<string, { proposedBy: { accountId: string; name: string; delegation: string } | null; proposedAt: number }> = {};
    for (const [bracket, origin] of origins) {
      out[bracket] = { proposedBy: origin.accountId ? accounts.get(origin.accountId) ?? null : null, proposedAt: origin.proposedAt };
    }
    return c.json(out);
  });
