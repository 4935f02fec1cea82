/**
 * Keyboard bindings: structural editing (Enter, Tab, Mod-Enter), proposals (brackets,
 * alternatives, deletions, comments), marks, undo/redo through y-prosemirror's UndoManager (only
 * one's own edits), then ProseMirror's base keymap. `SHORTCUTS` is what the help dialog shows.
 */
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, chainCommands, splitBlock, toggleMark } from 'prosemirror-commands';
import type { Command, Plugin } from 'prosemirror-state';
import { guardedUndo, guardedRedo } from './undo.ts';
import { schema } from '../../shared/schema/index.ts';
import type { Account } from '../connection/index.ts';
import { splitNumbered, indent, outdent } from './structure.ts';
import { newBlockCommand, proposeNextBlock, proposer } from './proposed-blocks.ts';
import { bracketCommand, bracketBlockCommand, bracketArticleCommand, alternativeCommand, deletionCommand, coSponsorCommand, canComment } from './proposals.ts';

/** Things the keymap asks the surrounding UI to do (open the comment composer, the help dialog). */
export interface EditorActions {
  comment(): void;
  help(): void;
}

/** One documented shortcut: its key (ProseMirror notation) and what it does. */
export interface Shortcut {
  key: string;
  does: string;
}

/** The shortcuts the help dialog lists, in groups. */
export const SHORTCUTS: Record<string, Shortcut[]> = {
  Structure: [
    { key: 'Enter', does: 'Next paragraph / sub-paragraph / item (from a heading: start the article text)' },
    { key: 'Shift-Enter', does: 'New unnumbered line in the same block' },
    { key: 'Mod-Enter', does: 'New article after this one' },
    { key: 'Mod-Alt-1', does: 'New paragraph' },
    { key: 'Mod-Alt-2', does: 'New sub-paragraph' },
    { key: 'Mod-Alt-3', does: 'New item' },
    { key: 'Tab', does: 'Indent: paragraph → sub-paragraph → item' },
    { key: 'Shift-Tab', does: 'Outdent: item → sub-paragraph → paragraph' },
  ],
  Proposals: [
    { key: 'Mod-Shift-b', does: 'Bracket the selection (nothing selected: insert a new bracketed text)' },
    { key: 'Mod-Alt-b', does: 'Bracket the whole paragraph, sub-paragraph or item' },
    { key: 'Mod-Alt-Shift-b', does: 'Bracket the whole article' },
    { key: 'Mod-Alt-a', does: 'Propose an alternative (to the bracket, the selection or the block)' },
    { key: 'Mod-Alt-d', does: 'Propose deleting the selection' },
    { key: 'Mod-Alt-c', does: 'Co-sponsor the bracket under the cursor' },
    { key: 'Mod-Alt-m', does: 'Comment on the selection or the block' },
  ],
  Text: [
    { key: 'Mod-b', does: 'Bold' },
    { key: 'Mod-i', does: 'Italic' },
    { key: 'Mod-z', does: 'Undo your own last edit' },
    { key: 'Mod-Shift-z', does: 'Redo (also Mod-y)' },
    { key: 'Mod-/', does: 'This help' },
  ],
};

/** The editor's keymaps, most specific first; `editable` false leaves only navigation and help. */
export function treatyKeymaps(account: Account, actions: EditorActions, editable: boolean): Plugin[] {
  const help: Command = () => {
    actions.help();
    return true;
  };
  if (!editable) return [keymap({ 'Mod-/': help })];
  const comment: Command = (state, dispatch) => {
    if (!canComment(state)) return false;
    if (dispatch) actions.comment();
    return true;
  };
  const sponsor = proposer(account);
  const bindings: Record<string, Command> = {
    Enter: sponsor ? proposeNextBlock(sponsor) : splitNumbered,
    'Shift-Enter': sponsor ? proposeNextBlock(sponsor, true) : splitBlock,
    'Mod-Enter': newBlockCommand('article', account),
    'Mod-Alt-1': newBlockCommand('paragraph', account),
    'Mod-Alt-2': newBlockCommand('subparagraph', account),
    'Mod-Alt-3': newBlockCommand('item', account),
    Tab: chainCommands(indent, () => true),
    'Shift-Tab': chainCommands(outdent, () => true),
    'Mod-Shift-b': bracketCommand(account),
    'Mod-Alt-b': bracketBlockCommand(account),
    'Mod-Alt-Shift-b': bracketArticleCommand(account),
    'Mod-Alt-a': alternativeCommand(account),
    'Mod-Alt-d': deletionCommand(account),
    'Mod-Alt-c': coSponsorCommand(account),
    'Mod-Alt-m': comment,
    'Mod-b': toggleMark(schema.marks.strong),
    'Mod-i': toggleMark(schema.marks.em),
    'Mod-z': guardedUndo(account),
    'Mod-y': guardedRedo(account),
    'Mod-Shift-z': guardedRedo(account),
    'Mod-/': help,
  };
  return [keymap(bindings), keymap(baseKeymap)];
}

/** A shortcut in the notation of this platform ("Ctrl-Shift-B" or "⌘⇧B"). */
export function shortcutLabel(key: string, mac = /Mac|iPhone|iPad/.test(navigator.platform)): string {
  const parts = key.split('-');
  const last = parts.pop() ?? '';
  const names = parts.map((p) => (p === 'Mod' ? (mac ? '⌘' : 'Ctrl') : p === 'Alt' ? (mac ? '⌥' : 'Alt') : p === 'Shift' ? (mac ? '⇧' : 'Shift') : p));
  const keyName = last.length === 1 ? last.toUpperCase() : last;
  return mac ? names.join('') + keyName : [...names, keyName].join('+');
}
