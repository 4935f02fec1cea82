/**
 * The outline: chapters and articles in order, each article with the number of open brackets in
 * it and its reading status when not open ("1st", "2nd", "agreed"); a click jumps to the article.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { articles, bracketCounts } from '../../shared/model/index.ts';
import { el, jumpTo } from './jump.ts';

/** Short outline badges of the reading statuses other than open, with their full words. */
const STATUS_BADGES: Record<string, { short: string; title: string }> = {
  'first-reading': { short: '1st', title: 'First reading' },
  'second-reading': { short: '2nd', title: 'Second reading' },
  agreed: { short: 'agreed', title: 'Agreed ad referendum' },
};

/** A side panel that follows the document. */
export interface Panel {
  element: HTMLElement;
  update(state: EditorState): void;
  /** Called when the panel's tab is opened. */
  shown?(state: EditorState): void;
}

/** The outline panel of `view`. */
export function createOutline(view: EditorView): Panel {
  const element = el('nav', 'panel outline');
  element.setAttribute('aria-label', 'Outline');
  const listElement = el('ol', 'outline-list');
  element.append(el('h2', 'panel-title', 'Outline'), listElement);
  let lastDoc: unknown = null;
  let lastKey = '';
  let positions: number[] = [];
  return {
    element,
    update(state) {
      if (state.doc === lastDoc) return;
      lastDoc = state.doc;
      const counts = bracketCounts(state.doc);
      const list = articles(state.doc).filter((a) => !a.optionId);
      // Rebuild the list only when what it shows changed, not on every keystroke in the text.
      const key = list.map((a) => `${a.id}|${a.number}|${a.heading}|${a.path.join('/')}|${counts.get(a.id) ?? 0}|${a.node.attrs.status ?? 'open'}`).join('\n');
      positions = list.map((a) => a.pos);
      if (key === lastKey) return;
      lastKey = key;
      const items: HTMLElement[] = [];
      let currentPath = '';
      for (const [index, article] of list.entries()) {
        const path = article.path.join(' › ');
        if (path && path !== currentPath) {
          currentPath = path;
          items.push(el('li', 'outline-division', path));
        }
        const li = el('li', 'outline-article');
        const link = el('button', 'outline-link');
        link.type = 'button';
        link.dataset.article = article.id;
        link.append(el('span', 'outline-number', `Art. ${article.number}`), el('span', 'outline-heading', article.heading || '—'));
        const open = counts.get(article.id) ?? 0;
        if (open > 0) {
          const badge = el('span', 'outline-brackets', `[${open}]`);
          badge.title = `${open} open bracket${open === 1 ? '' : 's'}`;
          link.append(badge);
        }
        const badge = STATUS_BADGES[String(article.node.attrs.status ?? 'open')];
        if (badge) {
          const status = el('span', `outline-status status-${article.node.attrs.status}`, badge.short);
          status.title = badge.title;
          link.append(status);
        }
        link.addEventListener('click', () => jumpTo(view, positions[index] + 2));
        li.append(link);
        items.push(li);
      }
      listElement.replaceChildren(...items);
    },
  };
}
