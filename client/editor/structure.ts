/**
 * Structural editing of a treaty: new article after this one, new paragraph / sub-paragraph / item,
 * Enter that starts the next numbered block, indent and outdent between the levels. Numbers are
 * never typed: the numbering decorations follow the structure. All are ProseMirror commands,
 * `(state, dispatch?) => boolean`, so the toolbar can ask whether they apply.
 */
import type { Node, ResolvedPos } from 'prosemirror-model';
import { Fragment } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { emptyBlock, retype, LEVELS, type Level } from './blocks.ts';
import { freshId } from './ids.ts';
import { newId } from '../../shared/model/index.ts';

/** Position of the first textblock's content inside the node at `pos` of `doc`. */
export function firstTextPos(doc: Node, pos: number): number {
  const node = doc.nodeAt(pos);
  let found = -1;
  node?.descendants((child, offset) => {
    if (found >= 0) return false;
    if (child.isTextblock) {
      found = pos + 1 + offset + 1;
      return false;
    }
    return true;
  });
  return found >= 0 ? found : pos + 1;
}

/** Where a new block of `typeName` may go after the cursor's innermost ancestor that allows it. */
export function insertionPoint($from: ResolvedPos, typeName: string): number | null {
  const type = $from.doc.type.schema.nodes[typeName];
  for (let depth = $from.depth; depth >= 1; depth--) {
    const parent = $from.node(depth - 1);
    const index = $from.index(depth - 1) + 1;
    if (parent.canReplaceWith(index, index, type)) return $from.after(depth);
  }
  return null;
}

/** Insert an empty block of `typeName` after the cursor's block (at the innermost level that allows it). */
export function insertBlockAfter(typeName: 'article' | Level): Command {
  return (state, dispatch) => {
    const at = insertionPoint(state.selection.$from, typeName);
    if (at === null) return false;
    if (dispatch) {
      const tr = state.tr.insert(at, emptyBlock(state.schema, typeName));
      tr.setSelection(TextSelection.create(tr.doc, firstTextPos(tr.doc, at))).scrollIntoView();
      dispatch(tr);
    }
    return true;
  };
}

/** A new article after the current one, cursor in its heading. */
export const insertArticle: Command = insertBlockAfter('article');
/** A new numbered paragraph after the current one. */
export const insertParagraph: Command = insertBlockAfter('paragraph');
/** A new sub-paragraph ("a)") after the cursor's block inside the paragraph. */
export const insertSubparagraph: Command = insertBlockAfter('subparagraph');
/** A new item ("(i)") after the cursor's block inside the sub-paragraph. */
export const insertItem: Command = insertBlockAfter('item');

/** Depth of the innermost numbered block (paragraph, sub-paragraph, item) around the cursor, or -1. */
function numberedDepth($pos: ResolvedPos): number {
  for (let depth = $pos.depth; depth > 0; depth--) {
    if (LEVELS.indexOf($pos.node(depth).type.name as Level) >= 0) return depth;
  }
  return -1;
}

/**
 * Enter: in a line of a paragraph, sub-paragraph or item, start the next block of the same level
 * (taking the text after the cursor with it); in an article heading, start the article's text.
 */
export const splitNumbered: Command = (state, dispatch) => {
  const { $from, $to } = state.selection;
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return false;
  const parent = $from.node($from.depth - 1);
  if ($from.parent.type.name === 'heading') {
    if (parent.type.name !== 'article') return true; // division or title: nothing to split into
    if (!dispatch) return true;
    const rest = $from.parent.content.cut($from.parentOffset);
    const paragraph = emptyBlock(state.schema, 'paragraph');
    const filled = paragraph.copy(Fragment.from(paragraph.firstChild!.copy(rest)));
    const tr = state.tr.delete($from.pos, $from.end());
    const at = tr.mapping.map($from.after());
    tr.insert(at, filled);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView());
    return true;
  }
  if ($from.parent.type.name !== 'plain' || LEVELS.indexOf(parent.type.name as Level) < 0) return false;
  if (!dispatch) return true;
  const tr: Transaction = state.tr;
  if (!state.selection.empty) tr.deleteSelection();
  const $pos = tr.selection.$from;
  const block = $pos.node($pos.depth - 1);
  tr.split($pos.pos, 2, [
    { type: block.type, attrs: { ...block.attrs, id: freshId(block.type.name), bracket: null, sponsors: null, number: null } },
    { type: $pos.parent.type, attrs: { ...$pos.parent.attrs, id: freshId('plain'), bracket: null, sponsors: null } },
  ]);
  dispatch(tr.scrollIntoView());
  return true;
};

