/**
 * The resolution history: every resolution of the document, newest first, from
 * `GET /api/documents/:id/resolutions` — who, when, which bracket, the action, and the text before
 * and after. The brackets panel refreshes it after each resolution. A chair may undo a resolution
 * (`POST /api/documents/:id/resolutions/:resolutionId/undo`): the server reverts it as a new live
 * edit, and records an `undo` whose `optionId` names the resolution undone.
 */
import { api, post, type Account } from '../connection/index.ts';
import { el } from './jump.ts';
import type { ResolutionRecord } from '../../shared/api/index.ts';

/** One recorded resolution as `GET /api/documents/:id/resolutions` lists it, with who resolved it. */
export type ResolutionEntry = ResolutionRecord & { account?: { name: string; delegation: string } | null };

/** The history list of document `documentId` (with Undo buttons for a chair); `refresh()` reloads it from the server. */
export function createResolutionHistory(documentId: string, account: Account): { element: HTMLElement; refresh(): Promise<void> } {
  const element = el('section', 'resolution-history');
  const status = el('p', 'panel-status');
  const list = el('ol', 'resolution-list');
  element.append(el('h3', 'panel-subtitle', 'History'), status, list);

  const base = `/api/documents/${encodeURIComponent(documentId)}`;
  const chair = account.role === 'chair';
  let undone = new Set<string>();

  const undo = async (record: ResolutionEntry) => {
    status.textContent = `Undoing ${record.bracketId}…`;
    try {
      await post(`${base}/resolutions/${encodeURIComponent(record.id)}/undo`, {});
    } catch (error) {
      status.textContent = (error as Error).message;
      return;
    }
    await refresh();
  };

  const entry = (record: ResolutionEntry): HTMLElement => {
    const item = el('li', `resolution-entry resolution-${record.action}`);
    item.dataset.resolution = record.id;
    const head = el('div', 'resolution-head');
    const when = new Date(record.createdAt);
    const time = el('time', '', when.toLocaleString());
    time.dateTime = when.toISOString();
    head.append(el('strong', '', record.account ? `${record.account.name} (${record.account.delegation})` : record.accountId), time,
      el('span', 'resolution-action', `${record.action}${record.optionId ? ` ${record.optionId}` : ''}`),
      el('code', 'resolution-bracket', record.bracketId));
    const change = el('div', 'resolution-change');
    change.append(el('del', '', record.beforeText || '∅'), el('span', 'resolution-arrow', ' → '), el('ins', '', record.afterText || '∅'));
    item.append(head, change);
    if (undone.has(record.id)) item.append(el('span', 'resolution-undone', 'undone'));
    else if (chair && record.action !== 'undo' && record.updateSeq != null) {
      const button = el('button', 'small', 'Undo');
      button.type = 'button';
      button.dataset.action = 'undo';
      button.addEventListener('click', () => void undo(record));
      item.append(button);
    }
    return item;
  };

  const refresh = async () => {
    try {
      const records = await api<ResolutionEntry[]>(`${base}/resolutions`);
      undone = new Set(records.filter((r) => r.action === 'undo' && r.optionId).map((r) => r.optionId!));
      status.textContent = records.length ? `${records.length} resolution${records.length === 1 ? '' : 's'}` : 'No resolutions yet.';
      list.replaceChildren(...records.slice().reverse().map(entry));
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  };

  return { element, refresh };
}
