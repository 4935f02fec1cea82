/**
 * The brackets panel: every open bracket (inline, whole block, alternatives) with its text,
 * sponsors and article, listed live from the shared text. Chairs resolve them here — keep, drop,
 * or choose an option — through `POST /api/documents/:id/brackets/:bracketId/resolve`, which
 * records the resolution and applies it on the server; the result arrives like any other edit.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { listBrackets, type BracketInfo } from '../../shared/model/index.ts';
import { post, delegationColour, type Account } from '../connection/index.ts';
import { el, jumpTo } from './jump.ts';
import type { Panel } from './outline.ts';

/** Whether the account may resolve brackets (the server checks again). */
export function mayResolveBrackets(account: Account): boolean {
  return account.role === 'chair';
}

function sponsorBadges(sponsors: string[]): HTMLElement {
  const box = el('span', 'sponsor-badges');
  for (const sponsor of sponsors) {
    const badge = el('span', 'delegation-badge', sponsor);
    badge.style.backgroundColor = delegationColour(sponsor);
    box.append(badge);
  }
  return box;
}

/** The brackets panel of `view` for document `documentId`. */
export function createBracketsPanel(view: EditorView, account: Account, documentId: string): Panel {
  const element = el('section', 'panel brackets-panel');
  const status = el('p', 'panel-status');
  const list = el('div', 'bracket-list');
  element.append(el('h2', 'panel-title', 'Open brackets'), status, list);
  const chair = mayResolveBrackets(account);
  let lastDoc: unknown = null;
  let lastKey: string | null = null;

  const resolve = async (bracket: BracketInfo, action: 'keep' | 'drop' | 'choose', optionId?: string) => {
    status.textContent = `Resolving ${bracket.id}…`;
    try {
      await post(`/api/documents/${encodeURIComponent(documentId)}/brackets/${encodeURIComponent(bracket.id)}/resolve`, optionId ? { action, optionId } : { action });
      status.textContent = `Resolved: ${action}${optionId ? ` ${optionId}` : ''}.`;
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  };

  const action = (label: string, name: string, run: () => void) => {
    const button = el('button', 'small', label);
    button.type = 'button';
    button.dataset.action = name;
    button.addEventListener('click', run);
    return button;
  };

  const entry = (bracket: BracketInfo): HTMLElement => {
    const box = el('article', `bracket-entry bracket-${bracket.kind}`);
    box.dataset.bracket = bracket.id;
    const head = el('div', 'bracket-head');
    head.append(el('span', 'bracket-where', bracket.articleNumber ? `Art. ${bracket.articleNumber}` : '—'),
      el('span', 'bracket-kind', bracket.kind === 'inline' ? (bracket.markKind === 'delete' ? 'deletion' : 'text') : bracket.kind));
    head.append(sponsorBadges(bracket.sponsors));
    const text = el('button', 'bracket-text jumpable', bracket.kind === 'alternatives' ? '' : `[${bracket.text}]`);
    text.type = 'button';
    text.addEventListener('click', () => {
      const current = listBrackets(view.state.doc).find((b) => b.id === bracket.id);
      if (current) jumpTo(view, current.from);
    });
    box.append(head, text);
    const actions = el('div', 'bracket-actions');
    if (bracket.options) {
      for (const option of bracket.options) {
        const line = el('div', 'bracket-option');
        line.append(el('strong', '', `${option.label}: `), el('span', '', option.text || '(delete the text)'), sponsorBadges(option.sponsors));
        if (chair) line.append(action('Choose', 'choose', () => void resolve(bracket, 'choose', option.id)));
        box.append(line);
      }
    } else if (chair) {
      actions.append(action('Keep text', 'keep', () => void resolve(bracket, 'keep')), action('Drop', 'drop', () => void resolve(bracket, 'drop')));
    }
    if (actions.childElementCount) box.append(actions);
    return box;
  };

  return {
    element,
    shown(state: EditorState) {
      this.update(state);
    },
    update(state: EditorState) {
      if (state.doc === lastDoc || element.hidden) return;
      lastDoc = state.doc;
      const brackets = listBrackets(state.doc);
      const key = brackets.map((b) => `${b.id}|${b.text}|${b.sponsors.join(',')}|${b.articleNumber}|${b.options?.map((o) => o.text + o.sponsors.join(',')).join('/') ?? ''}`).join('\n');
      if (key === lastKey) return;
      lastKey = key;
      if (!status.textContent?.startsWith('Resolv')) status.textContent = `${brackets.length} open${chair ? '' : ' · resolved by the chair'}`;
      list.replaceChildren(...brackets.map(entry));
      if (brackets.length === 0) list.append(el('p', 'empty', 'No open brackets.'));
    },
  };
}
