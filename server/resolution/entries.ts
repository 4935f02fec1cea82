/**
 * The resolution record as the API lists it: each stored resolution with its description in
 * words and its author. Records made before descriptions were stored, and status changes stored
 * without one, are described from what the record itself says.
 */
import type { Node } from 'prosemirror-model';
import { articles } from '../../shared/model/index.ts';
import { decisionOf, STATUS_WORDS } from '../../shared/resolution/index.ts';
import type { ResolutionDescription, ResolutionEntry, ResolutionRecord } from '../../shared/api/index.ts';
import type { DocumentStore } from '../storage/types.ts';

/** The description of `record`: the stored one, else what can be said from the record and the current text `doc`. */
export function describedRecord(record: ResolutionRecord, doc: Node): ResolutionDescription {
  if (record.details) return record.details;
  const decision = decisionOf(record.action);
  const description: ResolutionDescription = { article: null, text: '', context: { before: '', after: '' }, sponsors: [], decision };
  if (decision === 'status') {
    // A status change names the article (bracketId) and the new status (optionId, else afterText).
    const article = articles(doc).find((a) => a.id === record.bracketId);
    if (article) description.article = { id: article.id, number: article.number, heading: article.heading };
    description.status = [record.optionId, record.afterText].find((s) => s != null && s in STATUS_WORDS) ?? null;
  }
  return description;
}

/** Every resolution of document `docId`, oldest first, described in words and with its author; `doc` is the current text. */
export async function resolutionEntries(store: DocumentStore, docId: string, doc: Node): Promise<ResolutionEntry[]> {
  const records = await store.listResolutions(docId);
  const accounts = new Map((await store.listAccounts()).map((a) => [a.id, { name: a.name, delegation: a.delegation }]));
  return records.map(({ details: _stored, ...r }) => ({ ...r, ...describedRecord({ ...r, details: _stored }, doc), account: accounts.get(r.accountId) ?? null }));
}
