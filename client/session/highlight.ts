/**
 * Marking the current session item in the editor without touching the document or the user's
 * selection: a CSS Custom Highlight (`::highlight(session-current)`) over the item's DOM range.
 */
import type { EditorView } from 'prosemirror-view';

const NAME = 'session-current';

/** Highlight document range `from`..`to` of `view` (null clears it); returns the element to scroll to. */
export function highlightRange(view: EditorView, range: { from: number; to: number } | null): HTMLElement | null {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!range) {
    registry?.delete(NAME);
    return null;
  }
  try {
    const size = view.state.doc.content.size;
    const start = view.domAtPos(Math.min(range.from, size));
    const end = view.domAtPos(Math.min(range.to, size));
    const dom = document.createRange();
    dom.setStart(start.node, start.offset);
    dom.setEnd(end.node, end.offset);
    if (registry && HighlightClass) registry.set(NAME, new HighlightClass(dom));
    const node = start.node.nodeType === Node.ELEMENT_NODE ? start.node as HTMLElement : start.node.parentElement;
    return (node?.childNodes[start.offset] instanceof HTMLElement ? node.childNodes[start.offset] as HTMLElement : node) ?? null;
  } catch {
    registry?.delete(NAME);
    return null;
  }
}
