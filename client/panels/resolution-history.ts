/**
 * The resolution history: every resolution of the document, newest first, from
 * `GET /api/documents/:id/resolutions` — who, when, which bracket, the action, and the text before
 * and after. The brackets panel refreshes it after each resolution.
 */
import { api } from '../connection/index.ts';
import { el } from './jump.ts';

/** One recorded resolution as the server lists it. */
export interface ResolutionEntry {
  id: string;
  bracketId: string;
  action: string;
  optionId: string | null;
  accountId: string;
  createdAt: number;
  beforeText: string;
  afterText: string;
}

/** The history list of document `documentId`; `refresh()` reloads it from the server. */
export function createResolutionHistory(documentId: string): { element: HTMLElement; refresh(): Promise<void> } {
  const element = el('section', 'resolution-history');
  const status = el('p', 'panel-status');
  const list = el('ol', 'resolution-list');
  element.append(el('h3', 'panel-subtitle', 'History'), status, list);

  const entry = (record: ResolutionEntry): HTMLElement => {
    const item = el('li', `resolution-entry resolution-${record.action}`);
    item.dataset.resolution = record.id;
    const head = el('div', 'resolution-head');
    const when = new Date(record.createdAt);
    const time = el('time', '', when.toLocaleString());
    time.dateTime = when.toISOString();
    head.append(el('strong', '', record.accountId), time,
      el('span', 'resolution-action', `${record.action}${record.optionId ? ` ${record.optionId}` : ''}`),
      el('code', 'resolution-bracket', record.bracketId));
    const change = el('div', 'resolution-change');
    change.append(el('del', '', record.beforeText || '∅'), el('span', 'resolution-arrow', ' → '), el('ins', '', record.afterText || '∅'));
    item.append(head, change);
    return item;
  };

  return {
    element,
    async refresh() {
      try {
        const records = await api<ResolutionEntry[]>(`/api/documents/${encodeURIComponent(documentId)}/resolutions`);
        status.textContent = records.length ? `${records.length} resolution${records.length === 1 ? '' : 's'}` : 'No resolutions yet.';
        list.replaceChildren(...records.slice().reverse().map(entry));
      } catch (error) {
        status.textContent = (error as Error).message;
      }
    },
  };
}
