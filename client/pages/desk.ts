/**
 * The secretariat's desk (secretariat and chair, on the document list): create a document — empty,
 * or imported from pasted plain text, showing the importer's report of the lines it could not
 * place — invite a delegation (an account and its invitation link, which expires and can be
 * revoked), and the accounts with their last activity. Built on `POST /api/documents` and the
 * accounts API (`GET/POST /api/accounts`, `POST /api/accounts/:id/revoke`).
 */
import type { AccountSummary, CreatedInvitation } from '../../shared/api/index.ts';
import { api, post, type Account, type DocumentSummary } from '../connection/index.ts';
import { el } from '../panels/jump.ts';
import { plainMessage } from '../panels/messages.ts';

/** Whether `account` has the desk (the server checks again). */
export function hasDesk(account: Account): boolean {
  return account.role === 'secretariat' || account.role === 'chair';
}

/** The answer of `POST /api/documents`. */
interface Created { id: string; title: string; report: { articles: number; unplaced: Array<{ line: number; text: string; reason: string }> } }

const ROLE_WORDS: Record<AccountSummary['role'], string> = { delegate: 'Delegation', chair: 'Chair', secretariat: 'Secretariat', observer: 'Observer' };

function field(label: string, control: HTMLElement): HTMLLabelElement {
  const wrap = el('label', 'desk-field');
  wrap.append(el('span', '', label), control);
  return wrap;
}

