/**
 * The projection view for the room's screen (`#/doc/<id>/projection`, or `?view=projection`):
 * large type, no panels, the article the chair is on (following the chair's session place; the
 * first article with open brackets while the chair is not in session mode), with its brackets,
 * sponsors and alternatives as the bracketed text shows them (shared/export `documentToHtml`).
 */
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Node } from 'prosemirror-model';
import { schema } from '../../shared/schema/index.ts';
import { articles, bracketCounts } from '../../shared/model/index.ts';
import { documentToHtml } from '../../shared/export/document-html.ts';
import { openSession, type Account, type DocumentSummary } from '../connection/index.ts';
import { el } from '../panels/jump.ts';
import { watchChairPlace } from './place.ts';

/** Render the projection of document `summary` into `root`; `destroy` leaves it. */
export function renderProjection(root: HTMLElement, account: Account, summary: DocumentSummary): { destroy(): void } {
  const session = openSession(summary.id, account);
  document.title = `${summary.title} — projection`;
  document.body.classList.add('projecting');
  const screen = el('main', 'projection');
  const head = el('header', 'projection-head');
  const title = el('span', 'projection-title', summary.title);
  const state = el('span', 'projection-state', 'Waiting for the text…');
  head.append(title, state);
  const body = el('div', 'projection-body');
  screen.append(head, body);
  root.replaceChildren(screen);

  let place: string | null = null;
  let timer = 0;
  const render = () => {
    timer = 0;
    let doc: Node;
    try {
      doc = yXmlFragmentToProseMirrorRootNode(session.ydoc.getXmlFragment('prosemirror'), schema);
    } catch {
      return;
    }
    const list = articles(doc);
    const counts = bracketCounts(doc);
    const shown = list.find((a) => a.id === place) ?? list.find((a) => (counts.get(a.id) ?? 0) > 0) ?? list[0];
    state.textContent = place ? 'Following the chair' : 'The chair is not in session mode';
    if (!shown) {
      body.replaceChildren(el('p', 'projection-empty', 'This text has no articles.'));
      return;
    }
    body.dataset.article = shown.id;
    // The whole text renders so that numbers and sponsors read as in the document; only the article shows.
    const scratch = document.createElement('div');
    scratch.innerHTML = documentToHtml(doc, { view: 'bracketed' });
    const article = [...scratch.querySelectorAll('article')].find((a) => a.dataset.id === shown.id) ?? scratch.querySelectorAll('article')[list.indexOf(shown)];
    article?.querySelectorAll('.comments').forEach((c) => c.remove());
    const open = counts.get(shown.id) ?? 0;
    const foot = el('p', 'projection-foot', open ? `${open} open bracket${open === 1 ? '' : 's'} in this article` : 'No open brackets in this article');
    body.replaceChildren(...(article ? [article] : []), foot);
  };
  const schedule = () => { if (!timer) timer = window.setTimeout(render, 60); };
  session.ydoc.on('update', schedule);
  session.provider.on('sync', schedule);
  const stop = watchChairPlace(session.awareness, (next) => {
    place = next;
    schedule();
  });
  return {
    destroy() {
      stop();
      if (timer) clearTimeout(timer);
      session.ydoc.off('update', schedule);
      document.body.classList.remove('projecting');
      session.destroy();
    },
  };
}
