/**
 * The chair sets an article's status as a live server edit: the change is made on the room's
 * text (shared/resolution), submitted to the room (logged, applied, broadcast, origin
 * `resolution`) and recorded as a resolution with action `status`, `bracketId` the article id,
 * `optionId` the new status and the before/after texts naming the article and its status.
 * Undoing that resolution (`undo.ts`) restores the previous status.
 */
import { Transform } from 'prosemirror-transform';
import { HTTPException } from 'hono/http-exception';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../../shared/schema/index.ts';
import { findArticle as articleInfo } from '../../shared/model/index.ts';
import { setArticleStatusInTransform } from '../../shared/resolution/index.ts';
import type { Account, DocumentStore, ResolutionRecord } from '../storage/types.ts';
import { serverOrigin } from '../sync/origins.ts';
import type { Rooms } from '../sync/rooms.ts';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';
import { loggedSeq, updateTowards } from './apply.ts';

/** Action recorded for a change of an article's status. */
export const STATUS_ACTION = 'status';

/**
 * Set the status of article `articleId` of document `docId` for `account` (a chair: the caller
 * checks). Throws HTTPException 404 for an unknown article, 400 for an unknown status; resolves
 * with the record once the change is stored and broadcast, or null when the status was already so.
 * Runs one at a time with the document's other server edits.
 */
export function applyArticleStatus(rooms: Rooms, store: DocumentStore, account: Account, docId: string, articleId: string, status: string): Promise<ResolutionRecord | null> {
  return rooms.exclusive(docId, () => setStatusLive(rooms, store, account, docId, articleId, status));
}

/** `applyArticleStatus`'s work, run while no other server edit of `docId` runs. */
async function setStatusLive(rooms: Rooms, store: DocumentStore, account: Account, docId: string, articleId: string, status: string): Promise<ResolutionRecord | null> {
  const room = await rooms.open(docId);
  await room.drain();
  const before = yXmlFragmentToProseMirrorRootNode(room.doc.getXmlFragment(PROSEMIRROR_ROOT), schema);
  const tr = new Transform(before);
  let was: string;
  try {
    was = setArticleStatusInTransform(tr, articleId, status);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new HTTPException(/^No article/.test(error.message) ? 404 : 400, { message: error.message });
  }
  if (!tr.docChanged) return null;
  tr.doc.check();
  const update = updateTowards(room.doc, tr.doc);
  const seqBefore = room.appliedSeq;
  await room.submit(update, serverOrigin('resolution', account));
  const updateSeq = await loggedSeq(store, docId, seqBefore, update);
  const info = articleInfo(before, articleId);
  const label = info?.number ? `Article ${info.number}` : `Article ${articleId}`;
  return store.addResolution({
    docId, bracketId: articleId, action: STATUS_ACTION, optionId: status, accountId: account.id,
    beforeText: `${label}: ${was}`, afterText: `${label}: ${status}`, updateSeq,
    details: {
      article: info ? { id: info.id, number: info.number, heading: info.heading } : null,
      text: '', context: { before: '', after: '' }, sponsors: [], decision: 'status', status,
    },
  });
}
