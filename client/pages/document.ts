/**
 * The document page: top bar (title, connection, presence, account), observer banner, toolbar,
 * outline on the left, the text as a page in the middle, comments (and, for chairs and the
 * secretariat, brackets and versions) on the right. Where the window is narrow (below 1280 px the
 * outline, below 900 px the side panels too) a panel folds into a toggle in the top bar and opens
 * over the text, so the text column stays at least 560 px wide. The editor mounts once the first
 * sync with the server is done, so a fresh client never writes an empty skeleton into the shared
 * text.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { openSession, type Account, type DocumentSummary, type Session } from '../connection/index.ts';
import { mountEditor, createToolbar, showShortcuts, installBenchHook, canEdit, type EditorActions } from '../editor/index.ts';
import { createOutline, createCommentsPanel, createPresence, createConnectionPill, createRefusalBanner, sidePanels, el, type Panel } from '../panels/index.ts';
import { createPrintNotes } from '../panels/print-notes.ts';
import { panelToggles } from './panel-toggles.ts';
import { createSessionBar, createFollowNotice } from '../session/index.ts';

/** An open document page; `destroy` leaves the document. */
export interface DocumentPage {
  session: Session;
  view: Promise<EditorView>;
  destroy(): void;
}

declare global {
  interface Window {
    /** The open document, for tests and the console. */
    __plenipo?: { view: EditorView; session: Session; account: Account };
  }
}

function whenSynced(session: Session): Promise<void> {
  if (session.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return;
      session.provider.off('sync', onSync);
      resolve();
    };
    session.provider.on('sync', onSync);
  });
}

/** Render the document `summary` for `account` into `root`. */
export function renderDocument(root: HTMLElement, account: Account, summary: DocumentSummary): DocumentPage {
  const session = openSession(summary.id, account);
  const editable = canEdit(account);
  document.title = `${summary.title} — Plenipo`;

  const topbar = el('header', 'topbar');
  const home = el('a', 'brand', 'Plenipo');
  home.href = '#/';
  const title = el('div', 'doc-name', summary.title);
  const pill = createConnectionPill(session.monitor);
  const presence = createPresence(session.awareness);
  const me = el('div', 'me', `${account.name} · ${account.delegation}`);
  me.append(el('span', `role role-${account.role}`, account.role));
  const workspace = el('main', 'workspace');
  const toggles = panelToggles(workspace);
  const followSlot = el('div', 'follow-slot');
  const dashboard = el('a', 'button-link dashboard-link', 'Dashboard');
  dashboard.href = `#/doc/${encodeURIComponent(summary.id)}/dashboard`;
  topbar.append(home, toggles.outline, title, followSlot, pill.element, presence.element, dashboard, toggles.side, me);

  const banner = editable ? null : el('div', 'banner observer-banner', 'Observer — read-only view. You can read, follow the discussion and print, but not change the text.');
  const refusal = createRefusalBanner(session.monitor);
  const toolbarSlot = el('div', 'toolbar-slot');
  const sessionSlot = el('div', 'session-slot');
  const outlineSlot = el('aside', 'left');
  const paper = el('div', 'paper');
  const loading = el('div', 'loading', 'Loading the text…');
  paper.append(loading);
  const scroller = el('div', 'paper-scroll');
  const printNotes = createPrintNotes(summary.id);
  scroller.append(printNotes.header, paper, printNotes.element);
  const right = el('aside', 'right');
  workspace.append(outlineSlot, scroller, right);
  root.replaceChildren(...[topbar, banner, refusal.element, toolbarSlot, sessionSlot, workspace].filter((x): x is HTMLElement => x !== null));

  // A document the server will not open (unknown, no right) never syncs: say why instead of waiting.
  const stopWatching = session.monitor.subscribe((snapshot) => {
    if (snapshot.state === 'closed' && !session.provider.synced) loading.textContent = `The server closed the document: ${snapshot.reason ?? 'no reason given'}.`;
  });
  let destroyed = false;
  const cleanups: Array<() => void> = [() => pill.destroy(), () => presence.destroy(), () => refusal.destroy(), stopWatching, () => toggles.destroy(), () => printNotes.destroy()];
  const view = whenSynced(session).then(() => {
    if (destroyed) throw new Error(`Document ${summary.id} was closed before it synced`);
    loading.remove();
    let panels: Panel[] = [];
    let comments: ReturnType<typeof createCommentsPanel> | null = null;
    let toolbar: ReturnType<typeof createToolbar> | null = null;
    let bench: ReturnType<typeof installBenchHook> | null = null;
    let refreshTimer = 0;
    const refreshPanels = (state: EditorState) => {
      if (refreshTimer) return;
      refreshTimer = window.setTimeout(() => {
        refreshTimer = 0;
        for (const panel of panels) panel.update(editorView.state ?? state);
      }, 150);
    };
    const actions: EditorActions = {
      comment: () => comments?.compose(),
      help: () => showShortcuts(),
    };
    const editorView = mountEditor({
      place: paper,
      session,
      account,
      actions,
      onChange(state, docChanged) {
        if (docChanged) {
          bench?.noteDocChange();
          refreshPanels(state);
        }
        toolbar?.refresh(state);
      },
    });
    toolbar = createToolbar(editorView, account, actions, editable);
    toolbarSlot.replaceWith(toolbar.element);
    const outline = createOutline(editorView);
    outlineSlot.append(outline.element);
    comments = createCommentsPanel(editorView, account, editable);
    const side = sidePanels(editorView, account, comments, summary);
    right.append(side.element);
    panels = [outline, ...side.panels, printNotes];
    // The chair steps through the open brackets; everyone else can follow the chair.
    if (account.role === 'chair') {
      const bar = createSessionBar(editorView, account, summary.id, session.awareness);
      sessionSlot.replaceWith(bar.element);
      followSlot.replaceWith(bar.button);
      panels.push({ element: bar.element, update: (state) => bar.update(state) });
      cleanups.push(() => bar.destroy());
    } else {
      const follow = createFollowNotice(editorView, session.awareness);
      followSlot.replaceWith(follow.element);
      panels.push({ element: follow.element, update: (state) => follow.update(state) });
      cleanups.push(() => follow.destroy());
    }
    for (const panel of panels) panel.update(editorView.state);
    toolbar.refresh(editorView.state);
    bench = installBenchHook(editorView);
    window.__plenipo = { view: editorView, session, account };
    cleanups.push(() => editorView.destroy(), () => side.destroy());
    return editorView;
  });
  view.catch((error: unknown) => console.error('plenipo: could not open the document', error));
  return {
    session,
    view,
    destroy() {
      destroyed = true;
      for (const cleanup of cleanups) cleanup();
      session.destroy();
      delete window.__plenipo;
      delete window.__plenipoBench;
    },
  };
}
