import { Fragment, Slice } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';

/**
 * Delete the block at `pos` so that the document stays valid under the schema. When its parent
 * cannot lose it (the only `plain` of an item, the chapeau of a paragraph, the last option of an
 * alternatives node...), the block is replaced by an empty `plain` if the parent keeps other
 * content, otherwise the parent itself is deleted, recursively.
 */
export function deleteBlock(tr: Transform, pos: number): void {
  const $pos = tr.doc.resolve(pos);
  const node = tr.doc.nodeAt(pos);
  if (!node) throw new RangeError(`No block at position ${pos} (in doc of size ${tr.doc.content.size})`);
  const parent = $pos.parent;
  const index = $pos.index();
  if (parent.canReplace(index, index + 1)) {
    tr.delete(pos, pos + node.nodeSize);
    return;
  }
  const plain = parent.type.schema.nodes.plain.create();
  if (parent.childCount > 1 && parent.canReplace(index, index + 1, Fragment.from(plain))) {
    tr.replaceWith(pos, pos + node.nodeSize, plain);
    return;
  }
  if ($pos.depth === 0) throw new RangeError(`Cannot delete the ${node.type.name} at ${pos}: the document requires it`);
  deleteBlock(tr, $pos.before());
}

/**
 * Replace the block at `pos` by `content`, keeping the document valid: an empty `content` deletes
 * the block (see `deleteBlock`); content that does not fit the parent is fitted by ProseMirror's
 * replace algorithm.
 */
export function replaceBlock(tr: Transform, pos: number, content: Fragment): void {
  const node = tr.doc.nodeAt(pos);
  if (!node) throw new RangeError(`No block at position ${pos} (in doc of size ${tr.doc.content.size})`);
  if (content.size === 0) {
    deleteBlock(tr, pos);
    return;
  }
  const $pos = tr.doc.resolve(pos);
  const index = $pos.index();
  if ($pos.parent.canReplace(index, index + 1, content)) tr.replaceWith(pos, pos + node.nodeSize, content);
  else tr.replace(pos, pos + node.nodeSize, new Slice(content, 0, 0));
}
