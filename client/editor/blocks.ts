/**
 * Building and converting treaty blocks for the structural commands: fresh empty blocks with new
 * ids, and a block re-typed one level up or down (paragraph ⇄ sub-paragraph ⇄ item) with its
 * children converted to what the new level may hold.
 */
import type { Node, NodeType, Schema } from 'prosemirror-model';
import { Fragment } from 'prosemirror-model';
import { freshId } from './ids.ts';

/** Levels of numbered blocks, outermost first. */
export const LEVELS = ['paragraph', 'subparagraph', 'item'] as const;
/** A numbered block level. */
export type Level = (typeof LEVELS)[number];

/** A new, empty block of `typeName` with fresh ids (articles get an empty heading and a paragraph). */
export function emptyBlock(schema: Schema, typeName: string): Node {
  const { nodes } = schema;
  const plain = () => nodes.plain.create({ id: freshId('plain') });
  switch (typeName) {
    case 'article':
      return nodes.article.create({ id: freshId('article') }, [nodes.heading.create(), emptyBlock(schema, 'paragraph')]);
    case 'paragraph': case 'subparagraph': case 'item':
      return nodes[typeName].create({ id: freshId(typeName) }, plain());
    case 'plain':
      return plain();
    default:
      throw new RangeError(`No empty block for node type ${JSON.stringify(typeName)}`);
  }
}

/** All textblocks below `node`, flattened, in order. */
function plainsOf(node: Node): Node[] {
  const out: Node[] = [];
  node.descendants((child) => {
    if (child.isTextblock) {
      out.push(child);
      return false;
    }
    return true;
  });
  return out;
}

/**
 * `node` re-typed as `target` (one of the levels), its children converted: sub-blocks move one level
 * along with it where they can, and are flattened to their text otherwise. Returns null when the
 * conversion would lose content (an alternatives group cannot live in an item).
 */
export function retype(node: Node, target: NodeType): Node | null {
  const schema = target.schema;
  const children: Node[] = [];
  let lost = false;
  node.forEach((child) => {
    if (child.isTextblock) {
      children.push(child);
    } else if (child.type.name === 'alternatives') {
      if (target.name === 'item') lost = true;
      else children.push(child);
    } else {
      const childTarget = target.name === 'paragraph' ? schema.nodes.subparagraph
        : target.name === 'subparagraph' ? schema.nodes.item : null;
      if (childTarget && LEVELS.indexOf(child.type.name as Level) >= 0) {
        const converted = retype(child, childTarget);
        if (converted) children.push(converted);
        else lost = true;
      } else {
        children.push(...plainsOf(child));
      }
    }
  });
  if (lost) return null;
  const attrs = { ...node.attrs, number: null };
  try {
    return target.createChecked(attrs, Fragment.fromArray(children));
  } catch {
    return null;
  }
}
