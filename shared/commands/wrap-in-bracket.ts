import type { Command } from 'prosemirror-state';
import { newId } from '../model/ids.ts';

/** Options of a new inline bracket. */
export interface BracketOptions {
  /** Id of the new bracket; generated when absent. */
  id?: string;
  /** Alternatives group to join. */
  group?: string | null;
  /** `insert` (proposed wording, the default) or `delete` (existing wording proposed for deletion). */
  kind?: 'insert' | 'delete';
}

/**
 * Put square brackets around the selected text, sponsored by `sponsor` (a delegation code).
 * Enabled when the selection is non-empty and holds text.
 */
export function wrapInBracket(sponsor: string, options: BracketOptions = {}): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty || !state.doc.textBetween(from, to, '', '\ufffc').trim()) return false;
    if (dispatch) {
      const mark = state.schema.marks.bracket.create({
        id: options.id ?? newId('br'), sponsors: [sponsor], group: options.group ?? null, kind: options.kind ?? 'insert',
      });
      dispatch(state.tr.addMark(from, to, mark).scrollIntoView());
    }
    return true;
  };
}

/** Propose the selected existing wording for deletion: a bracket of kind `delete` sponsored by `sponsor`. */
export function proposeDeletion(sponsor: string, options: Omit<BracketOptions, 'kind'> = {}): Command {
  return wrapInBracket(sponsor, { ...options, kind: 'delete' });
}
