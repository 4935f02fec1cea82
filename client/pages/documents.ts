/** The list of documents the signed-in account may open. */
import type { Account, DocumentSummary } from '../connection/index.ts';
import { el } from '../panels/jump.ts';
import { createDesk, hasDesk } from './desk.ts';

/** Render the document list into `root` (with the secretariat's desk for the secretariat and the chair); each entry links to `#/doc/<id>`. */
export function renderDocuments(root: HTMLElement, account: Account, documents: DocumentSummary[]): void {
  const card = el('div', 'card documents');
  card.append(el('div', 'brand brand-large', 'Plenipo'), el('p', 'lead', `Signed in as ${account.name} · ${account.delegation} · ${account.role}`));
  const list = el('ul', 'document-list');
  for (const doc of documents) {
    const li = el('li');
    const link = el('a', 'document-link');
    link.href = `#/doc/${encodeURIComponent(doc.id)}`;
    link.append(el('span', 'document-title', doc.title));
    if (doc.base) link.append(el('span', 'document-base', `base: ${doc.base}`));
    li.append(link);
    list.append(li);
  }
  if (documents.length === 0) list.append(el('li', 'empty', 'No documents yet.'));
  card.append(el('h2', '', 'Documents'), list);
  const out = el('a', 'link', 'Sign out');
  out.href = '/logout';
  card.append(out);
  root.replaceChildren(el('div', 'centered'));
  root.firstElementChild!.append(card);
  if (hasDesk(account)) {
    root.firstElementChild!.classList.add('with-desk');
    root.firstElementChild!.append(createDesk(account, documents));
  }
}
