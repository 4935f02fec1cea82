/**
 * Mounting the editor: an EditorView over the session's state, editable unless the account is an
 * observer, telling `onChange` after every state change (panels and toolbar refresh from there).
 * Every local edit passes the gate first (suggesting mode, then the rules; see suggesting.ts).
 */
import { EditorView } from 'prosemirror-view';
import type { EditorState } from 'prosemirror-state';
import type { Account, Session } from '../connection/index.ts';
import { createEditorState, canEdit } from './state.ts';
import type { EditorActions } from './keymap.ts';
import { gateEdit } from './suggesting.ts';
import { showEditStatus } from './status-line.ts';
import { installProposalTitles } from './proposal-info.ts';

declare global {
  interface Window {
    /** Edits the editor stopped before sending (their `detail`), for tests. */
    __plenipoStopped?: string[];
  }
}

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
  const view = new EditorView(place, {
    state: createEditorState(session, account, actions),
    editable: () => editable,
    attributes: { class: `treaty${editable ? '' : ' read-only'}`, spellcheck: 'true', 'aria-label': 'Treaty text' },
    // Called with the view as `this`, also while the view is being constructed (the sync plugin renders then).
    dispatchTransaction(this: EditorView, tr) {
      const before = this.state.doc;
      const gated = gateEdit(this.state, tr, account);
      if (gated.refusal) {
        (window.__plenipoStopped ??= []).push(gated.refusal.detail);
        showEditStatus(gated.refusal.message);
        // A change the browser already drew (typing read back from the page) is redrawn from the state.
        this.updateState(this.state);
        return;
      }
      this.updateState(gated.state);
      onChange(gated.state, gated.state.doc !== before);
    },
  });
  installProposalTitles(view, session.documentId);
  return view;
}
