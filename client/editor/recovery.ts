/**
 * Recovering from an edit the server refused. The editor never sends what the rules refuse, but
 * a race can still make the server refuse an edit (the chair resolved the bracket, another
 * delegation co-sponsored it, the article was agreed, a moment before). The local Y.Doc then holds
 * a change nobody else has; it cannot be taken back in Yjs. So the document is opened again: the
 * old session (Y.Doc, provider) is dropped, a new one syncs the shared text and the editor mounts
 * on it, where the reader was. What the user had typed and the server did not take is offered in
 * a copyable box ("Your unsent text: …"). Every permission-denied message is counted in
 * `window.__plenipoRefusals` for the tests.
 */
import { diffWords } from 'diff';
import type { Node } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import type { Session } from '../connection/index.ts';
import { showEditStatus } from './status-line.ts';

declare global {
  interface Window {
    /** Permission-denied messages received from the server since the page loaded. */
    __plenipoRefusals?: number;
    /** The server's reasons for those refusals, in order (for the tests' failure reports). */
    __plenipoRefusalReasons?: string[];
    /** Times the editor reopened the document after a refusal. */
    __plenipoRecoveries?: number;
  }
}

/** An open document as the page renders it (see client/pages/document.ts). */
export interface OpenDocument {
  session: Session;
  view: Promise<EditorView>;
  destroy(): void;
}

/** Words of `local` that `shared` does not have (what was typed and not accepted), joined by " … ". */
export function unsentText(local: Node, shared: Node): string {
  const a = shared.textContent;
  const b = local.textContent;
  // Trim what both share at either end, so the word diff only sees the edited middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const wordStart = Math.max(0, a.lastIndexOf(' ', start - 1) + 1);
  const changes = diffWords(a.slice(wordStart, a.length - end), b.slice(wordStart, b.length - end));
  return changes.filter((c) => c.added && c.value.trim()).map((c) => c.value.trim()).join(' … ');
}

/** Show the copyable box with `text` (replacing an earlier one). */
export function showUnsentText(text: string): HTMLElement {
  document.querySelector('.unsent-text')?.remove();
  const box = document.createElement('section');
  box.className = 'unsent-text';
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', 'Your unsent text');
  const intro = document.createElement('p');
  intro.textContent = 'The text changed while you were writing, so the server did not take your last change. Your screen shows the shared text again. Your unsent text:';
  const area = document.createElement('textarea');
  area.readOnly = true;
  area.value = text;
  const actions = document.createElement('div');
  actions.className = 'unsent-actions';
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'small';
  copy.textContent = 'Copy';
  copy.addEventListener('click', () => {
    area.select();
    void navigator.clipboard?.writeText(text).catch(() => document.execCommand('copy'));
    copy.textContent = 'Copied';
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'small';
  close.textContent = 'Close';
  close.addEventListener('click', () => box.remove());
  actions.append(copy, close);
  box.append(intro, area, actions);
  document.body.append(box);
  return box;
}

/**
 * `open()` (which renders the document page) wrapped so that a refusal by the server reopens the
 * document on the shared text by itself. The returned object always names the current page.
 */
export function withRecovery(open: () => OpenDocument): OpenDocument {
  let current = open();
  let closed = false;
  let recovering = false;
  let stopWatching: () => void = () => {};

  const recover = async (page: OpenDocument) => {
    if (recovering || closed || page !== current) return;
    recovering = true;
    try {
      const view = await page.view;
      const local = view.state.doc;
      const scroller = view.dom.closest('.paper-scroll');
      const scrollTop = scroller?.scrollTop ?? 0;
      stopWatching();
      page.destroy();
      window.__plenipoRecoveries = (window.__plenipoRecoveries ?? 0) + 1;
      current = open();
      watch(current);
      const fresh = await current.view;
      const again = fresh.dom.closest('.paper-scroll');
      if (again) again.scrollTop = scrollTop;
      const text = unsentText(local, fresh.state.doc);
      if (text) showUnsentText(text);
      else showEditStatus('The text changed meanwhile, so the server did not take your last change; your screen shows the shared text again.');
    } catch (error) {
      console.error('plenipo: could not reopen the document after a refused edit', error);
    } finally {
      recovering = false;
    }
  };

  const watch = (page: OpenDocument) => {
    stopWatching = page.session.monitor.onRefusal((reason) => {
      window.__plenipoRefusals = (window.__plenipoRefusals ?? 0) + 1;
      (window.__plenipoRefusalReasons ??= []).push(reason);
      void recover(page);
    });
  };
  watch(current);

  return {
    get session() { return current.session; },
    get view() { return current.view; },
    destroy() {
      closed = true;
      stopWatching();
      current.destroy();
    },
  };
}
