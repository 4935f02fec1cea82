/**
 * Versions of a live document: cut a named Version ("Rev.1") from the live room, restore one as a
 * new live edit (never by rewriting the log), start a new document from one.
 */
import * as Y from 'yjs';
import { HTTPException } from 'hono/http-exception';
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { schema } from '../../shared/schema/index.ts';
import type { Account, DocumentRecord, DocumentStore, VersionRecord } from '../storage/types.ts';
import type { Rooms } from '../sync/rooms.ts';
import { serverOrigin } from '../sync/origins.ts';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';
import { importProseMirrorDocument } from '../import-document.ts';
import type { VersionSummary } from '../../shared/api/index.ts';

/** Roles that may cut and restore versions. */
export const VERSION_ROLES: ReadonlySet<string> = new Set(['secretariat', 'chair']);

/** True when `account` may cut or restore versions (secretariat and chair). */
export function mayCutVersion(account: Account): boolean {
  return VERSION_ROLES.has(account.role);
}

export type { VersionSummary };

/** The API view of a version, with its author's name and delegation. */
export async function summarizeVersion(store: DocumentStore, version: VersionRecord): Promise<VersionSummary> {
  const author = await store.getAccount(version.authorId);
  return {
    id: version.id, docId: version.docId, label: version.label, createdAt: version.createdAt,
    author: { id: version.authorId, name: author?.name ?? null, delegation: author?.delegation ?? null },
  };
}

/** Cut a version of the live document `docId` labelled `label`, authored by `account`. */
export async function cutVersion(rooms: Rooms, store: DocumentStore, account: Account, docId: string, label: string): Promise<VersionRecord> {
  const room = await rooms.open(docId);
  await room.drain();
  const state = Y.encodeStateAsUpdate(room.doc);
  const json = JSON.stringify(yXmlFragmentToProsemirrorJSON(room.doc.getXmlFragment(PROSEMIRROR_ROOT)));
  return store.createVersion({ docId, label, authorId: account.id, state, json });
}

/**
 * Restore `version` into its live document: one server-side edit (origin `restore`) turning the
 * current text into the version's, logged and broadcast to every connected client. Resolves with
 * true when the text changed.
 */
export async function restoreVersion(rooms: Rooms, account: Account, version: VersionRecord): Promise<boolean> {
  const target = schema.nodeFromJSON(JSON.parse(version.json));
  // One at a time with the document's other server edits: it replaces the text it read.
  const update = await rooms.exclusive(version.docId, () => rooms.transact(version.docId, serverOrigin(`restore ${version.id}`, account), (fragment, doc) => {
    updateYFragment(doc, fragment, target, { mapping: new Map(), isOMark: new Map() });
  }));
  return update !== null;
}

/** Start a new document from `version`, titled `title` (default: the version's document title and label). */
export async function forkVersion(store: DocumentStore, account: Account, source: DocumentRecord, version: VersionRecord, title?: string): Promise<DocumentRecord> {
  if (title !== undefined && (typeof title !== 'string' || !title.trim())) throw new HTTPException(400, { message: `Title must be a non-empty string, not ${JSON.stringify(title)}` });
  return importProseMirrorDocument(store, {
    json: JSON.parse(version.json),
    title: title?.trim() ?? `${source.title} (${version.label})`,
    base: source.base,
    sourceVersion: version.id,
    accountId: account.id,
  });
}
