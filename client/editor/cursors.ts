/**
 * Remote cursors: y-prosemirror's cursor plugin with each caret labelled by its delegation in the
 * delegation's colour (the awareness `user` field published by the session).
 */
import type { Plugin } from 'prosemirror-state';
import { yCursorPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';

interface CursorUser {
  name?: string;
  color?: string;
  delegation?: string;
  role?: string;
}

/** The caret element of a remote delegation: a coloured bar with its label above. */
export function cursorElement(user: CursorUser): HTMLElement {
  const colour = user.color ?? '#64748b';
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = colour;
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = colour;
  label.textContent = user.delegation ?? user.name ?? '?';
  label.title = [user.name, user.delegation, user.role].filter(Boolean).join(' · ');
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** y-prosemirror's cursor plugin with delegation labels. */
export function delegationCursors(awareness: Awareness): Plugin {
  return yCursorPlugin(awareness, {
    cursorBuilder: (user: CursorUser) => cursorElement(user),
    selectionBuilder: (user: CursorUser) => ({ style: `background-color: ${user.color ?? '#64748b'}33`, class: 'remote-selection' }),
  });
}
