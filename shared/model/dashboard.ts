/**
 * The negotiation dashboard's figures for one text: per article its status, open brackets (one
 * per decision the chair has to take: an inline bracket, a bracketed block, an alternatives group
 * — inline alternatives counted once), the options offered in its alternatives and its open
 * comment threads; and the totals for the whole text. The server computes them for the live text
 * and for every stored version, so the dashboard can chart how they moved.
 */
import type { Node } from 'prosemirror-model';
import { articles, articleAt } from './articles.ts';
import { listBrackets } from './brackets.ts';
import { listComments } from './comments.ts';

/** Counts of one article or of the whole text. */
export interface NegotiationCounts {
  brackets: number;
  options: number;
  comments: number;
}

/** One article's row of the dashboard. */
export interface ArticleProgress extends NegotiationCounts {
  id: string;
  number: string;
  heading: string;
  status: string;
}

/** The dashboard of one text: its articles and the totals (which also count what lies outside articles). */
export interface TextProgress {
  articles: ArticleProgress[];
  totals: NegotiationCounts & { articles: number; agreed: number };
}

/** The dashboard figures of `doc`. */
export function textProgress(doc: Node): TextProgress {
  const list = articles(doc);
  const rows = new Map<string, ArticleProgress>(list.map((a) => [a.id, {
    id: a.id, number: a.number, heading: a.heading, status: String(a.node.attrs.status ?? 'open'), brackets: 0, options: 0, comments: 0,
  }]));
  const totals = { brackets: 0, options: 0, comments: 0, articles: list.length, agreed: 0 };
  const seenGroups = new Set<string>();
  const brackets = listBrackets(doc);
  const groupSize = new Map<string, number>();
  for (const b of brackets) if (b.kind === 'inline' && b.group) groupSize.set(b.group, (groupSize.get(b.group) ?? 0) + 1);
  for (const b of brackets) {
    let options = 0;
    if (b.kind === 'inline' && b.group) {
      if (seenGroups.has(b.group)) continue;
      seenGroups.add(b.group);
      const members = groupSize.get(b.group) ?? 1;
      options = members > 1 ? members : 0;
    } else if (b.options) options = b.options.length;
    const row = b.articleId ? rows.get(b.articleId) : undefined;
    if (row) { row.brackets += 1; row.options += options; }
    totals.brackets += 1;
    totals.options += options;
  }
  for (const thread of listComments(doc)) {
    if (thread.status === 'resolved') continue;
    const article = thread.pos === null ? null : articleAt(list, thread.pos);
    const row = article ? rows.get(article.id) : undefined;
    if (row) row.comments += 1;
    totals.comments += 1;
  }
  for (const row of rows.values()) if (row.status === 'agreed') totals.agreed += 1;
  return { articles: [...rows.values()], totals };
}
