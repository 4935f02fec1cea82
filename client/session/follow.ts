/**
 * Following the chair: while the chair is in session mode, every other editor shows "The chair is
 * on Article 5" in the top bar; with "Follow the chair" ticked the text scrolls to each article
 * the chair moves to (the reader's cursor and typing are left alone).
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Awareness } from 'y-protocols/awareness';
import { articles } from '../../shared/model/index.ts';
import { el } from '../panels/jump.ts';
import { watchChairPlace } from './place.ts';

/** The chair's place notice and follow toggle of `view`. */
export function createFollowNotice(view: EditorView, awareness: Awareness): { element: HTMLElement; update(state: EditorState): void; destroy(): void } {
  const element = el('div', 'follow-chair');
  element.hidden = true;
  const where = el('span', 'follow-place');
  where.setAttribute('role', 'status');
  const label = el('label', 'follow-toggle');
  const box = el('input');
  box.type = 'checkbox';
  box.name = 'follow-chair';
  label.append(box, ' Follow the chair');
  element.append(where, label);
  let place: string | null = null;

  const caption = (state: EditorState) => {
    if (!place) return '';
    const article = articles(state.doc).find((a) => a.id === place);
    return article ? `The chair is on Article ${article.number}` : 'The chair is between articles';
  };
  const scroll = () => {
    if (!place || !box.checked) return;
    const target = view.dom.querySelector(`article[data-id="${CSS.escape(place)}"]`);
    target?.scrollIntoView({ block: 'start', behavior: 'auto' });
  };
  box.addEventListener('change', scroll);
  const stop = watchChairPlace(awareness, (next) => {
    place = next;
    element.hidden = place === null;
    where.textContent = caption(view.state);
    scroll();
  });

  return {
    element,
    update(state) {
      if (place) where.textContent = caption(state);
    },
    destroy: stop,
  };
}
