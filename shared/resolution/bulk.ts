import type { Node } from 'prosemirror-model';
import type { Command } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { locateBracket } from './locate.ts';
import { resolveBracketInTransform } from './resolve.ts';

/** Outcome of a bulk resolution: the brackets resolved, and those left because they need a choice. */
export interface BulkResolution {
  resolved: string[];
  skipped: string[];
}

/** Position and node of the article with id `articleId`, or null. */
export function findArticle(doc: Node, articleId: string): { pos: number; node: Node } | null {
  let found: { pos: number; node: Node } | null = null;
  doc.descendants((node, pos) => {
    if (found) return false;
    if (node.type.name === 'article' && node.attrs.id === articleId) found = { pos, node };
    return !node.isTextblock;
  });
  return found;
}

/**
 * Ids of the brackets inside the article (its own block bracket first, then in document order),
 * split into those `keep`/`drop` can settle and those needing a choice (alternatives nodes and
 * inline alternatives groups).
 */
export function bracketsInArticle(article: Node): { plain: string[]; choices: string[] } {
  const plain = new Set<string>();
  const choices = new Set<string>();
  if (article.attrs.bracket) plain.add(article.attrs.bracket);
  article.descendants((node) => {
    if (node.type.name === 'alternatives' && node.attrs.id) choices.add(node.attrs.id);
    if (node.isInline) {
      for (const mark of node.marks) {
        if (mark.type.name !== 'bracket' || !mark.attrs.id) continue;
        if (mark.attrs.group) choices.add(mark.attrs.group);
        else plain.add(mark.attrs.id);
      }
      return false;
    }
    if (node.attrs.bracket) plain.add(node.attrs.bracket);
    return true;
  });
  return { plain: [...plain], choices: [...choices] };
}

/**
 * Keep or drop every bracket of the article `articleId` in `tr` (its own block bracket included;
 * dropping that removes the article). Alternatives need a choice and are left, listed in `skipped`.
 * Throws a RangeError when there is no such article.
 */
export function resolveAllInArticleInTransform(tr: Transform, articleId: string, action: 'keep' | 'drop'): BulkResolution {
  const article = findArticle(tr.doc, articleId);
  if (!article) throw new RangeError(`No article ${JSON.stringify(articleId)} in this document`);
  const { plain, choices } = bracketsInArticle(article.node);
  const resolved: string[] = [];
  for (const id of plain) {
    if (!locateBracket(tr.doc, id)) continue;
    resolveBracketInTransform(tr, id, action);
    resolved.push(id);
  }
  const skipped = choices.filter((id) => locateBracket(tr.doc, id));
  return { resolved, skipped };
}

/** Keep or drop every bracket of an article and return the new document with the outcome. */
export function resolveAllInArticle(doc: Node, articleId: string, action: 'keep' | 'drop'): BulkResolution & { doc: Node } {
  const tr = new Transform(doc);
  const outcome = resolveAllInArticleInTransform(tr, articleId, action);
  return { ...outcome, doc: tr.doc };
}

/** A command keeping or dropping every bracket of an article; enabled when the article has one. */
export function resolveAllInArticleCommand(articleId: string, action: 'keep' | 'drop'): Command {
  return (state, dispatch) => {
    const article = findArticle(state.doc, articleId);
    if (!article || bracketsInArticle(article.node).plain.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      resolveAllInArticleInTransform(tr, articleId, action);
      dispatch(tr.setMeta('plenipo:resolution', { articleId, action }));
    }
    return true;
  };
}
