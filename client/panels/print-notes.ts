/**
 * What only the printed page shows: a running header on every page (the document's symbol, its
 * latest version and the date it is printed, as `@page` margin boxes written into a style element
 * from the `.print-header` element's words) and the member comments as notes at the end, numbered,
 * with the article each is on. Hidden on screen by the stylesheet; kept up to date like any panel.
 */
import type { EditorState } from 'prosemirror-state';
import { listComments } from '../../shared/model/index.ts';
import type { VersionSummary } from '../../shared/api/index.ts';
import { api } from '../connection/index.ts';
import { el } from './jump.ts';
import type { Panel } from './outline.ts';

/** The print header and the comment notes of document `documentId`; `header` goes above the text, `element` after it. */
export function createPrintNotes(documentId: string): Panel & { header: HTMLElement; destroy(): void } {
  const header = el('div', 'print-header');
  const symbol = el('span', 'print-symbol');
  const version = el('span', 'print-version', 'Working text');
  const date = el('span', 'print-date', new Date().toISOString().slice(0, 10));
  header.append(symbol, version, date);
  const element = el('section', 'print-notes');
  let lastKey = '';
  const pageStyle = el('style');
  pageStyle.id = 'print-page-header';
  document.head.append(pageStyle);
  const css = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;
  const writePageHeader = () => {
    pageStyle.textContent = `@page { @top-left { content: ${css(symbol.textContent ?? '')}; font: 9pt "Times New Roman", serif; }`
      + ` @top-center { content: ${css(version.textContent ?? '')}; font: 9pt "Times New Roman", serif; }`
      + ` @top-right { content: ${css(date.textContent ?? '')}; font: 9pt "Times New Roman", serif; } }`;
  };
  writePageHeader();

  const loadVersion = async () => {
    try {
      const versions = await api<VersionSummary[]>(`/api/documents/${encodeURIComponent(documentId)}/versions`);
      version.textContent = versions[0] ? `Working text after ${versions[0].label}` : 'Working text';
    } catch { /* the header keeps "Working text" */ }
    writePageHeader();
  };
  void loadVersion();
  const onBeforePrint = () => {
    date.textContent = new Date().toISOString().slice(0, 10);
    writePageHeader();
  };
  window.addEventListener('beforeprint', onBeforePrint);

  return {
    element,
    header,
    destroy() {
      window.removeEventListener('beforeprint', onBeforePrint);
      pageStyle.remove();
    },
    update(state: EditorState) {
      const info = state.doc.firstChild;
      const nextSymbol = info?.type.name === 'docinfo' && info.attrs.symbol ? String(info.attrs.symbol) : '';
      if (nextSymbol !== symbol.textContent) {
        symbol.textContent = nextSymbol;
        writePageHeader();
      }
      const threads = listComments(state.doc);
      const key = JSON.stringify(threads.map((t) => [t.id, t.articleNumber, t.text, t.replies.map((r) => r.text), t.status]));
      if (key === lastKey) return;
      lastKey = key;
      element.replaceChildren();
      if (threads.length === 0) return;
      element.append(el('h2', 'print-notes-title', 'Comments'));
      const list = el('ol', 'print-notes-list');
      for (const thread of threads) {
        const item = el('li', 'print-note');
        const where = thread.articleNumber ? `Article ${thread.articleNumber}` : 'General';
        item.append(el('strong', '', `${where} — ${thread.delegation ?? thread.author ?? ''}: `), document.createTextNode(thread.text));
        for (const reply of thread.replies) {
          item.append(el('div', 'print-note-reply', `${reply.delegation ?? reply.author ?? ''}: ${reply.text}`));
        }
        list.append(item);
      }
      element.append(list);
    },
  };
}
