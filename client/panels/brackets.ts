/**
 * The brackets panel: every open bracket (inline, whole block, alternatives) with its text,
 * sponsors, article and the number of comments anchored to it, listed live from the shared text,
 * grouped by article with the count of each ("Article 15: 3 open brackets") and filtered by
 * article, sponsor and kind. Chairs resolve them here — keep, drop, or choose an option — through
 * `POST /api/documents/:id/brackets/:bracketId/resolve`, or a whole article at once (after a
 * confirmation) through `POST /api/documents/:id/articles/:articleId/resolve`; the server records
 * the resolution and applies it, and the result arrives like any other edit. Below the list, the
 * resolution history, where the chair can undo a resolution. Brackets carry no creation time in
 * the text, so no age is shown.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Node } from 'prosemirror-model';
import { listProposals, listComments, type BracketInfo } from '../../shared/model/index.ts';
import { post, delegationColour, ApiError, type Account } from '../connection/index.ts';
import { proposalOrigins, originWords } from '../editor/proposal-info.ts';
import { el, jumpTo } from './jump.ts';
import type { Panel } from './outline.ts';
import { createResolutionHistory } from './resolution-history.ts';

/** Whether the account may resolve brackets (the server checks again). */
export function mayResolveBrackets(account: Account): boolean {
  return account.role === 'chair';
}

/** The kind a reader filters by: text, deletion, or the block shape (paragraph, article, alternatives…). */
export function bracketKindLabel(bracket: BracketInfo): string {
  if (bracket.kind === 'inline') return bracket.markKind === 'delete' ? 'deletion' : 'text';
  // A block proposed for deletion says so.
  return bracket.markKind === 'delete' ? `${bracket.kind} deletion` : bracket.kind;
}

/** The plain sentence for a resolution the server did not take. */
function resolutionFailure(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) return 'Only the chair can resolve brackets.';
  if (error instanceof ApiError && error.status < 500) return 'That bracket changed meanwhile and could not be resolved; the list shows it as it is now.';
  return 'The server could not record the resolution; please try again.';
}

/** Comments (threads and replies) anchored to each bracket of `brackets`, by bracket id. */
export function commentCounts(doc: Node, brackets: BracketInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of listComments(doc)) {
    const size = 1 + thread.replies.length;
    const on = thread.target !== null
      ? brackets.filter((b) => b.id === thread.target || b.options?.some((o) => o.id === thread.target))
      : thread.pos === null ? [] : brackets.filter((b) => thread.pos! >= b.from && thread.pos! < b.to);
    for (const bracket of on) counts.set(bracket.id, (counts.get(bracket.id) ?? 0) + size);
  }
  return counts;
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A select box with an "all" choice that keeps its selection across rebuilds while the choice exists. */
function filterSelect(name: string, allLabel: string): { element: HTMLSelectElement; set(values: Array<[string, string]>): void } {
  const element = el('select', 'bracket-filter');
  element.name = name;
  element.setAttribute('aria-label', `Filter by ${name}`);
  return {
    element,
    set(values) {
      const current = element.value;
      const all = el('option', '', allLabel);
      all.value = '';
      element.replaceChildren(all, ...values.map(([value, label]) => {
        const option = el('option', '', label);
        option.value = value;
        return option;
      }));
      element.value = values.some(([value]) => value === current) ? current : '';
    },
  };
}

