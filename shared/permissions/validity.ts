/**
 * Whether the text a Yjs document holds is a valid treaty: the `prosemirror` fragment converted
 * to ProseMirror JSON must build a node under the schema that passes `check()` (content
 * expressions such as "an article starts with a heading", marks allowed where they are).
 */
import * as Y from 'yjs';
import type { Schema } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';

/** Why `fragment` is not a valid document under `schema` (the ProseMirror error message), or null. */
export function invalidContent(fragment: Y.XmlFragment, schema: Schema): string | null {
  try {
    const json = yXmlFragmentToProsemirrorJSON(fragment);
    schema.nodeFromJSON(json).check();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Whether text typed into `text` lies in a text block: an element of a schema node with inline content. */
export function acceptsText(text: Y.XmlText, schema: Schema): boolean {
  const parent = text._item?.parent;
  if (!(parent instanceof Y.XmlElement)) return false;
  const type = schema.nodes[parent.nodeName];
  return type !== undefined && type.inlineContent && !type.isLeaf;
}
