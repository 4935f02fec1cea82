/**
 * The resolution history: every resolution of the document, newest first, from
 * `GET /api/documents/:id/resolutions`, in words — the article's number and heading, what was
 * decided ("Kept “with ITU Membership” (proposed by US)", "Chose option 2: …", "Marked agreed ad
 * referendum"), a few words of the text either side, who and when; never an internal id. A chair
 * may undo a resolution (`POST /api/documents/:id/resolutions/:resolutionId/undo`): the server
 * reverts it as a new live edit. The record of a day opens as a meeting summary (HTML) or
 * downloads as Word (`/resolutions/summary?date=&format=`).
 */
import { api, post, type Account } from '../connection/index.ts';
import { el } from './jump.ts';
import { plainMessage } from './messages.ts';
import { openViewer } from './redline-viewer.ts';
import { articleCaption, contextLine, decisionSentence } from '../../shared/resolution/summary.ts';
import type { ResolutionEntry } from '../../shared/api/index.ts';

export type { ResolutionEntry };

/** The history list of document `documentId` (with Undo buttons for a chair); `refresh()` reloads it from the server. */
export function createResolutionHistory(documentId: string, account: Account): { element: HTMLElement; refresh(): Promise<void> } {
  const element = el('section', 'resolution-history');
  const status = el('p', 'panel-status');
  const list = el('ol', 'resolution-list');
  const base = `/api/documents/${encodeURIComponent(documentId)}`;

  const summary = el('div', 'resolution-summary');
  const day = el('input');
  day.type = 'date';
  day.name = 'summary-date';
  day.value = new Date().toISOString().slice(0, 10);
  day.setAttribute('aria-label', 'Day of the meeting summary');
  const open = el('button', 'small', 'Meeting summary');
  open.type = 'button';
  open.dataset.action = 'summary';
  open.addEventListener('click', () => {
    const query = `date=${encodeURIComponent(day.value)}`;
    openViewer(`Decisions of ${day.value}`, `${base}/resolutions/summary?${query}&format=html`, { label: 'Word', url: `${base}/resolutions/summary?${query}&format=docx` });
  });
  summary.append(day, open);
  element.append(el('h3', 'panel-subtitle', 'History'), summary, status, list);

  const chair = account.role === 'chair';
  let undone = new Set<string>();

  const undo = async (record: ResolutionEntry) => {
    status.textContent = `Undoing the decision on ${articleCaption(record)}…`;
    try {
      await post(`${base}/resolutions/${encodeURIComponent(record.id)}/undo`, {});
    } catch (error) {
      status.textContent = plainMessage(error);
      return;
    }
    await refresh();
  };

  const entry = (record: ResolutionEntry): HTMLElement => {
    const item = el('li', `resolution-entry resolution-${record.action}`);
    item.dataset.resolution = record.id;
    item.dataset.decision = record.decision;
    const when = new Date(record.createdAt);
    const time = el('time', '', when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
    time.dateTime = when.toISOString();
    const head = el('div', 'resolution-head');
    head.append(el('strong', 'resolution-article', articleCaption(record)));
    const context = contextLine(record);
    const who = el('div', 'resolution-who');
    who.append(el('span', '', record.account ? `${record.account.name} (${record.account.delegation})` : 'The chair'), el('span', '', ' · '), time);
    item.append(head, el('p', 'resolution-sentence', decisionSentence(record)));
    if (context) item.append(el('p', 'resolution-context', context));
    item.append(who);
    if (undone.has(record.id)) item.append(el('span', 'resolution-undone', 'Undone'));
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
      status.textContent = records.length ? `${records.length} decision${records.length === 1 ? '' : 's'}` : 'No decisions yet.';
      list.replaceChildren(...records.slice().reverse().map(entry));
    } catch (error) {
      status.textContent = plainMessage(error);
    }
  };

  return { element, refresh };
}
