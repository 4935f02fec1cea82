/**
 * A delegate deleting a whole paragraph or article of agreed text proposes deleting that block:
 * the block gets a block bracket of kind `delete` (`bracket` id, `sponsors: [delegation]`,
 * `bracketKind: 'delete'`) and stays in the text, struck through, until the chair resolves it
 * (Keep text clears the bracket, Drop deletes the block, as for a proposed deletion of words).
 *
 * "Whole" means the deletion covers every character of the block, from the start of its first
 * line to the end of its last. The outermost such block is proposed for deletion: an article
 * rather than its paragraphs, a paragraph rather than its only line. A line that is the first
 * line (chapeau) of a paragraph, sub-paragraph or item is not a block of its own: its words get a
 * deletion bracket instead. Blocks already bracketed, alternatives and the comments are left to
 * the word-level rules.
 */
import type { Node } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { BRACKETABLE_BLOCKS } from '../commands/bracket-block.ts';
import { newId } from '../model/ids.ts';

/** Blocks whose `plain` children are their own lines, not blocks of their own. */
const LINE_HOLDERS = new Set(['paragraph', 'subparagraph', 'item']);

/** A block of agreed text wholly covered by a deletion. */
export interface WholeBlock {
  pos: number;
  node: Node;
}

/** Start of the first line's text and end of the last line's text of block `node` at `pos`, or null without lines. */
function textSpan(node: Node, pos: number): { start: number; end: number } | null {
  if (node.isTextblock) return { start: pos + 1, end: pos + 1 + node.content.size };
  let start = -1;
  let end = -1;
  node.descendants((child, offset) => {
    if (!child.isTextblock) return true;
    const at = pos + 1 + offset;
    if (start < 0) start = at + 1;
    end = at + 1 + child.content.size;
    return false;
  });
  return start < 0 ? null : { start, end };
}

/**
 * The outermost unbracketed blocks of `doc` that can carry a block bracket and whose whole text,
 * not empty, lies within `from`..`to` (see the module comment).
 */
export function wholeAgreedBlocks(doc: Node, from: number, to: number): WholeBlock[] {
  const out: WholeBlock[] = [];
  doc.nodesBetween(from, to, (node, pos, parent) => {
    const name = node.type.name;
    if (name === 'comments' || name === 'alternatives' || name === 'docinfo' || node.attrs.bracket) return false;
    const candidate = BRACKETABLE_BLOCKS.has(name) && !(name === 'plain' && parent && LINE_HOLDERS.has(parent.type.name));
    if (candidate && node.textContent.length > 0) {
      const span = textSpan(node, pos);
      if (span && from <= span.start && to >= span.end) {
        out.push({ pos, node });
        return false;
      }
    }
    return !node.isTextblock;
  });
  return out;
}

/** Give each of `blocks` (positions in `tr.doc`) a block bracket of kind `delete` sponsored by `delegation`. */
export function proposeBlockDeletions(tr: Transaction, blocks: readonly WholeBlock[], delegation: string): void {
  for (const { pos, node } of blocks) {
    tr.setNodeMarkup(pos, undefined, { ...node.attrs, bracket: newId('br'), sponsors: [delegation], bracketKind: 'delete' });
  }
}
