/**
 * Apply a chair's resolution to a live document: read the room's Y.Doc as a treaty, resolve on
 * the ProseMirror document (shared/resolution), turn the difference into one Yjs update made on a
 * copy with y-prosemirror's `updateYFragment`, submit it to the room (logged, applied, broadcast,
 * origin `resolution`) and record each resolution with the text before and after and its
 * description in words (shared/resolution/describe.ts).
 */
import * as Y from 'yjs';
import type { Node } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { HTTPException } from 'hono/http-exception';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../../shared/schema/index.ts';
import { listBrackets, plainText, type BracketInfo } from '../../shared/model/index.ts';
import { describeResolution, findArticle, resolveAllInArticleInTransform, resolveBracketInTransform, type ResolutionAction } from '../../shared/resolution/index.ts';
import type { Account, DocumentStore, ResolutionRecord } from '../storage/types.ts';
import { serverOrigin } from '../sync/origins.ts';
import type { Rooms } from '../sync/rooms.ts';
import { PROSEMIRROR_ROOT } from '../sync/update-check.ts';

/** One bracket to resolve, or every bracket of an article. */
export type ResolutionRequest =
  | { bracketId: string; action: ResolutionAction; optionId?: string }
  | { articleId: string; action: 'keep' | 'drop' };

/** The current text of document `id` as a treaty node (a copy; the live room is untouched). */
export async function currentTreaty(rooms: Rooms, id: string): Promise<Node> {
  await rooms.get(id)?.drain();
  const ydoc = await rooms.snapshot(id);
  try {
    return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(PROSEMIRROR_ROOT), schema);
  } finally {
    ydoc.destroy();
  }
}

/** The Yjs update turning `ydoc`'s text into `next`, computed on a copy of `ydoc`. */
export function updateTowards(ydoc: Y.Doc, next: Node): Uint8Array {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
  const updates: Uint8Array[] = [];
  copy.on('update', (update: Uint8Array) => updates.push(update));
  copy.transact(() => updateYFragment(copy, copy.getXmlFragment(PROSEMIRROR_ROOT), next, { mapping: new Map(), isOMark: new Map() }));
  copy.destroy();
  return Y.mergeUpdates(updates);
}

/** Log seq of `update` (stored after `afterSeq`), or null when it is not found. */
export async function loggedSeq(store: DocumentStore, docId: string, afterSeq: number, update: Uint8Array): Promise<number | null> {
  const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
  return (await store.updatesAfter(docId, afterSeq)).find((logged) => same(logged.data, update))?.seq ?? null;
}

/** Text of the article `articleId` in `doc` ("" when it is gone). */
function articleText(doc: Node, articleId: string): string {
  const article = findArticle(doc, articleId);
  return article ? plainText(article.node) : '';
}

/** Text of a bracket outside any article after its resolution. */
function resolvedText(info: BracketInfo, action: ResolutionAction, optionId?: string): string {
  if (action === 'drop') return '';
  if (action === 'choose') return info.options?.find((o) => o.id === optionId)?.text ?? '';
  return info.text;
}

/**
 * Resolve in the live document `docId` for `account` (a chair: the caller checks) and record the
 * resolutions. Throws HTTPException 404 for an unknown bracket or article, 400 when the action
 * does not apply; resolves with the records once the change is stored and broadcast. Concurrent
 * calls (and other server edits of the document) apply one at a time, in call order.
 */
export function applyResolution(rooms: Rooms, store: DocumentStore, account: Account, docId: string, request: ResolutionRequest): Promise<ResolutionRecord[]> {
  return rooms.exclusive(docId, () => resolveLive(rooms, store, account, docId, request));
}

/** `applyResolution`'s work, run while no other server edit of `docId` runs. */
async function resolveLive(rooms: Rooms, store: DocumentStore, account: Account, docId: string, request: ResolutionRequest): Promise<ResolutionRecord[]> {
  const room = await rooms.open(docId);
  await room.drain();
  const before = yXmlFragmentToProseMirrorRootNode(room.doc.getXmlFragment(PROSEMIRROR_ROOT), schema);
  const tr = new Transform(before);
  let resolved: Array<{ bracketId: string; optionId: string | null }>;
  try {
    if ('bracketId' in request) {
      resolveBracketInTransform(tr, request.bracketId, request.action, request.optionId);
      resolved = [{ bracketId: request.bracketId, optionId: request.optionId ?? null }];
    } else {
      resolved = resolveAllInArticleInTransform(tr, request.articleId, request.action).resolved.map((bracketId) => ({ bracketId, optionId: null }));
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new HTTPException(/^No (bracket|article)/.test(error.message) ? 404 : 400, { message: error.message });
  }
  const after = tr.doc;
  after.check();
  if (resolved.length === 0) return [];
  const update = updateTowards(room.doc, after);
  const seqBefore = room.appliedSeq;
  await room.submit(update, serverOrigin('resolution', account));
  const updateSeq = await loggedSeq(store, docId, seqBefore, update);

  const infos = new Map(listBrackets(before).map((b) => [b.id, b]));
  const records: ResolutionRecord[] = [];
  for (const { bracketId, optionId } of resolved) {
    const info = infos.get(bracketId) ?? [...infos.values()].find((b) => b.options?.some((o) => o.id === bracketId) || b.group === bracketId);
    const articleId = info?.articleId ?? ('articleId' in request ? request.articleId : null);
    records.push(await store.addResolution({
      docId, bracketId, action: request.action, optionId, accountId: account.id,
      beforeText: articleId ? articleText(before, articleId) : info?.text ?? '',
      afterText: articleId ? articleText(after, articleId) : info ? resolvedText(info, request.action, optionId ?? undefined) : '',
      updateSeq,
      details: describeResolution(before, bracketId, request.action, optionId),
    }));
  }
  return records;
}