/** The brackets panel of `view` for document `documentId`. */
export function createBracketsPanel(view: EditorView, account: Account, documentId: string): Panel {
  const element = el('section', 'panel brackets-panel');
  const status = el('p', 'panel-status');
  const filters = el('div', 'bracket-filters');
  const byArticle = filterSelect('article', 'All articles');
  const bySponsor = filterSelect('sponsor', 'All sponsors');
  const byKind = filterSelect('kind', 'All kinds');
  filters.append(byArticle.element, bySponsor.element, byKind.element);
  const list = el('div', 'bracket-list');
  const history = createResolutionHistory(documentId, account);
  element.append(el('h2', 'panel-title', 'Open brackets'), filters, status, list, history.element);
  const chair = mayResolveBrackets(account);
  const base = `/api/documents/${encodeURIComponent(documentId)}`;
  let lastDoc: unknown = null;
  let lastKey: string | null = null;
  let lastCount = -1;
  let brackets: BracketInfo[] = [];
  let comments = new Map<string, number>();
  let origins: ReturnType<typeof proposalOrigins> = Promise.resolve(new Map());

  const run = async (label: string, path: string, body: unknown, done: string) => {
    status.textContent = `Resolving ${label}…`;
    try {
      await post(path, body);
      status.textContent = done;
    } catch (error) {
      status.textContent = resolutionFailure(error);
    }
    await history.refresh();
  };

  const resolve = (bracket: BracketInfo, action: 'keep' | 'drop' | 'choose', optionId?: string) => {
    const option = bracket.options?.find((o) => o.id === optionId);
    const done = action === 'choose' ? `Chosen: ${option?.label ?? 'the option'}.` : action === 'keep' ? 'Kept the text.' : 'Dropped.';
    return run(`[${bracket.text.slice(0, 40)}]`, `${base}/brackets/${encodeURIComponent(bracket.id)}/resolve`, optionId ? { action, optionId } : { action }, done);
  };

  const resolveArticle = (articleId: string, number: string, action: 'keep' | 'drop', count: number) => {
    const question = action === 'keep'
      ? `Keep the text of all ${plural(count, 'open bracket')} in Article ${number} and remove the brackets?`
      : `Drop all ${plural(count, 'open bracket')} in Article ${number} with their text?`;
    if (!confirm(question)) return;
    void run(`Article ${number}`, `${base}/articles/${encodeURIComponent(articleId)}/resolve`, { action },
      `Article ${number}: ${action === 'keep' ? 'kept' : 'dropped'} all.`);
  };

  const action = (label: string, name: string, run: () => void) => {
    const button = el('button', 'small', label);
    button.type = 'button';
    button.dataset.action = name;
    button.addEventListener('click', run);
    return button;
  };

  const entry = (bracket: BracketInfo): HTMLElement => {
    const inlineGroup = bracket.kind === 'alternatives' && Boolean(bracket.group);
    const box = el('article', `bracket-entry bracket-${bracket.kind}${inlineGroup ? ' bracket-inline-alternatives' : ''}`);
    box.dataset.bracket = bracket.id;
    const head = el('div', 'bracket-head');
    head.append(el('span', 'bracket-where', bracket.articleNumber ? `Art. ${bracket.articleNumber}` : '—'),
      el('span', 'bracket-kind', bracketKindLabel(bracket)));
    head.append(sponsorBadges(bracket.sponsors));
    const commentCount = comments.get(bracket.id) ?? 0;
    if (commentCount) head.append(el('span', 'bracket-comments', `💬 ${commentCount}`));
    const text = el('button', 'bracket-text jumpable', bracket.kind === 'alternatives' ? '' : `[${bracket.text}]`);
    text.type = 'button';
    text.addEventListener('click', () => {
      const current = listProposals(view.state.doc).find((b) => b.id === bracket.id);
      if (current) jumpTo(view, current.from);
    });
    const proposed = el('div', 'bracket-proposed');
    const firstOption = bracket.options?.[bracket.options.length - 1]?.id;
    void origins.then((origins) => {
      const origin = origins.get(bracket.id) ?? (firstOption ? origins.get(firstOption) : undefined);
      if (origin) proposed.textContent = originWords(origin);
    }).catch(() => {});
    box.append(head, text, proposed);
    const actions = el('div', 'bracket-actions');
    if (bracket.options) {
      for (const option of bracket.options) {
        const line = el('div', 'bracket-option');
        line.append(el('strong', '', `${option.label}: `), el('span', '', option.text || '(delete the text)'), sponsorBadges(option.sponsors));
        if (chair) line.append(action(`Choose ${option.label.toLowerCase()}`, 'choose', () => void resolve(bracket, 'choose', option.id)));
        box.append(line);
      }
    } else if (chair) {
      actions.append(action('Keep text', 'keep', () => void resolve(bracket, 'keep')), action('Drop', 'drop', () => void resolve(bracket, 'drop')));
    }
    if (actions.childElementCount) box.append(actions);
    return box;
  };

  /** Rebuild the list from `brackets` under the current filters. */
  const render = () => {
    const article = byArticle.element.value;
    const sponsor = bySponsor.element.value;
    const kind = byKind.element.value;
    const shown = brackets.filter((b) => (!article || (b.articleId ?? '') === article)
      && (!sponsor || b.sponsors.includes(sponsor)) && (!kind || bracketKindLabel(b) === kind));
    const groups = new Map<string, BracketInfo[]>();
    for (const bracket of shown) {
      const key = bracket.articleId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), bracket]);
    }
    const nodes: HTMLElement[] = [];
    for (const [articleId, group] of groups) {
      const number = group[0].articleNumber ?? '';
      const header = el('div', 'bracket-group');
      header.dataset.article = articleId;
      const total = brackets.filter((b) => (b.articleId ?? '') === articleId).length;
      header.append(el('span', 'bracket-group-title', articleId ? `Article ${number}: ${plural(total, 'open bracket')}` : `Outside articles: ${total} open`));
      if (chair && articleId) {
        const bulk = el('span', 'bracket-bulk');
        bulk.append(action(`Keep all in Article ${number}`, 'keep-all', () => resolveArticle(articleId, number, 'keep', total)),
          action('Drop all', 'drop-all', () => resolveArticle(articleId, number, 'drop', total)));
        header.append(bulk);
      }
      nodes.push(header, ...group.map(entry));
    }
    list.replaceChildren(...nodes);
    if (brackets.length === 0) list.append(el('p', 'empty', 'No open brackets.'));
    else if (shown.length === 0) list.append(el('p', 'empty', 'No open bracket matches the filters.'));
    if (!status.textContent?.startsWith('Resolv')) {
      status.textContent = `${brackets.length} open${shown.length === brackets.length ? '' : ` · ${shown.length} shown`}${chair ? '' : ' · resolved by the chair'}`;
    }
  };

  for (const select of [byArticle, bySponsor, byKind]) select.element.addEventListener('change', render);

  return {
    element,
    shown(state: EditorState) {
      this.update(state);
      void history.refresh();
    },
    update(state: EditorState) {
      if (state.doc === lastDoc || element.hidden) return;
      lastDoc = state.doc;
      // Inline alternatives ("[spam] [unsolicited messages]") are one entry: the chair chooses an option.
      brackets = listProposals(state.doc);
      comments = commentCounts(state.doc, brackets);
      const key = brackets.map((b) => `${b.id}|${b.text}|${b.sponsors.join(',')}|${b.articleNumber}|${comments.get(b.id) ?? 0}|${b.options?.map((o) => o.text + o.sponsors.join(',')).join('/') ?? ''}`).join('\n');
      if (key === lastKey) return;
      lastKey = key;
      origins = proposalOrigins(documentId, true).catch(() => new Map());
      if (brackets.length < lastCount) void history.refresh();
      lastCount = brackets.length;
      const articles = new Map<string, string>();
      const sponsors = new Set<string>();
      const kinds = new Set<string>();
      for (const b of brackets) {
        if (b.articleId) articles.set(b.articleId, `Article ${b.articleNumber}`);
        b.sponsors.forEach((s) => sponsors.add(s));
        kinds.add(bracketKindLabel(b));
      }
      byArticle.set([...articles]);
      bySponsor.set([...sponsors].sort().map((s) => [s, s]));
      byKind.set([...kinds].sort().map((k) => [k, k]));
      render();
    },
  };
}
