/** Versions panel: filled in once the versions API is available. */
import type { EditorView } from 'prosemirror-view';
import type { Account } from '../connection/index.ts';
import { el } from './jump.ts';
import type { Panel } from './outline.ts';

/** The versions panel of document `documentId`. */
export function createVersionsPanel(_view: EditorView, _account: Account, _documentId: string): Panel {
  const element = el('section', 'panel versions-panel');
  element.append(el('h2', 'panel-title', 'Versions'));
  return { element, update() {} };
}
