/**
 * The comments panel: every thread grouped by article ("Article 16", "General" for the rest),
 * each comment with its author and delegation, replies, and resolve / reopen. New threads start
 * from the composer (Mod-Alt-M or the Comment button) on the selection or the block.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { articles, listComments, type CommentInfo, type CommentThread } from '../../shared/model/index.ts';
import { replyToComment, setCommentStatus } from '../../shared/commands/index.ts';
import { delegationColour, type Account } from '../connection/index.ts';
import { commentCommand } from '../editor/proposals.ts';
import { el, jumpTo } from './jump.ts';
import type { Panel } from './outline.ts';

/** The comments panel plus `compose()`, which opens the new-comment form for the current selection. */
export interface CommentsPanel extends Panel {
  compose(): void;
}

function when(value: string | number | null): string {
  if (value === null || value === '') return '';
  const date = new Date(typeof value === 'number' ? value : Date.parse(value));
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function commentView(comment: CommentInfo): HTMLElement {
  const box = el('div', 'comment-entry');
  box.dataset.comment = comment.id;
  const head = el('div', 'comment-head');
  const badge = el('span', 'delegation-badge', comment.delegation ?? '—');
  badge.style.backgroundColor = delegationColour(comment.delegation ?? '');
  head.append(badge, el('span', 'comment-author', comment.author ?? ''), el('time', 'comment-time', when(comment.createdAt)));
  const body = el('div', 'comment-text');
  for (const line of comment.text.split('\n')) body.append(el('p', '', line));
  box.append(head, body);
  return box;
}

/** What the panel shows depends on: the comments node, and the numbers and positions of articles. */
function renderKey(state: EditorState): { comments: unknown; articles: string } {
  const last = state.doc.lastChild;
  return {
    comments: last?.type.name === 'comments' ? last : null,
    articles: articles(state.doc).map((a) => `${a.id}:${a.number}`).join(' '),
  };
}

/** A textarea form with a submit button; `onSubmit` gets the text, returns whether it was accepted. */
function textForm(placeholder: string, submitLabel: string, onSubmit: (text: string) => boolean, onCancel?: () => void): HTMLFormElement {
  const form = el('form', 'comment-form');
  const area = el('textarea');
  area.placeholder = placeholder;
  area.rows = 2;
  const submit = el('button', 'primary', submitLabel);
  submit.type = 'submit';
  form.append(area, submit);
  if (onCancel) {
    const cancel = el('button', '', 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', onCancel);
    form.append(cancel);
  }
  area.addEventListener('keydown', (event) => {
    // Keys typed here belong to the comment, never to the treaty (Ctrl-Enter posts, it adds no article).
    event.stopPropagation();
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
    if (event.key === 'Escape' && onCancel) onCancel();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (onSubmit(area.value)) area.value = '';
  });
  return form;
}

/** The comments panel of `view` for `account` (observers read only). */
export function createCommentsPanel(view: EditorView, account: Account, editable: boolean): CommentsPanel {
  const element = el('section', 'panel comments-panel');
  const composer = el('div', 'comment-composer');
  const list = el('div', 'comment-threads');
  const showResolved = el('label', 'show-resolved');
  const toggle = el('input');
  toggle.type = 'checkbox';
  showResolved.append(toggle, ' show resolved');
  const header = el('div', 'panel-header');
  header.append(el('h2', 'panel-title', 'Comments'), showResolved);
  element.append(header, composer, list);
  let lastKey: { comments: unknown; articles: string } = { comments: undefined, articles: '' };
  const input = (text: string) => ({ delegation: account.delegation, author: account.name, text });

  const threadView = (thread: CommentThread): HTMLElement => {
    const box = el('article', `comment-thread status-${thread.status}`);
    box.dataset.thread = thread.id;
    const main = commentView(thread);
    if (thread.pos !== null) {
      main.classList.add('jumpable');
      // Positions move as others type: look the thread up again when clicked.
      main.addEventListener('click', () => {
        const pos = listComments(view.state.doc).find((t) => t.id === thread.id)?.pos;
        if (pos !== null && pos !== undefined) jumpTo(view, pos);
      });
    }
    box.append(main);
    for (const reply of thread.replies) {
      const entry = commentView(reply);
      entry.classList.add('reply');
      box.append(entry);
    }
    if (editable) {
      const actions = el('div', 'comment-actions');
      const resolved = thread.status === 'resolved';
      // The server lets a delegation change only its own threads; the chair may close any.
      const mayClose = thread.delegation === account.delegation || account.role === 'chair';
      const status = el('button', 'link', resolved ? 'Reopen' : 'Resolve');
      status.hidden = !mayClose;
      status.type = 'button';
      status.dataset.action = resolved ? 'reopen' : 'resolve';
      status.addEventListener('click', () => setCommentStatus(thread.id, resolved ? 'open' : 'resolved')(view.state, view.dispatch));
      const replyButton = el('button', 'link', 'Reply');
      replyButton.type = 'button';
      replyButton.dataset.action = 'reply';
      actions.append(replyButton, status);
      box.append(actions);
      replyButton.addEventListener('click', () => {
        if (box.querySelector('form')) return;
        const form = textForm('Reply…', 'Reply', (text) => replyToComment(thread.id, input(text))(view.state, view.dispatch), () => form.remove());
        box.append(form);
        form.querySelector('textarea')?.focus();
      });
    }
    return box;
  };

  const render = (state: EditorState) => {
    const threads = listComments(state.doc).filter((t) => toggle.checked || t.status !== 'resolved');
    const groups = new Map<string, CommentThread[]>();
    for (const thread of threads) {
      const key = thread.articleNumber ? `Article ${thread.articleNumber}` : 'General';
      groups.set(key, [...(groups.get(key) ?? []), thread]);
    }
    // Keep open reply forms while others edit the document.
    const openForms = new Map<string, HTMLFormElement>();
    for (const form of list.querySelectorAll<HTMLFormElement>('.comment-thread form')) {
      const id = form.closest<HTMLElement>('.comment-thread')?.dataset.thread;
      if (id) openForms.set(id, form);
    }
    const children: HTMLElement[] = [];
    for (const [title, group] of groups) {
      const section = el('section', 'comment-group');
      section.append(el('h3', 'comment-group-title', title));
      for (const thread of group) {
        const box = threadView(thread);
        const form = openForms.get(thread.id);
        if (form) box.append(form);
        section.append(box);
      }
      children.push(section);
    }
    if (children.length === 0) children.push(el('p', 'empty', 'No comments yet.'));
    list.replaceChildren(...children);
  };
  toggle.addEventListener('change', () => render(view.state));

  return {
    element,
    update(state) {
      // Re-render only when the threads or the articles they belong to change, so a reply being
      // typed here keeps its focus while others edit the text.
      const key = renderKey(state);
      if (key.comments === lastKey.comments && key.articles === lastKey.articles) return;
      lastKey = key;
      render(state);
    },
    compose() {
      if (!editable) return;
      const { from, to, empty } = view.state.selection;
      const quoted = empty ? '' : view.state.doc.textBetween(from, to, ' ').slice(0, 80);
      const form = textForm('Your comment…', 'Comment', (text) => {
        const ok = commentCommand(account, text)(view.state, view.dispatch);
        if (ok) {
          composer.replaceChildren();
          view.focus();
        }
        return ok;
      }, () => {
        composer.replaceChildren();
        view.focus();
      });
      const about = el('div', 'composer-about', empty ? 'Comment on this block' : `Comment on “${quoted}”`);
      composer.replaceChildren(about, form);
      form.querySelector('textarea')?.focus();
    },
  };
}
