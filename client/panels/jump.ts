/** Moving the reader to a place in the text from a panel. */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/** Put the cursor at the first text position at or after `pos` and scroll it to the top of the page. */
export function jumpTo(view: EditorView, pos: number): void {
  const doc = view.state.doc;
  const at = Math.max(0, Math.min(pos, doc.content.size));
  const selection = TextSelection.near(doc.resolve(at), 1);
  view.dispatch(view.state.tr.setSelection(selection));
  const dom = view.nodeDOM(at);
  const element = dom instanceof HTMLElement ? dom : view.domAtPos(selection.from).node.parentElement;
  element?.scrollIntoView({ block: 'start', behavior: 'auto' });
  view.focus();
}

/** Create an element with a class and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
