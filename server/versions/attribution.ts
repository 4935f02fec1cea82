/**
 * The server side of attribution: the document's update log turned into `ItemStamps` (each logged
 * update's account → the signer readers know: the delegation code, "Chair", "Secretariat"; an update
 * with no account — an import — is signed by the document's issuing body), and the authorship of the
 * two texts of a redline built from their Yjs states. Base texts have no log: nothing is returned for
 * them and the Word redline signs their changes with the issuing body.
 */
import * as Y from 'yjs';
import { stampsFromLog, textAuthorship, type ItemStamps, type TextAuthorship } from '../../shared/attribution/index.ts';
import type { Account, DocumentStore } from '../storage/types.ts';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';
import type { NamedText } from './texts.ts';

/** How a change by `account` is signed: a delegate by its delegation, the chair as "Chair", the secretariat as "Secretariat". */
export function signerOf(account: Account | null, issuer: string): string {
  if (!account) return issuer;
  if (account.role === 'chair') return 'Chair';
  if (account.role === 'secretariat') return 'Secretariat';
  return account.delegation || account.name;
}

/** Every logged update of `docId` indexed by the items it inserted and deleted, with its signer and time. */
export async function logStamps(store: DocumentStore, docId: string, issuer: string): Promise<ItemStamps> {
  const rows = await store.updatesAfter(docId, 0);
  const accounts = new Map<string, Account | null>();
  for (const row of rows) if (row.accountId && !accounts.has(row.accountId)) accounts.set(row.accountId, await store.getAccount(row.accountId));
  return stampsFromLog(rows.map((row) => ({ update: row.data, stamp: { author: signerOf(row.accountId ? accounts.get(row.accountId) ?? null : null, issuer), time: row.createdAt } })));
}

/** Who wrote the `to` text and who deleted from the `from` text, when both sides have a Yjs state. */
export async function redlineAuthorship(store: DocumentStore, docId: string, issuer: string, from: NamedText, to: NamedText): Promise<{ from?: TextAuthorship; to?: TextAuthorship }> {
  if (!from.state && !to.state) return {};
  const stamps = await logStamps(store, docId, issuer);
  const of = (state: Uint8Array, side: 'from' | 'to') => {
    const ydoc = new Y.Doc({ gc: false });
    Y.applyUpdate(ydoc, state);
    const authorship = textAuthorship(ydoc, stamps, side, PROSEMIRROR_ROOT);
    ydoc.destroy();
    return authorship;
  };
  return { from: from.state ? of(from.state, 'from') : undefined, to: to.state ? of(to.state, 'to') : undefined };
}
