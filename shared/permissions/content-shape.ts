/**
 * Whether the items an update added hold the kind of content their place allows, judged once they
 * are integrated. Yjs does not encode the parent of an item that has a neighbour: it takes the
 * neighbour's parent and attribute key when it integrates the item, so a crafted update can put a
 * shared type into an element's attribute (its neighbour is an attribute entry) while the decoded
 * update shows a plain child. Every editor would then receive a live Yjs object as an attribute
 * value. Pure: reads the integrated document and the decoded update.
 */
import * as Y from 'yjs';
import { isPlainValue } from '../model/plain-value.ts';
import type { DecodedStructs } from './integrable.ts';

/** Why an item `decoded` added to `doc` (already integrated) holds content its place does not allow, or null. */
export function integratedContentProblem(doc: Y.Doc, decoded: DecodedStructs): string | null {
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    let item: Y.Item | Y.GC;
    try {
      item = Y.getItem(doc.store, struct.id);
    } catch {
      continue; // Not integrated (already known to the document and skipped).
    }
    if (!(item instanceof Y.Item)) continue;
    const problem = placeProblem(item);
    if (problem) return problem;
  }
  return null;
}

function placeProblem(item: Y.Item): string | null {
  const content = item.content;
  if (content instanceof Y.ContentDeleted) return null;
  if (item.parentSub !== null) {
    // An attribute entry: one plain value.
    if (content instanceof Y.ContentAny && content.arr.every((value) => isPlainValue(value))) return null;
    return `the attribute "${item.parentSub}" holds ${describe(content)}`;
  }
  const parent = item.parent;
  if (parent instanceof Y.XmlText) {
    if (content instanceof Y.ContentString) return null;
    if (content instanceof Y.ContentFormat) return isPlainValue(content.value) ? null : `the mark "${content.key}" holds a value that is not plain data`;
    return `a text holds ${describe(content)}`;
  }
  if (content instanceof Y.ContentType && (content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText)) return null;
  return `an element holds ${describe(content)} as a child`;
}

function describe(content: Y.Item['content']): string {
  if (content instanceof Y.ContentType) return 'a shared type';
  if (content instanceof Y.ContentAny) return 'a value that is not plain data';
  return `unexpected content (${content.constructor.name})`;
}
