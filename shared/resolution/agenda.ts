/**
 * The chair's agenda in session mode: every open decision of the text in document order — an
 * inline bracket, a bracketed block, an alternatives group (block options, or inline brackets
 * sharing a group) — each with its article, words, a few words either side, sponsors and, for
 * alternatives, the options the chair can choose from. What the chair resolves is `id` with the
 * resolve API (`choose` with an option's `id`).
 */
import type { Node } from 'prosemirror-model';
import { articles, listBrackets } from '../model/index.ts';
import { describeResolution } from './describe.ts';

/** One option of an agenda item. */
export interface AgendaOption {
  /** What `choose` takes as `optionId`. */
  id: string;
  text: string;
  sponsors: string[];
}

/** One open decision. */
export interface AgendaItem {
  /** The id to resolve (bracket id, alternatives id or inline group id). */
  id: string;
  shape: 'inline' | 'block' | 'alternatives';
  /** The article it is in (id, number, heading), or null outside articles. */
  article: { id: string; number: string; heading: string } | null;
  text: string;
  context: { before: string; after: string };
  sponsors: string[];
  /** Document range of the item (the whole group for inline alternatives). */
  from: number;
  to: number;
  /** Alternatives only: the options, in order. */
  options: AgendaOption[] | null;
}

/** Every open decision of `doc`, in document order, inline alternatives grouped into one item. */
export function sessionAgenda(doc: Node): AgendaItem[] {
  const list = listBrackets(doc);
  const articleList = articles(doc);
  const seenGroups = new Set<string>();
  const items: AgendaItem[] = [];
  for (const info of list) {
    if (info.kind === 'inline' && info.group) {
      if (seenGroups.has(info.group)) continue;
      const members = list.filter((b) => b.kind === 'inline' && b.group === info.group);
      if (members.length > 1) {
        seenGroups.add(info.group);
        const description = describeResolution(doc, info.group, 'choose', null);
        items.push({
          id: info.group, shape: 'alternatives', article: description.article, text: description.text, context: description.context,
          sponsors: description.sponsors, from: members[0]!.from, to: members[members.length - 1]!.to,
          options: members.map((m) => ({ id: m.id, text: m.text, sponsors: m.sponsors })),
        });
        continue;
      }
    }
    const description = describeResolution(doc, info.id, 'keep', null);
    const article = info.articleId ? articleList.find((a) => a.id === info.articleId) : null;
    items.push({
      id: info.id, shape: info.kind === 'alternatives' ? 'alternatives' : info.kind,
      article: article ? { id: article.id, number: article.number, heading: article.heading } : null,
      text: description.text, context: description.context, sponsors: description.sponsors, from: info.from, to: info.to,
      options: info.options ? info.options.map((o) => ({ id: o.id, text: o.text, sponsors: o.sponsors })) : null,
    });
  }
  return items;
}