function when(ms: number | null, never: string): string {
  return ms === null ? never : new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The desk element for `account`, given the documents listed (for the base-text suggestions). */
export function createDesk(account: Account, documents: DocumentSummary[]): HTMLElement {
  const desk = el('section', 'card desk');
  desk.append(el('h2', '', 'Secretariat desk'));

  // New document
  const create = el('form', 'desk-create');
  const title = el('input');
  title.name = 'title';
  title.required = true;
  title.placeholder = 'Draft Protocol on …';
  const base = el('input');
  base.name = 'base';
  base.placeholder = 'none';
  base.setAttribute('list', 'desk-bases');
  const bases = el('datalist');
  bases.id = 'desk-bases';
  for (const key of [...new Set(documents.map((d) => d.base).filter((b): b is string => !!b))]) bases.append(new Option(key, key));
  const text = el('textarea');
  text.name = 'text';
  text.rows = 6;
  text.placeholder = 'Paste the text to import (plain text or Markdown: "Article 1 – Title", numbered paragraphs, [bracketed text]), or leave empty for a blank document.';
  const submit = el('button', 'primary', 'Create document');
  submit.type = 'submit';
  const createStatus = el('div', 'desk-status');
  create.append(el('h3', '', 'New document'), field('Title', title), field('Base text (for redlines)', base), bases, field('Text', text), submit, createStatus);
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    createStatus.replaceChildren('Creating…');
    try {
      const created = await post<Created>('/api/documents', { title: title.value.trim(), text: text.value, base: base.value.trim() || null });
      const link = el('a', '', `Open “${created.title}”`);
      link.href = `#/doc/${encodeURIComponent(created.id)}`;
      const summary = el('p', 'desk-report', `Created with ${created.report.articles} article${created.report.articles === 1 ? '' : 's'}. `);
      summary.append(link);
      createStatus.replaceChildren(summary);
      if (created.report.unplaced.length) {
        const n = created.report.unplaced.length;
        createStatus.append(el('p', 'desk-report-warning', `${n} line${n === 1 ? ' could not be placed and was' : 's could not be placed and were'} left out:`));
        const list = el('ul', 'desk-unplaced');
        for (const u of created.report.unplaced) list.append(el('li', '', `Line ${u.line}: “${u.text}” — ${u.reason}`));
        createStatus.append(list);
      }
      const item = el('li');
      const entry = el('a', 'document-link');
      entry.href = link.href;
      entry.append(el('span', 'document-title', created.title));
      item.append(entry);
      document.querySelector('.document-list .empty')?.remove();
      document.querySelector('.document-list')?.append(item);
    } catch (error) {
      createStatus.replaceChildren(el('p', 'error', plainMessage(error)));
    }
  });

  // Invite a delegation
  const invite = el('form', 'desk-invite');
  const name = el('input');
  name.name = 'name';
  name.required = true;
  name.placeholder = 'Delegation of Kenya';
  const delegation = el('input');
  delegation.name = 'delegation';
  delegation.required = true;
  delegation.placeholder = 'KE';
  delegation.maxLength = 20;
  const role = el('select');
  role.name = 'role';
  for (const r of ['delegate', 'observer', 'chair', 'secretariat'] as const) role.append(new Option(ROLE_WORDS[r], r));
  const hours = el('select');
  hours.name = 'expires';
  for (const [label, value] of [['3 days', 72], ['1 day', 24], ['1 week', 168], ['30 days', 720]] as const) hours.append(new Option(label, String(value)));
  const send = el('button', 'primary', 'Create invitation');
  send.type = 'submit';
  const inviteStatus = el('div', 'desk-status');
  invite.append(el('h3', '', 'Invite a delegation'), field('Name', name), field('Delegation code', delegation), field('Role', role), field('Link valid for', hours), send, inviteStatus);

  // Accounts
  const accounts = el('table', 'desk-accounts');
  const accountsStatus = el('p', 'panel-status');
  const refreshAccounts = async () => {
    try {
      const list = await api<AccountSummary[]>('/api/accounts');
      accounts.replaceChildren();
      const head = accounts.createTHead().insertRow();
      for (const h of ['Name', 'Delegation', 'Role', 'Last active', 'Link', '']) head.append(el('th', '', h));
      const body = accounts.createTBody();
      for (const a of list) {
        const row = body.insertRow();
        row.dataset.account = a.id;
        row.insertCell().textContent = a.name;
        row.insertCell().textContent = a.delegation;
        row.insertCell().textContent = ROLE_WORDS[a.role] ?? a.role;
        row.insertCell().textContent = when(a.lastActiveAt, 'Never');
        row.insertCell().textContent = a.revoked ? 'Revoked' : a.invitationExpiresAt === null ? 'Does not expire' : a.invitationExpiresAt < Date.now() ? 'Expired' : `Until ${when(a.invitationExpiresAt, '')}`;
        const actions = row.insertCell();
        if (!a.revoked && a.id !== account.id) {
          const revoke = el('button', 'small', 'Revoke');
          revoke.type = 'button';
          revoke.dataset.action = 'revoke';
          revoke.addEventListener('click', async () => {
            if (!window.confirm(`Revoke the access of ${a.name} (${a.delegation})? Their link and open sessions stop working at once.`)) return;
            try {
              await post(`/api/accounts/${encodeURIComponent(a.id)}/revoke`, {});
              accountsStatus.textContent = `Revoked ${a.name} (${a.delegation}).`;
            } catch (error) {
              accountsStatus.textContent = plainMessage(error);
            }
            await refreshAccounts();
          });
          actions.append(revoke);
        }
      }
    } catch (error) {
      accountsStatus.textContent = plainMessage(error);
    }
  };

  invite.addEventListener('submit', async (event) => {
    event.preventDefault();
    inviteStatus.replaceChildren('Creating…');
    try {
      const created = await post<CreatedInvitation>('/api/accounts', {
        name: name.value.trim(), delegation: delegation.value.trim().toUpperCase(), role: role.value, expiresInHours: Number(hours.value),
      });
      const link = el('input', 'desk-invite-link');
      link.readOnly = true;
      link.value = created.inviteUrl;
      link.setAttribute('aria-label', `Invitation link for ${created.account.name}`);
      const copy = el('button', 'small', 'Copy');
      copy.type = 'button';
      copy.addEventListener('click', async () => {
        link.select();
        try { await navigator.clipboard.writeText(link.value); copy.textContent = 'Copied'; } catch { document.execCommand('copy'); }
      });
      const line = el('p', 'desk-report', `Send this link to ${created.account.name}; it signs in until ${when(created.expiresAt, '')}:`);
      inviteStatus.replaceChildren(line, link, copy);
      name.value = '';
      delegation.value = '';
      await refreshAccounts();
    } catch (error) {
      inviteStatus.replaceChildren(el('p', 'error', plainMessage(error)));
    }
  });

  desk.append(create, invite, el('h3', '', 'Accounts'), accountsStatus, accounts);
  void refreshAccounts();
  return desk;
}
