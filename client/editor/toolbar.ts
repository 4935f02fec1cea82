/**
 * The toolbar above the text: each button runs a command and is greyed out when the command says
 * it cannot run here (`command(state)` without dispatch). Refreshed after the view settles, never
 * inside the keystroke's frame.
 */
import type { Command, EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { toggleMark } from 'prosemirror-commands';
import { guardedUndo, guardedRedo } from './undo.ts';
import { schema } from '../../shared/schema/index.ts';
import type { Account } from '../connection/index.ts';
import { indent, outdent } from './structure.ts';
import { newBlockCommand } from './proposed-blocks.ts';
import { bracketCommand, bracketBlockCommand, bracketArticleCommand, alternativeCommand, deletionCommand, coSponsorCommand, canComment } from './proposals.ts';
import { shortcutLabel, type EditorActions } from './keymap.ts';

interface Button {
  label: string;
  title: string;
  key?: string;
  command: Command;
  name: string;
  /** The command moves the focus elsewhere (the comment box): do not give it back to the text. */
  keepsFocus?: boolean;
}

/** The toolbar element and its refresh function. */
export interface Toolbar {
  element: HTMLElement;
  refresh(state: EditorState): void;
}

/** Build the toolbar for `view`; observers get only the help button. */
export function createToolbar(view: EditorView, account: Account, actions: EditorActions, editable: boolean): Toolbar {
  const comment: Command = (state, dispatch) => {
    if (!canComment(state)) return false;
    if (dispatch) actions.comment();
    return true;
  };
  const groups: Button[][] = editable ? [
    [
      { name: 'undo', label: '↶', title: 'Undo your last edit', key: 'Mod-z', command: guardedUndo(account) },
      { name: 'redo', label: '↷', title: 'Redo', key: 'Mod-Shift-z', command: guardedRedo(account) },
    ],
    [
      { name: 'article', label: '+ Article', title: 'New article after this one', key: 'Mod-Enter', command: newBlockCommand('article', account) },
      { name: 'paragraph', label: '+ ¶', title: 'New paragraph', key: 'Mod-Alt-1', command: newBlockCommand('paragraph', account) },
      { name: 'subparagraph', label: '+ a)', title: 'New sub-paragraph', key: 'Mod-Alt-2', command: newBlockCommand('subparagraph', account) },
      { name: 'item', label: '+ (i)', title: 'New item', key: 'Mod-Alt-3', command: newBlockCommand('item', account) },
      { name: 'outdent', label: '⇤', title: 'Outdent', key: 'Shift-Tab', command: outdent },
      { name: 'indent', label: '⇥', title: 'Indent', key: 'Tab', command: indent },
    ],
    [
      { name: 'strong', label: 'B', title: 'Bold', key: 'Mod-b', command: toggleMark(schema.marks.strong) },
      { name: 'em', label: 'I', title: 'Italic', key: 'Mod-i', command: toggleMark(schema.marks.em) },
    ],
    [
      { name: 'bracket', label: '[ ]', title: 'Bracket the selection, or insert new bracketed text', key: 'Mod-Shift-b', command: bracketCommand(account) },
      { name: 'bracket-block', label: '[¶]', title: 'Bracket the whole paragraph', key: 'Mod-Alt-b', command: bracketBlockCommand(account) },
      { name: 'bracket-article', label: '[Art.]', title: 'Bracket the whole article', key: 'Mod-Alt-Shift-b', command: bracketArticleCommand(account) },
      { name: 'alternative', label: 'Alt.', title: 'Propose an alternative', key: 'Mod-Alt-a', command: alternativeCommand(account) },
      { name: 'deletion', label: 'Del.', title: 'Propose deleting the selection', key: 'Mod-Alt-d', command: deletionCommand(account) },
      { name: 'cosponsor', label: '+ Sponsor', title: `Co-sponsor the bracket as ${account.delegation}`, key: 'Mod-Alt-c', command: coSponsorCommand(account) },
      { name: 'comment', label: 'Comment', title: 'Comment on the selection or block', key: 'Mod-Alt-m', command: comment, keepsFocus: true },
    ],
  ] : [];
  const element = document.createElement('div');
  element.className = 'toolbar';
  element.setAttribute('role', 'toolbar');
  const entries: Array<{ button: HTMLButtonElement; spec: Button }> = [];
  for (const buttons of groups) {
    const box = document.createElement('div');
    box.className = 'toolbar-group';
    for (const spec of buttons) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `tool tool-${spec.name}`;
      button.dataset.command = spec.name;
      button.textContent = spec.label;
      button.title = spec.key ? `${spec.title} (${shortcutLabel(spec.key)})` : spec.title;
      button.addEventListener('mousedown', (event) => event.preventDefault());
      button.addEventListener('click', () => {
        spec.command(view.state, view.dispatch, view);
        if (!spec.keepsFocus) view.focus();
      });
      box.append(button);
      entries.push({ button, spec });
    }
    element.append(box);
  }
  const spacer = document.createElement('div');
  spacer.className = 'toolbar-spacer';
  const print = document.createElement('button');
  print.type = 'button';
  print.className = 'tool tool-print';
  print.textContent = 'Print';
  print.title = 'Print the bracketed text (the clean text prints from Versions › Clean text)';
  print.addEventListener('click', () => window.print());
  const help = document.createElement('button');
  help.type = 'button';
  help.className = 'tool tool-help';
  help.textContent = '?';
  help.title = `Keyboard shortcuts (${shortcutLabel('Mod-/')})`;
  help.addEventListener('click', () => actions.help());
  element.append(spacer, print, help);

  let pending = 0;
  return {
    element,
    refresh(state) {
      if (pending) return;
      pending = window.setTimeout(() => {
        pending = 0;
        const current = view.state ?? state;
        for (const { button, spec } of entries) button.disabled = !spec.command(current, undefined, view);
      }, 120);
    },
  };
}
