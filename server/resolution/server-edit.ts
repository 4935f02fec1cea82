/**
 * One ordinary server edit of a live document: read the room's text, compute the next text with a
 * pure function of shared/, and submit the difference through the room (logged, applied,
 * broadcast) with a server origin naming the reason and the account. Used by renumbering and by
 * freezing the numbers when a version is cut.
 */
import type { Node } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../../shared/schema/index.ts';
import { freezeNumbers, renumber, followCrossReferences } from '../../shared/model/index.ts';
import type { Account } from '../storage/types.ts';
import { serverOrigin } from '../sync/origins.ts';
import type { Rooms } from '../sync/rooms.ts';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';
import { updateTowards } from './apply.ts';

/**
 * Edit the live document `docId` for `account`: `next` maps the current text to the new one.
 * Resolves with the text before and after once the change is stored and broadcast (no update is
 * sent when nothing changed). Runs one at a time with the document's other server edits.
 */
export function editLive(rooms: Rooms, account: Account, docId: string, reason: string, next: (doc: Node) => Node): Promise<{ before: Node; after: Node; changed: boolean }> {
  return rooms.exclusive(docId, () => editNow(rooms, account, docId, reason, next));
}

/** `editLive`'s work, run while no other server edit of `docId` runs. */
async function editNow(rooms: Rooms, account: Account, docId: string, reason: string, next: (doc: Node) => Node): Promise<{ before: Node; after: Node; changed: boolean }> {
  const room = await rooms.open(docId);
  await room.drain();
  const before = yXmlFragmentToProseMirrorRootNode(room.doc.getXmlFragment(PROSEMIRROR_ROOT), schema);
  const after = next(before);
  after.check();
  if (after.eq(before)) return { before, after, changed: false };
  await room.submit(updateTowards(room.doc, after), serverOrigin(reason, account));
  return { before, after, changed: true };
}

/** Freeze the numbers of the live document `docId` (a no-op when they are frozen already); resolves with true when it changed. */
export async function freezeLive(rooms: Rooms, account: Account, docId: string): Promise<boolean> {
  return (await editLive(rooms, account, docId, 'freeze numbering', freezeNumbers)).changed;
}

/** What `renumberLive` did: whether the text changed and each article whose number changed. */
export interface RenumberResult {
  changed: boolean;
  articles: Array<{ from: string; to: string }>;
}

/** Give the live document `docId` its final sequential numbering, cross-references following, as one edit. */
export async function renumberLive(rooms: Rooms, account: Account, docId: string): Promise<RenumberResult> {
  let moved: Array<{ from: string; to: string }> = [];
  const { changed } = await editLive(rooms, account, docId, 'renumber', (doc) => {
    const { doc: numbered, renumbering } = renumber(doc);
    moved = [...renumbering.articles].filter(([from, to]) => from !== to).map(([from, to]) => ({ from, to }));
    return followCrossReferences(numbered, doc, renumbering);
  });
  return { changed, articles: moved };
}
