/**
 * Undo and redo of one's own edits (y-prosemirror's UndoManager), checked by the rules first.
 * Undo writes straight into the shared Y.Doc, past the editor's gate, and what it would undo may
 * meanwhile belong to others (another delegation co-sponsored the words, the chair resolved the
 * bracket). So the undo is first played on a copy of the Y.Doc and the result put to
 * `refuseEdit`; a step the rules refuse is not made, the status line says why, and that step is
 * dropped from the history so the next undo reaches further back.
 */
import * as Y from 'yjs';
import type { Command, EditorState } from 'prosemirror-state';
import { ySyncPluginKey, yUndoPluginKey, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Author } from '../../shared/permissions/index.ts';
import { refusalOf } from './edit-rules.ts';
import { showEditStatus } from './status-line.ts';

type Stack = 'undoStack' | 'redoStack';

/** Why a step whose effect cannot be checked on a copy is not replayed. */
const UNCHECKABLE = 'The text around it has changed since.';

/** The refusal of the rules for undoing (or redoing) the top step of `state`'s history, or null. */
function refusalOfStep(state: EditorState, stack: Stack, author: Author): string | null {
  const sync = ySyncPluginKey.getState(state) as { type: Y.XmlFragment; doc: Y.Doc } | undefined;
  const manager = (yUndoPluginKey.getState(state) as { undoManager: Y.UndoManager } | undefined)?.undoManager;
  const item = manager?.[stack][manager[stack].length - 1];
  if (!sync || !manager || !item) return null;
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(sync.doc));
    const fragment = copy.getXmlFragment('prosemirror');
    const schema = state.schema;
    const before = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    // The editor's own manager keeps some content on undo (y-prosemirror's delete filter): replay with it.
    const replay = new Y.UndoManager(fragment, { trackedOrigins: new Set([null]), deleteFilter: manager.deleteFilter });
    replay[stack].push(item);
    if (stack === 'undoStack') replay.undo();
    else replay.redo();
    const after = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    replay.destroy();
    // The replay changed nothing although the step holds changes: what the real undo would do
    // cannot be checked, so it is not done (it would be the server's to refuse).
    if (after.eq(before)) return UNCHECKABLE;
    return refusalOf(before, after, author)?.message ?? null;
  } catch (error) {
    console.error('plenipo: could not check an undo step', error);
    return null;
  } finally {
    copy.destroy();
  }
}

function guarded(stack: Stack, author: Author): Command {
  return (state, dispatch) => {
    const manager = (yUndoPluginKey.getState(state) as { undoManager: Y.UndoManager } | undefined)?.undoManager;
    if (!manager || manager[stack].length === 0) return false;
    if (!dispatch) return true;
    const refusal = refusalOfStep(state, stack, author);
    if (refusal) {
      manager[stack].pop();
      showEditStatus(`That step can no longer be ${stack === 'undoStack' ? 'undone' : 'redone'}: ${refusal.charAt(0).toLowerCase()}${refusal.slice(1)}`);
      return true;
    }
    if (stack === 'undoStack') manager.undo();
    else manager.redo();
    return true;
  };
}

/** Undo one's own last edit, when the rules allow what it would do now. */
export function guardedUndo(author: Author): Command {
  return guarded('undoStack', author);
}

/** Redo, when the rules allow what it would do now. */
export function guardedRedo(author: Author): Command {
  return guarded('redoStack', author);
}
