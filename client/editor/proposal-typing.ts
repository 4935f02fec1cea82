/**
 * Typing new proposed wording. Bracket marks are not inclusive (text typed at a bracket's edge
 * stays outside it), which is right for existing brackets but not just after "insert a bracketed
 * span" or "propose an alternative": there the placeholder is selected and what the delegate types
 * is the proposal. This plugin remembers that bracket while the cursor stays in or at the edge of
 * it, and puts typed text inside it.
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { inlineRanges } from '../../shared/resolution/index.ts';
import { markAsProposal } from '../../shared/suggesting/index.ts';

/** Key of the plugin; its state is the id of the bracket being typed, or null. */
export const proposalTypingKey = new PluginKey<string | null>('proposalTyping');

/** Mark `tr` as starting the typing of bracket `id` (its placeholder should be selected). */
export function startProposalTyping(tr: Transaction, id: string): Transaction {
  return tr.setMeta(proposalTypingKey, id);
}

function rangeOf(doc: Transaction['doc'], id: string, near: number): { from: number; to: number; mark: import('prosemirror-model').Mark } | null {
  const $near = doc.resolve(near);
  if (!$near.parent.isTextblock) return null;
  const ranges = inlineRanges(doc, id, $near.start(), $near.end());
  if (ranges.length === 0) return null;
  return { from: ranges[0].from, to: ranges[ranges.length - 1].to, mark: ranges[0].mark };
}

/** The plugin keeping typed text inside the bracket being proposed. */
export function proposalTypingPlugin(): Plugin<string | null> {
  return new Plugin<string | null>({
    key: proposalTypingKey,
    state: {
      init: () => null,
      apply(tr, id, _old, state) {
        const meta = tr.getMeta(proposalTypingKey) as string | null | undefined;
        if (meta !== undefined) return meta;
        if (!id) return null;
        const { from, to } = state.selection;
        const range = rangeOf(state.doc, id, from);
        return range && from >= range.from && to <= range.to ? id : null;
      },
    },
    props: {
      handleTextInput(view, from, to, text) {
        const id = proposalTypingKey.getState(view.state);
        if (!id) return false;
        const range = rangeOf(view.state.doc, id, from);
        if (!range || from < range.from || to > range.to) return false;
        const tr = view.state.tr.insertText(text, from, to);
        tr.addMark(from, from + text.length, range.mark);
        view.dispatch(markAsProposal(tr));
        return true;
      },
      handleKeyDown(view, event) {
        if (event.key !== 'Escape' || !proposalTypingKey.getState(view.state)) return false;
        view.dispatch(view.state.tr.setMeta(proposalTypingKey, null));
        return true;
      },
    },
  });
}