/**
 * A re-typed bracketed block is a new proposal of the same sponsors (a bracket stays on the block
 * it was opened on): it gets a fresh bracket id, the old one is withdrawn with the old block.
 */
function rebracket(node: Node | null): Node | null {
  if (!node || !node.attrs.bracket) return node;
  return node.type.create({ ...node.attrs, bracket: newId('br') }, node.content, node.marks);
}

/** Cursor offset inside the block at `pos`, kept across a re-typing when the sizes agree. */
function placeCursor(tr: Transaction, newPos: number, offset: number, sameSize: boolean): Transaction {
  const target = sameSize ? newPos + offset : firstTextPos(tr.doc, newPos);
  return tr.setSelection(TextSelection.create(tr.doc, Math.min(target, tr.doc.content.size))).scrollIntoView();
}

/** Tab: move the cursor's block one level down (paragraph → sub-paragraph → item), into the block before it when it can. */
export const indent: Command = (state, dispatch) => {
  const $from = state.selection.$from;
  const depth = numberedDepth($from);
  if (depth < 0) return false;
  const block = $from.node(depth);
  const level = LEVELS.indexOf(block.type.name as Level);
  if (level >= LEVELS.length - 1) return false;
  const target = state.schema.nodes[LEVELS[level + 1]];
  const converted = rebracket(retype(block, target));
  if (!converted) return false;
  const blockPos = $from.before(depth);
  const offset = $from.pos - blockPos;
  const parent = $from.node(depth - 1);
  const index = $from.index(depth - 1);
  const previous = index > 0 ? parent.child(index - 1) : null;
  if (previous && previous.type === block.type && previous.type.validContent(previous.content.addToEnd(converted))) {
    if (!dispatch) return true;
    const previousPos = blockPos - previous.nodeSize;
    const merged = previous.copy(previous.content.addToEnd(converted));
    const tr = state.tr.replaceWith(previousPos, blockPos + block.nodeSize, merged);
    dispatch(placeCursor(tr, previousPos + previous.nodeSize - 1, offset, converted.nodeSize === block.nodeSize));
    return true;
  }
  if (!parent.canReplaceWith(index, index + 1, target)) return false;
  if (!dispatch) return true;
  const tr = state.tr.replaceWith(blockPos, blockPos + block.nodeSize, converted);
  dispatch(placeCursor(tr, blockPos, offset, converted.nodeSize === block.nodeSize));
  return true;
};

/** Shift-Tab: move the cursor's block one level up (item → sub-paragraph → paragraph), taking the blocks after it along. */
export const outdent: Command = (state, dispatch) => {
  const $from = state.selection.$from;
  const depth = numberedDepth($from);
  if (depth < 0) return false;
  const block = $from.node(depth);
  const level = LEVELS.indexOf(block.type.name as Level);
  if (level <= 0) return false;
  const target = state.schema.nodes[LEVELS[level - 1]];
  const blockPos = $from.before(depth);
  const offset = $from.pos - blockPos;
  const parent = $from.node(depth - 1);
  const index = $from.index(depth - 1);
  if (parent.type === target) {
    // Lift out of the enclosing block of the target level: the blocks after this one come along.
    const following: Node[] = [];
    for (let i = index + 1; i < parent.childCount; i++) following.push(parent.child(i));
    const lifted = rebracket(retype(block.copy(block.content.append(Fragment.fromArray(following))), target));
    if (!lifted) return false;
    const kept: Node[] = [];
    for (let i = 0; i < index; i++) kept.push(parent.child(i));
    const remaining = parent.copy(Fragment.fromArray(kept));
    const grand = $from.node(depth - 2);
    const parentIndex = $from.index(depth - 2);
    if (!remaining.type.validContent(remaining.content)) return false;
    if (!grand.canReplace(parentIndex, parentIndex + 1, Fragment.fromArray([remaining, lifted]))) return false;
    if (!dispatch) return true;
    const parentPos = $from.before(depth - 1);
    const tr = state.tr.replaceWith(parentPos, parentPos + parent.nodeSize, [remaining, lifted]);
    dispatch(placeCursor(tr, parentPos + remaining.nodeSize, offset, true));
    return true;
  }
  const converted = rebracket(retype(block, target));
  if (!converted || !parent.canReplaceWith(index, index + 1, target)) return false;
  if (!dispatch) return true;
  const tr = state.tr.replaceWith(blockPos, blockPos + block.nodeSize, converted);
  dispatch(placeCursor(tr, blockPos, offset, converted.nodeSize === block.nodeSize));
  return true;
};

/** Whether the cursor is inside an article (the toolbar greys out article-level commands otherwise). */
export function inArticle(state: EditorState): boolean {
  const $from = state.selection.$from;
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type.name === 'article') return true;
  return false;
}
