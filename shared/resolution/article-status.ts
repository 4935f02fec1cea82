import type { Node } from 'prosemirror-model';
import type { Transform } from 'prosemirror-transform';
import { ARTICLE_STATUSES, type ArticleStatus } from '../schema/index.ts';
import { findArticle } from './bulk.ts';

/** Whether `value` is an article status ('open', 'first-reading', 'second-reading' or 'agreed'). */
export function isArticleStatus(value: unknown): value is ArticleStatus {
  return typeof value === 'string' && (ARTICLE_STATUSES as readonly string[]).includes(value);
}

/**
 * Set the status of the article `articleId` in `tr` (the chair's decision: `agreed` means agreed
 * ad referendum; `open` reopens it). Returns the status it had. Throws a RangeError naming the
 * article when there is none with that id, or naming the status when it is not one.
 */
export function setArticleStatusInTransform(tr: Transform, articleId: string, status: string): string {
  if (!isArticleStatus(status)) throw new RangeError(`Unknown article status ${JSON.stringify(status)}; use ${ARTICLE_STATUSES.join(', ')}`);
  const article = findArticle(tr.doc, articleId);
  if (!article) throw new RangeError(`No article ${JSON.stringify(articleId)} in this document`);
  const was = String(article.node.attrs.status ?? 'open');
  if (was !== status) tr.setNodeMarkup(article.pos, undefined, { ...article.node.attrs, status });
  return was;
}

/** The status of every article of `doc` by id (articles without an id are left out). */
export function articleStatuses(doc: Node): Map<string, string> {
  const out = new Map<string, string>();
  doc.descendants((node) => {
    if (node.type.name === 'article' && node.attrs.id != null) out.set(String(node.attrs.id), String(node.attrs.status ?? 'open'));
    return !node.isTextblock;
  });
  return out;
}
