/** The session-mode shortcuts the help dialog lists beside the editor's. */
import type { Shortcut } from '../editor/keymap.ts';

/** Session mode (the chair) and following the chair. */
export const SESSION_SHORTCUTS: Record<string, Shortcut[]> = {
  'Session (chair)': [
    { key: 'Alt-ArrowDown', does: 'Session mode: next open bracket or alternative (starts session mode)' },
    { key: 'Alt-ArrowUp', does: 'Session mode: previous open bracket or alternative' },
    { key: 'j', does: 'In the session bar: next' },
    { key: 'k', does: 'In the session bar: previous' },
    { key: 'a', does: 'In the session bar: keep the bracketed words (adopt them)' },
    { key: 'd', does: 'In the session bar: drop the bracketed words' },
    { key: '1', does: 'In the session bar: choose option 1 (2, 3… for the others)' },
    { key: 'Escape', does: 'End session mode' },
  ],
};
