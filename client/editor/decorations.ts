/**
 * The decorations that make the text read as a treaty: numbers, brackets, alternative boxes and
 * comment targets, all derived from the document on every change and never stored in it. Typing
 * inside one textblock only re-derives that textblock's inline brackets and maps the rest.
 */
import type { Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { numberDecorations } from './numbering.ts';
import { inlineBracketDecorations, blockBracketDecorations, INLINE_BRACKET } from './brackets.ts';
import { alternativesDecorations } from './alternatives.ts';
import { openCommentTargets, commentTargetDecoration } from './comment-targets.ts';
import { touchedTextblocks } from './inline-change.ts';

/** Key of the treaty decorations plugin (its state is the DecorationSet). */
export const treatyDecorationsKey = new PluginKey<DecorationSet>('treatyDecorations');

/** Every treaty decoration of `doc`. */
export function treatyDecorations(doc: Node): DecorationSet {
  const decorations: Decoration[] = numberDecorations(doc);
  const targets = openCommentTargets(doc);
  doc.descendants((node, pos) => {
    if (node.type.name === 'comments' || node.type.name === 'docinfo') return false;
    if (node.type.name === 'alternatives') decorations.push(...alternativesDecorations(node, pos));
    if (node.attrs.bracket) decorations.push(...blockBracketDecorations(node, pos));
    if (targets.size) {
      const target = commentTargetDecoration(node, pos, targets);
      if (target) decorations.push(target);
    }
    if (node.isTextblock) {
      decorations.push(...inlineBracketDecorations(node, pos));
      return false;
    }
    return true;
  });
  return DecorationSet.create(doc, decorations);
}

/** Re-derive the inline brackets of the textblocks at `positions`, keeping everything else. */
function refreshTextblocks(set: DecorationSet, doc: Node, positions: number[]): DecorationSet {
  let next = set;
  for (const pos of positions) {
    const node = doc.nodeAt(pos);
    if (!node) continue;
    const stale = next.find(pos + 1, pos + node.nodeSize - 1, (spec) => spec.kind === INLINE_BRACKET);
    if (stale.length) next = next.remove(stale);
    const fresh = inlineBracketDecorations(node, pos);
    if (fresh.length) next = next.add(doc, fresh);
  }
  return next;
}

/** The plugin drawing numbers, brackets, alternatives and comment targets. */
export function treatyDecorationsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: treatyDecorationsKey,
    state: {
      init: (_config, state) => treatyDecorations(state.doc),
      apply(tr, set) {
        if (!tr.docChanged) return set;
        const touched = touchedTextblocks(tr);
        if (touched === null) return treatyDecorations(tr.doc);
        return refreshTextblocks(set.map(tr.mapping, tr.doc), tr.doc, touched);
      },
    },
    props: {
      decorations: (state) => treatyDecorationsKey.getState(state),
    },
  });
}
