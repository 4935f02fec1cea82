/**
 * The chair's session mode: a bar above the text that steps through the open brackets and
 * alternatives in document order (shared/resolution `sessionAgenda`), shows each in its context —
 * article, the words either side, sponsors, the comments on it — and resolves it from there with
 * the resolve API (keep, drop, choose an option). Keyboard: Alt-↓ / Alt-↑ anywhere (Alt-↓ starts
 * session mode), and in the bar J / K (next / previous), A (keep), D (drop), 1–9 (choose), Escape
 * (end). The chair's article is published in presence (`session: { article }`) so that delegates
 * can follow it and the projection view shows it.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Awareness } from 'y-protocols/awareness';
import { listComments } from '../../shared/model/index.ts';
import { sessionAgenda, type AgendaItem } from '../../shared/resolution/agenda.ts';
import { post, type Account } from '../connection/index.ts';
import { el } from '../panels/jump.ts';
import { plainMessage } from '../panels/messages.ts';
import { highlightRange } from './highlight.ts';
import { publishPlace } from './place.ts';

/** The session bar of a chair's document page. */
export interface SessionBar {
  element: HTMLElement;
  /** The "Session" button for the top bar. */
  button: HTMLButtonElement;
  update(state: EditorState): void;
  start(): void;
  stop(): void;
  destroy(): void;
}

const ACTION_WORDS = { keep: 'Kept', drop: 'Dropped', choose: 'Chose' } as const;

