/**
 * The versions panel: the versions of the document ("Rev.1", ...), the redline of the live text
 * against its base text or any version, comparing two versions, exports, and — for the secretariat
 * and the chair — cutting a version and restoring one. Everything goes through the versions,
 * redline and export API (`/api/documents/:id/versions`, `/redline`, `/export`); a restore comes
 * back to every editor as an ordinary edit from the server.
 */
import type { EditorView } from 'prosemirror-view';
import { api, post, type Account } from '../connection/index.ts';
import { el } from './jump.ts';
import type { Panel } from './outline.ts';
import { openViewer } from './redline-viewer.ts';
import type { VersionSummary } from '../../shared/api/index.ts';

export type { VersionSummary };

/** Whether the account may cut and restore versions (the server checks again). */
export function mayManageVersions(account: Account): boolean {
  return account.role === 'secretariat' || account.role === 'chair';
}

/** The versions panel of document `documentId`. */
export function createVersionsPanel(_view: EditorView, account: Account, documentId: string): Panel {
  const base = `/api/documents/${encodeURIComponent(documentId)}`;
  const manage = mayManageVersions(account);
  const element = el('section', 'panel versions-panel');
  const status = el('p', 'panel-status');
  const list = el('ol', 'version-list');
  const compare = el('div', 'version-compare');
  const exports = el('div', 'version-exports');
  element.append(el('h2', 'panel-title', 'Versions'));

  const button = (label: string, action: string, run: () => void, className = 'small') => {
    const b = el('button', className, label);
    b.type = 'button';
    b.dataset.action = action;
    b.addEventListener('click', run);
    return b;
  };
  const redline = (from: string, to: string, title: string) => {
    const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    openViewer(title, `${base}/redline?${query}&format=html`, { label: 'Word (tracked changes)', url: `${base}/redline?${query}&format=docx` });
  };

  if (manage) {
    const form = el('form', 'version-cut');
    const label = el('input');
    label.name = 'label';
    label.placeholder = 'Label, e.g. Rev.1';
    label.required = true;
    const submit = el('button', 'primary', 'Cut version');
    submit.type = 'submit';
    form.append(label, submit);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const version = await post<VersionSummary>(`${base}/versions`, { label: label.value.trim() });
        status.textContent = `Cut ${version.label}.`;
        label.value = '';
        await refresh();
      } catch (error) {
        status.textContent = (error as Error).message;
      }
    });
    element.append(form);
  }
  element.append(status, list, compare, exports);

  exports.append(el('h3', 'panel-subtitle', 'Current text'),
    button('Redline against the base text', 'redline-base', () => openViewer('Redline against the base text', `${base}/redline?format=html`, { label: 'Word (tracked changes)', url: `${base}/redline?format=docx` })),
    button('Clean text', 'clean', () => openViewer('Clean text', `${base}/export?format=html&view=clean`, { label: 'Word', url: `${base}/export?format=docx&view=clean` })),
    button('Bracketed text', 'bracketed', () => openViewer('Bracketed text', `${base}/export?format=html&view=bracketed`, { label: 'Word', url: `${base}/export?format=docx&view=bracketed` })));
  const akn = el('a', 'button-link small', 'Akoma Ntoso XML');
  akn.href = `${base}/export?format=akn`;
  exports.append(akn);

  const render = (versions: VersionSummary[]) => {
    list.replaceChildren(...versions.slice().reverse().map((version) => {
      const li = el('li', 'version-entry');
      li.dataset.version = version.id;
      const when = new Date(version.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      li.append(el('strong', 'version-label', version.label),
        el('span', 'version-meta', `${when} · ${version.author.name ?? ''}${version.author.delegation ? ` (${version.author.delegation})` : ''}`));
      const actions = el('div', 'version-actions');
      actions.append(button('Changes since', 'compare', () => redline(version.id, 'current', `Changes since ${version.label}`)));
      if (manage) {
        actions.append(button('Restore', 'restore', async () => {
          if (!window.confirm(`Make the live text the text of ${version.label}? Everyone's editor follows; the history is kept.`)) return;
          try {
            await post(`${base}/versions/${encodeURIComponent(version.id)}/restore`, {});
            status.textContent = `Restored ${version.label}.`;
          } catch (error) {
            status.textContent = (error as Error).message;
          }
        }));
      }
      li.append(actions);
      return li;
    }));
    if (versions.length === 0) list.append(el('li', 'empty', manage ? 'No versions yet: cut the first one above.' : 'No versions yet.'));
    compare.replaceChildren();
    if (versions.length >= 2) {
      const from = el('select');
      const to = el('select');
      for (const version of versions) {
        from.append(new Option(version.label, version.id));
        to.append(new Option(version.label, version.id));
      }
      to.append(new Option('Current text', 'current'));
      to.value = 'current';
      compare.append(el('h3', 'panel-subtitle', 'Compare'), from, el('span', '', ' → '), to,
        button('Redline', 'compare-two', () => redline(from.value, to.value, `${from.selectedOptions[0].text} → ${to.selectedOptions[0].text}`)));
    }
  };

  const refresh = async () => {
    try {
      render(await api<VersionSummary[]>(`${base}/versions`));
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  };

  return {
    element,
    update() {},
    shown() {
      void refresh();
    },
  };
}
