/**
 * Who proposed a bracket and when, on hover: the editor asks the server
 * (`GET /api/documents/:id/proposals`, read from the update log) and shows the answer in a note
 * beside the bracket's words ("Proposed by Marie Dupont (FR), 2 Dec 2026, 07:40").
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

let tooltip: HTMLElement | null = null;

/** The floating note beside the text (outside the editable DOM, which ProseMirror owns). */
function note(): HTMLElement {
  if (!tooltip || !tooltip.isConnected) {
    tooltip = document.createElement('div');
    tooltip.className = 'proposal-tooltip';
    tooltip.setAttribute('role', 'tooltip');
    tooltip.hidden = true;
    document.body.append(tooltip);
  }
  return tooltip;
}

/**
 * Hovering a proposal's words or brackets in `view` shows who proposed it and when, in a note
 * beside the text: its kind and sponsors (the glyph's title) and the proposer from the log.
 */
export function installProposalTitles(view: EditorView, documentId: string): () => void {
  let shown: string | null = null;
  const onOver = (event: MouseEvent) => {
    const target = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-proposal], [data-bracket-id]');
    if (!target || !view.dom.contains(target)) return;
    const id = target.dataset.proposal ?? target.dataset.bracketId;
    if (!id || id === shown) return;
    shown = id;
    const glyph = view.dom.querySelector<HTMLElement>(`.bracket-glyph.close[data-bracket-id="${CSS.escape(id)}"]`);
    const rect = target.getBoundingClientRect();
    void originOf(documentId, id).then((origin) => {
      if (shown !== id) return;
      const box = note();
      box.textContent = [glyph?.title, originWords(origin)].filter(Boolean).join(' · ');
      box.dataset.bracket = id;
      box.style.left = `${Math.round(rect.left + window.scrollX)}px`;
      box.style.top = `${Math.round(rect.bottom + window.scrollY + 4)}px`;
      box.hidden = false;
    }).catch(() => { shown = null; });
  };
  const onOut = (event: MouseEvent) => {
    const to = (event.relatedTarget as HTMLElement | null)?.closest?.('[data-proposal], [data-bracket-id]');
    if (to && view.dom.contains(to)) return;
    shown = null;
    if (tooltip) tooltip.hidden = true;
  };
  view.dom.addEventListener('mouseover', onOver);
  view.dom.addEventListener('mouseout', onOut);
  return () => {
    view.dom.removeEventListener('mouseover', onOver);
    view.dom.removeEventListener('mouseout', onOut);
  };
}
