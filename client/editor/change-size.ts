/**
 * The editor's check of a change's size before it enters the shared text: a local change (a
 * paste, a drop) whose content is estimated above the server's update limit is stopped, with the
 * plain sentence "Your change is too large to send (12 MB; the limit is 4 MB)." in the status
 * line. Nothing enters the Y.Doc, so nothing is sent and nothing has to be reloaded. The estimate
 * (UTF-8 bytes of the text plus a little per node and mark) is close to what Yjs encodes; the
 * exact size is checked again on the encoded update before it is sent (client/connection/send-guard.ts).
 */
import { Plugin, type Transaction } from 'prosemirror-state';
import type { Slice } from 'prosemirror-model';
import { ySyncPluginKey } from 'y-prosemirror';
import { MAX_UPDATE_BYTES, tooLargeMessage } from '../../shared/limits/index.ts';
import { showEditStatus } from './status-line.ts';

const utf8 = new TextEncoder();

/** Estimated bytes of what `tr` inserts, as Yjs would encode it. */
export function insertedBytes(tr: Transaction): number {
  let bytes = 0;
  for (const step of tr.steps) {
    const slice = (step as { slice?: Slice }).slice;
    if (!slice) continue;
    slice.content.descendants((node) => {
      if (node.isText) {
        const text = node.text!;
        bytes += (text.length < 256 ? text.length : utf8.encode(text).length) + 8 * node.marks.length;
      } else bytes += 16;
      return true;
    });
  }
  return bytes;
}

/** The plugin stopping local changes above `limit` bytes (default: the server's update limit). */
export function changeSizePlugin(limit = MAX_UPDATE_BYTES): Plugin {
  return new Plugin({
    filterTransaction(tr) {
      // Remote edits and the first rendering of the shared text come from the Y.Doc: never stop those.
      if (!tr.docChanged || tr.getMeta(ySyncPluginKey)?.isChangeOrigin) return true;
      const bytes = insertedBytes(tr);
      if (bytes <= limit) return true;
      showEditStatus(tooLargeMessage(bytes, limit));
      return false;
    },
  });
}
