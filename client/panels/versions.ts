/**
 * The versions panel: the versions of the document ("Rev.1", ...), the redline of the live text
 * against its base text or any version, comparing two versions, exports, and — for the secretariat
 * and the chair — cutting a version (each label once per document), renaming and restoring one,
 * starting a new document from one (fork),
 * and renumbering the text (its final sequential numbering). Everything goes through the versions,
 * redline and export API (`/api/documents/:id/versions`, `/redline`, `/export`); a restore comes
 * back to every editor as an ordinary edit from the server.
 */
import type { EditorView } from 'prosemirror-view';
import { api, post, type Account } from '../connection/index.ts';
import { el } from './jump.ts';
import { plainMessage } from './messages.ts';
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
        status.textContent = plainMessage(error);
      }
    });
    const renumber = button('Renumber the text', 'renumber', async () => {
      if (!window.confirm('Give every article and paragraph its final sequential number ("5 bis" becomes 6, and so on)? References such as "Article 5" in the text follow. Everyone\'s editor follows; the redline shows the renumbering.')) return;
      try {
        const result = await post<{ changed: boolean; articles: Array<{ from: string; to: string }> }>(`${base}/renumber`, {});
        const moved = result.articles.map((a) => `Article ${a.from} is now Article ${a.to}`);
        status.textContent = !result.changed ? 'The numbering is already sequential.'
          : moved.length ? `Renumbered: ${moved.slice(0, 5).join('; ')}${moved.length > 5 ? `; and ${moved.length - 5} more` : ''}.` : 'Renumbered the paragraphs.';
      } catch (error) {
        status.textContent = plainMessage(error);
      }
    });
    element.append(form, renumber);
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
    list.replaceChildren(...versions.map((version) => {
      const li = el('li', 'version-entry');
      li.dataset.version = version.id;
      const when = new Date(version.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
      li.append(el('strong', 'version-label', version.label),
        el('span', 'version-meta', `${when} · ${version.author.name ?? ''}${version.author.delegation ? ` (${version.author.delegation})` : ''}`));
      const actions = el('div', 'version-actions');
      actions.append(button('Changes since', 'compare', () => redline(version.id, 'current', `Changes since ${version.label}`)));
      if (manage) {
        actions.append(button('Rename', 'rename', () => startRename(li, version)));
        actions.append(button('New document from it', 'fork', async () => {
          try {
            const created = await post<{ id: string; title: string }>(`${base}/versions/${encodeURIComponent(version.id)}/fork`, {});
            const link = el('a', '', `Open “${created.title}”`);
            link.href = `#/doc/${encodeURIComponent(created.id)}`;
            status.replaceChildren(`Started a new document from ${version.label}. `, link);
          } catch (error) {
            status.textContent = plainMessage(error);
          }
        }));
        actions.append(button('Restore', 'restore', async () => {
          if (!window.confirm(`Make the live text the text of ${version.label}? Everyone's editor follows; the history is kept.`)) return;
          try {
            await post(`${base}/versions/${encodeURIComponent(version.id)}/restore`, {});
            status.textContent = `Restored ${version.label}.`;
          } catch (error) {
            status.textContent = plainMessage(error);
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

  /** Turn a version's label into a small form; Enter saves (the label must stay unique), Escape cancels. */
  const startRename = (li: HTMLElement, version: VersionSummary) => {
    const form = el('form', 'version-rename');
    const input = el('input');
    input.name = 'label';
    input.value = version.label;
    input.setAttribute('aria-label', `New label for ${version.label}`);
    const save = el('button', 'small primary', 'Save');
    save.type = 'submit';
    const cancel = button('Cancel', 'cancel-rename', () => void refresh());
    form.append(input, save, cancel);
    li.querySelector('.version-label')?.replaceWith(form);
    input.focus();
    input.select();
    input.addEventListener('keydown', (event) => { if (event.key === 'Escape') void refresh(); });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const renamed = await api<VersionSummary>(`${base}/versions/${encodeURIComponent(version.id)}`, { method: 'PATCH', body: JSON.stringify({ label: input.value.trim() }) });
        status.textContent = `Renamed ${version.label} to ${renamed.label}.`;
        await refresh();
      } catch (error) {
        status.textContent = plainMessage(error);
      }
    });
  };

  const refresh = async () => {
    try {
      render(await api<VersionSummary[]>(`${base}/versions`));
    } catch (error) {
      status.textContent = plainMessage(error);
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
