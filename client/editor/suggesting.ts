/**
 * The editor's gate for local edits: every transaction the user causes is first put into its
 * proposal form (`shapeEdit`, suggesting mode for delegates), then checked by the rule function
 * the server also enforces (`refuseEdit`), on the state it would really produce (appended
 * transactions included). What the rules refuse is not applied and never reaches the Y.Doc; the
 * status line says why in one plain sentence. Changes arriving from the server pass unchecked.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';
import { shapeEdit } from '../../shared/suggesting/index.ts';
import type { Author } from '../../shared/permissions/index.ts';
import { refusalOf, type EditRefusal } from './edit-rules.ts';

/** Whether `tr` carries a change made by the sync plugin from the shared Y.Doc (remote edit, undo). */
export function isSyncChange(tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return Boolean(meta?.isChangeOrigin);
}

/** What the gate decided: the next state, or the refusal (the state stays as it was). */
export type GateResult = { state: EditorState; refusal?: undefined } | { state?: undefined; refusal: EditRefusal };

/** Apply `tr` to `state` as `author` may: shaped into a proposal, checked by the rules. */
export function gateEdit(state: EditorState, tr: Transaction, author: Author): GateResult {
  if (!tr.docChanged || isSyncChange(tr)) return { state: state.apply(tr) };
  const shaped = shapeEdit(state, tr, author);
  if (shaped.refusal) return { refusal: shaped.refusal };
  const next = state.apply(shaped.tr);
  const refusal = refusalOf(state.doc, next.doc, author);
  return refusal ? { refusal } : { state: next };
}
