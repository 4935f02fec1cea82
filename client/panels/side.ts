/** The right-hand side: tabs for comments, brackets and (when the server has them) versions. */
import type { EditorView } from 'prosemirror-view';
import type { Account, DocumentSummary } from '../connection/index.ts';
import { createBracketsPanel } from './brackets.ts';
import type { CommentsPanel } from './comments.ts';
import { el } from './jump.ts';
import type { Panel } from './outline.ts';
import { createVersionsPanel } from './versions.ts';

/** The tabbed side panel and the panels that follow the document. */
export function sidePanels(view: EditorView, account: Account, comments: CommentsPanel, summary: DocumentSummary): { element: HTMLElement; panels: Panel[]; destroy(): void } {
  const brackets = createBracketsPanel(view, account, summary.id);
  const versions = createVersionsPanel(view, account, summary.id);
  const tabs: Array<{ name: string; label: string; panel: Panel }> = [
    { name: 'comments', label: 'Comments', panel: comments },
    { name: 'brackets', label: 'Brackets', panel: brackets },
    { name: 'versions', label: 'Versions', panel: versions },
  ];
  const element = el('div', 'side');
  const bar = el('div', 'tabs');
  bar.setAttribute('role', 'tablist');
  const body = el('div', 'tab-body');
  element.append(bar, body);
  const select = (name: string) => {
    for (const tab of tabs) {
      const active = tab.name === name;
      tab.panel.element.hidden = !active;
      bar.querySelector<HTMLElement>(`[data-tab="${tab.name}"]`)?.setAttribute('aria-selected', String(active));
      if (active) tab.panel.shown?.(view.state);
    }
  };
  for (const tab of tabs) {
    const button = el('button', 'tab', tab.label);
    button.type = 'button';
    button.dataset.tab = tab.name;
    button.setAttribute('role', 'tab');
    button.addEventListener('click', () => select(tab.name));
    bar.append(button);
    body.append(tab.panel.element);
  }
  const compose = comments.compose.bind(comments);
  comments.compose = () => {
    select('comments');
    compose();
  };
  select('comments');
  return { element, panels: tabs.map((t) => t.panel), destroy() {} };
}