/** Session mode for `account` (a chair) on `view` of document `documentId`. */
export function createSessionBar(view: EditorView, account: Account, documentId: string, awareness: Awareness): SessionBar {
  const base = `/api/documents/${encodeURIComponent(documentId)}`;
  const element = el('section', 'session-bar');
  element.hidden = true;
  element.tabIndex = 0;
  element.setAttribute('aria-label', 'Session mode');
  element.setAttribute('role', 'region');
  const button = el('button', 'session-toggle', 'Session');
  button.type = 'button';
  button.dataset.action = 'session';
  button.title = 'Step through the open brackets (Alt-↓)';
  button.setAttribute('aria-pressed', 'false');

  let active = false;
  let agenda: AgendaItem[] = [];
  let index = 0;
  let busy = false;
  let note = '';
  let lastDoc: unknown = null;

  const current = () => agenda[Math.min(index, agenda.length - 1)] ?? null;

  const show = () => {
    if (!active) return;
    const item = current();
    element.replaceChildren();
    const head = el('div', 'session-head');
    head.append(el('strong', 'session-title', 'Session'), el('span', 'session-count', agenda.length ? `${Math.min(index, agenda.length - 1) + 1} of ${agenda.length} open` : 'No open brackets'));
    const nav = el('div', 'session-nav');
    nav.append(
      action('Previous', 'session-previous', () => move(-1), 'K'),
      action('Next', 'session-next', () => move(1), 'J'),
      action('End session', 'session-end', () => stop(), 'Esc'),
    );
    head.append(nav);
    element.append(head);
    if (!item) {
      element.append(el('p', 'session-empty', 'Every bracket of the text is resolved.'));
      publishPlace(awareness, null);
      highlightRange(view, null);
    } else {
      element.dataset.item = item.id;
      const where = el('p', 'session-article', item.article ? `Article ${item.article.number}${item.article.heading ? ` – ${item.article.heading}` : ''}` : 'Outside the articles');
      const context = el('p', 'session-context');
      if (item.context.before) context.append(`${item.context.before} `);
      context.append(el('mark', 'session-words', item.options ? 'the alternatives below' : `[${item.text}]`));
      if (item.context.after) context.append(` ${item.context.after}`);
      const sponsors = el('p', 'session-sponsors', item.sponsors.length ? `Proposed by ${item.sponsors.join(', ')}` : 'No sponsor recorded');
      element.append(where, context, sponsors);
      const actions = el('div', 'session-actions');
      if (item.options) {
        const list = el('ol', 'session-options');
        item.options.forEach((option, i) => {
          const li = el('li', 'session-option');
          li.append(el('span', 'session-option-text', option.text || '(no text: delete)'), el('span', 'session-option-sponsors', option.sponsors.length ? ` — ${option.sponsors.join(', ')}` : ''));
          list.append(li);
          actions.append(action(`Choose option ${i + 1}`, `session-choose-${i + 1}`, () => void resolve('choose', option.id), String(i + 1)));
        });
        element.append(list);
        actions.append(action('Drop all', 'session-drop', () => void resolve('drop'), 'D'));
      } else {
        actions.append(action('Keep', 'session-keep', () => void resolve('keep'), 'A'), action('Drop', 'session-drop', () => void resolve('drop'), 'D'));
      }
      element.append(actions);
      const threads = listComments(view.state.doc).filter((t) => t.status !== 'resolved' && (t.target === item.id || item.options?.some((o) => o.id === t.target) || (item.article && t.articleId === item.article.id)));
      if (threads.length) {
        const comments = el('ul', 'session-comments');
        for (const t of threads.slice(0, 4)) comments.append(el('li', '', `${t.delegation ?? t.author ?? ''}: ${t.text}${t.replies.length ? ` (${t.replies.length} repl${t.replies.length === 1 ? 'y' : 'ies'})` : ''}`));
        element.append(el('p', 'session-subtitle', 'Comments'), comments);
      }
      publishPlace(awareness, item.article?.id ?? null);
      const target = highlightRange(view, item);
      target?.scrollIntoView({ block: 'center', behavior: 'auto' });
    }
    element.append(el('p', 'session-note', note));
  };

  function action(label: string, name: string, run: () => void, key: string): HTMLButtonElement {
    const b = el('button', 'small', label);
    b.type = 'button';
    b.dataset.action = name;
    b.title = `${label} (${key})`;
    b.addEventListener('click', run);
    return b;
  }

  const refresh = (state: EditorState) => {
    if (state.doc === lastDoc) return;
    lastDoc = state.doc;
    const before = current();
    agenda = sessionAgenda(state.doc);
    // Stay on the same item when it is still open; otherwise on the one that took its place.
    const same = before ? agenda.findIndex((i) => i.id === before.id) : -1;
    if (same >= 0) index = same;
    else if (index >= agenda.length) index = Math.max(0, agenda.length - 1);
  };

  const move = (by: number) => {
    if (!active) return start();
    refresh(view.state);
    if (agenda.length) index = (Math.min(index, agenda.length - 1) + by + agenda.length) % agenda.length;
    note = '';
    show();
    element.focus({ preventScroll: true });
  };

  const resolve = async (act: 'keep' | 'drop' | 'choose', optionId?: string) => {
    const item = current();
    if (!item || busy) return;
    busy = true;
    note = 'Recording the decision…';
    show();
    try {
      await post(`${base}/brackets/${encodeURIComponent(item.id)}/resolve`, optionId ? { action: act, optionId } : { action: act });
      const option = optionId ? item.options?.findIndex((o) => o.id === optionId) ?? -1 : -1;
      note = `${ACTION_WORDS[act]}${option >= 0 ? ` option ${option + 1}` : ''} in ${item.article ? `Article ${item.article.number}` : 'the text'}.`;
    } catch (error) {
      note = plainMessage(error);
    } finally {
      busy = false;
    }
    show();
    element.focus({ preventScroll: true });
  };

  const start = () => {
    active = true;
    element.hidden = false;
    button.setAttribute('aria-pressed', 'true');
    lastDoc = null;
    refresh(view.state);
    // Start at the first item at or after the cursor.
    const at = view.state.selection.from;
    const first = agenda.findIndex((i) => i.to >= at);
    index = first >= 0 ? first : 0;
    note = '';
    show();
    element.focus({ preventScroll: true });
  };

  const stop = () => {
    active = false;
    element.hidden = true;
    button.setAttribute('aria-pressed', 'false');
    publishPlace(awareness, null);
    highlightRange(view, null);
    view.focus();
  };

  button.addEventListener('click', () => (active ? stop() : start()));

  element.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const item = current();
    let handled = true;
    if (key === 'j' || key === 'arrowdown') move(1);
    else if (key === 'k' || key === 'arrowup') move(-1);
    else if (key === 'escape') stop();
    else if (key === 'a' && item && !item.options) void resolve('keep');
    else if (key === 'd' && item) void resolve('drop');
    else if (/^[1-9]$/.test(key) && item?.options?.[Number(key) - 1]) void resolve('choose', item.options[Number(key) - 1]!.id);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  // Alt-↓ / Alt-↑ work anywhere on the page, before the editor's own Alt-arrow bindings.
  const onKey = (event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    event.stopPropagation();
    if (!active) start();
    else move(event.key === 'ArrowDown' ? 1 : -1);
  };
  document.addEventListener('keydown', onKey, true);

  return {
    element,
    button,
    update(state) {
      if (!active) return;
      const before = lastDoc;
      refresh(state);
      if (lastDoc !== before) show();
    },
    start,
    stop,
    destroy() {
      document.removeEventListener('keydown', onKey, true);
      highlightRange(view, null);
    },
  };
}
