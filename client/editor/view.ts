/**
 * Mounting the editor: an EditorView over the session's state, editable unless the account is an
 * observer, telling `onChange` after every state change (panels and toolbar refresh from there).
 */
import { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import type { Account, Session } from '../connection/index.ts';
import { createEditorState, canEdit } from './state.ts';
import type { EditorActions } from './keymap.ts';

/** Options of `mountEditor`. */
export interface MountOptions {
  place: HTMLElement;
  session: Session;
  account: Account;
  actions: EditorActions;
  onChange(state: EditorState, docChanged: boolean): void;
}

/** Create the EditorView for the session in `place`. The session should have synced first. */
export function mountEditor({ place, session, account, actions, onChange }: MountOptions): EditorView {
  const editable = canEdit(account);
  return new EditorView(place, {
    state: createEditorState(session, account, actions),
    editable: () => editable,
    attributes: { class: `treaty${editable ? '' : ' read-only'}`, spellcheck: 'true', 'aria-label': 'Treaty text' },
    // Called with the view as `this`, also while the view is being constructed (the sync plugin renders then).
    dispatchTransaction(this: EditorView, tr) {
      const before = this.state.doc;
      const state = this.state.apply(tr);
      this.updateState(state);
      onChange(state, state.doc !== before);
    },
  });
}
