/**
 * Who proposed a bracket and when, on hover: the editor asks the server
 * (`GET /api/documents/:id/proposals`, read from the update log) and puts the answer in the
 * tooltip of the bracket's words and glyphs ("Proposed by Marie Dupont (FR), 2 Dec 2026, 07:40").
 * The brackets panel uses the same answers for its entries.
 */
import type { EditorView } from 'prosemirror-view';
import { api } from '../connection/index.ts';

/** Who proposed a bracket (null: it came with the imported text or a server edit) and when (ms). */
export interface ProposalOriginInfo {
  proposedBy: { accountId: string; name: string; delegation: string } | null;
  proposedAt: number;
}

const known = new Map<string, Map<string, ProposalOriginInfo>>();
const loading = new Map<string, Promise<Map<string, ProposalOriginInfo>>>();

/** The origins of `documentId`'s brackets, fetched again when `refresh` (at most one request at a time). */
export function proposalOrigins(documentId: string, refresh = false): Promise<Map<string, ProposalOriginInfo>> {
  const have = known.get(documentId);
  if (have && !refresh) return Promise.resolve(have);
  const pending = loading.get(documentId);
  if (pending) return pending;
  const request = api<Record<string, ProposalOriginInfo>>(`/api/documents/${encodeURIComponent(documentId)}/proposals`)
    .then((answer) => {
      const map = new Map(Object.entries(answer));
      known.set(documentId, map);
      return map;
    })
    .finally(() => loading.delete(documentId));
  loading.set(documentId, request);
  return request;
}

/** "Proposed by Marie Dupont (FR), 2 Dec 2026, 07:40", or the words for text that came with the document. */
export function originWords(origin: ProposalOriginInfo | undefined): string {
  if (!origin) return 'Proposed just now';
  const when = new Date(origin.proposedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return origin.proposedBy ? `Proposed by ${origin.proposedBy.name} (${origin.proposedBy.delegation}), ${when}` : `In the text since ${when}`;
}

/** The origin of bracket `id`, asking the server again when it is not known yet. */
export async function originOf(documentId: string, id: string): Promise<ProposalOriginInfo | undefined> {
  const first = await proposalOrigins(documentId);
  if (first.has(id)) return first.get(id);
  return (await proposalOrigins(documentId, true)).get(id);
}

/** Tooltips naming who proposed each bracket of `view`, filled in on hover. */
export function installProposalTitles(view: EditorView, documentId: string): () => void {
  const onOver = (event: Event) => {
    const target = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-proposal], [data-bracket-id]');
    if (!target || !view.dom.contains(target)) return;
    const id = target.dataset.proposal ?? target.dataset.bracketId;
    if (!id || target.dataset.originShown === id) return;
    target.dataset.originShown = id;
    void originOf(documentId, id).then((origin) => {
      const base = target.title ? target.title.split('\n')[0] : '';
      target.title = base ? `${base}\n${originWords(origin)}` : originWords(origin);
    }).catch(() => { delete target.dataset.originShown; });
  };
  view.dom.addEventListener('mouseover', onOver);
  return () => view.dom.removeEventListener('mouseover', onOver);
}
