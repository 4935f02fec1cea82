/**
 * Observers read, they do not write: besides `editable: false`, this plugin drops any local
 * transaction that would change the document (a paste, a stray command), so nothing reaches the
 * Y.Doc. Changes arriving from the server pass. The server enforces the same rule on its side.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

/** The plugin refusing local document changes. */
export function readOnlyPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('readOnly'),
    filterTransaction(tr) {
      if (!tr.docChanged) return true;
      const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
      return Boolean(meta?.isChangeOrigin);
    },
  });
}
