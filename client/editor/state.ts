/**
 * The editor state of an open document: the treaty schema bound to the shared Y.Doc (sync,
 * cursors, undo of one's own edits), the keymaps, the treaty decorations, the id keeper and the
 * paste filters.
 */
import { EditorState, type Plugin } from 'prosemirror-state';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import { schema } from '../../shared/schema/index.ts';
import type { Account, Session } from '../connection/index.ts';
import { delegationCursors } from './cursors.ts';
import { treatyKeymaps, type EditorActions } from './keymap.ts';
import { treatyDecorationsPlugin } from './decorations.ts';
import { uniqueIdsPlugin } from './ids.ts';
import { readOnlyPlugin } from './read-only.ts';
import { proposalTypingPlugin } from './proposal-typing.ts';
import { changeSizePlugin } from './change-size.ts';
import { xmlSafeTextPlugin } from './xml-safe.ts';
import { pastedBracketsPlugin } from './pasted-brackets.ts';

/** Whether an account may change the text (observers may not). */
export function canEdit(account: Account): boolean {
  return account.role !== 'observer';
}

/** The plugins of the treaty editor for `account` in `session`. */
export function treatyPlugins(session: Session, account: Account, actions: EditorActions): Plugin[] {
  const editable = canEdit(account);
  return [
    ySyncPlugin(session.ydoc.getXmlFragment('prosemirror')),
    delegationCursors(session.awareness),
    yUndoPlugin(),
    ...treatyKeymaps(account, actions, editable),
    treatyDecorationsPlugin(),
    ...(editable ? [xmlSafeTextPlugin(), pastedBracketsPlugin(), changeSizePlugin(), proposalTypingPlugin(), uniqueIdsPlugin(), dropCursor(), gapCursor()] : [readOnlyPlugin()]),
  ];
}

/** A fresh editor state; the sync plugin fills it from the Y.Doc when the view mounts. */
export function createEditorState(session: Session, account: Account, actions: EditorActions): EditorState {
  return EditorState.create({ schema, plugins: treatyPlugins(session, account, actions) });
}
