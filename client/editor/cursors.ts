/**
 * Remote cursors: y-prosemirror's cursor plugin with each caret labelled by its delegation in the
 * delegation's colour (the awareness `user` field, set by the server). A remote presence state is
 * only drawn when its cursor has exactly the shape y-prosemirror writes and decodes inside this
 * document (`shared/presence`); anything else is skipped. As a last resort, a failure while
 * drawing cursors draws none instead of throwing: y-prosemirror draws cursors inside the
 * transaction that applies a remote edit, so a throw there would stop remote edits from showing.
 */
import { Plugin, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet } from 'prosemirror-view';
import { yCursorPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import { cursorFitsDocument, isCursorJSON } from '../../shared/presence/index.ts';

interface CursorUser {
  name?: string;
  color?: string;
  delegation?: string;
  role?: string;
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

function colourOf(user: CursorUser): string {
  return typeof user.color === 'string' && COLOUR.test(user.color) ? user.color : '#64748b';
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The caret element of a remote delegation: a coloured bar with its label above. */
export function cursorElement(user: CursorUser): HTMLElement {
  const colour = colourOf(user);
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = colour;
  label.textContent = textOf(user.delegation) ?? textOf(user.name) ?? '?';
  label.title = [user.name, user.delegation, user.role].map(textOf).filter(Boolean).join(' · ');
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/**
 * Whether a remote presence state may be drawn: not our own, a `user` object, and a cursor that
 * is absent, null, or two relative positions inside `awareness.doc`.
 */
export function drawablePresence(awareness: Awareness, ownClientId: number, clientId: number, state: unknown): boolean {
  if (ownClientId === clientId) return false;
  if (state === null || typeof state !== 'object') return false;
  const { user, cursor } = state as { user?: unknown; cursor?: unknown };
  if (user !== undefined && (user === null || typeof user !== 'object')) return false;
  if (cursor == null) return true;
  if (!isCursorJSON(cursor)) return false;
  try {
    return cursorFitsDocument(awareness.doc, cursor);
  } catch {
    return false;
  }
}

/** Warn once per page, not once per keystroke, when drawing cursors failed. */
let warned = false;

function safely<T>(draw: () => T, fallback: () => T): T {
  try {
    return draw();
  } catch (error) {
    if (!warned) {
      warned = true;
      console.warn('Remote cursors could not be drawn; they are hidden until the next change.', error);
    }
    return fallback();
  }
}

/** y-prosemirror's cursor plugin with delegation labels, drawing only well-formed remote cursors, never throwing. */
export function delegationCursors(awareness: Awareness): Plugin {
  const inner = yCursorPlugin(awareness, {
    awarenessStateFilter: (ownClientId: number, clientId: number, state: unknown) => drawablePresence(awareness, ownClientId, clientId, state),
    cursorBuilder: (user: CursorUser) => cursorElement(user),
    selectionBuilder: (user: CursorUser) => ({ style: `background-color: ${colourOf(user)}33`, class: 'remote-selection' }),
  }) as Plugin<DecorationSet>;
  const field = inner.spec.state!;
  return new Plugin<DecorationSet>({
    ...inner.spec,
    state: {
      init: (config, state: EditorState) => safely(() => field.init.call(inner, config, state), () => DecorationSet.empty),
      apply: (tr: Transaction, previous: DecorationSet, oldState: EditorState, newState: EditorState) =>
        safely(() => field.apply.call(inner, tr, previous, oldState, newState), () => DecorationSet.empty),
    },
  });
}
